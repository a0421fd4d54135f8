/**
 * The kit's `Authenticator` for every route: a `Bearer` access token (JWT, verified against the
 * key ring; its session must still be active) becomes one `principal` for the routes. Session
 * revocation is checked on every request through the sessions service's cache, so a revoked
 * session stops working at once on the instance that revoked it and within the cache bound
 * (`SESSION_CACHE_TTL_MS`) everywhere else.
 */
import { UnauthorizedError } from '@groundwork/errors';
import type { Authenticator, Principal } from '@groundwork/http';
import type { AccessTokens } from './access-tokens.js';

export interface SessionCheck {
  isActive(userId: string, sessionId: string): Promise<boolean>;
}

const BEARER = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/;

export function createAuthenticator(options: {
  accessTokens: () => AccessTokens;
  sessions: () => SessionCheck;
}): Authenticator {
  return async (request) => {
    const header = request.headers.authorization;
    if (typeof header !== 'string') return null;
    const token = BEARER.exec(header)?.[1];
    if (!token) return null;
    const claims = await options.accessTokens().verify(token);
    if (!(await options.sessions().isActive(claims.sub, claims.sid))) {
      throw new UnauthorizedError('The session has ended; sign in again.', 'session_ended');
    }
    const principal: Principal = {
      subject: claims.sub,
      productId: claims.pid,
      roles: claims.roles,
      scopes: claims.scp ?? [],
      kind: 'user',
      sessionId: claims.sid,
      ...(claims.act ? { impersonatedBy: claims.act.sub } : {}),
      ...(claims.ro ? { readOnly: true } : {}),
    };
    return principal;
  };
}
