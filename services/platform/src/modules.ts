import { createAuditModule } from '@groundwork/audit';
import {
  type ConfiguredSigningKey,
  createAuthModule,
  devLinkSender,
  undeliveredLinkSender,
} from '@groundwork/auth';
import { createEventBus, createEventsModule, eventsExtension } from '@groundwork/events';
import type { Authenticator, ModuleExtension, PlatformModule } from '@groundwork/http';
import { createJobsModule, deadLetterReportJob, jobsExtension } from '@groundwork/jobs';
import { createSessionsModule } from '@groundwork/sessions';
import type { PlatformConfig } from './env.js';

/** What the platform serves: its modules, the extensions over them, and how requests authenticate. */
export interface PlatformComposition {
  modules: readonly PlatformModule[];
  extensions: readonly ModuleExtension[];
  /** `undefined` only for a custom module list without the auth module. */
  authenticator: Authenticator | undefined;
}

/** `AUTH_SIGNING_KEYS`: a JSON array of private JWKs or PEM strings. */
function signingKeysOf(raw: string | undefined): ConfiguredSigningKey[] {
  if (!raw) return [];
  const parsed: unknown = JSON.parse(raw);
  if (!Array.isArray(parsed)) throw new TypeError('AUTH_SIGNING_KEYS must be a JSON array.');
  return parsed.map((privateKey) => ({ privateKey }));
}

/**
 * The platform, at a glance: every capability it serves is one module in this list, configured
 * from the environment. Each issue that adds a capability adds its module here; the kernel
 * (health, readiness, metrics, OpenAPI, migrations) comes with `createServiceApp`.
 * A module declares its scheduled jobs and task handlers in its own `jobs` member, and its events
 * and subscribers in its own `events` member; the jobs and events modules run them (through
 * `jobsExtension` and `eventsExtension`).
 */
export function platformModules({ env }: PlatformConfig): PlatformComposition {
  // One bus per service: modules that emit get it from here; it binds to the store at startup.
  const bus = createEventBus();
  // Records every event (durably) and every admin action and security event of the modules below.
  const audit = createAuditModule();
  const sessions = createSessionsModule({
    productId: env.PRODUCT_ID,
    ttlDays: env.SESSION_TTL_DAYS,
    cacheTtlMs: env.SESSION_CACHE_TTL_MS,
    bus,
    // Only super admins see or end admins' sessions (the auth module knows the roles).
    authorizeAdmin: (actor, userId) => auth.authorizeSessionAdmin(actor, userId),
  });
  const auth = createAuthModule({
    sessions: sessions.sessions,
    productId: env.PRODUCT_ID,
    extraProductIds: env.AUTH_PRODUCT_IDS,
    issuer: env.AUTH_ISSUER,
    audience: env.AUTH_AUDIENCE,
    accessTokenTtlSeconds: env.AUTH_ACCESS_TOKEN_TTL_SECONDS,
    signingKeys: signingKeysOf(env.AUTH_SIGNING_KEYS),
    admin: { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD },
    events: bus,
    audit: (record) => audit.audit.record(record),
    // Until the delivery module sends recovery links: logged in development, not sent in production.
    linkSender: env.AUTH_LOG_RECOVERY_LINKS ? devLinkSender : undeliveredLinkSender,
    ...(env.AUTH_LINK_BASE_URL ? { linkBaseUrl: env.AUTH_LINK_BASE_URL } : {}),
    ...(env.AUTH_SSO_PROVIDERS?.length
      ? { sso: { providers: env.AUTH_SSO_PROVIDERS, allowedReturnOrigins: env.AUTH_SSO_RETURN_ORIGINS } }
      : {}),
  });
  return {
    modules: [
      createJobsModule({
        runnerEnabled: env.JOB_RUNNER_ENABLED,
        tickIntervalMs: env.JOB_TICK_INTERVAL_MS,
        // Every 15 minutes: count the product's dead-letter tasks and warn in the logs when there are any.
        jobs: [deadLetterReportJob({ productId: env.PRODUCT_ID })],
        onAdminAction: audit.audit.onJobsAdminAction,
      }),
      createEventsModule({ bus, productId: env.PRODUCT_ID }),
      audit.module,
      sessions.module,
      auth.module,
    ],
    // Events first: it binds the bus and registers every module's subscribers; then jobs; then
    // auth (the JWKS document and the impersonation hooks).
    extensions: [eventsExtension, jobsExtension, auth.extension],
    authenticator: auth.authenticator,
  };
}
