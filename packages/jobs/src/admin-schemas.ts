/**
 * Zod schemas of the admin API (`routes.ts`): params, queries and responses, the single source
 * of its types and of its OpenAPI document; plus the functions shaping a task, job and run into
 * what the API returns (times as ISO strings, no lease token).
 */
import { z } from 'zod';
import { JOB_RUN_STATUSES, type JobRun } from './job-runs.js';
import type { JobSummary } from './scheduler.js';
import { TASK_STATES, type Task } from './schemas.js';

const isoTime = z.iso.datetime();
const nullableIsoTime = isoTime.nullable();
const json = z.unknown().describe('Any JSON value.');

function iso(ms: number): string;
function iso(ms: number | null): string | null;
function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

export const jobNameParamsSchema = z.object({
  name: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,150}$/, 'must be 1-150 letters, digits, . _ -')
    .describe('Job name, e.g. `jobs.dead-letter-report`.'),
});

export const taskIdParamsSchema = z.object({
  id: z
    .string()
    .regex(/^[^/\\?#\s]{1,250}$/, 'must be 1-250 characters without / \\ ? # or spaces')
    .describe('Task id (`task_…`, or `job:<name>:<slot>` for a scheduled run).'),
});

const limitSchema = z.coerce.number().int().min(1).max(100).default(20).describe('Page size (1-100).');
const cursorSchema = z.string().min(1).max(4_000).optional().describe('`nextCursor` of the previous page.');
const taskTypeQuerySchema = z
  .string()
  .regex(/^[^/\\?#\s]{1,200}$/, 'must be 1-200 characters without / \\ ? # or spaces');

export const listRunsQuerySchema = z.object({
  status: z.enum(JOB_RUN_STATUSES).optional().describe('Only runs in this status.'),
  limit: limitSchema,
  cursor: cursorSchema,
});

export const listTasksQuerySchema = z.object({
  state: z.enum(TASK_STATES).optional().describe('Only tasks in this state.'),
  type: taskTypeQuerySchema.optional().describe('Only tasks of this type.'),
  limit: limitSchema,
  cursor: cursorSchema,
});

export const countTasksQuerySchema = z.object({
  type: taskTypeQuerySchema
    .optional()
    .describe('Count only this type (default: every type this instance knows).'),
});

const scheduleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('cron'), cron: z.string(), timezone: z.string() }),
  z.object({ kind: z.literal('interval'), everyMs: z.number().int() }),
]);

export const jobSchema = z
  .object({
    name: z.string(),
    productId: z.string(),
    type: z.string().describe('The task type each run enqueues.'),
    schedule: scheduleSchema,
    timezone: z.string(),
    enabled: z.boolean().describe('Set in code; a disabled job never runs.'),
    paused: z.boolean().describe('Set by an admin (pause / resume).'),
    overlap: z.enum(['skip', 'allow']),
    catchUp: z.object({ policy: z.enum(['skip', 'latest', 'all']), windowMs: z.number().int().nullable() }),
    nextRunAt: nullableIsoTime.describe('The next slot not yet handled; null when there is none.'),
    lastRunAt: nullableIsoTime,
    lastRunId: z.string().nullable().describe('The latest run’s id, which is its task id.'),
    lastRunStatus: z.enum(JOB_RUN_STATUSES).nullable(),
    lastRunError: z.string().nullable(),
  })
  .describe('A scheduled job with its last run and next run.');
export type JobView = z.infer<typeof jobSchema>;

export const jobListSchema = z.object({ items: z.array(jobSchema) }).describe('Jobs, by name.');

export const jobRunSchema = z
  .object({
    runId: z.string().describe('The run’s task id.'),
    jobName: z.string(),
    productId: z.string(),
    trigger: z.enum(['schedule', 'manual']),
    scheduledAt: isoTime,
    status: z.enum(JOB_RUN_STATUSES),
    attempts: z.number().int(),
    startedAt: nullableIsoTime,
    completedAt: nullableIsoTime,
    error: z.string().nullable(),
  })
  .describe('One run of a job.');
export type JobRunView = z.infer<typeof jobRunSchema>;

export const jobRunPageSchema = z
  .object({
    items: z.array(jobRunSchema),
    nextCursor: z
      .string()
      .optional()
      .describe('Pass as `cursor` for the next page; absent on the last page.'),
  })
  .describe('A page of runs, newest first.');

export const taskSchema = z
  .object({
    id: z.string(),
    productId: z.string(),
    type: z.string(),
    state: z.enum(TASK_STATES),
    priority: z.number().int(),
    payload: json,
    runAt: isoTime.describe('Earliest time of the next attempt.'),
    attempts: z.number().int(),
    maxAttempts: z.number().int(),
    timeoutMs: z.number().int().nullable(),
    concurrencyKey: z.string().nullable(),
    idempotencyKey: z.string().nullable(),
    lease: z
      .object({ workerId: z.string(), expiresAt: isoTime })
      .nullable()
      .describe('The running attempt’s worker and lease expiry.'),
    cancelRequested: z.boolean(),
    progress: json.nullable(),
    errors: z
      .array(z.object({ attempt: z.number().int(), at: isoTime, name: z.string(), message: z.string() }))
      .describe('Failed attempts, oldest first (the latest 50).'),
    result: json.nullable(),
    createdAt: isoTime,
    startedAt: nullableIsoTime,
    finishedAt: nullableIsoTime,
    updatedAt: z.string(),
  })
  .describe('A background task.');
export type TaskView = z.infer<typeof taskSchema>;

export const taskPageSchema = z
  .object({
    items: z.array(taskSchema),
    nextCursor: z
      .string()
      .optional()
      .describe('Pass as `cursor` for the next page; absent on the last page.'),
  })
  .describe('A page of tasks, newest first.');

const stateCountsSchema = z.object(
  Object.fromEntries(TASK_STATES.map((state) => [state, z.number().int()])) as Record<
    (typeof TASK_STATES)[number],
    z.ZodNumber
  >,
);

export const taskCountsSchema = z
  .object({
    total: stateCountsSchema.describe('Every task of the product, by state.'),
    byType: z
      .array(z.object({ type: z.string(), counts: stateCountsSchema }))
      .describe('By task type: the `type` asked for, or each type this instance has a handler or job for.'),
  })
  .describe('Task counts by state and type.');

export function taskView(task: Task): TaskView {
  return {
    id: task.id,
    productId: task.productId,
    type: task.type,
    state: task.state,
    priority: task.priority,
    payload: task.payload,
    runAt: iso(task.runAt),
    attempts: task.attempts,
    maxAttempts: task.maxAttempts,
    timeoutMs: task.timeoutMs,
    concurrencyKey: task.concurrencyKey,
    idempotencyKey: task.idempotencyKey,
    lease: task.lease ? { workerId: task.lease.workerId, expiresAt: iso(task.lease.expiresAt) } : null,
    cancelRequested: task.cancelRequested,
    progress: task.progress,
    errors: task.errors.map((entry) => ({ ...entry, at: iso(entry.at) })),
    result: task.result,
    createdAt: iso(task.createdAt),
    startedAt: iso(task.startedAt),
    finishedAt: iso(task.finishedAt),
    updatedAt: task.updatedAt,
  };
}

export function jobView(job: JobSummary): JobView {
  return {
    ...job,
    nextRunAt: iso(job.nextRunAt),
    lastRunAt: iso(job.lastRunAt),
  };
}

export function jobRunView(run: JobRun): JobRunView {
  return {
    ...run,
    scheduledAt: iso(run.scheduledAt),
    startedAt: iso(run.startedAt),
    completedAt: iso(run.completedAt),
  };
}
