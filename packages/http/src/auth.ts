import { AppError, ForbiddenError, isAppError, UnauthorizedError } from '@groundwork/errors';
import type { FastifyRequest, RouteOptions } from 'fastify';
import { z } from 'zod';
import type { ServiceFastifyInstance } from './fastify-types.js';

/** Who is calling: the product comes from here for protected routes, never from the request. */
export const principalSchema = z.object({
  subject: z.string().min(1).describe('User id, service name or API token id.'),
  productId: z.string().min(1).describe('The product the principal acts in.'),
  roles: z.array(z.string()).describe('Roles, e.g. `member`, `admin`.'),
  scopes: z.array(z.string()).describe('OAuth-style scopes, e.g. `notes:write`.'),
  kind: z.enum(['user', 'service', 'api_token']),
  impersonatedBy: z
    .string()
    .min(1)
    .optional()
    .describe('When an admin acts as this user: the admin. Audited with every action.'),
  sessionId: z.string().min(1).optional().describe('The sign-in session a user token belongs to.'),
  readOnly: z
    .boolean()
    .optional()
    .describe('True for a read-only impersonation: every write is refused with 403.'),
});
export type Principal = z.infer<typeof principalSchema>;

/**
 * Turns a request into a principal (typically by verifying a bearer token). Return `null` when the
 * request carries no valid credentials. Throwing an `AppError` sends that error; any other throw is
 * treated as "not authenticated" (401), never as a 500.
 */
export type Authenticator = (request: FastifyRequest) => Promise<Principal | null>;

/**
 * A route's access rule, declared as `config: { auth }` in its route options.
 * - `'public'`: anyone, no authentication attempted.
 * - `{ roles, scopes }`: an authenticated principal holding ANY of `roles` (when given) and ALL of
 *   `scopes` (when given). `{}` means "authenticated, nothing more".
 * A route that declares nothing is treated as `{}`: secure by default.
 */
export type RouteAuth = 'public' | { roles?: string[]; scopes?: string[] };

declare module 'fastify' {
  interface FastifyRequest {
    /** Set on protected routes once the request is authenticated. */
    principal?: Principal;
  }
  interface FastifyContextConfig {
    auth?: RouteAuth;
  }
}

/** Route-options helper: `app.post('/x', { ...guard({ roles: ['admin'] }), schema }, handler)`. */
export function guard(rule: RouteAuth): { config: { auth: RouteAuth } } {
  return { config: { auth: rule } };
}

/** Shorthand for `guard('public')`. */
export const publicRoute = guard('public');

/** True when the principal satisfies the rule (one of the roles suffices; every scope is required). */
export function isAllowed(principal: Principal, rule: Exclude<RouteAuth, 'public'>): boolean {
  const roles = rule.roles ?? [];
  const scopes = rule.scopes ?? [];
  const hasRole = roles.length === 0 || roles.some((role) => principal.roles.includes(role));
  const hasScopes = scopes.every((scope) => principal.scopes.includes(scope));
  return hasRole && hasScopes;
}

function unauthorized(detail = 'Authentication is required.'): UnauthorizedError {
  return new UnauthorizedError(detail, 'unauthorized', { headers: { 'www-authenticate': 'Bearer' } });
}

function withChallenge(error: AppError): AppError {
  if (error.status !== 401 || error.headers['www-authenticate'] !== undefined) return error;
  return new AppError(error.status, error.code, error.title, error.detail, {
    extensions: error.extensions,
    headers: { ...error.headers, 'www-authenticate': 'Bearer' },
    cause: error,
  });
}

export interface AuthOptions {
  authenticator?: Authenticator;
  /** Path prefixes whose routes are public unless they declare otherwise (the docs UI). */
  publicPrefixes: string[];
}

/**
 * Resolves every route's rule when it is added (so OpenAPI can mark protected routes with the
 * bearer scheme) and enforces it on each request, before the body is parsed.
 */
export function registerAuth(app: ServiceFastifyInstance, options: AuthOptions): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    const declared = route.config?.auth;
    const isPublicByPath = options.publicPrefixes.some((prefix) => route.url.startsWith(prefix));
    // CORS preflights never carry credentials.
    const isPreflight = [route.method].flat().every((method) => method === 'OPTIONS');
    const auth: RouteAuth = declared ?? (isPublicByPath || isPreflight ? 'public' : {});
    route.config = { ...route.config, auth };
    if (auth !== 'public') {
      route.schema = { ...route.schema, security: [{ bearerAuth: [] }] };
    }
  });

  // Callback style, so public routes (the hot path) pay for no promise.
  app.addHook('onRequest', (request, _reply, done) => {
    const rule = request.routeOptions.config.auth ?? {};
    if (request.is404 || rule === 'public') return done();
    authenticate(request, options.authenticator).then((principal) => {
      if (!isAllowed(principal, rule)) return done(new ForbiddenError());
      request.principal = principal;
      done();
    }, done);
  });
}

async function authenticate(
  request: FastifyRequest,
  authenticator: Authenticator | undefined,
): Promise<Principal> {
  if (!authenticator) throw unauthorized();
  let principal: Principal | null;
  try {
    principal = await authenticator(request);
  } catch (error) {
    if (isAppError(error)) throw withChallenge(error);
    request.log.warn({ err: error }, 'authenticator failed; treating the request as unauthenticated');
    throw unauthorized();
  }
  if (!principal) throw unauthorized();
  return principal;
}
