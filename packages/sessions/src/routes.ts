/**
 * The sessions API, mounted under `/v1` by the sessions module. HTTP only: parse, authorize, call
 * `SessionService`, shape the reply. A user sees and ends their own sessions; an admin (role
 * `admin` or `super_admin`) those of any user. The product is always the principal's, so a
 * session of another product is never listed or ended (404, or an empty result).
 */
import { NotFoundError, UnauthorizedError } from '@groundwork/errors';
import { guard, type ModuleRoutes, type Principal } from '@groundwork/http';
import { z } from 'zod';
import {
  revokeAllQuerySchema,
  revokedCountSchema,
  sessionIdParamsSchema,
  sessionListSchema,
  sessionView,
  userIdParamsSchema,
} from './admin-schemas.js';
import type { SessionService } from './session-service.js';

/** The reasons the API records on the sessions it ends. */
export const REVOKE_REASONS = {
  /** `DELETE /v1/sessions/:id`. */
  revokedByUser: 'revoked_by_user',
  /** `DELETE /v1/sessions?scope=all`. */
  signedOutEverywhere: 'signed_out_everywhere',
  /** `DELETE /v1/sessions?scope=others`. */
  signedOutOthers: 'signed_out_others',
  /** `DELETE /v1/sessions/user/:userId`. */
  adminForcedLogout: 'admin_forced_logout',
} as const;

const signedIn = guard({});
const adminOnly = guard({ roles: ['admin', 'super_admin'] });
const OWN = 'The caller’s own sessions in the caller’s product.';
const ADMIN = 'Requires role `admin` or `super_admin`; acts in the caller’s product only.';

function principalOf(request: { principal?: Principal | undefined }): Principal {
  // The guard rejects unauthenticated requests before a handler runs; this only keeps types honest.
  if (!request.principal) throw new UnauthorizedError();
  return request.principal;
}

/**
 * Decides whether an admin may see or end another user's sessions (e.g. only a super admin for an
 * admin's); throws an `AppError` (403) to refuse. Without one, the admin role suffices.
 */
export type AuthorizeSessionAdmin = (actor: Principal, userId: string) => Promise<void>;

export function sessionsRoutes(
  sessions: SessionService,
  authorizeAdmin?: AuthorizeSessionAdmin,
): ModuleRoutes {
  return async (app) => {
    app.get(
      '/sessions',
      {
        ...signedIn,
        schema: {
          summary: 'List my sessions',
          description: `Active sessions (devices), newest first; \`current\` marks the one of this request. ${OWN}`,
          response: { 200: sessionListSchema },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        const items = await sessions.list(principal.subject, principal.productId);
        return { items: items.map((session) => sessionView(session, principal.sessionId)) };
      },
    );

    app.delete(
      '/sessions/:id',
      {
        ...signedIn,
        schema: {
          summary: 'End one of my sessions',
          description: `Signs that device out (ending an ended session again is fine); 404 for a session that is not the caller’s. ${OWN}`,
          params: sessionIdParamsSchema,
          response: { 204: z.null().describe('Ended.') },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        const ended = await sessions.revoke(
          principal.subject,
          request.params.id,
          REVOKE_REASONS.revokedByUser,
          {
            productId: principal.productId,
          },
        );
        if (!ended) throw new NotFoundError('There is no such session.', 'session_not_found');
        return reply.status(204).send(null);
      },
    );

    app.delete(
      '/sessions',
      {
        ...signedIn,
        schema: {
          summary: 'Sign out everywhere',
          description: `Ends every active session (\`scope=all\`), or every one but this request’s (\`scope=others\`). ${OWN}`,
          querystring: revokeAllQuerySchema,
          response: { 200: revokedCountSchema },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        const others = request.query.scope === 'others';
        const revoked = await sessions.revokeAll(principal.subject, {
          productId: principal.productId,
          exceptSessionId: others ? principal.sessionId : undefined,
          reason: others ? REVOKE_REASONS.signedOutOthers : REVOKE_REASONS.signedOutEverywhere,
        });
        return { revoked };
      },
    );

    app.get(
      '/sessions/user/:userId',
      {
        ...adminOnly,
        schema: {
          summary: 'List a user’s sessions',
          description: `The user’s active sessions, newest first (none for a user of another product). ${ADMIN}`,
          params: userIdParamsSchema,
          response: { 200: sessionListSchema },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        await authorizeAdmin?.(principal, request.params.userId);
        const items = await sessions.list(request.params.userId, principal.productId);
        return { items: items.map((session) => sessionView(session, principal.sessionId)) };
      },
    );

    app.delete(
      '/sessions/user/:userId',
      {
        ...adminOnly,
        schema: {
          summary: 'Sign a user out everywhere',
          description: `Ends every active session of the user (force logout); revokes nothing of another product. ${ADMIN}`,
          params: userIdParamsSchema,
          response: { 200: revokedCountSchema },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        await authorizeAdmin?.(principal, request.params.userId);
        const revoked = await sessions.revokeAll(request.params.userId, {
          productId: principal.productId,
          reason: REVOKE_REASONS.adminForcedLogout,
        });
        return { revoked };
      },
    );
  };
}
