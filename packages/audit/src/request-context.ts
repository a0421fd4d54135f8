/**
 * The audit fields an HTTP request provides (product, actor, ip, user agent, request id), so a
 * module's route records an admin action in one line:
 * `await audit.record({ ...auditRequestContext(request), action: 'user.suspended', target })`.
 */
import { UnauthorizedError } from '@groundwork/errors';
import { type Actor, actorFromPrincipal } from '@groundwork/events';
import type { Principal } from '@groundwork/http';

/** The parts of a Fastify request this reads. */
export interface AuditableRequest {
  principal?: Principal;
  ip: string;
  id: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface AuditRequestContext {
  productId: string;
  actor: Actor;
  ip: string;
  userAgent?: string;
  requestId: string;
}

/** For an authenticated request (else `UnauthorizedError`): the product and actor come from its principal. */
export function auditRequestContext(request: AuditableRequest): AuditRequestContext {
  const { principal } = request;
  if (!principal) throw new UnauthorizedError();
  const userAgent = request.headers['user-agent'];
  return {
    productId: principal.productId,
    actor: actorFromPrincipal(principal),
    ip: request.ip,
    ...(typeof userAgent === 'string' && userAgent.length > 0 ? { userAgent } : {}),
    requestId: request.id,
  };
}
