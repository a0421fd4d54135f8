import { envInt, envPort, loadEnv } from '@groundwork/config';
import { serviceEnvSchema } from '@groundwork/http';
import type { z } from 'zod';
import { targetsSchema } from './targets.js';

export const monitoringEnvSchema = serviceEnvSchema.extend({
  PORT: envPort().default(4004).describe('TCP port of the monitoring service; 0 picks a free one.'),
  MONITOR_TARGETS: targetsSchema
    .prefault('platform=http://127.0.0.1:4003')
    .meta({ envType: 'comma-separated name=url list' })
    .describe(
      'Services to poll, as name=url pairs (e.g. `platform=http://127.0.0.1:4003`); /health and /ready are appended.',
    ),
  MONITOR_INTERVAL_MS: envInt({ min: 100 }).default(15_000).describe('Time between polling rounds.'),
  MONITOR_TIMEOUT_MS: envInt({ min: 10 })
    .default(3_000)
    .describe(
      'A probe that has not answered in this time counts as failed; a slow service is a down service.',
    ),
  MONITOR_HISTORY_SIZE: envInt({ min: 1, max: 10_000 }).default(120).describe('Samples kept per service.'),
});

export type MonitoringEnv = z.output<typeof monitoringEnvSchema>;

export function loadMonitoringConfig(env: Record<string, string | undefined> = process.env): MonitoringEnv {
  return loadEnv(monitoringEnvSchema, env);
}

/** Read by `pnpm docs:env` to generate the configuration reference. */
export const envSchemas = [{ title: 'monitoring', schema: monitoringEnvSchema }];
