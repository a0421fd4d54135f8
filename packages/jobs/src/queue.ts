/**
 * `createQueue()`: enqueue tasks and manage them (get, list, counts, cancel, retry a dead task).
 * A plain service over the store port: no HTTP, no timers. Workers (`worker.ts`) run the tasks.
 */

import type { FieldIssue } from '@groundwork/errors';
import { ConflictError, NotFoundError, ValidationError } from '@groundwork/errors';
import type { Filter } from '@groundwork/store';
import { validationErrorFrom } from './errors.js';
import { jsonValueIssues } from './json-value.js';
import { notifyLocalEnqueue } from './local-wake.js';
import {
  MAX_PAYLOAD_BYTES,
  type QueueConfig,
  type QueueConfigOptions,
  resolveQueueConfig,
} from './queue-config.js';
import {
  type CountOptions,
  countOptionsSchema,
  DEFAULT_BACKOFF,
  DEFAULT_CONCURRENCY_LIMIT,
  DEFAULT_MAX_ATTEMPTS,
  type EnqueueOptions,
  enqueueOptionsSchema,
  type JsonValue,
  type ListOptions,
  listOptionsSchema,
  productIdSchema,
  TASK_STATES,
  type Task,
  type TaskState,
  taskIdSchema,
  taskTypeSchema,
} from './schemas.js';
import { idempotentTaskId, newTaskId } from './task-id.js';
import {
  isAlreadyExists,
  isWriteRace,
  NEVER_EXPIRES,
  type StoredTask,
  stateIs,
  type TaskDocument,
  toDocument,
  toTask,
} from './task-repository.js';
import { cancelled, revived } from './transitions.js';

export interface EnqueueItem {
  type: string;
  payload: unknown;
  options: EnqueueOptions;
}

export interface TaskPage {
  items: Task[];
  /** Pass back as `cursor` (with the same filters) for the next page. */
  nextCursor?: string;
}

export type TaskCounts = Record<TaskState, number>;

export interface Queue {
  /** The resolved settings; `createWorker({ queue })` reuses them. */
  readonly config: QueueConfig;
  /** Adds a task; with an `idempotencyKey` or `taskId` that exists already, returns the existing task. */
  enqueue(type: string, payload: unknown, options: EnqueueOptions): Promise<Task>;
  /** Validates every item first (one `ValidationError` listing all problems), then enqueues them in order. */
  enqueueMany(items: EnqueueItem[]): Promise<Task[]>;
  get(taskId: string, productId: string): Promise<Task | undefined>;
  /** Queued (or dead) → cancelled now; running → `cancelRequested`, and the worker aborts it. */
  cancel(taskId: string, productId: string): Promise<Task>;
  /** Dead → queued with its attempts reset (the error history is kept). */
  retryDead(taskId: string, productId: string): Promise<Task>;
  /** Newest first. Without `productId` the listing spans all products. */
  list(options?: ListOptions): Promise<TaskPage>;
  /** Number of tasks in each state. */
  counts(options?: CountOptions): Promise<TaskCounts>;
}

export interface CreateQueueOptions extends QueueConfigOptions {
  /**
   * Told about every task this queue enqueued, after it is stored: the jobs module wakes its local
   * worker for tasks that are due now instead of letting them wait for the next poll.
   */
  onEnqueued?: (tasks: readonly Task[]) => void;
}

/** Bounds the read-modify-write loops of cancel/retryDead under contention. */
const MAX_WRITE_ROUNDS = 10;
const ENQUEUE_CHUNK = 25;

export function createQueue(options: CreateQueueOptions): Queue {
  const config = resolveQueueConfig(options);
  const { repository, clock } = config;

  function enqueued(tasks: readonly Task[]): void {
    options.onEnqueued?.(tasks);
    notifyLocalEnqueue(config.store, tasks, clock.now());
  }

  function buildDocument(type: unknown, payload: unknown, rawOptions: unknown, prefix: string) {
    const issues: FieldIssue[] = [];
    const typeResult = taskTypeSchema.safeParse(type);
    if (!typeResult.success)
      issues.push(...validationErrorFrom(typeResult.error, `${prefix}type`, '').issues);
    issues.push(...jsonValueIssues(payload, `${prefix}payload`, MAX_PAYLOAD_BYTES));
    const parsed = enqueueOptionsSchema.safeParse(rawOptions);
    if (!parsed.success) issues.push(...validationErrorFrom(parsed.error, `${prefix}options`, '').issues);
    if (issues.length > 0 || !parsed.success || !typeResult.success) return { issues };

    const o = parsed.data;
    const now = clock.now();
    const runAt = o.runAt instanceof Date ? o.runAt.getTime() : (o.runAt ?? now + (o.delayMs ?? 0));
    const id =
      o.taskId ??
      (o.idempotencyKey === undefined
        ? (config.idGenerator?.() ?? newTaskId(now))
        : idempotentTaskId(typeResult.data, o.productId, o.idempotencyKey));
    const document: TaskDocument = {
      id,
      pk: o.productId,
      productId: o.productId,
      type: typeResult.data,
      payload: payload as JsonValue,
      state: 'queued',
      priority: o.priority ?? 0,
      runAt,
      attempts: 0,
      maxAttempts: o.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      backoff: o.backoff ?? DEFAULT_BACKOFF,
      timeoutMs: o.timeoutMs ?? null,
      concurrencyKey: o.concurrencyKey ?? null,
      concurrencyLimit: o.concurrencyLimit ?? DEFAULT_CONCURRENCY_LIMIT,
      idempotencyKey: o.idempotencyKey ?? null,
      lease: null,
      cancelRequested: false,
      progress: null,
      errors: [],
      result: null,
      createdAt: now,
      startedAt: null,
      finishedAt: null,
      ttl: NEVER_EXPIRES,
    };
    return { issues, document };
  }

  /** Create, or on 409 return the task that holds the id (it must be of the same type). */
  async function insert(document: TaskDocument): Promise<Task> {
    for (let round = 0; round < MAX_WRITE_ROUNDS; round++) {
      try {
        return toTask(await repository.create(document));
      } catch (error) {
        if (!isAlreadyExists(error)) throw error;
      }
      const existing = await repository.read(document.id, document.productId);
      if (!existing) continue; // expired or deleted since: create again
      if (existing.type !== document.type)
        throw new ConflictError(
          `Task "${document.id}" already exists with type "${existing.type}", not "${document.type}".`,
          'task_id_conflict',
        );
      return toTask(existing);
    }
    throw new ConflictError(
      `Task "${document.id}" kept changing while enqueueing it.`,
      'task_write_contention',
    );
  }

  async function mustRead(taskId: string, productId: string): Promise<StoredTask> {
    const idOk = taskIdSchema.safeParse(taskId);
    const productOk = productIdSchema.safeParse(productId);
    if (!idOk.success || !productOk.success)
      throw new ValidationError(
        [
          ...(idOk.success ? [] : [{ path: 'taskId', message: 'is not a valid task id', code: 'invalid' }]),
          ...(productOk.success
            ? []
            : [{ path: 'productId', message: 'is not a valid product id', code: 'invalid' }]),
        ],
        'Invalid task reference.',
      );
    const doc = await repository.read(taskId, productId);
    if (!doc) throw new NotFoundError(`Task "${taskId}" was not found.`, 'task_not_found');
    return doc;
  }

  /** Read, compute the next document, write with ifMatch; on a lost race read again. */
  async function update(
    taskId: string,
    productId: string,
    next: (doc: StoredTask) => TaskDocument | undefined,
  ): Promise<Task> {
    for (let round = 0; round < MAX_WRITE_ROUNDS; round++) {
      const doc = await mustRead(taskId, productId);
      const replacement = next(doc);
      if (!replacement) return toTask(doc);
      try {
        return toTask(await repository.replace(replacement, doc.etag));
      } catch (error) {
        if (!isWriteRace(error)) throw error;
      }
    }
    throw new ConflictError(`Task "${taskId}" kept changing; try again.`, 'task_write_contention');
  }

  function filterOf(state: TaskState | undefined, type: string | undefined): Filter | undefined {
    const parts: Filter[] = [];
    if (state !== undefined) parts.push(stateIs(state));
    if (type !== undefined) parts.push({ field: 'type', op: 'eq', value: type });
    return parts.length === 0 ? undefined : { and: parts };
  }

  return {
    config,

    async enqueue(type, payload, enqueueOptions) {
      const built = buildDocument(type, payload, enqueueOptions, '');
      if (!built.document) throw new ValidationError(built.issues, 'The task cannot be enqueued.');
      const task = await insert(built.document);
      enqueued([task]);
      return task;
    },

    async enqueueMany(items) {
      if (!Array.isArray(items))
        throw new ValidationError([{ path: 'items', message: 'must be an array', code: 'invalid_type' }]);
      const documents: TaskDocument[] = [];
      const issues: FieldIssue[] = [];
      items.forEach((item, index) => {
        const built = buildDocument(item?.type, item?.payload, item?.options, `items.${index}.`);
        if (built.document) documents.push(built.document);
        issues.push(...built.issues);
      });
      if (issues.length > 0) throw new ValidationError(issues, 'Some tasks cannot be enqueued; none were.');
      // One store transaction where the store offers it; an id that exists goes through `insert`.
      const created = await repository.createMany(documents);
      if (created) {
        const tasks = await Promise.all(
          created.map((result, index) => {
            if (result.ok) return toTask(result.document);
            if (!isAlreadyExists(result.error)) throw result.error;
            return insert(documents[index] as TaskDocument);
          }),
        );
        enqueued(tasks);
        return tasks;
      }
      const tasks: Task[] = [];
      for (let start = 0; start < documents.length; start += ENQUEUE_CHUNK) {
        tasks.push(...(await Promise.all(documents.slice(start, start + ENQUEUE_CHUNK).map(insert))));
      }
      enqueued(tasks);
      return tasks;
    },

    async get(taskId, productId) {
      if (!taskIdSchema.safeParse(taskId).success || !productIdSchema.safeParse(productId).success)
        return undefined;
      const doc = await repository.read(taskId, productId);
      return doc ? toTask(doc) : undefined;
    },

    cancel(taskId, productId) {
      return update(taskId, productId, (doc) => {
        switch (doc.state) {
          case 'queued':
          case 'dead':
            return cancelled(toDocument(doc), clock.now(), config.completedTtlSeconds);
          case 'running':
            return doc.cancelRequested ? undefined : { ...toDocument(doc), cancelRequested: true };
          case 'cancelled':
            return undefined;
          case 'completed':
            throw new ConflictError(`Task "${taskId}" has already completed.`, 'task_not_cancellable');
        }
      });
    },

    retryDead(taskId, productId) {
      return update(taskId, productId, (doc) => {
        if (doc.state !== 'dead')
          throw new ConflictError(`Task "${taskId}" is ${doc.state}, not dead.`, 'task_not_dead');
        return revived(toDocument(doc), clock.now());
      });
    },

    async list(listOptions = {}) {
      const parsed = listOptionsSchema.safeParse(listOptions);
      if (!parsed.success) throw validationErrorFrom(parsed.error, '', 'Invalid list options.');
      const { productId, state, type, limit, cursor } = parsed.data;
      const page = await repository.list(filterOf(state, type), productId, limit ?? 50, cursor);
      return {
        items: page.items.map(toTask),
        ...(page.nextCursor === undefined ? {} : { nextCursor: page.nextCursor }),
      };
    },

    async counts(countOptions = {}) {
      const parsed = countOptionsSchema.safeParse(countOptions);
      if (!parsed.success) throw validationErrorFrom(parsed.error, '', 'Invalid count options.');
      const { productId, type } = parsed.data;
      const values = await Promise.all(
        TASK_STATES.map((state) => repository.count(filterOf(state, type), productId)),
      );
      return Object.fromEntries(TASK_STATES.map((state, index) => [state, values[index] ?? 0])) as TaskCounts;
    },
  };
}
