/**
 * A browser-safe session for first-party web apps (the admin console), mounted under `/v1` by the
 * auth module. Same sign-in, refresh and sign-out as the token routes (`AuthService.login`,
 * `refresh`, `logout`), but the refresh token never reaches JavaScript:
 *
 * - it lives in an `HttpOnly`, `SameSite=Strict` cookie scoped to `/v1/auth/session` (`Secure` when
 *   the request came over https), so no script can read it and no other route receives it;
 * - the access token is answered in the body and kept in memory by the app (never in storage);
 * - every route demands CSRF proof: the custom header `x-groundwork-csrf: 1` (a cross-site page
 *   cannot send a custom header without a CORS preflight the platform does not grant to it) and
 *   an `Origin` (or, failing that, `Referer`) equal to the platform's own origin or one of
 *   `allowedOrigins`. `SameSite=Strict` is a third, independent barrier.
 *
 * Sign-out works with an expired access token too: without a valid `Bearer`, the cookie's session
 * is found by rotating its refresh token, then ended; the cookie is cleared in every case.
 */
import fastifyCookie, { type CookieSerializeOptions } from '@fastify/cookie';
import { ForbiddenError, UnauthorizedError } from '@groundwork/errors';
import { type Authenticator, type ModuleRoutes, type Principal, publicRoute } from '@groundwork/http';
import { z } from 'zod';
import { loginBodySchema, userViewSchema } from './auth-schemas.js';
import type { AuthService } from './auth-service.js';
import { metaOf } from './request-meta.js';
import { userView } from './routes.js';

/** The path the routes live under (after `/v1`), and the only path the cookie is sent to. */
export const COOKIE_SESSION_PATH = '/v1/auth/session';
export const REFRESH_COOKIE = 'gw_session_refresh';
export const CSRF_HEADER = 'x-groundwork-csrf';

export interface CookieSessionRoutesOptions {
  auth: AuthService;
  /** The product of a sign-in that names none. */
  defaultProductId: string;
  /** Recognises the `Bearer` of a sign-out; without it, sign-out relies on the cookie alone. */
  authenticator?: Authenticator | undefined;
  /** Origins besides the platform's own that may use these routes (e.g. a dev server's). */
  allowedOrigins?: readonly string[];
  /** `Secure` attribute: `auto` (default) sets it when the request came over https. */
  secureCookie?: boolean | 'auto';
  /** Lifetime of the cookie (its refresh token expires with the session anyway). Default 30 days. */
  maxAgeSeconds?: number;
}

const accessGrantSchema = z.object({
  accessToken: z.string(),
  tokenType: z.literal('Bearer'),
  expiresIn: z.number().int().describe('Seconds until the access token expires.'),
  sessionId: z.string(),
});

const sessionLoginBodySchema = loginBodySchema;
const sessionSignedInSchema = accessGrantSchema.extend({ user: userViewSchema });

const csrfHeadersSchema = z.looseObject({
  [CSRF_HEADER]: z.literal('1').describe('CSRF proof: a cross-site page cannot send this header.').optional(),
});

function originOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.origin === 'null' ? undefined : url.origin;
  } catch {
    return undefined;
  }
}

/** The `Secure` attribute for a setting and the request's protocol (`https` behind a trusted proxy too). */
export function secureCookieFor(setting: boolean | 'auto' | undefined, protocol: string): boolean {
  return setting === undefined || setting === 'auto' ? protocol === 'https' : setting;
}

/** A request as the authenticator receives it (Fastify's, with `@fastify/cookie`'s `cookies`). */
type SessionRequest = Parameters<Authenticator>[0];

/** The part of a Fastify reply (with `@fastify/cookie`) these routes use. */
interface CookieReply {
  setCookie(name: string, value: string, options: CookieSerializeOptions): unknown;
  clearCookie(name: string, options: CookieSerializeOptions): unknown;
}

function csrfRejected(detail: string): ForbiddenError {
  return new ForbiddenError(detail, 'csrf_rejected');
}

export function cookieSessionRoutes(options: CookieSessionRoutesOptions): ModuleRoutes {
  const { auth, defaultProductId, authenticator } = options;
  const allowed = new Set((options.allowedOrigins ?? []).map((origin) => originOf(origin)).filter(Boolean));
  const maxAge = options.maxAgeSeconds ?? 30 * 24 * 3600;

  function checkCsrf(request: SessionRequest): void {
    if (request.headers[CSRF_HEADER] !== '1') {
      throw csrfRejected(`Send the header \`${CSRF_HEADER}: 1\` with this request.`);
    }
    const origin =
      originOf(request.headers.origin) ??
      originOf(typeof request.headers.referer === 'string' ? request.headers.referer : undefined);
    if (!origin) throw csrfRejected('The request names no origin.');
    const own = originOf(`${request.protocol}://${request.host}`);
    if (origin !== own && !allowed.has(origin)) throw csrfRejected('The request comes from another origin.');
  }

  const isSecure = (request: SessionRequest) => secureCookieFor(options.secureCookie, request.protocol);

  function setRefreshCookie(request: SessionRequest, reply: CookieReply, refreshToken: string): void {
    void reply.setCookie(REFRESH_COOKIE, refreshToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure: isSecure(request),
      path: COOKIE_SESSION_PATH,
      maxAge,
    });
  }

  function clearRefreshCookie(request: SessionRequest, reply: CookieReply): void {
    void reply.clearCookie(REFRESH_COOKIE, {
      httpOnly: true,
      sameSite: 'strict',
      secure: isSecure(request),
      path: COOKIE_SESSION_PATH,
    });
  }

  /** The caller of a sign-out: its `Bearer`, else the session of its cookie. */
  async function principalForLogout(request: SessionRequest): Promise<Principal | null> {
    const fromBearer = authenticator ? await authenticator(request).catch(() => null) : null;
    if (fromBearer) return fromBearer;
    const cookie = request.cookies[REFRESH_COOKIE];
    if (!cookie || !authenticator) return null;
    const pair = await auth.refresh(cookie, metaOf(request)).catch(() => null);
    if (!pair) return null;
    // Authenticate the fresh access token as if the request had carried it.
    const withToken: SessionRequest = Object.create(request, {
      headers: { value: { ...request.headers, authorization: `Bearer ${pair.accessToken}` } },
    });
    return authenticator(withToken).catch(() => null);
  }

  return async (app) => {
    await app.register(fastifyCookie);

    app.post(
      '/auth/session/login',
      {
        ...publicRoute,
        schema: {
          summary: 'Sign in a browser app (refresh token in an httpOnly cookie)',
          description: `For first-party web apps: like \`/auth/login\`, but the refresh token is set as an \`HttpOnly\`, \`SameSite=Strict\` cookie scoped to \`${COOKIE_SESSION_PATH}\` and only the access token is answered. Needs \`${CSRF_HEADER}: 1\` and a same-origin \`Origin\` (403 \`csrf_rejected\`).`,
          headers: csrfHeadersSchema,
          body: sessionLoginBodySchema,
          response: { 200: sessionSignedInSchema },
        },
      },
      async (request, reply) => {
        checkCsrf(request);
        const { email, password, productId, device } = request.body;
        const result = await auth.login(
          { productId: productId ?? defaultProductId, email, password },
          metaOf(request, { platform: 'web', ...device }),
        );
        const { refreshToken, ...grant } = result.tokens;
        setRefreshCookie(request, reply, refreshToken);
        return { ...grant, user: userView(result.user) };
      },
    );

    app.post(
      '/auth/session/refresh',
      {
        ...publicRoute,
        schema: {
          summary: 'New access token for a browser app, from its session cookie',
          description:
            'Rotates the refresh token in the cookie. 401 `refresh_token_invalid` (cookie cleared) when there is no valid session cookie.',
          headers: csrfHeadersSchema,
          response: { 200: accessGrantSchema },
        },
      },
      async (request, reply) => {
        checkCsrf(request);
        const cookie = request.cookies[REFRESH_COOKIE];
        try {
          if (!cookie) {
            throw new UnauthorizedError('No session: sign in again.', 'refresh_token_invalid');
          }
          const { refreshToken, ...grant } = await auth.refresh(cookie, metaOf(request));
          setRefreshCookie(request, reply, refreshToken);
          return grant;
        } catch (error) {
          clearRefreshCookie(request, reply);
          throw error;
        }
      },
    );

    app.post(
      '/auth/session/logout',
      {
        ...publicRoute,
        schema: {
          summary: 'Sign a browser app out',
          description:
            'Ends the session of the `Bearer` access token, or else of the session cookie, and clears the cookie. Always 204 once the CSRF check passes.',
          headers: csrfHeadersSchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        checkCsrf(request);
        try {
          const principal = await principalForLogout(request);
          if (principal && !principal.impersonatedBy) await auth.logout(principal);
        } finally {
          clearRefreshCookie(request, reply);
        }
        return reply.status(204).send(null);
      },
    );
  };
}
