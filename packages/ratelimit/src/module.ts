/**
 * The rate-limit platform module: composition only. It declares the `ip_rules`, overrides and
 * (shared) counter containers, mounts the admin routes and hands the service an `extension` that
 * installs the enforcing `onRequest` hook on the whole app.
 */
import {
  defineModule,
  type ModuleContext,
  type ModuleExtension,
  type PlatformModule,
} from '@groundwork/http';
import type { CounterStore } from './counter-store.js';
import { createDocumentCounterStore, RATELIMIT_COUNTERS_CONTAINER } from './document-counter-store.js';
import { installRateLimitHook } from './hook.js';
import { IP_RULES_CONTAINER } from './ip-rules.js';
import { RATELIMIT_OVERRIDES_CONTAINER } from './overrides.js';
import { type RateLimitAuditSink, rateLimitRoutes } from './routes.js';
import type { RateLimitRuleInput } from './schemas.js';
import { createRateLimitService, type RateLimitService } from './service.js';

export interface RateLimitModuleOptions {
  /** The product of requests without a principal (the service's own product). */
  productId: string;
  rules?: readonly RateLimitRuleInput[];
  /** `RATELIMIT_STORE`: `memory` (default, per instance) or `store` (shared through the document store). */
  counterStore?: 'memory' | 'store' | CounterStore;
  /** `RATELIMIT_TRUSTED_PROXIES`. */
  trustedProxies?: readonly string[];
  /** `RATELIMIT_RULES_CACHE_TTL_MS` (default 5000). */
  cacheTtlMs?: number;
  /** `RATELIMIT_ENABLED` (default true): false mounts the admin API but enforces nothing. */
  enabled?: boolean;
  /** Paths never checked (default `/health`, `/ready`, `/metrics`). */
  exemptPaths?: readonly string[];
  /** Records admin changes (`audit.audit.record`). */
  audit?: RateLimitAuditSink;
}

export interface RateLimitModule {
  module: PlatformModule;
  /** Pass in `createServiceApp({ extensions })`, before the settings (maintenance) extension. */
  extension: ModuleExtension;
  /** The service once mounted (throws before). */
  service(): RateLimitService;
}

export function createRateLimitModule(options: RateLimitModuleOptions): RateLimitModule {
  let bound: RateLimitService | undefined;

  function bind(ctx: ModuleContext): RateLimitService {
    if (bound) return bound;
    const counters =
      options.counterStore === 'store'
        ? createDocumentCounterStore(ctx.store)
        : typeof options.counterStore === 'object'
          ? options.counterStore
          : undefined;
    bound = createRateLimitService({
      store: ctx.store,
      clock: ctx.clock,
      ...(options.rules ? { rules: options.rules } : {}),
      ...(counters ? { counters } : {}),
      ...(options.trustedProxies ? { trustedProxies: options.trustedProxies } : {}),
      ...(options.cacheTtlMs !== undefined ? { cacheTtlMs: options.cacheTtlMs } : {}),
    });
    return bound;
  }

  const module = defineModule({
    name: 'ratelimit',
    containers: [IP_RULES_CONTAINER, RATELIMIT_OVERRIDES_CONTAINER, RATELIMIT_COUNTERS_CONTAINER],
    routes: async (app, { ctx }) => {
      await app.register(rateLimitRoutes(bind(ctx), options.audit), { ctx });
    },
  });

  const extension: ModuleExtension = (_modules, ctx) => {
    installRateLimitHook(ctx.app, {
      service: bind(ctx),
      defaultProductId: options.productId,
      ...(options.exemptPaths ? { exemptPaths: options.exemptPaths } : {}),
      ...(options.enabled !== undefined ? { enabled: options.enabled } : {}),
    });
  };

  return {
    module,
    extension,
    service() {
      if (!bound) throw new Error('The ratelimit module is not mounted in a service yet.');
      return bound;
    },
  };
}
