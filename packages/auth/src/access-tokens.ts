/**
 * Access tokens (ARCHITECTURE §7): short-lived JWTs (`typ: at+jwt`, RFC 9068) signed with the key
 * ring's active ES256 key. Verification allows ES256 only, looks the key up by `kid`, checks
 * issuer, audience and expiry against the injected clock (5 s tolerance), and parses the claims.
 * Every failure is a 401 with a stable code (`token_expired` or `token_invalid`) and the
 * `WWW-Authenticate` header RFC 6750 asks for.
 */
import { UnauthorizedError } from '@groundwork/errors';
import { newId } from '@groundwork/http';
import { type Clock, systemClock } from '@groundwork/store';
import { errors, type JWTVerifyGetKey, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { SIGNING_ALGORITHM, type SigningKeyRing } from './signing-keys.js';

export const ACCESS_TOKEN_TYPE = 'at+jwt';
export const DEFAULT_ACCESS_TOKEN_TTL_SECONDS = 900;
export const ACCESS_TOKEN_CLOCK_TOLERANCE_SECONDS = 5;
const MAX_TTL_SECONDS = 24 * 60 * 60;
/** Verified tokens remembered per instance (see `verify`). */
const VERIFIED_CACHE_SIZE = 10_000;
const VERIFIED_CACHE_MS = 60_000;

/** What the caller decides; the registered claims (`iss`, `aud`, `iat`, `exp`, `jti`) are added when signing. */
export const accessTokenInputSchema = z
  .object({
    /** The user id. */
    sub: z.string().min(1),
    /** The product id. */
    pid: z.string().min(1),
    /** The session id. */
    sid: z.string().min(1),
    roles: z.array(z.string()),
    /** Scopes, when the token is narrower than the roles allow. */
    scp: z.array(z.string()).optional(),
    /** Impersonation (RFC 8693 actor claim): the admin acting as `sub`. */
    act: z.object({ sub: z.string().min(1) }).optional(),
    /** Impersonation is read-only. */
    ro: z.boolean().optional(),
  })
  .strict();
export type AccessTokenInput = z.infer<typeof accessTokenInputSchema>;

export const accessTokenClaimsSchema = accessTokenInputSchema.strip().extend({
  iss: z.string(),
  aud: z.union([z.string(), z.array(z.string())]),
  iat: z.number(),
  exp: z.number(),
  jti: z.string().min(1),
});
/** The claims of a verified access token. */
export type AccessTokenClaims = z.infer<typeof accessTokenClaimsSchema>;

export interface AccessTokensOptions {
  keys: SigningKeyRing;
  /** `iss`, e.g. the public base URL of the auth service. */
  issuer: string;
  /** `aud`, e.g. the API's base URL. */
  audience: string;
  /** Lifetime in seconds (default 900). */
  ttlSeconds?: number;
  clock?: Clock;
}

export interface AccessTokens {
  readonly ttlSeconds: number;
  /** A signed access token (compact JWT). */
  sign(input: AccessTokenInput): Promise<string>;
  /** The claims of a valid token; otherwise `UnauthorizedError` (`token_expired` or `token_invalid`). */
  verify(token: string): Promise<AccessTokenClaims>;
}

const CHALLENGE = { 'www-authenticate': 'Bearer error="invalid_token"' };

function expiredError(): UnauthorizedError {
  return new UnauthorizedError('The access token has expired.', 'token_expired', { headers: CHALLENGE });
}

function invalidError(): UnauthorizedError {
  return new UnauthorizedError('The access token is invalid.', 'token_invalid', { headers: CHALLENGE });
}

export function createAccessTokens(options: AccessTokensOptions): AccessTokens {
  const { keys, issuer, audience } = options;
  const clock = options.clock ?? systemClock;
  const ttlSeconds = options.ttlSeconds ?? DEFAULT_ACCESS_TOKEN_TTL_SECONDS;
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > MAX_TTL_SECONDS)
    throw new RangeError(`ttlSeconds must be an integer from 1 to ${MAX_TTL_SECONDS}.`);

  // Verified tokens, by their exact text, for up to a minute (never past their expiry): a client
  // sends the same token for its whole life, and the signature check is most of what
  // authenticating a request costs. Re-checked every minute, so a key leaving the ring stops its
  // tokens within a minute. Bounded; the oldest entries go first. Revocation is the session
  // check's job, not this one's.
  const verified = new Map<string, { claims: AccessTokenClaims; until: number }>();
  function remember(token: string, claims: AccessTokenClaims): void {
    if (verified.size >= VERIFIED_CACHE_SIZE) {
      const oldest = verified.keys().next();
      if (!oldest.done) verified.delete(oldest.value);
    }
    verified.set(token, { claims, until: Math.min(claims.exp * 1000, clock.now() + VERIFIED_CACHE_MS) });
  }

  return {
    ttlSeconds,
    async sign(input) {
      const { sub, ...claims } = accessTokenInputSchema.parse(input);
      const nowMs = clock.now();
      const now = Math.floor(nowMs / 1000);
      const { kid, privateKey } = await keys.activeKey();
      return new SignJWT(claims)
        .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid, typ: ACCESS_TOKEN_TYPE })
        .setSubject(sub)
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt(now)
        .setExpirationTime(now + ttlSeconds)
        .setJti(newId('at', nowMs))
        .sign(privateKey);
    },
    async verify(token) {
      const cached = verified.get(token);
      if (cached) {
        if (clock.now() < cached.until) return cached.claims;
        verified.delete(token);
      }
      // A failing key lookup (the store is down) is not the caller's fault: it is rethrown as is.
      const lookup: { failure?: { error: unknown } } = {};
      const getKey: JWTVerifyGetKey = async (header) => {
        if (typeof header.kid !== 'string') throw invalidError();
        let key: Awaited<ReturnType<SigningKeyRing['keyFor']>>;
        try {
          key = await keys.keyFor(header.kid);
        } catch (error) {
          lookup.failure = { error };
          throw error;
        }
        if (!key) throw invalidError();
        return key;
      };
      let payload: unknown;
      try {
        ({ payload } = await jwtVerify(token, getKey, {
          algorithms: [SIGNING_ALGORITHM],
          typ: ACCESS_TOKEN_TYPE,
          issuer,
          audience,
          clockTolerance: ACCESS_TOKEN_CLOCK_TOLERANCE_SECONDS,
          currentDate: new Date(clock.now()),
        }));
      } catch (error) {
        if (lookup.failure) throw lookup.failure.error;
        if (error instanceof errors.JWTExpired) throw expiredError();
        throw invalidError();
      }
      const claims = accessTokenClaimsSchema.safeParse(payload);
      if (!claims.success) throw invalidError();
      remember(token, claims.data);
      return claims.data;
    },
  };
}
