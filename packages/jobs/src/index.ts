export type {
  AdminActor,
  CreateJobsAdminOptions,
  JobsAdmin,
  JobsAdminAction,
  JobsAdminActionName,
  OnAdminAction,
  TaskCountsByType,
} from './admin.js';
export { createJobsAdmin } from './admin.js';
export type { JobRunView, JobView, TaskView } from './admin-schemas.js';
export { jobRunSchema, jobSchema, taskCountsSchema, taskSchema } from './admin-schemas.js';
export { backoffCapMs, backoffDelayMs } from './backoff.js';
export type { CatchUp, CatchUpPolicy } from './catch-up.js';
export { DEFAULT_CATCH_UP_WINDOW_MS, MAX_CATCH_UP_SLOTS } from './catch-up.js';
export type { ConcurrencySlots, Slot } from './concurrency-slots.js';
export { CONCURRENCY_CONTAINER, concurrencyDocumentId } from './concurrency-slots.js';
export type { DeadLetterReport } from './dead-letter-report.js';
export {
  DEAD_LETTER_REPORT_TYPE,
  deadLetterReportHandler,
  deadLetterReportJob,
} from './dead-letter-report.js';
export {
  LeaseExpiredError,
  LeaseLostError,
  RetryAt,
  TaskCancelledError,
  TaskTimeoutError,
  WorkerStoppingError,
} from './errors.js';
export type {
  JobDefinition,
  JobDefinitionDocument,
  JobDefinitionInput,
  JobTaskOptions,
} from './job-definitions.js';
export { JOB_DEFINITIONS_CONTAINER, jobDefinitionSchema } from './job-definitions.js';
export type { JobRun, JobRunStatus } from './job-runs.js';
export { JOB_RUN_STATUSES, JOB_RUNS_CONTAINER, JOB_RUNS_TTL_SECONDS } from './job-runs.js';
export type { JobsEnv } from './jobs-env.js';
export { jobsEnvSchema } from './jobs-env.js';
export { jobsExtension } from './jobs-extension.js';
export type { JobsLogger } from './logger.js';
export type { JobsMetrics, JobsMetricsOptions } from './metrics.js';
export { QUEUE_DEPTH_STATES, registerJobsMetrics } from './metrics.js';
export type { JobsModuleOptions } from './module.js';
export { createJobsModule } from './module.js';
export type { CollectedJobs, ModuleJobs } from './module-contract.js';
export { collectModuleJobs } from './module-contract.js';
export type { CreateQueueOptions, EnqueueItem, Queue, TaskCounts, TaskPage } from './queue.js';
export { createQueue } from './queue.js';
export type { QueueConfig, QueueConfigOptions } from './queue-config.js';
export {
  DEFAULT_COMPLETED_TTL_SECONDS,
  DEFAULT_LEASE_MS,
  MAX_PAYLOAD_BYTES,
  MAX_RESULT_BYTES,
} from './queue-config.js';
export type { RateLimit } from './rate-limits.js';
export { RATE_WINDOWS_CONTAINER, rateWindowId } from './rate-limits.js';
export { jobsAdminRoutes } from './routes.js';
export type { Schedule } from './schedule.js';
export type { CreateSchedulerOptions, JobSummary, RunsPage, Scheduler, TickResult } from './scheduler.js';
export { createScheduler, manualTaskId, slotTaskId } from './scheduler.js';
export { SCHEDULER_LEADER_LEASE } from './scheduler-leader.js';
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
export type { AttemptOutcome, WorkerEvent, WorkerEventListener } from './worker-events.js';
