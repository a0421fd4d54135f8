import { createServiceApp, type ServiceApp, type ServiceAppOptions, startService } from '@groundwork/http';
import { createLogger } from '@groundwork/logger';
import { outboundPolicyFromEnv, type Resolver } from '@groundwork/outbound';
import type { OperatorComponentInput } from '@groundwork/status';
import { type Clock, type DocumentStore, openStore } from '@groundwork/store';
import { createMemoryStore } from '@groundwork/store/memory';
import { loadMonitoringConfig, type MonitoringEnv, storeOptionsOf } from './env.js';
import { createMonitoringModule } from './module.js';
import type { PollRound } from './poller.js';
import { createStatusPollerModule } from './status-poller-module.js';
import { parseTargets } from './targets.js';
import { MONITORING_VERSION } from './version.js';

export interface CreateMonitoringOptions {
  clock?: Clock;
  /** Default: the store STORE_KIND etc. name when the status poller runs, else memory. */
  store?: DocumentStore;
  /** Replaces DNS for admin-supplied check URLs (tests). */
  resolver?: Resolver;
  onRound?: (round: PollRound) => void;
}

/** The operator's components: every MONITOR_TARGETS service, then every STATUS_HTTP_CHECKS URL. */
export function operatorComponents(env: MonitoringEnv): OperatorComponentInput[] {
  const services = env.MONITOR_TARGETS.map(
    (target, i): OperatorComponentInput => ({
      id: target.name,
      name: target.name,
      order: i,
      check: { kind: 'service', baseUrl: target.baseUrl, timeoutMs: env.MONITOR_TIMEOUT_MS },
    }),
  );
  const http = (env.STATUS_HTTP_CHECKS ? parseTargets(env.STATUS_HTTP_CHECKS) : []).map(
    (target, i): OperatorComponentInput => ({
      id: target.name,
      name: target.name,
      order: services.length + i,
      check: { kind: 'http', url: target.baseUrl, timeoutMs: env.MONITOR_TIMEOUT_MS },
    }),
  );
  return [...services, ...http];
}

/**
 * The monitor keeps its live health history in memory (rebuilt within a few polls after a
 * restart); the status poller writes to the shared store, so the status history survives.
 */
async function monitoringServiceOptions(
  env: MonitoringEnv,
  options: CreateMonitoringOptions,
): Promise<ServiceAppOptions> {
  const { clock } = options;
  const store =
    options.store ??
    (env.STATUS_POLLER_ENABLED
      ? await openStore(storeOptionsOf(env), clock ? { clock } : {})
      : createMemoryStore(clock ? { clock } : {}));
  const poller = env.STATUS_POLLER_ENABLED
    ? createStatusPollerModule({
        productId: env.PRODUCT_ID,
        extraProductIds: env.STATUS_EXTRA_PRODUCT_IDS,
        components: operatorComponents(env),
        intervalMs: env.STATUS_INTERVAL_MS,
        downAfter: env.STATUS_DOWN_AFTER,
        upAfter: env.STATUS_UP_AFTER,
        outboundPolicy: outboundPolicyFromEnv(env),
        historyDays: env.STATUS_HISTORY_DAYS,
        sampleRetentionHours: env.STATUS_SAMPLE_RETENTION_HOURS,
        ...(options.resolver ? { resolver: options.resolver } : {}),
        ...(options.onRound ? { onRound: options.onRound } : {}),
      })
    : undefined;
  return {
    name: 'monitoring',
    version: MONITORING_VERSION,
    description:
      'Health aggregator and status poller: polls services’ /health and /ready and serves their status and history; records status page samples and rollups.',
    config: env,
    store,
    modules: [
      createMonitoringModule({
        targets: env.MONITOR_TARGETS,
        intervalMs: env.MONITOR_INTERVAL_MS,
        timeoutMs: env.MONITOR_TIMEOUT_MS,
        historySize: env.MONITOR_HISTORY_SIZE,
      }),
      ...(poller ? [poller.module] : []),
    ],
    logger: createLogger({ name: 'monitoring', level: env.LOG_LEVEL }),
    ...(clock ? { clock } : {}),
  };
}

export async function createMonitoring(
  env: MonitoringEnv,
  options: CreateMonitoringOptions = {},
): Promise<ServiceApp> {
  return createServiceApp(await monitoringServiceOptions(env, options));
}

export interface RunMonitoringOptions {
  env?: Record<string, string | undefined>;
  stderr?: { write(text: string): unknown };
  exit?: (code: number) => void;
}

/** Validates configuration and starts listening; on bad configuration explains and starts nothing. */
export async function runMonitoring(
  options: RunMonitoringOptions = {},
): Promise<(ServiceApp & { url: string }) | undefined> {
  let env: MonitoringEnv;
  try {
    env = loadMonitoringConfig(options.env ?? process.env);
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    (options.stderr ?? process.stderr).write(`monitoring: refusing to start.\n${error.message}\n`);
    return undefined;
  }
  return startService({
    ...(await monitoringServiceOptions(env, {})),
    ...(options.exit ? { exit: options.exit } : {}),
  });
}
