/**
 * The kit's `Authenticator` for every route: a `Bearer` access token (JWT, verified against the
 * key ring; its session must still be active) becomes one `principal` for the routes. With the
 * `apiTokens` option, a `Bearer gw_…` API token is checked by that service instead (checksum
 * first, then a point read by hash; see `api-tokens.ts`) and becomes an `api_token` principal
 * with the token's scopes and no roles; without it, API tokens are refused. Session
 * revocation is checked on every request through the sessions service's cache, so a revoked
 * session stops working at once on the instance that revoked it and within the cache bound
 * (`SESSION_CACHE_TTL_MS`) everywhere else.
 */
import { UnauthorizedError } from '@groundwork/errors';
import type { Authenticator, Principal } from '@groundwork/http';
import type { AccessTokens } from './access-tokens.js';

export interface SessionCheck {
  isActive(userId: string, sessionId: string): Promise<boolean>;
  /** Records activity (throttled by the sessions service); the session's end slides with it. */
  touch?(userId: string, sessionId: string, options?: { ip?: string }): Promise<unknown>;
}

/** What the authenticator needs of the API token service (`ApiTokenService` satisfies it). */
export interface ApiTokenCheck {
  /** The token's principal; `token_invalid` (401) when it is malformed, unknown, revoked or expired. */
  authenticate(token: string): Promise<Principal>;
}

/** API tokens start with this (`gw_live_…`, `gw_test_…`); access tokens (JWTs) never do. */
const API_TOKEN_START = 'gw_';

const BEARER = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/;

export function createAuthenticator(options: {
  accessTokens: () => AccessTokens;
  sessions: () => SessionCheck;
  /** Accepts API tokens (`Bearer gw_…`); without it they are refused. */
  apiTokens?: (() => ApiTokenCheck) | undefined;
}): Authenticator {
  return async (request) => {
    const header = request.headers.authorization;
    if (typeof header !== 'string') return null;
    const token = BEARER.exec(header)?.[1];
    if (!token) return null;
    if (token.startsWith(API_TOKEN_START)) {
      if (!options.apiTokens)
        throw new UnauthorizedError('API tokens are not accepted here.', 'token_invalid');
      return options.apiTokens().authenticate(token);
    }
    const claims = await options.accessTokens().verify(token);
    const sessions = options.sessions();
    if (!(await sessions.isActive(claims.sub, claims.sid))) {
      throw new UnauthorizedError('The session has ended; sign in again.', 'session_ended');
    }
    // Never holds up or fails the request: activity is best effort.
    sessions.touch?.(claims.sub, claims.sid, { ip: request.ip })?.catch((error: unknown) => {
      request.log.warn({ err: error }, 'could not record session activity');
    });
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
