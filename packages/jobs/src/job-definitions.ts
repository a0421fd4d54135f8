/**
 * Job definitions: the zod schema of what `scheduler.define()` accepts, and the `job_definitions`
 * container where each definition lives with its runtime state (paused, next and last run).
 * Code owns the schedule, task type, payload and policies; the store owns the runtime state, so
 * re-defining a job on every start never clobbers a pause or the run bookkeeping.
 */
import type { ContainerSpec, StoredDocument } from '@groundwork/store';
import { z } from 'zod';
import { type CatchUp, DEFAULT_CATCH_UP_WINDOW_MS } from './catch-up.js';
import { jsonValueIssues } from './json-value.js';
import { MAX_PAYLOAD_BYTES } from './queue-config.js';
import { createCron, isTimeZone, type Schedule } from './schedule.js';
import { backoffSchema, type JsonValue, productIdSchema, taskTypeSchema } from './schemas.js';

export const JOB_DEFINITIONS_CONTAINER: ContainerSpec = {
  name: 'job_definitions',
  partitionKey: '/productId',
  description: 'Scheduled job definitions (schedule, time zone, policies) and their runtime state.',
};

const MAX_EVERY_MS = 366 * 86_400_000;

const cronScheduleSchema = z
  .object({
    /** 5 fields (minute precision) or 6 fields (with seconds first). */
    cron: z.string().min(9).max(200),
    /** IANA time zone the expression is read in (default `UTC`). */
    timezone: z.string().min(1).max(100).optional(),
  })
  .strict()
  .superRefine((schedule, ctx) => {
    const timezone = schedule.timezone ?? 'UTC';
    if (!isTimeZone(timezone)) {
      ctx.addIssue({ code: 'custom', path: ['timezone'], message: `unknown time zone "${timezone}"` });
      return;
    }
    try {
      createCron(schedule.cron, timezone);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      ctx.addIssue({ code: 'custom', path: ['cron'], message: `invalid cron expression: ${detail}` });
    }
  });

const intervalScheduleSchema = z
  .object({
    /** Fixed interval in ms (>= 1 s), aligned to the Unix epoch. */
    everyMs: z.number().int().min(1_000).max(MAX_EVERY_MS),
  })
  .strict();

export const jobScheduleSchema = z.union([cronScheduleSchema, intervalScheduleSchema]);

export const catchUpSchema = z
  .object({
    policy: z.enum(['skip', 'latest', 'all']),
    windowMs: z.number().int().min(1).max(MAX_EVERY_MS).optional(),
  })
  .strict();

/** The enqueue options a job passes to each of its tasks (id, product and run time are the scheduler's). */
export const jobTaskOptionsSchema = z
  .object({
    priority: z.number().int().min(-1_000_000).max(1_000_000).optional(),
    maxAttempts: z.number().int().min(1).max(1_000).optional(),
    backoff: backoffSchema.optional(),
    timeoutMs: z.number().int().min(1).max(86_400_000).optional(),
    concurrencyKey: taskTypeSchema.optional(),
    concurrencyLimit: z.number().int().min(1).max(100).optional(),
  })
  .strict()
  .refine((options) => options.concurrencyLimit === undefined || options.concurrencyKey !== undefined, {
    message: 'concurrencyLimit needs a concurrencyKey',
    path: ['concurrencyLimit'],
  });

/** Plain JSON of at most 256 KiB (checked by `json-value.ts`); issue paths are relative to the payload. */
const payloadSchema = z.unknown().superRefine((payload, ctx) => {
  for (const issue of jsonValueIssues(payload ?? null, 'payload', MAX_PAYLOAD_BYTES))
    ctx.addIssue({ code: 'custom', path: issue.path.split('.').slice(1), message: issue.message });
});
export type JobTaskOptions = z.infer<typeof jobTaskOptionsSchema>;

export const jobDefinitionSchema = z
  .object({
    /** Unique per product; part of task ids (`job:<name>:<slot>`). */
    name: z.string().regex(/^[A-Za-z0-9._-]{1,150}$/, 'must be 1-150 letters, digits, . _ -'),
    /** The task type a worker handles. */
    type: taskTypeSchema,
    productId: productIdSchema,
    schedule: jobScheduleSchema,
    payload: payloadSchema.optional(),
    /** `false` turns the job off from code; runtime pause/resume is separate (`paused`). */
    enabled: z.boolean().optional(),
    /** `skip` (default): no new run while the previous one is queued or running. */
    overlap: z.enum(['skip', 'allow']).optional(),
    /** After downtime (default `latest`). */
    catchUp: catchUpSchema.optional(),
    taskOptions: jobTaskOptionsSchema.optional(),
  })
  .strict();
export type JobDefinitionInput = z.input<typeof jobDefinitionSchema>;

/** A validated definition with its defaults applied. */
export interface JobDefinition {
  name: string;
  type: string;
  productId: string;
  schedule: Schedule;
  payload: JsonValue;
  enabled: boolean;
  overlap: 'skip' | 'allow';
  catchUp: CatchUp;
  taskOptions: JobTaskOptions;
}

export function normalizeDefinition(job: z.output<typeof jobDefinitionSchema>): JobDefinition {
  const schedule: Schedule =
    'cron' in job.schedule
      ? { kind: 'cron', cron: job.schedule.cron.trim(), timezone: job.schedule.timezone ?? 'UTC' }
      : { kind: 'interval', everyMs: job.schedule.everyMs };
  const catchUp = job.catchUp ?? { policy: 'latest' };
  return {
    name: job.name,
    type: job.type,
    productId: job.productId,
    schedule,
    payload: (job.payload ?? null) as JsonValue,
    enabled: job.enabled ?? true,
    overlap: job.overlap ?? 'skip',
    catchUp: {
      policy: catchUp.policy,
      windowMs: catchUp.windowMs ?? (catchUp.policy === 'all' ? DEFAULT_CATCH_UP_WINDOW_MS : undefined),
    },
    taskOptions: job.taskOptions ?? {},
  };
}

/** What is stored: the definition from code plus the runtime state. Times are ms since the epoch. */
export interface JobDefinitionDocument {
  id: string;
  pk: string;
  name: string;
  productId: string;
  type: string;
  schedule: Schedule;
  /** The schedule's time zone (`UTC` for intervals), duplicated for listing. */
  timezone: string;
  payload: JsonValue;
  enabled: boolean;
  overlap: 'skip' | 'allow';
  catchUp: { policy: CatchUp['policy']; windowMs: number | null };
  taskOptions: JobTaskOptions;
  /** Runtime: set by `pause()`, cleared by `resume()`; kept across re-definitions. */
  paused: boolean;
  /** The next slot not yet handled; `null` when the schedule has no more slots. */
  nextRunAt: number | null;
  /** The latest slot handled (run, skipped or passed over). */
  lastSlot: number | null;
  /** When the latest run was scheduled for (slot time, or the time of a manual trigger). */
  lastRunAt: number | null;
  /** The latest run's id (its task id). */
  lastRunId: string | null;
  createdAt: number;
}

export type StoredJobDefinition = StoredDocument<JobDefinitionDocument>;

/** The code-owned fields of a definition document, compared to decide whether a re-definition writes. */
export function codeFields(job: JobDefinition) {
  return {
    type: job.type,
    schedule: job.schedule,
    timezone: job.schedule.kind === 'cron' ? job.schedule.timezone : 'UTC',
    payload: job.payload,
    enabled: job.enabled,
    overlap: job.overlap,
    catchUp: { policy: job.catchUp.policy, windowMs: job.catchUp.windowMs ?? null },
    taskOptions: job.taskOptions,
  };
}

/** The definition as stored in `doc` (used by instances that did not `define()` the job themselves). */
export function definitionOf(doc: JobDefinitionDocument): JobDefinition {
  return {
    name: doc.name,
    type: doc.type,
    productId: doc.productId,
    schedule: doc.schedule,
    payload: doc.payload,
    enabled: doc.enabled,
    overlap: doc.overlap,
    catchUp: { policy: doc.catchUp.policy, windowMs: doc.catchUp.windowMs ?? undefined },
    taskOptions: doc.taskOptions,
  };
}

/** Stable JSON for comparing plain values (key order normalized). */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}
