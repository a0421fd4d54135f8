/**
 * The admin operations behind the HTTP routes (no Fastify here): every call is scoped to one
 * product, and every mutation is reported to `onAdminAction` once it has happened (the audit
 * module plugs in there).
 */
import type { Clock } from '@groundwork/store';
import type { JobRunStatus } from './job-runs.js';
import type { JobsLogger } from './logger.js';
import type { Queue, TaskCounts, TaskPage } from './queue.js';
import type { JobSummary, RunsPage, Scheduler } from './scheduler.js';
import type { Task, TaskState } from './schemas.js';

export type JobsAdminActionName = 'jobs.run' | 'jobs.pause' | 'jobs.resume' | 'tasks.retry' | 'tasks.cancel';

/** One admin mutation, as reported to `onAdminAction`. */
export interface JobsAdminAction {
  action: JobsAdminActionName;
  /** The principal's subject (user id, service name or API token id). */
  actor: string;
  productId: string;
  /** The job name (`jobs.*`) or task id (`tasks.*`). */
  target: string;
  /** ISO time of the action (the service clock). */
  at: string;
}

/**
 * Told about each admin mutation after it succeeded. A hook that throws is logged and does not
 * fail the request: the mutation has already happened.
 */
export type OnAdminAction = (action: JobsAdminAction) => Promise<void> | void;

/** Who acts, and in which product (both from the authenticated principal). */
export interface AdminActor {
  subject: string;
  productId: string;
}

export interface TaskCountsByType {
  total: TaskCounts;
  byType: { type: string; counts: TaskCounts }[];
}

export interface JobsAdmin {
  listJobs(productId: string): Promise<JobSummary[]>;
  /** `job_not_found` (404) when the product has no such job. */
  runs(
    productId: string,
    name: string,
    options: { limit: number; cursor?: string | undefined; status?: JobRunStatus | undefined },
  ): Promise<RunsPage>;
  runNow(actor: AdminActor, name: string): Promise<Task>;
  pause(actor: AdminActor, name: string): Promise<JobSummary>;
  resume(actor: AdminActor, name: string): Promise<JobSummary>;
  listTasks(
    productId: string,
    options: {
      state?: TaskState | undefined;
      type?: string | undefined;
      limit: number;
      cursor?: string | undefined;
    },
  ): Promise<TaskPage>;
  countTasks(productId: string, type?: string): Promise<TaskCountsByType>;
  /** Dead → queued; `task_not_found` (404), `task_not_dead` (409). */
  retryTask(actor: AdminActor, taskId: string): Promise<Task>;
  /** Queued or dead → cancelled, running → cancel requested; `task_not_found` (404), `task_not_cancellable` (409). */
  cancelTask(actor: AdminActor, taskId: string): Promise<Task>;
}

export interface CreateJobsAdminOptions {
  queue: Queue;
  scheduler: Scheduler;
  clock: Clock;
  logger: JobsLogger;
  /** Task types broken down by `countTasks` when no type is asked for. */
  knownTypes: () => readonly string[];
  onAdminAction?: OnAdminAction | undefined;
}

function definedOnly<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}

export function createJobsAdmin(options: CreateJobsAdminOptions): JobsAdmin {
  const { queue, scheduler, clock, logger, knownTypes, onAdminAction } = options;

  async function report(action: JobsAdminActionName, actor: AdminActor, target: string): Promise<void> {
    if (!onAdminAction) return;
    const entry: JobsAdminAction = {
      action,
      actor: actor.subject,
      productId: actor.productId,
      target,
      at: new Date(clock.now()).toISOString(),
    };
    try {
      await onAdminAction(entry);
    } catch (error) {
      logger.error({ err: error, ...entry }, 'onAdminAction failed; the admin action was not recorded');
    }
  }

  async function reported<T>(
    action: JobsAdminActionName,
    actor: AdminActor,
    target: string,
    mutation: Promise<T>,
  ): Promise<T> {
    const result = await mutation;
    await report(action, actor, target);
    return result;
  }

  return {
    listJobs: (productId) => scheduler.list(productId),

    async runs(productId, name, runOptions) {
      await scheduler.get(name, productId);
      return scheduler.runs(name, productId, definedOnly(runOptions));
    },

    runNow: (actor, name) => reported('jobs.run', actor, name, scheduler.runNow(name, actor.productId)),
    pause: (actor, name) => reported('jobs.pause', actor, name, scheduler.pause(name, actor.productId)),
    resume: (actor, name) => reported('jobs.resume', actor, name, scheduler.resume(name, actor.productId)),

    listTasks: (productId, listOptions) => queue.list({ ...definedOnly(listOptions), productId }),

    async countTasks(productId, type) {
      const types = type === undefined ? [...new Set(knownTypes())].sort() : [type];
      const [total, ...perType] = await Promise.all([
        queue.counts({ productId }),
        ...types.map((each) => queue.counts({ productId, type: each })),
      ]);
      return {
        total: total as TaskCounts,
        byType: types.map((each, index) => ({ type: each, counts: perType[index] as TaskCounts })),
      };
    },

    retryTask: (actor, taskId) =>
      reported('tasks.retry', actor, taskId, queue.retryDead(taskId, actor.productId)),
    cancelTask: (actor, taskId) =>
      reported('tasks.cancel', actor, taskId, queue.cancel(taskId, actor.productId)),
  };
}
