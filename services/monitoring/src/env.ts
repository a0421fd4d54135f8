import { envBoolean, envInt, envList, envPort, loadEnv, productIdentitySchema } from '@groundwork/config';
import { serviceEnvSchema } from '@groundwork/http';
import { outboundEnvSchema } from '@groundwork/outbound';
import { statusEnvSchema } from '@groundwork/status';
import { type StoreOptions, storeEnvSchema } from '@groundwork/store';
import { z } from 'zod';
import { targetsSchema } from './targets.js';

export const monitoringEnvSchema = serviceEnvSchema
  .extend({
    PORT: envPort().default(4004).describe('TCP port of the monitoring service; 0 picks a free one.'),
    MONITOR_TARGETS: targetsSchema
      .prefault('platform=http://127.0.0.1:4003')
      .meta({ envType: 'comma-separated name=url list' })
      .describe(
        'Services to poll, as name=url pairs (e.g. `platform=http://127.0.0.1:4003`); /health and /ready are appended. Each is also a status page component (operator-configured, trusted).',
      ),
    MONITOR_INTERVAL_MS: envInt({ min: 100 }).default(15_000).describe('Time between polling rounds.'),
    MONITOR_TIMEOUT_MS: envInt({ min: 10 })
      .default(3_000)
      .describe(
        'A probe that has not answered in this time counts as failed; a slow service is a down service.',
      ),
    MONITOR_HISTORY_SIZE: envInt({ min: 1, max: 10_000 }).default(120).describe('Samples kept per service.'),
    STATUS_POLLER_ENABLED: envBoolean()
      .default(true)
      .describe(
        'Run the status poller: check every status component on an interval and record samples, daily rollups and damped states in the shared store (STORE_KIND / SQLITE_PATH / COSMOS_*, the platform’s).',
      ),
    STATUS_HTTP_CHECKS: z
      .string()
      .optional()
      .describe(
        'More operator components checked with a plain GET expecting 200, as name=url pairs (trusted: not subject to the outbound address policy).',
      ),
    STATUS_EXTRA_PRODUCT_IDS: envList()
      .default([])
      .describe(
        'More products whose admin-created status components the poller checks (the operator components belong to PRODUCT_ID).',
      ),
    STATUS_INTERVAL_MS: envInt({ min: 1_000, max: 3_600_000 })
      .default(30_000)
      .describe('Time between status poller rounds.'),
    STATUS_DOWN_AFTER: envInt({ min: 1, max: 100 })
      .default(3)
      .describe('Failed checks in a row before a component is reported down (flap damping).'),
    STATUS_UP_AFTER: envInt({ min: 1, max: 100 })
      .default(2)
      .describe('Good checks in a row before a down component is reported up again (flap damping).'),
  })
  .extend(productIdentitySchema.pick({ PRODUCT_ID: true }).shape)
  .extend(statusEnvSchema.pick({ STATUS_HISTORY_DAYS: true, STATUS_SAMPLE_RETENTION_HOURS: true }).shape)
  .extend(storeEnvSchema.shape)
  .extend(outboundEnvSchema.shape)
  .superRefine((env, ctx) => {
    if (env.STATUS_HTTP_CHECKS === undefined) return;
    const parsed = targetsSchema.safeParse(env.STATUS_HTTP_CHECKS);
    if (!parsed.success)
      ctx.addIssue({
        code: 'custom',
        path: ['STATUS_HTTP_CHECKS'],
        message: parsed.error.issues[0]?.message ?? 'invalid',
      });
  });

export type MonitoringEnv = z.output<typeof monitoringEnvSchema>;

export function loadMonitoringConfig(env: Record<string, string | undefined> = process.env): MonitoringEnv {
  return loadEnv(monitoringEnvSchema, env);
}

/** The store the poller writes to: the platform's, from the same variables. */
export function storeOptionsOf(env: MonitoringEnv): StoreOptions {
  const kind = env.STORE_KIND ?? (env.COSMOS_ENDPOINT ? 'cosmos' : 'sqlite');
  if (kind === 'memory') return { kind };
  if (kind === 'sqlite') return { kind, path: env.SQLITE_PATH };
  if (!env.COSMOS_ENDPOINT) throw new Error('COSMOS_ENDPOINT is required when STORE_KIND=cosmos.');
  return {
    kind,
    endpoint: env.COSMOS_ENDPOINT,
    database: env.COSMOS_DATABASE,
    tlsRejectUnauthorized: env.COSMOS_TLS_REJECT_UNAUTHORIZED,
    ...(env.COSMOS_KEY ? { key: env.COSMOS_KEY } : {}),
  };
}

/** Read by `pnpm docs:env` to generate the configuration reference. */
export const envSchemas = [{ title: 'monitoring', schema: monitoringEnvSchema }];
