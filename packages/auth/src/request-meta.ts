/** What the auth services take from a request: where it came from, and who is calling. */
import { UnauthorizedError } from '@groundwork/errors';
import type { Actor } from '@groundwork/events';
import type { Principal } from '@groundwork/http';

/** Where a request came from: recorded on the session and in the audit log. */
export interface RequestMeta {
  ip?: string | undefined;
  userAgent?: string | undefined;
  requestId?: string | undefined;
  platform?: string | undefined;
  deviceId?: string | undefined;
  deviceName?: string | undefined;
}

export interface TokenPair {
  accessToken: string;
  tokenType: 'Bearer';
  /** Seconds until the access token expires. */
  expiresIn: number;
  refreshToken: string;
  sessionId: string;
}

const PRIVILEGED_ROLES = ['admin', 'super_admin'];

/** The actor of an audited action or event: who the principal is, and who impersonates them. */
export function actorOfPrincipal(principal: Principal): Actor {
  const type = principal.roles.some((role) => PRIVILEGED_ROLES.includes(role)) ? 'admin' : 'user';
  return {
    type: principal.kind === 'api_token' ? 'api_token' : type,
    id: principal.subject,
    ...(principal.impersonatedBy ? { impersonatedBy: principal.impersonatedBy } : {}),
  };
}
/** The parts of a request the services record (a Fastify request has them). */
export interface RequestLike {
  ip: string;
  id: unknown;
  headers: { 'user-agent'?: string | undefined };
}

/** Where a request came from, with the device the client names (sign-in routes). */
export function metaOf(
  request: RequestLike,
  device?: { platform?: string; id?: string; name?: string },
): RequestMeta {
  const userAgent = request.headers['user-agent'];
  return {
    ip: request.ip,
    requestId: String(request.id),
    ...(typeof userAgent === 'string' ? { userAgent: userAgent.slice(0, 512) } : {}),
    ...(device?.platform ? { platform: device.platform } : {}),
    ...(device?.id ? { deviceId: device.id } : {}),
    ...(device?.name ? { deviceName: device.name } : {}),
  };
}

/** The caller of a guarded route. The guard rejects unauthenticated requests first; this keeps types honest. */
export function principalOf(request: { principal?: Principal | undefined }): Principal {
  if (!request.principal) throw new UnauthorizedError();
  return request.principal;
}
