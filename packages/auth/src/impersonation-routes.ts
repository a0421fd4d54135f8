/**
 * Impersonation over HTTP (under `/v1`), and the hooks that make an impersonation token read-only
 * and audit every request made with it (installed on the whole app by the auth extension).
 */
import { ForbiddenError } from '@groundwork/errors';
import { guard, type ModuleRoutes, type ServiceFastifyInstance } from '@groundwork/http';
import { z } from 'zod';
import type { AuditSink } from './auth-ports.js';
import { userViewSchema } from './auth-schemas.js';
import type { Impersonation } from './impersonation.js';
import { actorOfPrincipal, metaOf, principalOf } from './request-meta.js';
import { userView } from './routes.js';

const STOP_PATH = '/v1/auth/impersonate/stop';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const startBodySchema = z
  .object({
    targetUserId: z.string().regex(/^usr_[0-9a-hjkmnp-tv-z]{26}$/),
    reason: z.string().trim().min(3).max(500).describe('Why: recorded in the audit log.'),
    allowWrites: z.boolean().optional().describe('Super admins only: let the impersonation write.'),
  })
  .strict();

const grantSchema = z.object({
  accessToken: z.string(),
  tokenType: z.literal('Bearer'),
  expiresIn: z.number().int(),
  sessionId: z.string(),
  readOnly: z.boolean(),
  user: userViewSchema,
});

export function impersonationRoutes(impersonation: Impersonation): ModuleRoutes {
  return async (app) => {
    app.post(
      '/auth/impersonate',
      {
        ...guard({ roles: ['admin', 'super_admin'] }),
        schema: {
          summary: 'Act as a user of your product',
          description:
            'A 15-minute, non-renewable token for the user, read-only unless a super admin allows writes. Every request made with it is audited.',
          body: startBodySchema,
          response: { 201: grantSchema },
        },
      },
      async (request, reply) => {
        const grant = await impersonation.start(principalOf(request), request.body, metaOf(request));
        return reply.status(201).send({ ...grant, user: userView(grant.user) });
      },
    );

    app.post(
      '/auth/impersonate/stop',
      {
        ...guard({}),
        schema: { summary: 'End the impersonation this token belongs to', response: { 204: z.null() } },
      },
      async (request, reply) => {
        await impersonation.stop(principalOf(request), metaOf(request));
        return reply.status(204).send(null);
      },
    );
  };
}

/** Read-only impersonations may not write; every impersonated request is audited. */
export function installImpersonationHooks(app: ServiceFastifyInstance, audit: AuditSink | undefined): void {
  app.addHook('preHandler', async (request) => {
    const principal = request.principal;
    if (!principal?.readOnly) return;
    if (SAFE_METHODS.has(request.method) || request.routeOptions.url === STOP_PATH) return;
    throw new ForbiddenError('This impersonation is read-only.', 'impersonation_read_only');
  });
  app.addHook('onResponse', async (request, reply) => {
    const principal = request.principal;
    if (!principal?.impersonatedBy || !audit) return;
    await audit({
      productId: principal.productId,
      actor: actorOfPrincipal(principal),
      action: 'auth.impersonated_request',
      target: { type: 'user', id: principal.subject },
      summary: {
        after: {
          method: request.method,
          route: request.routeOptions.url ?? request.url,
          status: reply.statusCode,
        },
      },
      ...metaOf(request),
    }).catch((error: unknown) =>
      request.log.error({ err: error }, 'could not audit an impersonated request'),
    );
  });
}
