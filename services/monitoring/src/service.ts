import { createServiceApp, type ServiceApp, type ServiceAppOptions, startService } from '@groundwork/http';
import { createLogger } from '@groundwork/logger';
import type { Clock } from '@groundwork/store';
import { createMemoryStore } from '@groundwork/store/memory';
import { loadMonitoringConfig, type MonitoringEnv } from './env.js';
import { createMonitoringModule } from './module.js';
import { MONITORING_VERSION } from './version.js';

/** The monitor keeps its history in memory: it is rebuilt within a few polls after a restart. */
function monitoringServiceOptions(env: MonitoringEnv, clock?: Clock): ServiceAppOptions {
  return {
    name: 'monitoring',
    version: MONITORING_VERSION,
    description: 'Health aggregator: polls services’ /health and /ready and serves their status and history.',
    config: env,
    store: createMemoryStore(clock ? { clock } : {}),
    modules: [
      createMonitoringModule({
        targets: env.MONITOR_TARGETS,
        intervalMs: env.MONITOR_INTERVAL_MS,
        timeoutMs: env.MONITOR_TIMEOUT_MS,
        historySize: env.MONITOR_HISTORY_SIZE,
      }),
    ],
    logger: createLogger({ name: 'monitoring', level: env.LOG_LEVEL }),
    ...(clock ? { clock } : {}),
  };
}

export function createMonitoring(env: MonitoringEnv, clock?: Clock): Promise<ServiceApp> {
  return createServiceApp(monitoringServiceOptions(env, clock));
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
  return startService({ ...monitoringServiceOptions(env), ...(options.exit ? { exit: options.exit } : {}) });
}
