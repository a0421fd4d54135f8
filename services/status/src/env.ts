import { envInt, envPort, envUrl, loadEnv } from '@groundwork/config';
import { serviceEnvSchema } from '@groundwork/http';
import { z } from 'zod';

export const statusPageEnvSchema = serviceEnvSchema.extend({
  PORT: envPort().default(4005).describe('TCP port of the public status page; 0 picks a free one.'),
  STATUS_PLATFORM_URL: envUrl()
    .default('http://127.0.0.1:4003')
    .describe(
      'Base URL of the platform API the page reads (`/v1/public/status`, `/v1/public/status/history`, feeds). Operator-configured, so not subject to the outbound address policy.',
    ),
  STATUS_PRODUCT_ID: z
    .string()
    .regex(/^[^/\\?#\s]{1,200}$/, 'must be 1-200 characters without / \\ ? # or spaces')
    .optional()
    .describe(
      'The product whose status the page shows (`?product=`); default: the platform’s default product.',
    ),
  STATUS_PAGE_TITLE: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .default('Groundwork')
    .describe('The name in the page title and heading ("<title> status").'),
  STATUS_REFRESH_MS: envInt({ min: 1_000, max: 3_600_000 })
    .default(30_000)
    .describe('How often the page refreshes its copy of the platform’s status in the background.'),
  STATUS_FETCH_TIMEOUT_MS: envInt({ min: 100, max: 60_000 })
    .default(5_000)
    .describe('A platform request slower than this fails; the page keeps serving the last known state.'),
  STATUS_CACHE_FILE: z
    .string()
    .min(1)
    .optional()
    .describe(
      'A file the last known state is written to, so a restarted page can serve it while the platform is unreachable (e.g. `./data/status-page.json`).',
    ),
});

export type StatusPageEnv = z.output<typeof statusPageEnvSchema>;

export function loadStatusPageConfig(env: Record<string, string | undefined> = process.env): StatusPageEnv {
  return loadEnv(statusPageEnvSchema, env);
}

/** Read by `pnpm docs:env` to generate the configuration reference. */
export const envSchemas = [{ title: 'status', schema: statusPageEnvSchema }];
