/**
 * The jobs platform module: composition only. From the service's context (store, clock, logger,
 * metrics registry) it builds the queue, the scheduler, the admin service and, when the runner is
 * enabled, a worker; it declares the containers, mounts the admin routes, reports health, and
 * starts and stops the background work with the service. Jobs and handlers come from its options
 * and, through `jobsExtension`, from every module's `jobs` (see module-contract.ts).
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { defineModule, type HealthCheck, type ModuleContext, type PlatformModule } from '@groundwork/http';
import { LEASES_CONTAINER } from '@groundwork/store';
import { createJobsAdmin, type JobsAdmin, type OnAdminAction } from './admin.js';
import { CONCURRENCY_CONTAINER } from './concurrency-slots.js';
import { DEAD_LETTER_REPORT_TYPE, deadLetterReportHandler } from './dead-letter-report.js';
import { JOB_DEFINITIONS_CONTAINER, type JobDefinitionInput } from './job-definitions.js';
import { JOB_RUNS_CONTAINER } from './job-runs.js';
import { receiveCollectedJobs } from './jobs-extension.js';
import { type JobsMetrics, registerJobsMetrics } from './metrics.js';
import type { CollectedJobs } from './module-contract.js';
import { createQueue, type Queue } from './queue.js';
import { RATE_WINDOWS_CONTAINER, type RateLimit } from './rate-limits.js';
import { jobsAdminRoutes } from './routes.js';
import { createScheduler, type Scheduler } from './scheduler.js';
import type { TaskHandler } from './task-execution.js';
import { TASKS_CONTAINER } from './task-repository.js';
import { createWorker, type Worker } from './worker.js';

export interface JobsModuleOptions {
  /** Handler per task type, run by this instance's worker (with the built-in `jobs.dead-letter-report`). */
  handlers?: Record<string, TaskHandler>;
  /** Scheduled jobs defined from code (validated when the service is built: a bad one fails `createServiceApp`). */
  jobs?: JobDefinitionInput[];
  /** `JOB_RUNNER_ENABLED`: run the worker and the scheduler here; false serves the admin API only. */
  runnerEnabled: boolean;
  /** `JOB_TICK_INTERVAL_MS`: scheduler tick. */
  tickIntervalMs: number;
  /** Tasks the worker runs at once (default 4). */
  workerConcurrency?: number;
  /** How often an idle worker polls for due tasks, in ms (default 1000). */
  workerPollIntervalMs?: number;
  /** Per-type start limits for the worker (see `CreateWorkerOptions.rateLimits`); use the same everywhere. */
  workerRateLimits?: Record<string, RateLimit>;
  /** Told about every admin mutation once it has happened (the audit module plugs in here). */
  onAdminAction?: OnAdminAction;
}

/** What the module builds for one service. */
interface JobsRuntime {
  queue: Queue;
  scheduler: Scheduler;
  admin: JobsAdmin;
  metrics: JobsMetrics;
  /** Every module's jobs once `jobsExtension` ran; the options' own until then. */
  jobs: CollectedJobs;
  /** Built at `start` from `jobs.handlers`, when the runner is enabled. */
  worker: Worker | undefined;
}

const HEALTH_PROBE_ID = 'jobs-health-probe';

/**
 * The module declares its own `jobs` and `handlers` options through the module contract, like any
 * module; `jobsExtension` merges every module's declarations and hands them back here.
 */
export function createJobsModule(options: JobsModuleOptions): PlatformModule {
  const own: CollectedJobs = { definitions: options.jobs ?? [], handlers: options.handlers ?? {} };
  // One runtime per service, keyed by the service's own metrics registry: it is shared by the
  // module's context and the extension's, and the jobs metrics can be registered in it only once.
  const runtimes = new WeakMap<ModuleContext['metrics'], JobsRuntime>();
  const started = new Set<JobsRuntime>();

  function runtimeFor(ctx: ModuleContext): JobsRuntime {
    const existing = runtimes.get(ctx.metrics);
    if (existing) return existing;
    const { store, clock, logger } = ctx;
    // A task due now wakes this instance's worker at once (other instances find it at their next poll).
    const queue = createQueue({
      store,
      clock,
      logger,
      onEnqueued: (tasks) => {
        const now = clock.now();
        if (tasks.some((task) => task.runAt <= now)) runtime.worker?.wake();
      },
    });
    const scheduler = createScheduler({
      store,
      queue,
      clock,
      logger,
      instanceId: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
      tickIntervalMs: options.tickIntervalMs,
    });
    for (const job of own.definitions) scheduler.define(job);
    const knownTypes = () => [
      DEAD_LETTER_REPORT_TYPE,
      ...Object.keys(runtime.jobs.handlers),
      ...runtime.jobs.definitions.map((job) => job.type),
    ];
    const metrics = registerJobsMetrics({ registry: ctx.metrics, queue, knownTypes, logger });
    const admin = createJobsAdmin({
      queue,
      scheduler,
      clock,
      logger,
      knownTypes,
      onAdminAction: options.onAdminAction,
    });
    const runtime: JobsRuntime = { queue, scheduler, admin, metrics, jobs: own, worker: undefined };
    runtimes.set(ctx.metrics, runtime);
    return runtime;
  }

  function startRunner(runtime: JobsRuntime, ctx: ModuleContext): Worker {
    const worker = createWorker({
      queue: runtime.queue,
      logger: ctx.logger,
      handlers: {
        [DEAD_LETTER_REPORT_TYPE]: deadLetterReportHandler(runtime.queue),
        ...runtime.jobs.handlers,
      },
      concurrency: options.workerConcurrency ?? 4,
      ...(options.workerPollIntervalMs === undefined ? {} : { pollIntervalMs: options.workerPollIntervalMs }),
      ...(options.workerRateLimits === undefined ? {} : { rateLimits: options.workerRateLimits }),
      // Running handlers get half the service's shutdown budget before they are aborted.
      shutdownTimeoutMs: Math.max(1, Math.floor(ctx.config.SHUTDOWN_TIMEOUT_MS / 2)),
      onEvent: runtime.metrics.onEvent,
      // Tasks the event bus or a capability enqueues in this process wake it too.
      wakeOnLocalEnqueue: true,
    });
    worker.start();
    runtime.scheduler.start();
    return worker;
  }

  const module = defineModule({
    name: 'jobs',
    containers: [
      TASKS_CONTAINER,
      JOB_DEFINITIONS_CONTAINER,
      JOB_RUNS_CONTAINER,
      LEASES_CONTAINER,
      RATE_WINDOWS_CONTAINER,
      CONCURRENCY_CONTAINER,
    ],
    jobs: own,

    routes: async (app, { ctx }) => {
      await app.register(jobsAdminRoutes(runtimeFor(ctx).admin), { ctx });
    },

    async health(ctx): Promise<HealthCheck> {
      const { queue, scheduler, worker } = runtimeFor(ctx);
      const data = {
        runner: options.runnerEnabled ? 'enabled' : 'disabled',
        schedulerLeader: scheduler.isLeader(),
        runningTasks: worker?.runningCount ?? 0,
      };
      try {
        await queue.get(HEALTH_PROBE_ID, HEALTH_PROBE_ID); // a point read: the tasks container answers
        return { status: 'ok', data };
      } catch {
        return { status: 'down', detail: 'the tasks container cannot be read', data };
      }
    },

    start(ctx) {
      const runtime = runtimeFor(ctx);
      if (!options.runnerEnabled || started.has(runtime)) return;
      started.add(runtime);
      runtime.worker = startRunner(runtime, ctx);
      ctx.logger.info(
        { workerId: runtime.worker.id, jobs: runtime.jobs.definitions.length },
        'job runner started',
      );
    },

    async stop() {
      const stopping = [...started];
      started.clear();
      await Promise.all(
        stopping.map(async ({ scheduler, worker }) => {
          await scheduler.stop();
          await worker?.stop();
        }),
      );
    },
  });

  receiveCollectedJobs(module, (ctx, collected) => {
    const runtime = runtimeFor(ctx);
    if (started.has(runtime)) throw new Error('The jobs module takes collected jobs before it starts.');
    for (const job of collected.definitions) runtime.scheduler.define(job);
    runtime.jobs = collected;
  });
  return module;
}
