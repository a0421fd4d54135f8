import { guard, type ModuleRoutes } from '@groundwork/http';
import { z } from 'zod';
import {
  apiTokenIdParamsSchema,
  apiTokenPageSchema,
  apiTokenView,
  createApiTokenBodySchema,
  createdApiTokenSchema,
  listApiTokensQuerySchema,
  validateApiTokenBodySchema,
  validateApiTokenResponseSchema,
} from './api-token-schemas.js';
import type { ApiTokenService } from './api-tokens.js';
import { metaOf, principalOf } from './request-meta.js';

const admins = guard({ roles: ['admin', 'super_admin'] });
const ADMIN = 'Requires role `admin` or `super_admin`; acts in the caller’s product.';

export function apiTokenRoutes(tokens: ApiTokenService): ModuleRoutes {
  return async (app, { ctx }) => {
    const now = () => ctx.clock.now();

    app.post(
      '/tokens',
      {
        ...admins,
        schema: {
          summary: 'Create an API token',
          description: `The response holds the token itself (\`token\`), shown this once: only its hash is kept. ${ADMIN}`,
          body: createApiTokenBodySchema,
          response: { 201: createdApiTokenSchema },
        },
      },
      async (request, reply) => {
        const { token, apiToken } = await tokens.create(principalOf(request), request.body, metaOf(request));
        return reply.status(201).send({ ...apiTokenView(apiToken, now()), token });
      },
    );

    app.get(
      '/tokens',
      {
        ...admins,
        schema: {
          summary: 'List API tokens',
          description: `Newest first, revoked and expired ones included; never the secrets. ${ADMIN}`,
          querystring: listApiTokensQuerySchema,
          response: { 200: apiTokenPageSchema },
        },
      },
      async (request) => {
        const { limit, cursor } = request.query;
        const page = await tokens.list(principalOf(request).productId, { limit, cursor });
        const at = now();
        return {
          items: page.items.map((token) => apiTokenView(token, at)),
          ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
        };
      },
    );

    app.delete(
      '/tokens/:id',
      {
        ...admins,
        schema: {
          summary: 'Revoke an API token',
          description: `It stops working at once; revoking it again changes nothing. ${ADMIN}`,
          params: apiTokenIdParamsSchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await tokens.revoke(principalOf(request), request.params.id, metaOf(request));
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/tokens/validate',
      {
        ...admins,
        schema: {
          summary: 'Check an API token',
          description: `For services that check tokens out of band: whether the token is valid in your product, and its scopes. Counts as a use of the token. ${ADMIN}`,
          body: validateApiTokenBodySchema,
          response: { 200: validateApiTokenResponseSchema },
        },
      },
      async (request) => {
        const token = await tokens.validate(principalOf(request).productId, request.body.token);
        return token ? { valid: true, token: apiTokenView(token, now()) } : { valid: false };
      },
    );
  };
}
