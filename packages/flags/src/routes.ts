/**
 * The flags API, mounted under `/v1`. HTTP only: parse, authorize, call the service, shape the
 * reply. Admin routes need role `admin` and act on the caller's product; `POST /flags/evaluate`
 * needs any authenticated principal and evaluates the caller's product for the caller.
 */
import { UnauthorizedError } from '@groundwork/errors';
import { actorFromPrincipal } from '@groundwork/events';
import { guard, type ModuleRoutes, type Principal } from '@groundwork/http';
import { z } from 'zod';
import { evaluationContextOf } from './evaluation-context.js';
import {
  createFlagBodySchema,
  evaluateBodySchema,
  evaluateResponseSchema,
  flagPageSchema,
  flagParamsSchema,
  flagSchema,
  ifMatchHeadersSchema,
  listFlagsQuerySchema,
  updateFlagBodySchema,
} from './schemas.js';
import type { FlagChange, FlagsService } from './service.js';

/** The parts of a request these routes read. */
interface FlagsRequest {
  principal?: Principal;
  ip: string;
  id: string;
  headers: Record<string, string | string[] | undefined>;
}

const adminOnly = guard({ roles: ['admin'] });
const ADMIN = 'Requires role `admin`; acts on the caller’s product only. Audited.';

function principalOf(request: FlagsRequest): Principal {
  if (!request.principal) throw new UnauthorizedError();
  return request.principal;
}

function changeOf(request: FlagsRequest): FlagChange {
  const userAgent = request.headers['user-agent'];
  return {
    actor: actorFromPrincipal(principalOf(request)),
    ip: request.ip,
    ...(typeof userAgent === 'string' && userAgent.length > 0 ? { userAgent: userAgent.slice(0, 512) } : {}),
    requestId: request.id,
  };
}

const httpEtag = (etag: string) => `"${etag}"`;

export function flagsRoutes(service: FlagsService): ModuleRoutes {
  return async (app) => {
    app.get(
      '/flags',
      {
        ...adminOnly,
        schema: {
          summary: 'List flags',
          description: `The product’s flags by key, paged. Requires role \`admin\`; reads the caller’s product only.`,
          querystring: listFlagsQuerySchema,
          response: { 200: flagPageSchema },
        },
      },
      async (request) => service.list(principalOf(request).productId, request.query),
    );

    app.post(
      '/flags',
      {
        ...adminOnly,
        schema: {
          summary: 'Create a flag',
          description: `422 \`flag_prerequisite_cycle\` / \`flag_prerequisite_unknown\` for bad prerequisites, 409 \`flag_exists\` for a taken key. ${ADMIN}`,
          body: createFlagBodySchema,
          response: { 201: flagSchema },
        },
      },
      async (request, reply) => {
        const { flag, etag } = await service.create(
          principalOf(request).productId,
          request.body,
          changeOf(request),
        );
        return reply
          .status(201)
          .header('location', `/v1/flags/${flag.key}`)
          .header('etag', httpEtag(etag))
          .send(flag);
      },
    );

    app.get(
      '/flags/:key',
      {
        ...adminOnly,
        schema: {
          summary: 'Read a flag',
          description:
            'With its `etag` header (send it back as `If-Match` when editing). Requires role `admin`.',
          params: flagParamsSchema,
          response: { 200: flagSchema },
        },
      },
      async (request, reply) => {
        const { flag, etag } = await service.get(principalOf(request).productId, request.params.key);
        return reply.header('etag', httpEtag(etag)).send(flag);
      },
    );

    app.patch(
      '/flags/:key',
      {
        ...adminOnly,
        schema: {
          summary: 'Change a flag',
          description: `Changes the given fields (e.g. \`{ "enabled": false }\` to turn it off). With \`If-Match\`, 412 \`flag_changed\` if someone changed it since. ${ADMIN}`,
          params: flagParamsSchema,
          headers: ifMatchHeadersSchema,
          body: updateFlagBodySchema,
          response: { 200: flagSchema },
        },
      },
      async (request, reply) => {
        const { flag, etag } = await service.update(
          principalOf(request).productId,
          request.params.key,
          request.body,
          changeOf(request),
          { ifMatch: request.headers['if-match'] },
        );
        return reply.header('etag', httpEtag(etag)).send(flag);
      },
    );

    app.delete(
      '/flags/:key',
      {
        ...adminOnly,
        schema: {
          summary: 'Delete a flag',
          description: `422 \`flag_has_dependents\` while other flags list it as a prerequisite. ${ADMIN}`,
          params: flagParamsSchema,
          headers: ifMatchHeadersSchema,
          response: { 204: z.null().describe('Deleted.') },
        },
      },
      async (request, reply) => {
        await service.remove(principalOf(request).productId, request.params.key, changeOf(request), {
          ifMatch: request.headers['if-match'],
        });
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/flags/evaluate',
      {
        ...guard({}),
        schema: {
          summary: 'Evaluate flags for a context',
          description:
            'Every flag of the caller’s product (or `keys`), with OpenFeature reasons. For a user token, `userId` and `roles` are the caller’s own; services and API tokens may name them. Any authenticated principal.',
          body: evaluateBodySchema,
          response: { 200: evaluateResponseSchema },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        const context = evaluationContextOf(principal, request.body.context);
        const results = await service.evaluateAll(principal.productId, context, request.body.keys);
        const flags: Record<string, z.infer<typeof evaluateResponseSchema>['flags'][string]> = {};
        for (const [key, result] of Object.entries(results)) {
          flags[key] = {
            ...(result.value === undefined ? {} : { value: result.value }),
            ...(result.variant === undefined ? {} : { variant: result.variant }),
            reason: result.reason,
            ...(result.errorCode === undefined ? {} : { errorCode: result.errorCode }),
            ...(result.prerequisite === undefined ? {} : { prerequisite: result.prerequisite }),
          };
        }
        return reply.header('cache-control', 'private, no-store').send({ flags });
      },
    );
  };
}
