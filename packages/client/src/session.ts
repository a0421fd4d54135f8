/**
 * Where the client gets its access token and how it renews it. The token lives in memory only;
 * the client asks for a renewal when a request answers 401 or the token is about to expire, and
 * several requests failing at once share one renewal (single flight).
 */

/** The access token a session holds, with when it expires (epoch ms; `undefined`: unknown). */
export interface AccessGrant {
  accessToken: string;
  expiresAt?: number | undefined;
}

/** What the client needs of a session. */
export interface SessionStrategy {
  /** The current access token (from memory), or `null` when signed out. */
  current(): AccessGrant | null;
  /**
   * Obtains a new access token, or `null` when the session is over (sign in again). Called by the
   * client one at a time; `fetch` is the client's own, unauthenticated fetch.
   */
  renew(fetch: typeof globalThis.fetch): Promise<AccessGrant | null>;
  /** Forgets the tokens (the session ended). */
  clear(): void;
}

/** Answer of the platform's token endpoints. */
export interface TokenPair {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  refreshToken?: string;
  sessionId: string;
}

export function grantOf(tokens: { accessToken: string; expiresIn: number }, now = Date.now()): AccessGrant {
  return { accessToken: tokens.accessToken, expiresAt: now + tokens.expiresIn * 1000 };
}

export interface TokenSessionOptions {
  /** Base URL of the platform, e.g. `https://api.example.com`. */
  baseUrl: string;
  accessToken?: string | undefined;
  /** Seconds until `accessToken` expires, if known. */
  expiresIn?: number | undefined;
  /** Without one, the session cannot renew and ends when the access token does. */
  refreshToken?: string | undefined;
  /** Called with every new pair (to persist the refresh token server-side), and with `null` when the session ends. */
  onTokens?: (tokens: TokenPair | null) => void;
}

/**
 * A session for servers, scripts and native apps: it holds an access token and a refresh token and
 * renews through `POST /v1/auth/refresh` (refresh tokens are single use: each renewal stores the
 * new one). Browsers should use `createCookieSession` instead, which keeps the refresh token out
 * of JavaScript.
 */
export function createTokenSession(options: TokenSessionOptions) {
  let grant: AccessGrant | null = options.accessToken
    ? {
        accessToken: options.accessToken,
        expiresAt: options.expiresIn === undefined ? undefined : Date.now() + options.expiresIn * 1000,
      }
    : null;
  let refreshToken = options.refreshToken;
  const base = options.baseUrl.replace(/\/+$/, '');

  const session = {
    current: () => grant,
    /** Stores a pair from sign-in (`POST /v1/auth/login` answers `{ user, tokens }`). */
    setTokens(tokens: TokenPair): void {
      grant = grantOf(tokens);
      if (tokens.refreshToken) refreshToken = tokens.refreshToken;
      options.onTokens?.(tokens);
    },
    async renew(fetch: typeof globalThis.fetch): Promise<AccessGrant | null> {
      if (!refreshToken) return null;
      const response = await fetch(`${base}/v1/auth/refresh`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ refreshToken }),
      });
      if (!response.ok) return null;
      session.setTokens((await response.json()) as TokenPair);
      return grant;
    },
    clear(): void {
      grant = null;
      refreshToken = undefined;
      options.onTokens?.(null);
    },
  } satisfies SessionStrategy & Record<string, unknown>;
  return session;
}

export type TokenSession = ReturnType<typeof createTokenSession>;
