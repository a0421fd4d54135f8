export { backoffCapMs, backoffDelayMs } from './backoff.js';
export type { ConcurrencySlots } from './concurrency-slots.js';
export { slotName } from './concurrency-slots.js';
export {
  LeaseExpiredError,
  LeaseLostError,
  RetryAt,
  TaskCancelledError,
  TaskTimeoutError,
  WorkerStoppingError,
} from './errors.js';
export type { JobsLogger } from './logger.js';
export type { CreateQueueOptions, EnqueueItem, Queue, TaskCounts, TaskPage } from './queue.js';
export { createQueue } from './queue.js';
export type { QueueConfig, QueueConfigOptions } from './queue-config.js';
export {
  DEFAULT_COMPLETED_TTL_SECONDS,
  DEFAULT_LEASE_MS,
  MAX_PAYLOAD_BYTES,
  MAX_RESULT_BYTES,
} from './queue-config.js';
export type {
  Backoff,
  CountOptions,
  EnqueueOptions,
  JsonValue,
  ListOptions,
  Task,
  TaskErrorEntry,
  TaskLease,
  TaskState,
} from './schemas.js';
export {
  backoffSchema,
  DEFAULT_BACKOFF,
  DEFAULT_CONCURRENCY_LIMIT,
  DEFAULT_MAX_ATTEMPTS,
  enqueueOptionsSchema,
  listOptionsSchema,
  TASK_STATES,
  taskStateSchema,
} from './schemas.js';
export type { TaskContext, TaskHandler } from './task-execution.js';
export { idempotentTaskId, newTaskId } from './task-id.js';
export type { TaskDocument } from './task-repository.js';
export { TASKS_CONTAINER } from './task-repository.js';
export type { CreateWorkerOptions, Worker } from './worker.js';
export { createWorker } from './worker.js';
