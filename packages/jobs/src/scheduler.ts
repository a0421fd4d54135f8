/**
 * `createScheduler()`: cron and interval jobs on top of the task queue. Each due slot of a job
 * becomes a task with the deterministic id `job:<name>:<slot ISO time>`, so a slot is enqueued at
 * most once per schedule however many instances tick it (enqueueing an existing id returns the
 * existing task). A store lease elects one leader to tick, which only avoids wasted work. A job's
 * progress (`nextRunAt`) advances with an `ifMatch` write on its definition; a 412 means another
 * instance advanced it first, and the definition is read again.
 */
import { ConflictError, NotFoundError, ValidationError } from '@groundwork/errors';
import type { Clock, Container, DocumentStore } from '@groundwork/store';
import { z } from 'zod';
import { selectDueSlots } from './catch-up.js';
import { validationErrorFrom } from './errors.js';
import {
  codeFields,
  definitionOf,
  JOB_DEFINITIONS_CONTAINER,
  type JobDefinition,
  type JobDefinitionDocument,
  type JobDefinitionInput,
  jobDefinitionSchema,
  normalizeDefinition,
  type StoredJobDefinition,
  stableJson,
} from './job-definitions.js';
import {
  ACTIVE_RUN_STATUSES,
  isActiveRun,
  JOB_RUNS_CONTAINER,
  type JobRun,
  type JobRunDocument,
  type JobRunStatus,
  runDocument,
  runStatusOf,
  runsPartition,
  toJobRun,
} from './job-runs.js';
import { type JobsLogger, silentLogger } from './logger.js';
import type { Queue } from './queue.js';
import { positiveInteger } from './queue-config.js';
import { type Schedule, type SlotSource, slotAtOrAfter, slotSource } from './schedule.js';
import { createLeaderElection } from './scheduler-leader.js';
import { productIdSchema, type Task } from './schemas.js';
import { isWriteRace } from './task-repository.js';

export interface CreateSchedulerOptions {
  store: DocumentStore;
  /** Tasks are enqueued through it. */
  queue: Queue;
  /** Default: the queue's clock. Give the store the same one. */
  clock?: Clock;
  logger?: JobsLogger;
  /** This instance's name in the leader lease (e.g. `<host>:<pid>`). */
  instanceId: string;
  /** How often `start()` ticks, in ms (default 60 000; `JOB_TICK_INTERVAL_MS`). */
  tickIntervalMs?: number;
  /** Leader lease duration in ms (default 30 000). */
  leaderLeaseMs?: number;
  /** Leader lease renewal period in ms (default 10 000). */
  leaderRenewMs?: number;
  /** A slot older than this at a tick is *missed* and handled by the catch-up policy (default tick interval + leader lease). */
  lateToleranceMs?: number;
}

export interface JobSummary {
  name: string;
  productId: string;
  type: string;
  schedule: Schedule;
  timezone: string;
  enabled: boolean;
  paused: boolean;
  overlap: 'skip' | 'allow';
  catchUp: JobDefinitionDocument['catchUp'];
  nextRunAt: number | null;
  lastRunAt: number | null;
  lastRunId: string | null;
  lastRunStatus: JobRunStatus | null;
  lastRunError: string | null;
}

export interface TickResult {
  /** Task ids enqueued (or found already enqueued by another instance) at this tick. */
  enqueued: string[];
  /** Slots recorded as skipped by the overlap policy. */
  skipped: string[];
}

export interface RunsPage {
  items: JobRun[];
  nextCursor?: string;
}

export interface Scheduler {
  readonly instanceId: string;
  /** Registers (or replaces) a job from code; validated now, stored at the next tick or call. */
  define(job: JobDefinitionInput): void;
  /** Materializes every due slot of the defined jobs now, leader or not (tests, one-off runs). */
  tick(): Promise<TickResult>;
  /** Takes or renews the leader lease, then ticks if this instance leads; returns whether it ticked. */
  runCycle(): Promise<boolean>;
  isLeader(): boolean;
  /** Runs `runCycle` every `tickIntervalMs` and renews the lease every `leaderRenewMs` (unref'd timers). */
  start(): void;
  /** Stops the timers, waits for a running cycle and releases the lease. */
  stop(): Promise<void>;
  /** Enqueues a run now (`job:<name>:manual:<ISO time>`), regardless of schedule, pause or overlap. */
  runNow(name: string, productId: string): Promise<Task>;
  pause(name: string, productId: string): Promise<JobSummary>;
  /** Resumes from the next slot at or after now: slots that fell in the pause are not run. */
  resume(name: string, productId: string): Promise<JobSummary>;
  /** Stored jobs (of one product, or all) with next run and last run status. */
  list(productId?: string): Promise<JobSummary[]>;
  /** One stored job; `NotFoundError` (`job_not_found`) when the product has no job of that name. */
  get(name: string, productId: string): Promise<JobSummary>;
  /** A job's run history, newest first, optionally only runs in one status. */
  runs(
    name: string,
    productId: string,
    options?: { limit?: number; cursor?: string; status?: JobRunStatus },
  ): Promise<RunsPage>;
}

const MAX_WRITE_ROUNDS = 10;
const MAX_LIST_PAGES = 100;
/** Runs in progress re-read from their tasks per job and tick (oldest first). */
const RUN_SYNC_BATCH = 10;
const jobNameSchema = z.string().regex(/^[A-Za-z0-9._-]{1,150}$/);

function slotIso(ms: number): string {
  return new Date(ms).toISOString();
}

export function slotTaskId(name: string, slot: number): string {
  return `job:${name}:${slotIso(slot)}`;
}

export function manualTaskId(name: string, at: number): string {
  return `job:${name}:manual:${slotIso(at)}`;
}

function withoutMeta(doc: StoredJobDefinition): JobDefinitionDocument {
  const { etag: _etag, updatedAt: _updatedAt, ttl: _ttl, ...rest } = doc;
  return rest;
}

export function createScheduler(options: CreateSchedulerOptions): Scheduler {
  const { store, queue, instanceId } = options;
  if (typeof instanceId !== 'string' || instanceId.length === 0)
    throw new Error('createScheduler needs a non-empty instanceId.');
  const clock = options.clock ?? queue.config.clock;
  const logger = options.logger ?? silentLogger;
  const tickIntervalMs = positiveInteger('tickIntervalMs', options.tickIntervalMs, 60_000);
  const leaderLeaseMs = positiveInteger('leaderLeaseMs', options.leaderLeaseMs, 30_000);
  const leaderRenewMs = positiveInteger('leaderRenewMs', options.leaderRenewMs, 10_000);
  if (leaderRenewMs >= leaderLeaseMs) throw new Error('leaderRenewMs must be shorter than leaderLeaseMs.');
  const lateToleranceMs = positiveInteger(
    'lateToleranceMs',
    options.lateToleranceMs,
    tickIntervalMs + leaderLeaseMs,
  );
  const leader = createLeaderElection({ store, clock, owner: instanceId, leaseMs: leaderLeaseMs });

  interface Registered {
    job: JobDefinition;
    source: SlotSource;
    synced: boolean;
  }
  const registry = new Map<string, Registered>();
  const keyOf = (productId: string, name: string) => `${productId}\u0000${name}`;

  let containersReady: Promise<void> | undefined;
  async function containers(): Promise<{
    definitions: Container<JobDefinitionDocument>;
    runs: Container<JobRunDocument>;
  }> {
    containersReady ??= store
      .ensureContainers([JOB_DEFINITIONS_CONTAINER, JOB_RUNS_CONTAINER])
      .catch((error: unknown) => {
        containersReady = undefined;
        throw error;
      });
    await containersReady;
    return {
      definitions: store.container<JobDefinitionDocument>(JOB_DEFINITIONS_CONTAINER.name),
      runs: store.container<JobRunDocument>(JOB_RUNS_CONTAINER.name),
    };
  }

  function checkRef(name: string | undefined, productId: string): void {
    const issues = [
      ...(name === undefined || jobNameSchema.safeParse(name).success
        ? []
        : [{ path: 'name', message: 'is not a valid job name', code: 'invalid' }]),
      ...(productIdSchema.safeParse(productId).success
        ? []
        : [{ path: 'productId', message: 'is not a valid product id', code: 'invalid' }]),
    ];
    if (issues.length > 0) throw new ValidationError(issues, 'Invalid job reference.');
  }

  /** Stores a definition from code: creates it, or updates its code-owned fields only. */
  async function syncDefinition(entry: Registered): Promise<void> {
    const { definitions } = await containers();
    const { job, source } = entry;
    for (let round = 0; round < MAX_WRITE_ROUNDS; round++) {
      const now = clock.now();
      const current = await definitions.read(job.name, job.productId);
      try {
        if (!current) {
          await definitions.create({
            id: job.name,
            pk: job.productId,
            name: job.name,
            productId: job.productId,
            ...codeFields(job),
            paused: false,
            nextRunAt: slotAtOrAfter(source, now) ?? null,
            lastSlot: null,
            lastRunAt: null,
            lastRunId: null,
            createdAt: now,
          });
        } else {
          const stored = withoutMeta(current);
          const wanted = codeFields(job);
          if (stableJson(codeFields(definitionOf(stored))) !== stableJson(wanted)) {
            // A new schedule, or a job switched back on in code, starts at its next slot (no catch-up).
            const restart =
              stableJson(stored.schedule) !== stableJson(job.schedule) || (!stored.enabled && job.enabled);
            const from = Math.max(now, (stored.lastSlot ?? Number.NEGATIVE_INFINITY) + 1);
            await definitions.replace(
              {
                ...stored,
                ...wanted,
                nextRunAt: restart ? (slotAtOrAfter(source, from) ?? null) : stored.nextRunAt,
              },
              { ifMatch: current.etag },
            );
          }
        }
        entry.synced = true;
        return;
      } catch (error) {
        if (!isWriteRace(error)) throw error;
      }
    }
    throw new ConflictError(`Job "${job.name}" kept changing while storing it.`, 'job_write_contention');
  }

  async function syncDefinitions(): Promise<void> {
    for (const entry of registry.values()) if (!entry.synced) await syncDefinition(entry);
  }

  async function mustRead(name: string, productId: string): Promise<StoredJobDefinition> {
    checkRef(name, productId);
    await syncDefinitions();
    const doc = await (await containers()).definitions.read(name, productId);
    if (!doc) throw new NotFoundError(`Job "${name}" was not found.`, 'job_not_found');
    return doc;
  }

  /** Read-modify-write of a definition with `ifMatch`; `next` returns undefined for no change. */
  async function updateDefinition(
    name: string,
    productId: string,
    next: (doc: JobDefinitionDocument) => JobDefinitionDocument | undefined,
  ): Promise<StoredJobDefinition> {
    const { definitions } = await containers();
    for (let round = 0; round < MAX_WRITE_ROUNDS; round++) {
      const doc = await mustRead(name, productId);
      const replacement = next(withoutMeta(doc));
      if (!replacement) return doc;
      try {
        return await definitions.replace(replacement, { ifMatch: doc.etag });
      } catch (error) {
        if (!isWriteRace(error)) throw error;
      }
    }
    throw new ConflictError(`Job "${name}" kept changing; try again.`, 'job_write_contention');
  }

  /** Writes the run's current state from its task (or a skipped record when there is no task). */
  async function recordRun(base: Parameters<typeof runDocument>[0], task: Task | undefined): Promise<void> {
    const { runs } = await containers();
    const doc = runDocument(base, task);
    if (task) {
      await runs.upsert(doc);
      return;
    }
    try {
      await runs.create(doc); // a task of the same id (another instance's decision) wins over "skipped"
    } catch (error) {
      if (!isWriteRace(error)) throw error;
    }
  }

  /** Brings runs still in progress up to date with their tasks. */
  async function syncRuns(productId: string, name: string): Promise<void> {
    const { runs } = await containers();
    const page = await runs.query({
      pk: runsPartition(productId, name),
      where: { field: 'status', op: 'in', values: [...ACTIVE_RUN_STATUSES] },
      orderBy: [{ field: 'scheduledAt', direction: 'asc' }],
      limit: RUN_SYNC_BATCH,
    });
    for (const run of page.items) await refreshRun(run);
  }

  async function refreshRun(run: JobRunDocument & { etag: string }): Promise<JobRunDocument> {
    if (!isActiveRun(run.status)) return run;
    const task = await queue.get(run.runId, run.productId);
    const base = {
      runId: run.runId,
      productId: run.productId,
      jobName: run.jobName,
      trigger: run.trigger,
      scheduledAt: run.scheduledAt,
    };
    const next: JobRunDocument = task
      ? runDocument(base, task)
      : { ...runDocument(base, undefined), status: 'unknown', error: 'the task no longer exists' };
    if (next.status === run.status && next.attempts === run.attempts && next.error === run.error) return run;
    try {
      await (await containers()).runs.replace(next, { ifMatch: run.etag });
    } catch (error) {
      if (!isWriteRace(error)) throw error;
    }
    return next;
  }

  async function isRunActive(doc: JobDefinitionDocument): Promise<boolean> {
    if (doc.lastRunId === null) return false;
    const task = await queue.get(doc.lastRunId, doc.productId);
    return task !== undefined && isActiveRun(runStatusOf(task));
  }

  async function tickJob(entry: Registered, result: TickResult): Promise<void> {
    const { job, source } = entry;
    const { definitions } = await containers();
    for (let round = 0; round < MAX_WRITE_ROUNDS; round++) {
      const now = clock.now();
      const current = await definitions.read(job.name, job.productId);
      if (!current) {
        entry.synced = false;
        await syncDefinition(entry);
        continue;
      }
      const doc = withoutMeta(current);
      if (!doc.enabled || doc.paused || doc.nextRunAt === null || doc.nextRunAt > now) return;
      const due = selectDueSlots({
        source,
        nextRunAt: doc.nextRunAt,
        now,
        lateToleranceMs,
        catchUp: job.catchUp,
      });
      if (due.passedOver)
        logger.warn(
          { job: job.name, productId: job.productId, policy: job.catchUp.policy },
          'missed job slots passed over',
        );

      let { lastRunId, lastRunAt } = doc;
      let active = job.overlap === 'skip' && (await isRunActive(doc));
      for (const slot of due.run) {
        const runId = slotTaskId(job.name, slot);
        const base = {
          runId,
          productId: job.productId,
          jobName: job.name,
          trigger: 'schedule' as const,
          scheduledAt: slot,
        };
        if (active) {
          await recordRun(base, undefined);
          result.skipped.push(runId);
          continue;
        }
        const task = await queue.enqueue(job.type, job.payload, {
          ...job.taskOptions,
          productId: job.productId,
          taskId: runId,
          runAt: slot,
        });
        await recordRun(base, task);
        result.enqueued.push(runId);
        lastRunId = runId;
        lastRunAt = slot;
        active = job.overlap === 'skip' && isActiveRun(runStatusOf(task));
      }
      try {
        await definitions.replace(
          {
            ...doc,
            nextRunAt: source.nextAfter(now) ?? null,
            lastSlot: due.run.at(-1) ?? doc.lastSlot,
            lastRunId,
            lastRunAt,
          },
          { ifMatch: current.etag },
        );
        return;
      } catch (error) {
        if (!isWriteRace(error)) throw error; // another instance advanced it: read again
      }
    }
    throw new ConflictError(`Job "${job.name}" kept changing while ticking it.`, 'job_write_contention');
  }

  async function summaryOf(doc: JobDefinitionDocument): Promise<JobSummary> {
    let lastRun: JobRunDocument | undefined;
    if (doc.lastRunId !== null) {
      const stored = await (await containers()).runs.read(
        doc.lastRunId,
        runsPartition(doc.productId, doc.name),
      );
      lastRun = stored ? await refreshRun(stored) : undefined;
    }
    return {
      name: doc.name,
      productId: doc.productId,
      type: doc.type,
      schedule: doc.schedule,
      timezone: doc.timezone,
      enabled: doc.enabled,
      paused: doc.paused,
      overlap: doc.overlap,
      catchUp: doc.catchUp,
      nextRunAt: doc.nextRunAt,
      lastRunAt: doc.lastRunAt,
      lastRunId: doc.lastRunId,
      lastRunStatus: lastRun?.status ?? null,
      lastRunError: lastRun?.error ?? null,
    };
  }

  async function tick(): Promise<TickResult> {
    const result: TickResult = { enqueued: [], skipped: [] };
    await syncDefinitions();
    for (const entry of registry.values()) {
      try {
        await tickJob(entry, result);
        await syncRuns(entry.job.productId, entry.job.name);
      } catch (error) {
        logger.error({ err: error, job: entry.job.name, productId: entry.job.productId }, 'job tick failed');
      }
    }
    return result;
  }

  let maintaining: Promise<boolean> | undefined;
  function maintainLeadership(): Promise<boolean> {
    maintaining ??= leader.maintain().finally(() => {
      maintaining = undefined;
    });
    return maintaining;
  }

  async function runCycle(): Promise<boolean> {
    if (!(await maintainLeadership())) return false;
    await tick();
    return true;
  }

  let timers: NodeJS.Timeout[] = [];
  let cycle: Promise<unknown> | undefined;
  function startCycle(): void {
    cycle ??= runCycle()
      .catch((error: unknown) => logger.error({ err: error }, 'scheduler cycle failed'))
      .finally(() => {
        cycle = undefined;
      });
  }

  return {
    instanceId,

    define(input) {
      const parsed = jobDefinitionSchema.safeParse(input);
      if (!parsed.success) throw validationErrorFrom(parsed.error, '', 'Invalid job definition.');
      const job = normalizeDefinition(parsed.data);
      registry.set(keyOf(job.productId, job.name), { job, source: slotSource(job.schedule), synced: false });
    },

    tick,
    runCycle,
    isLeader: () => leader.isLeader(),

    start() {
      if (timers.length > 0) return;
      const renew = setInterval(() => {
        maintainLeadership().catch((error: unknown) =>
          logger.warn({ err: error }, 'leader lease renewal failed'),
        );
      }, leaderRenewMs);
      const ticker = setInterval(startCycle, tickIntervalMs);
      renew.unref();
      ticker.unref();
      timers = [renew, ticker];
      startCycle();
    },

    async stop() {
      for (const timer of timers) clearInterval(timer);
      timers = [];
      await cycle;
      await maintaining?.catch(() => false);
      await leader.release();
    },

    async runNow(name, productId) {
      const doc = withoutMeta(await mustRead(name, productId));
      const now = clock.now();
      const runId = manualTaskId(name, now);
      const task = await queue.enqueue(doc.type, doc.payload, {
        ...doc.taskOptions,
        productId,
        taskId: runId,
        runAt: now,
      });
      await recordRun({ runId, productId, jobName: name, trigger: 'manual', scheduledAt: now }, task);
      await updateDefinition(name, productId, (current) =>
        current.lastRunAt !== null && current.lastRunAt > now
          ? undefined
          : { ...current, lastRunAt: now, lastRunId: runId },
      );
      return task;
    },

    async pause(name, productId) {
      const doc = await updateDefinition(name, productId, (current) =>
        current.paused ? undefined : { ...current, paused: true },
      );
      return summaryOf(withoutMeta(doc));
    },

    async resume(name, productId) {
      const doc = await updateDefinition(name, productId, (current) => {
        if (!current.paused) return undefined;
        const source = slotSource(current.schedule);
        return { ...current, paused: false, nextRunAt: slotAtOrAfter(source, clock.now()) ?? null };
      });
      return summaryOf(withoutMeta(doc));
    },

    async list(productId) {
      if (productId !== undefined) checkRef(undefined, productId);
      await syncDefinitions();
      const { definitions } = await containers();
      const summaries: JobSummary[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < MAX_LIST_PAGES; page++) {
        const result = await definitions.query({
          ...(productId === undefined ? {} : { pk: productId }),
          orderBy: [{ field: 'name', direction: 'asc' }],
          limit: 100,
          ...(cursor === undefined ? {} : { cursor }),
        });
        for (const doc of result.items) summaries.push(await summaryOf(withoutMeta(doc)));
        cursor = result.nextCursor;
        if (cursor === undefined) break;
      }
      return summaries;
    },

    async get(name, productId) {
      return summaryOf(withoutMeta(await mustRead(name, productId)));
    },

    async runs(name, productId, runOptions = {}) {
      checkRef(name, productId);
      const limit = runOptions.limit ?? 50;
      if (!Number.isInteger(limit) || limit < 1 || limit > 1_000)
        throw new ValidationError([{ path: 'limit', message: 'must be an integer 1-1000', code: 'invalid' }]);
      const { runs } = await containers();
      await syncRuns(productId, name);
      const page = await runs.query({
        pk: runsPartition(productId, name),
        ...(runOptions.status === undefined
          ? {}
          : { where: { field: 'status', op: 'eq', value: runOptions.status } }),
        orderBy: [{ field: 'scheduledAt', direction: 'desc' }],
        limit,
        ...(runOptions.cursor === undefined ? {} : { cursor: runOptions.cursor }),
      });
      return {
        items: page.items.map(toJobRun),
        ...(page.nextCursor === undefined ? {} : { nextCursor: page.nextCursor }),
      };
    },
  };
}
