/**
 * The auth platform module: composition only. From the service's context it builds the user
 * repository, key ring, access and refresh tokens, throttle and `AuthService`; it declares the
 * containers, mounts the routes, creates the first super admin at start, and hands the service an
 * `authenticator` and an `extension` (the JWKS document at `/.well-known/jwks.json`, outside `/v1`).
 */
import {
  type Authenticator,
  defineModule,
  type ModuleContext,
  type ModuleExtension,
  type PlatformModule,
  type Principal,
  publicRoute,
} from '@groundwork/http';
import { z } from 'zod';
import { type AccessTokens, createAccessTokens } from './access-tokens.js';
import type { ApiTokenEnvironment } from './api-token-format.js';
import { apiTokenRoutes } from './api-token-routes.js';
import { API_TOKENS_CONTAINER, type ApiTokenService, createApiTokenService } from './api-tokens.js';
import type { AuditSink, EventEmitterPort, SessionsPort } from './auth-ports.js';
import { type AuthService, createAuthService } from './auth-service.js';
import { createAuthenticator, type SessionCheck } from './authenticator.js';
import { AUTH_STATE_CONTAINER, bootstrapFirstAdmin } from './bootstrap.js';
import { cookieSessionRoutes } from './cookie-session-routes.js';
import {
  createEmailVerification,
  EMAIL_VERIFICATIONS_CONTAINER,
  type EmailVerification,
} from './email-verification.js';
import { createImpersonation, IMPERSONATION_TTL_SECONDS, type Impersonation } from './impersonation.js';
import { impersonationRoutes, installImpersonationHooks } from './impersonation-routes.js';
import { createLinkBuilder, devLinkSender, type LinkSender } from './link-sender.js';
import {
  createPasswordReset,
  PASSWORD_RESET_TOKENS_CONTAINER,
  type PasswordReset,
} from './password-reset.js';
import { recoveryRoutes } from './recovery-routes.js';
import { createRefreshTokens, REFRESH_TOKENS_CONTAINER } from './refresh-tokens.js';
import { authRoutes } from './routes.js';
import {
  type ConfiguredSigningKey,
  createSigningKeyRing,
  SIGNING_KEYS_CONTAINER,
  type SigningKeyRing,
} from './signing-keys.js';
import { createSsoService, SSO_LINKS_CONTAINER, SSO_STATES_CONTAINER, type SsoService } from './sso.js';
import { ssoRoutes } from './sso-routes.js';
import type { SsoProviderInput } from './sso-schemas.js';
import { AUTH_THROTTLE_CONTAINER, createThrottle } from './throttle.js';
import {
  createUserRepository,
  USER_EMAILS_CONTAINER,
  USERS_CONTAINER,
  type UserRepository,
} from './users.js';

export interface AuthModuleOptions {
  /** The sessions service (from `createSessionsModule`). */
  sessions: SessionsPort & SessionCheck;
  /** The service's own product: the default for register/login and where the first admin goes. */
  productId: string;
  /** More products users may register in (until the products registry exists). */
  extraProductIds?: readonly string[];
  issuer: string;
  audience: string;
  accessTokenTtlSeconds?: number;
  /** Signing keys from configuration; without them a key is generated and kept in the store. */
  signingKeys?: ConfiguredSigningKey[];
  /** The first super admin (see `bootstrap.ts`). */
  admin?: { email?: string | undefined; password?: string | undefined };
  /** Shown in the first-admin log line. */
  signInUrl?: string;
  /** Emits `user.created` / `user.deleted`. */
  events?: EventEmitterPort;
  /** Records security events and admin actions. */
  audit?: AuditSink;
  /** Base of recovery links: `<linkBaseUrl>/reset-password?token=…`, `/verify-email?token=…`. */
  linkBaseUrl?: string;
  /** Delivers recovery links; default `devLinkSender` (logs them: development only). */
  linkSender?: LinkSender;
  /** OpenID Connect single sign-on; absent or no providers: no SSO routes. */
  sso?: { providers: readonly SsoProviderInput[]; allowedReturnOrigins: readonly string[] };
  /** Environment of new API tokens (`gw_live_…`/`gw_test_…`); the other one's tokens are refused. Default `live`. */
  apiTokenEnvironment?: ApiTokenEnvironment;
}

interface AuthRuntime {
  service: AuthService;
  users: UserRepository;
  impersonation: Impersonation;
  apiTokens: ApiTokenService;
  sso: SsoService | undefined;
  passwordReset: PasswordReset;
  emailVerification: EmailVerification;
  keys: SigningKeyRing;
  accessTokens: AccessTokens;
}

export interface AuthModule {
  module: PlatformModule;
  /** Pass to `createServiceApp({ authenticator })`. */
  authenticator: Authenticator;
  /** Pass in `createServiceApp({ extensions })`: serves `/.well-known/jwks.json`. */
  extension: ModuleExtension;
  /** For `createSessionsModule({ authorizeAdmin })`: only super admins manage admins' sessions. */
  authorizeSessionAdmin: (actor: Principal, userId: string) => Promise<void>;
  /**
   * Where to reach a user (e.g. `createDeliveryModule({ resolveUser })`): the email of an active
   * account of the product; `undefined` for an unknown or disabled one.
   */
  contactOf: (productId: string, userId: string) => Promise<{ email: string } | undefined>;
}

const jwksSchema = z.object({
  keys: z
    .array(
      z.object({
        kty: z.string(),
        crv: z.string(),
        x: z.string(),
        y: z.string(),
        kid: z.string(),
        alg: z.string(),
        use: z.literal('sig'),
      }),
    )
    .describe('Public keys that verify access tokens (the active key and recently retired ones).'),
});

export function createAuthModule(options: AuthModuleOptions): AuthModule {
  let runtime: AuthRuntime | undefined;
  const products = [options.productId, ...(options.extraProductIds ?? [])];

  function bind(ctx: ModuleContext): AuthRuntime {
    if (runtime) return runtime;
    const { store, clock } = ctx;
    const keys = createSigningKeyRing({
      store,
      clock,
      ...(options.signingKeys?.length ? { keys: options.signingKeys } : {}),
    });
    const accessTokens = createAccessTokens({
      keys,
      issuer: options.issuer,
      audience: options.audience,
      clock,
      ...(options.accessTokenTtlSeconds ? { ttlSeconds: options.accessTokenTtlSeconds } : {}),
    });
    const users = createUserRepository(store, clock);
    const throttle = createThrottle(store, clock);
    const refreshTokens = createRefreshTokens({ store, clock });
    const recovery = {
      store,
      clock,
      users,
      throttle,
      products,
      linkSender: options.linkSender ?? devLinkSender,
      links: createLinkBuilder({
        baseUrl: options.linkBaseUrl ?? 'http://localhost:3000',
        defaultProductId: options.productId,
      }),
      events: options.events,
      audit: options.audit,
    };
    const passwordReset = createPasswordReset({ ...recovery, sessions: options.sessions, refreshTokens });
    const emailVerification = createEmailVerification({ ...recovery, logger: ctx.logger });
    const service = createAuthService({
      users,
      sessions: options.sessions,
      refreshTokens,
      accessTokens,
      throttle,
      verification: emailVerification,
      clock,
      events: options.events,
      audit: options.audit,
      products,
    });
    const impersonation = createImpersonation({
      users,
      sessions: options.sessions,
      accessTokens: createAccessTokens({
        keys,
        issuer: options.issuer,
        audience: options.audience,
        clock,
        ttlSeconds: IMPERSONATION_TTL_SECONDS,
      }),
      audit: options.audit,
    });
    const apiTokens = createApiTokenService({
      store,
      clock,
      environment: options.apiTokenEnvironment ?? 'live',
      audit: options.audit,
      logger: ctx.logger,
    });
    const sso = options.sso?.providers.length
      ? createSsoService({
          ...options.sso,
          store,
          clock,
          signIn: (user, meta) => service.signIn(user, meta),
          events: options.events,
          audit: options.audit,
        })
      : undefined;
    runtime = {
      service,
      users,
      impersonation,
      apiTokens,
      sso,
      passwordReset,
      emailVerification,
      keys,
      accessTokens,
    };
    return runtime;
  }

  function bound(): AuthRuntime {
    if (!runtime) throw new Error('The auth module is not mounted in a service yet.');
    return runtime;
  }

  const module = defineModule({
    name: 'auth',
    containers: [
      USERS_CONTAINER,
      USER_EMAILS_CONTAINER,
      REFRESH_TOKENS_CONTAINER,
      AUTH_THROTTLE_CONTAINER,
      SIGNING_KEYS_CONTAINER,
      AUTH_STATE_CONTAINER,
      API_TOKENS_CONTAINER,
      SSO_STATES_CONTAINER,
      SSO_LINKS_CONTAINER,
      PASSWORD_RESET_TOKENS_CONTAINER,
      EMAIL_VERIFICATIONS_CONTAINER,
    ],
    routes: async (app, { ctx }) => {
      const { service, impersonation, apiTokens, sso, passwordReset, emailVerification } = bind(ctx);
      await app.register(authRoutes(service, options.productId), { ctx });
      await app.register(
        recoveryRoutes({
          passwordReset,
          emailVerification,
          defaultProductId: options.productId,
          authenticator,
        }),
        { ctx },
      );
      if (sso) await app.register(ssoRoutes(sso, options.productId), { ctx });
      await app.register(apiTokenRoutes(apiTokens), { ctx });
      await app.register(impersonationRoutes(impersonation), { ctx });
      await app.register(
        cookieSessionRoutes({ auth: service, defaultProductId: options.productId, authenticator }),
        { ctx },
      );
    },
    async start(ctx) {
      bind(ctx);
      await bootstrapFirstAdmin({
        store: ctx.store,
        users: createUserRepository(ctx.store, ctx.clock),
        logger: ctx.logger,
        productId: options.productId,
        adminEmail: options.admin?.email,
        adminPassword: options.admin?.password,
        signInUrl: options.signInUrl ?? '/v1/auth/login',
      });
    },
  });

  const extension: ModuleExtension = (_modules, ctx) => {
    const { keys } = bind(ctx);
    installImpersonationHooks(ctx.app, options.audit);
    ctx.app.get(
      '/.well-known/jwks.json',
      {
        ...publicRoute,
        schema: {
          summary: 'Public keys of access tokens (JWKS)',
          tags: ['auth'],
          response: { 200: jwksSchema },
        },
      },
      async (_request, reply) => {
        void reply.header('cache-control', 'public, max-age=300');
        return keys.jwks();
      },
    );
  };

  const authenticator = createAuthenticator({
    accessTokens: () => bound().accessTokens,
    sessions: () => options.sessions,
    apiTokens: () => bound().apiTokens,
  });

  const authorizeSessionAdmin = (actor: Principal, userId: string) =>
    bound().service.assertMayManageSessionsOf(actor, userId);

  const contactOf = async (productId: string, userId: string) => {
    const user = await bound().users.get(productId, userId);
    return user?.status === 'active' ? { email: user.email } : undefined;
  };

  return { module, authenticator, extension, authorizeSessionAdmin, contactOf };
}
