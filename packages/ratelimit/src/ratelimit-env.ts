/**
 * The environment variables of the rate-limit module. A service spreads the shape into its own env
 * schema (`platformEnvSchema.extend(ratelimitEnvSchema.shape)`); the configuration reference in
 * the docs is generated from the `.describe()` texts.
 */
import { envBoolean, envEnum, envInt, envList } from '@groundwork/config';
import { z } from 'zod';
import { parseRange } from './ip-match.js';
import { rateLimitRuleSchema } from './schemas.js';

/** `RATELIMIT_RULES`: a JSON array of rules; each is checked like a rule given in code. */
const rulesJson = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON array of rules' });
      return z.NEVER;
    }
  })
  .pipe(z.array(rateLimitRuleSchema).max(200));

export const ratelimitEnvSchema = z.object({
  RATELIMIT_ENABLED: envBoolean()
    .default(true)
    .describe('Enforce rate limits and IP rules; false leaves every request through (the admin API stays).'),
  RATELIMIT_STORE: envEnum(['memory', 'store'] as const)
    .default('memory')
    .describe(
      'Where counters live: `memory` (per instance: N instances let N × limit through) or `store` (the document store, shared by every instance; costs two reads and a write per limited request).',
    ),
  RATELIMIT_TRUSTED_PROXIES: envList()
    .refine((items) => items.every((item) => parseRange(item) !== undefined), {
      message: 'every item must be an IPv4/IPv6 address or CIDR range',
    })
    .default([])
    .describe(
      'IPs or CIDR ranges of the reverse proxies whose X-Forwarded-For is believed (e.g. 10.0.0.0/8). Empty: the TCP peer is the client.',
    ),
  RATELIMIT_RULES: rulesJson
    .default([])
    .describe(
      'Route limits as a JSON array: `[{"id":"api","route":"/v1/*","by":"principal","limit":600,"windowMs":60000}]` (fields: id, route pattern or prefix ending in `*`, optional methods and productId, by `principal` or `ip`, limit, windowMs). Empty: only IP rules apply (sign-in has its own throttles).',
    ),
  RATELIMIT_RULES_CACHE_TTL_MS: envInt({ min: 0, max: 300_000 })
    .default(5_000)
    .describe(
      'How long an instance caches a product’s IP rules and overrides; a change made elsewhere applies here within this bound (at once on the instance that made it).',
    ),
});

export type RatelimitEnv = z.output<typeof ratelimitEnvSchema>;
