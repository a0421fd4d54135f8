/**
 * The browser session of first-party web apps (the admin console): the platform keeps the refresh
 * token in an `HttpOnly`, `SameSite=Strict` cookie that only `/v1/auth/session/*` receives, and the
 * access token stays in this object's memory — never in `localStorage` or `sessionStorage`, where
 * any injected script could read it. After a reload, `resume()` gets a new access token from the
 * cookie. Every call carries the CSRF header the platform demands.
 */
import { ApiError } from './api-error.js';
import { type AccessGrant, grantOf, type SessionStrategy } from './session.js';

export const CSRF_HEADER = 'x-groundwork-csrf';
export const COOKIE_SESSION_PATH = '/v1/auth/session';

/** The user view the sign-in answers with. */
export interface SessionUser {
  id: string;
  productId: string;
  email: string;
  role: string;
  status: string;
  name?: string;
  [key: string]: unknown;
}

export interface CookieSessionOptions {
  /** Base URL of the platform; default: the page's origin (`''`). */
  baseUrl?: string;
  /** Default: the global `fetch`. */
  fetch?: typeof globalThis.fetch;
}

export interface SignInInput {
  email: string;
  password: string;
  /** The product to sign in to; default: the platform's own. */
  productId?: string | undefined;
}

export function createCookieSession(options: CookieSessionOptions = {}) {
  const base = (options.baseUrl ?? '').replace(/\/+$/, '');
  const defaultFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  let grant: AccessGrant | null = null;

  async function post(fetch: typeof globalThis.fetch, route: string, body?: unknown, token?: string) {
    try {
      return await fetch(`${base}${COOKIE_SESSION_PATH}/${route}`, {
        method: 'POST',
        credentials: 'include',
        headers: {
          [CSRF_HEADER]: '1',
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw ApiError.network(error);
    }
  }

  const session = {
    current: () => grant,
    /** Signs in: the platform sets the refresh cookie; the access token is kept here. */
    async signIn(input: SignInInput): Promise<SessionUser> {
      const response = await post(defaultFetch, 'login', {
        email: input.email,
        password: input.password,
        ...(input.productId ? { productId: input.productId } : {}),
      });
      if (!response.ok) throw await ApiError.fromResponse(response);
      const body = (await response.json()) as { accessToken: string; expiresIn: number; user: SessionUser };
      grant = grantOf(body);
      return body.user;
    },
    /** After a page load: a new access token from the cookie, or `false` when there is no session. */
    async resume(fetch: typeof globalThis.fetch = defaultFetch): Promise<boolean> {
      return (await session.renew(fetch)) !== null;
    },
    async renew(fetch: typeof globalThis.fetch = defaultFetch): Promise<AccessGrant | null> {
      const response = await post(fetch, 'refresh');
      if (!response.ok) {
        grant = null;
        return null;
      }
      grant = grantOf((await response.json()) as { accessToken: string; expiresIn: number });
      return grant;
    },
    /** Ends the session on the platform (with the access token, or else the cookie) and here. */
    async signOut(): Promise<void> {
      const token = grant?.accessToken;
      grant = null;
      const response = await post(defaultFetch, 'logout', undefined, token);
      if (!response.ok && response.status !== 401) throw await ApiError.fromResponse(response);
    },
    clear(): void {
      grant = null;
    },
  } satisfies SessionStrategy & Record<string, unknown>;
  return session;
}

export type CookieSession = ReturnType<typeof createCookieSession>;
