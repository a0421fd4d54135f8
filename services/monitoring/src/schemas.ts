import { z } from 'zod';

const stateSchema = z
  .enum(['up', 'degraded', 'down', 'unknown'])
  .describe(
    'up: /health and /ready answer 2xx; degraded: alive but not ready; down: /health failed or timed out.',
  );

const probeSchema = z.object({
  ok: z.boolean(),
  httpStatus: z.number().int().optional(),
  latencyMs: z.number().int().nonnegative(),
  error: z.string().optional().describe('timeout, unreachable or http_<status>'),
});

export const sampleSchema = z.object({
  at: z.iso.datetime(),
  state: stateSchema,
  health: probeSchema,
  ready: probeSchema,
});

export const serviceStatusSchema = z.object({
  name: z.string(),
  baseUrl: z.string(),
  state: stateSchema,
  since: z.iso.datetime().optional(),
  lastCheckedAt: z.iso.datetime().optional(),
  consecutiveFailures: z.number().int().nonnegative(),
  uptimeRatio: z.number().min(0).max(1).optional(),
  latest: sampleSchema.optional(),
});

export const aggregateStatusSchema = z.object({
  status: stateSchema,
  checkedAt: z.iso.datetime().optional(),
  services: z.array(serviceStatusSchema),
});

export const serviceParamsSchema = z.object({ service: z.string().regex(/^[a-z][a-z0-9-]{0,62}$/) });

export const serviceHistorySchema = serviceStatusSchema.extend({
  history: z.array(sampleSchema).describe('Recent samples, oldest first.'),
});
