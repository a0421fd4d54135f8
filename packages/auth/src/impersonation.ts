/**
 * Impersonation (roadmap §2.15): an admin acts as a user of the same product to see what they see.
 * - Only admins start one, only super admins impersonate an admin, nobody impersonates themselves,
 *   and an impersonation cannot start another. A reason is required and audited.
 * - The result is an access token for the user with `act: { sub: admin }` (RFC 8693) and, unless a
 *   super admin explicitly allows writes, `ro: true`; it lives 15 minutes, in its own session, and
 *   comes with no refresh token, so it cannot be renewed. It works for any bearer client.
 * - Read-only is enforced for every route by the auth extension's hook (any method but GET, HEAD
 *   and OPTIONS → 403, except stopping), and every request made with it is audited with the actor
 *   chain (`actor: { type: 'user', id: user, impersonatedBy: admin }`).
 */
import { BadRequestError, ForbiddenError } from '@groundwork/errors';
import type { Principal } from '@groundwork/http';
import type { AccessTokens } from './access-tokens.js';
import type { AuditRecord, AuditSink, SessionsPort } from './auth-ports.js';
import { recordAudit } from './auth-ports.js';
import { actorOfPrincipal, type RequestMeta } from './request-meta.js';
import { rolesOf, toUser, type User, type UserRepository } from './users.js';

export const IMPERSONATION_TTL_SECONDS = 15 * 60;

export interface ImpersonationGrant {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  sessionId: string;
  readOnly: boolean;
  user: User;
}

export interface Impersonation {
  start(
    actor: Principal,
    input: { targetUserId: string; reason: string; allowWrites?: boolean | undefined },
    meta: RequestMeta,
  ): Promise<ImpersonationGrant>;
  /** Ends the impersonation session the principal holds. */
  stop(principal: Principal, meta: RequestMeta): Promise<void>;
}

export function createImpersonation(options: {
  users: UserRepository;
  sessions: SessionsPort;
  /** Tokens of `IMPERSONATION_TTL_SECONDS`. */
  accessTokens: AccessTokens;
  audit?: AuditSink | undefined;
}): Impersonation {
  const { users, sessions, accessTokens } = options;
  const record = (entry: AuditRecord, meta: RequestMeta) => recordAudit(options.audit, entry, meta);

  return {
    async start(actor, input, meta) {
      if (actor.impersonatedBy) {
        throw new ForbiddenError('Stop this impersonation before starting another.', 'already_impersonating');
      }
      if (input.targetUserId === actor.subject) {
        throw new BadRequestError('You cannot impersonate yourself.', 'impersonate_self');
      }
      const isSuper = actor.roles.includes('super_admin');
      const target = await users.mustGet(actor.productId, input.targetUserId);
      if (target.role !== 'user' && !isSuper) {
        throw new ForbiddenError('Only a super admin can impersonate an admin.', 'super_admin_required');
      }
      if (input.allowWrites && !isSuper) {
        throw new ForbiddenError(
          'Only a super admin can allow writes while impersonating.',
          'super_admin_required',
        );
      }
      if (target.status !== 'active')
        throw new ForbiddenError('This account is disabled.', 'account_disabled');
      const readOnly = !input.allowWrites;
      const { session } = await sessions.create({
        userId: target.id,
        productId: target.productId,
        platform: 'web',
        ip: meta.ip,
        userAgent: meta.userAgent,
        impersonatedBy: actor.subject,
      });
      const accessToken = await accessTokens.sign({
        sub: target.id,
        pid: target.productId,
        sid: session.id,
        roles: rolesOf(target.role),
        act: { sub: actor.subject },
        ro: readOnly,
      });
      await record(
        {
          productId: target.productId,
          actor: actorOfPrincipal(actor),
          action: 'auth.impersonation_started',
          target: { type: 'user', id: target.id },
          summary: { after: { reason: input.reason, readOnly, sessionId: session.id } },
        },
        meta,
      );
      return {
        accessToken,
        tokenType: 'Bearer',
        expiresIn: accessTokens.ttlSeconds,
        sessionId: session.id,
        readOnly,
        user: toUser(target),
      };
    },

    async stop(principal, meta) {
      if (!principal.impersonatedBy || !principal.sessionId) {
        throw new BadRequestError('This token is not an impersonation.', 'not_impersonating');
      }
      await sessions.revoke(principal.subject, principal.sessionId, 'impersonation_stopped');
      await record(
        {
          productId: principal.productId,
          actor: actorOfPrincipal(principal),
          action: 'auth.impersonation_stopped',
          target: { type: 'user', id: principal.subject },
        },
        meta,
      );
    },
  };
}
