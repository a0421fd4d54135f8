/**
 * The environment variables of the settings module (kill switch and maintenance). A service spreads
 * the shape into its own env schema (`platformEnvSchema.extend(settingsEnvSchema.shape)`); the
 * configuration reference in the docs is generated from the `.describe()` texts.
 */
import { envEnum, envInt, envList } from '@groundwork/config';
import { parseRange } from '@groundwork/ratelimit';
import { z } from 'zod';
import { MAINTENANCE_MODES } from './schemas.js';

export const settingsEnvSchema = z.object({
  MAINTENANCE_MODE: envEnum(MAINTENANCE_MODES)
    .optional()
    .describe(
      'When set, overrides the stored maintenance mode of every product (e.g. `read_only` for a deploy; `off` forces it off). Unset: the stored mode applies.',
    ),
  MAINTENANCE_BYPASS_IPS: envList()
    .refine((items) => items.every((item) => parseRange(item) !== undefined), {
      message: 'every item must be an IPv4/IPv6 address or CIDR range',
    })
    .default([])
    .describe(
      'IPs or CIDR ranges that bypass maintenance, added to each product’s `bypassIPs` (e.g. 10.0.0.1,10.0.0.0/24).',
    ),
  MAINTENANCE_CACHE_TTL_MS: envInt({ min: 0, max: 300_000 })
    .default(5_000)
    .describe(
      'How long an instance caches a product’s maintenance state and kill switch: a change made on another instance applies here within this bound (at once where it was made).',
    ),
  MAINTENANCE_RETRY_AFTER_SECONDS: envInt({ min: 1, max: 86_400 })
    .default(300)
    .describe('`Retry-After` of a 503 when the maintenance has no scheduled end ahead.'),
  MAINTENANCE_SCHEDULE_INTERVAL_MS: envInt({ min: 1_000, max: 3_600_000 })
    .default(60_000)
    .describe(
      'How often the scheduled-window job switches windows on and off (the lateness bound of a window).',
    ),
  KILL_SWITCH_MAX_AGE_SECONDS: envInt({ min: 0, max: 3_600 })
    .default(30)
    .describe(
      '`Cache-Control: public, max-age` of `GET /v1/settings/kill-switch` and `GET /v1/settings/maintenance`.',
    ),
});

export type SettingsEnv = z.output<typeof settingsEnvSchema>;
