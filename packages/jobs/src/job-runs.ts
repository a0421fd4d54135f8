/**
 * Run history in the `job_runs` container: one document per run, id = the run's task id,
 * partition `<productId>:<jobName>` (modelled as `/productId:jobName`), kept 90 days. A run's
 * status is synced from its task (the worker knows nothing of the scheduler): when the run is
 * enqueued, at every leader tick for runs not yet final, and when `list()`/`runs()` read them.
 */
import type { Container, ContainerSpec, StoredDocument } from '@groundwork/store';
import type { Task } from './schemas.js';

export const JOB_RUNS_TTL_SECONDS = 90 * 86_400;

export const JOB_RUNS_CONTAINER: ContainerSpec = {
  name: 'job_runs',
  partitionKey: '/productId:jobName',
  defaultTtl: JOB_RUNS_TTL_SECONDS,
  description: 'Run history of scheduled jobs (status, times, error); expires after 90 days.',
};

export const JOB_RUN_STATUSES = [
  'queued',
  'running',
  'failed',
  'completed',
  'dead',
  'cancelled',
  'skipped',
  'unknown',
] as const;
/**
 * `queued`, `running`, `failed` (an attempt failed; a retry is queued) are in progress;
 * `completed`, `dead` (attempts exhausted), `cancelled`, `skipped` (overlap policy: the previous
 * run was still active) and `unknown` (the task expired before its outcome was synced) are final.
 */
export type JobRunStatus = (typeof JOB_RUN_STATUSES)[number];
export const ACTIVE_RUN_STATUSES: readonly JobRunStatus[] = ['queued', 'running', 'failed'];

export interface JobRunDocument {
  id: string;
  pk: string;
  runId: string;
  productId: string;
  jobName: string;
  trigger: 'schedule' | 'manual';
  /** The slot (or manual trigger time) the run was scheduled for, ms since the epoch. */
  scheduledAt: number;
  status: JobRunStatus;
  attempts: number;
  startedAt: number | null;
  completedAt: number | null;
  /** The latest error message, if an attempt failed. */
  error: string | null;
}

export type StoredJobRun = StoredDocument<JobRunDocument>;
export type JobRun = Omit<JobRunDocument, 'id' | 'pk'>;
export type JobRunsContainer = Container<JobRunDocument>;

export function runsPartition(productId: string, jobName: string): string {
  return `${productId}:${jobName}`;
}

export function isActiveRun(status: JobRunStatus): boolean {
  return ACTIVE_RUN_STATUSES.includes(status);
}

export function runStatusOf(task: Task): JobRunStatus {
  switch (task.state) {
    case 'queued':
      return task.errors.length > 0 && task.attempts > 0 ? 'failed' : 'queued';
    case 'running':
    case 'completed':
    case 'dead':
    case 'cancelled':
      return task.state;
  }
}

/** The run document for `task` (or for a skipped slot when `task` is undefined). */
export function runDocument(
  base: Pick<JobRunDocument, 'runId' | 'productId' | 'jobName' | 'trigger' | 'scheduledAt'>,
  task: Task | undefined,
): JobRunDocument {
  const lastError = task?.errors.at(-1);
  return {
    ...base,
    id: base.runId,
    pk: runsPartition(base.productId, base.jobName),
    status: task ? runStatusOf(task) : 'skipped',
    attempts: task?.attempts ?? 0,
    startedAt: task?.startedAt ?? null,
    completedAt: task && !isActiveRun(runStatusOf(task)) ? task.finishedAt : null,
    error: lastError ? `${lastError.name}: ${lastError.message}` : null,
  };
}

export function toJobRun(doc: StoredJobRun): JobRun {
  const { id: _id, pk: _pk, etag: _etag, updatedAt: _updatedAt, ttl: _ttl, ...run } = doc;
  return run;
}
