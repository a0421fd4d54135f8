/**
 * The zod schemas of the jobs package: the source of its public types. Enqueue options and list
 * options are parsed with them (strictly, so a misspelt option is an error, not a silent no-op).
 */
import { z } from 'zod';

/** A JSON value as stored in a task (payload, progress, result). Checked by `json-value.ts`. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export const TASK_STATES = ['queued', 'running', 'completed', 'dead', 'cancelled'] as const;
export const taskStateSchema = z.enum(TASK_STATES);
/**
 * `queued` (waiting, possibly until a later `runAt`; a failed attempt awaiting its retry is queued),
 * `running` (claimed by a worker's lease), `completed`, `dead` (attempts exhausted), `cancelled`.
 */
export type TaskState = z.infer<typeof taskStateSchema>;

/** Task types and concurrency keys become parts of ids and lease names: no `/ \ ? #`. */
const NAME_PATTERN = /^[^/\\?#\s]{1,200}$/;

export const taskTypeSchema = z
  .string()
  .regex(NAME_PATTERN, 'must be 1-200 characters without / \\ ? # or spaces');

export const productIdSchema = z
  .string()
  .regex(NAME_PATTERN, 'must be 1-200 characters without / \\ ? # or spaces');

export const taskIdSchema = z
  .string()
  .regex(/^[^/\\?#\s]{1,250}$/, 'must be 1-250 characters without / \\ ? # or spaces');

export const backoffSchema = z
  .object({
    type: z.literal('exponential'),
    /** Delay cap of the first retry, in ms; the n-th retry's cap is `baseMs * 2^(n-1)`. */
    baseMs: z.number().int().min(0).max(86_400_000),
    /** Upper bound of any single delay, in ms. */
    maxMs: z
      .number()
      .int()
      .min(0)
      .max(30 * 86_400_000),
  })
  .strict()
  .refine((backoff) => backoff.maxMs >= backoff.baseMs, {
    message: 'maxMs must be >= baseMs',
    path: ['maxMs'],
  });
/** Exponential backoff with full jitter: the delay is uniform in `[0, min(maxMs, baseMs * 2^(n-1))]`. */
export type Backoff = z.infer<typeof backoffSchema>;

export const DEFAULT_BACKOFF: Backoff = { type: 'exponential', baseMs: 1_000, maxMs: 3_600_000 };
export const DEFAULT_MAX_ATTEMPTS = 5;
export const DEFAULT_CONCURRENCY_LIMIT = 1;

export const enqueueOptionsSchema = z
  .object({
    /** The product the task belongs to (multi-product platform); also the partition key. */
    productId: productIdSchema,
    /** Earliest run time, ms since the epoch or a Date. Exclusive with `delayMs`. */
    runAt: z.union([z.number().int().min(0), z.date()]).optional(),
    /** Run no earlier than this many ms from now. Exclusive with `runAt`. */
    delayMs: z.number().int().min(0).optional(),
    /** Higher runs first among due tasks (default 0). */
    priority: z.number().int().min(-1_000_000).max(1_000_000).optional(),
    /** A second enqueue with the same key, type and product returns the existing task. */
    idempotencyKey: z.string().min(1).max(500).optional(),
    /** An explicit, deterministic task id (e.g. a scheduler's `job:slot-time`). Exclusive with `idempotencyKey`. */
    taskId: taskIdSchema.optional(),
    /** Attempts before the task goes to dead letter (default 5). */
    maxAttempts: z.number().int().min(1).max(1_000).optional(),
    backoff: backoffSchema.optional(),
    /** Per-attempt timeout in ms: the handler's signal aborts and the attempt fails. */
    timeoutMs: z.number().int().min(1).max(86_400_000).optional(),
    /** At most `concurrencyLimit` tasks with this key run at once, across all workers. */
    concurrencyKey: z
      .string()
      .regex(NAME_PATTERN, 'must be 1-200 characters without / \\ ? # or spaces')
      .optional(),
    concurrencyLimit: z.number().int().min(1).max(100).optional(),
  })
  .strict()
  .refine((options) => options.runAt === undefined || options.delayMs === undefined, {
    message: 'give runAt or delayMs, not both',
    path: ['delayMs'],
  })
  .refine((options) => options.taskId === undefined || options.idempotencyKey === undefined, {
    message: 'give taskId or idempotencyKey, not both',
    path: ['taskId'],
  })
  .refine((options) => options.concurrencyLimit === undefined || options.concurrencyKey !== undefined, {
    message: 'concurrencyLimit needs a concurrencyKey',
    path: ['concurrencyLimit'],
  });
export type EnqueueOptions = z.input<typeof enqueueOptionsSchema>;

export interface TaskErrorEntry {
  /** The attempt (1-based) that failed. */
  attempt: number;
  /** When it was recorded, ms since the epoch. */
  at: number;
  message: string;
  name: string;
}

export interface TaskLease {
  workerId: string;
  /** Random id of this claim: every write of the worker is fenced on it. */
  token: string;
  /** The claim lapses at this time (ms since the epoch) unless renewed by a heartbeat. */
  expiresAt: number;
}

/** A task as `get()` and `list()` return it. Times are ms since the epoch (the queue's clock). */
export interface Task {
  id: string;
  productId: string;
  type: string;
  payload: JsonValue;
  state: TaskState;
  priority: number;
  runAt: number;
  attempts: number;
  maxAttempts: number;
  backoff: Backoff;
  timeoutMs: number | null;
  concurrencyKey: string | null;
  concurrencyLimit: number;
  idempotencyKey: string | null;
  lease: TaskLease | null;
  cancelRequested: boolean;
  progress: JsonValue | null;
  errors: TaskErrorEntry[];
  result: JsonValue | null;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  /** ISO time of the last write (the store's clock). */
  updatedAt: string;
}

export const listOptionsSchema = z
  .object({
    productId: productIdSchema.optional(),
    state: taskStateSchema.optional(),
    type: taskTypeSchema.optional(),
    limit: z.number().int().min(1).max(1_000).optional(),
    cursor: z.string().min(1).optional(),
  })
  .strict();
export type ListOptions = z.input<typeof listOptionsSchema>;

export const countOptionsSchema = z
  .object({ productId: productIdSchema.optional(), type: taskTypeSchema.optional() })
  .strict();
export type CountOptions = z.input<typeof countOptionsSchema>;
