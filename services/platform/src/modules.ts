import { createAuditModule } from '@groundwork/audit';
import { type ConfiguredSigningKey, createAuthModule, devLinkSender } from '@groundwork/auth';
import { createDeliveryModule } from '@groundwork/delivery';
import { createEventBus, createEventsModule, eventsExtension } from '@groundwork/events';
import { createFlagsModule } from '@groundwork/flags';
import type { Authenticator, ModuleExtension, PlatformModule } from '@groundwork/http';
import { createJobsModule, deadLetterReportJob, jobsExtension } from '@groundwork/jobs';
import { outboundPolicyFromEnv } from '@groundwork/outbound';
import { createRateLimitModule } from '@groundwork/ratelimit';
import { createSessionsModule } from '@groundwork/sessions';
import { createSettingsModule, DEFAULT_MAINTENANCE_EXEMPT_PATHS } from '@groundwork/settings';
import { createStatusModule } from '@groundwork/status';
import { createWebhooksModule } from '@groundwork/webhooks';
import type { PlatformConfig } from './env.js';
import { maintenanceModeForWindows } from './maintenance-windows.js';

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
 * Reachable in maintenance besides the defaults: signing in and out (admins bypass maintenance by
 * role, so they must be able to get a token), the public status reads and the admin console.
 */
const MAINTENANCE_EXEMPT_PATHS = [
  ...DEFAULT_MAINTENANCE_EXEMPT_PATHS,
  '/v1/auth/login',
  '/v1/auth/refresh',
  '/v1/auth/logout',
  '/v1/auth/session/*',
  '/v1/public/*',
  '/admin',
  '/admin/*',
];

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
  // Email and push: templates, preferences, durable sends; the recovery links of auth go through it.
  const delivery = createDeliveryModule({
    productId: env.PRODUCT_ID,
    env,
    audit: (record) => audit.audit.record(record),
    resolveUser: (productId, userId) => auth.contactOf(productId, userId),
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
    // Printed with a generated first password: the admin console this platform serves.
    signInUrl: `http://${env.HOST === '0.0.0.0' ? '127.0.0.1' : env.HOST}:${env.PORT}/admin`,
    events: bus,
    audit: (record) => audit.audit.record(record),
    // Recovery links go out as emails (encrypted while queued); AUTH_LOG_RECOVERY_LINKS logs them instead.
    linkSender: env.AUTH_LOG_RECOVERY_LINKS ? devLinkSender : delivery.linkSender,
    ...(env.AUTH_LINK_BASE_URL ? { linkBaseUrl: env.AUTH_LINK_BASE_URL } : {}),
    ...(env.AUTH_SSO_PROVIDERS?.length
      ? { sso: { providers: env.AUTH_SSO_PROVIDERS, allowedReturnOrigins: env.AUTH_SSO_RETURN_ORIGINS } }
      : {}),
  });
  // Feature flags: evaluation for clients and in-process, admin changes audited and emitted.
  const flags = createFlagsModule({
    events: bus,
    audit: (record) => audit.audit.record(record),
    cacheTtlMs: env.FLAGS_CACHE_TTL_MS,
  });
  // Signed outbound webhooks for every event, through the SSRF-safe outbound client.
  const webhooks = createWebhooksModule({
    bus,
    audit: (record) => audit.audit.record(record),
    policy: outboundPolicyFromEnv(env),
    deliveryTimeoutMs: env.WEBHOOK_DELIVERY_TIMEOUT_MS,
    maxRetries: env.WEBHOOK_MAX_RETRIES,
    retryScheduleMs: env.WEBHOOK_RETRY_SCHEDULE_MS,
  });
  // Status: components, health history, incidents and maintenance windows; a window that asks for
  // it turns maintenance mode on while it is in progress.
  const status = createStatusModule({
    productId: env.PRODUCT_ID,
    bus,
    audit: (record) => audit.audit.record(record),
    outboundPolicy: outboundPolicyFromEnv(env),
    historyDays: env.STATUS_HISTORY_DAYS,
    sampleRetentionHours: env.STATUS_SAMPLE_RETENTION_HOURS,
    publicMaxAgeSeconds: env.STATUS_PUBLIC_MAX_AGE_SECONDS,
    ...(env.STATUS_PAGE_URL ? { pageUrl: env.STATUS_PAGE_URL } : {}),
    onMaintenanceWindow: (window, phase) => maintenanceModeForWindows(settings, status.status)(window, phase),
  });
  // IP allow/deny rules and rate limits, in front of everything else the modules serve.
  const ratelimit = createRateLimitModule({
    productId: env.PRODUCT_ID,
    rules: env.RATELIMIT_RULES,
    counterStore: env.RATELIMIT_STORE,
    trustedProxies: env.RATELIMIT_TRUSTED_PROXIES,
    cacheTtlMs: env.RATELIMIT_RULES_CACHE_TTL_MS,
    enabled: env.RATELIMIT_ENABLED,
    audit: (record) => audit.audit.record(record),
  });
  // User and device settings, the kill switch and maintenance mode.
  const settings = createSettingsModule({
    productId: env.PRODUCT_ID,
    serviceName: 'platform',
    maintenanceMode: env.MAINTENANCE_MODE,
    bypassIps: env.MAINTENANCE_BYPASS_IPS,
    cacheTtlMs: env.MAINTENANCE_CACHE_TTL_MS,
    retryAfterSeconds: env.MAINTENANCE_RETRY_AFTER_SECONDS,
    scheduleIntervalMs: env.MAINTENANCE_SCHEDULE_INTERVAL_MS,
    publicMaxAgeSeconds: env.KILL_SWITCH_MAX_AGE_SECONDS,
    exemptPaths: MAINTENANCE_EXEMPT_PATHS,
    clientIp: (request) => ratelimit.service().clientIp(request),
    audit: (record) => audit.audit.record(record),
  });
  return {
    modules: [
      createJobsModule({
        runnerEnabled: env.JOB_RUNNER_ENABLED,
        tickIntervalMs: env.JOB_TICK_INTERVAL_MS,
        workerConcurrency: env.JOB_WORKER_CONCURRENCY,
        // Every 15 minutes: count the product's dead-letter tasks and warn in the logs when there are any.
        jobs: [deadLetterReportJob({ productId: env.PRODUCT_ID })],
        onAdminAction: audit.audit.onJobsAdminAction,
      }),
      createEventsModule({ bus, productId: env.PRODUCT_ID }),
      audit.module,
      sessions.module,
      auth.module,
      delivery.module,
      ratelimit.module,
      settings.module,
      flags.module,
      webhooks.module,
      status.module,
    ],
    // Events first: it binds the bus and registers every module's subscribers; then jobs; then
    // auth (the JWKS document and the impersonation hooks).
    // then rate limits and IP rules, then maintenance (a denied address gets 403 before a 503).
    extensions: [eventsExtension, jobsExtension, auth.extension, ratelimit.extension, settings.extension],
    authenticator: auth.authenticator,
  };
}
