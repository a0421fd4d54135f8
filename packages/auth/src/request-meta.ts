/** What the auth routes take from a request: where it came from, and who is calling. */
import { UnauthorizedError } from '@groundwork/errors';
import type { Principal } from '@groundwork/http';
import type { RequestMeta } from './auth-service.js';

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
