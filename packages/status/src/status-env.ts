/**
 * The environment variables of the status module. A service spreads the shape into its own env
 * schema (`platformEnvSchema.extend(statusEnvSchema.shape)`); the configuration reference in the
 * docs is generated from the `.describe()` texts.
 */
import { envInt } from '@groundwork/config';
import { z } from 'zod';

export const statusEnvSchema = z.object({
  STATUS_HISTORY_DAYS: envInt({ min: 1, max: 3_650 })
    .default(90)
    .describe('Days of daily uptime rollups kept per component (the status page shows 90).'),
  STATUS_SAMPLE_RETENTION_HOURS: envInt({ min: 1, max: 9_600 })
    .default(48)
    .describe('Hours raw check samples are kept (recent response times, debugging).'),
  STATUS_PUBLIC_MAX_AGE_SECONDS: envInt({ min: 0, max: 3_600 })
    .default(15)
    .describe('Seconds clients and CDNs may cache `GET /v1/public/status` (history and feeds: 4×).'),
  STATUS_PAGE_URL: z
    .url({ protocol: /^https?$/ })
    .optional()
    .describe('The public status page (services/status), linked from the RSS and Atom feeds.'),
});

export type StatusEnv = z.output<typeof statusEnvSchema>;
