/**
 * `createWorker()`: claims due tasks by lease and runs them with their handlers.
 *
 * Claiming: query due candidates (queued with `runAt <= now`, or running with a lapsed lease),
 * highest priority first, then earliest `runAt`; take each with a `replace` + `ifMatch` on the
 * version read. A 412 means another worker won: skip it. A task with a `concurrencyKey` is only
 * claimed after one of its key's slots (store leases) is taken, and a task of a rate-limited type
 * after a start is counted in its type's current window (`rate-limits.ts`); a full window leaves the
 * task queued, uncharged, and its type unfetched here until the window rolls. Task types without a
 * handler here are never fetched, so workers that know them get them.
 *
 * Hot path: when the store offers `updateMatching` (SQLite), the due tasks without a
 * `concurrencyKey` or rate limit are claimed in one store transaction per poll (same transitions,
 * decided by `claimDecision`); the others still go through the slot / window + `ifMatch` path above.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Clock, DocumentStore } from '@groundwork/store';
import { createConcurrencySlots, type Slot } from './concurrency-slots.js';
import { LeaseExpiredError } from './errors.js';
import { registerLocalWake } from './local-wake.js';
import type { JobsLogger } from './logger.js';
import type { Queue } from './queue.js';
import { positiveInteger, type QueueConfig, resolveQueueConfig } from './queue-config.js';
import { createRateWindows, type RateLimit, type RateToken, resolveRateLimits } from './rate-limits.js';
import { startTaskExecution, type TaskExecution, type TaskHandler } from './task-execution.js';
import { isWriteRace, type StoredTask, type TaskDocument, toDocument } from './task-repository.js';
import { cancelled, claimed, dead, errorEntry, withLapsedAttempt } from './transitions.js';
import { safeListener, type WorkerEventListener } from './worker-events.js';

export interface CreateWorkerOptions {
  /** The queue whose store, clock, logger and settings to use. Or give `store` (and `clock`) instead. */
  queue?: Queue;
  store?: DocumentStore;
  clock?: Clock;
  logger?: JobsLogger;
  /** Handler per task type. Types not listed here are left for other workers. */
  handlers: Record<string, TaskHandler>;
  /** Tasks this worker runs at once (default 1). */
  concurrency?: number;
  /** How often an idle worker polls for due tasks, in ms (default 1000). */
  pollIntervalMs?: number;
  /** Lease per claim, in ms (default the queue's, 30 s). A crashed worker's task is reclaimed after it lapses. */
  leaseMs?: number;
  /** Lease renewal interval while a handler runs, in ms (default leaseMs / 3). */
  heartbeatMs?: number;
  /** How long `stop()` waits for running handlers before aborting them, in ms (default 10 s). */
  shutdownTimeoutMs?: number;
  /** Identifies this worker in leases and logs (default `<host>:<pid>:<random>`). */
  workerId?: string;
  /** With `store`: how long completed tasks are kept (default 7 days). */
  completedTtlSeconds?: number;
  /** With `store`: randomness for backoff jitter (default `Math.random`). */
  random?: () => number;
  /**
   * At most `max` starts of a task type per `perMs` window, across every worker and instance sharing
   * the store (fixed windows aligned to multiples of `perMs`). Give every worker of a type the same
   * limit. A task over the limit stays queued and is not charged an attempt.
   */
  rateLimits?: Record<string, RateLimit>;
  /** Observer of attempts and lease reclaims (metrics); called synchronously, its errors are logged and ignored. */
  onEvent?: WorkerEventListener;
  /**
   * While started, wake up when any queue of this process enqueues a task due now on this store
   * (the event bus's, a capability's), not only at the next poll (default false).
   */
  wakeOnLocalEnqueue?: boolean;
}

export interface Worker {
  readonly id: string;
  /** Number of attempts running now. */
  readonly runningCount: number;
  /** Starts polling and running tasks in the background. */
  start(): void;
  /**
   * Graceful stop: claims nothing more, waits up to `shutdownTimeoutMs` for running handlers,
   * then aborts the rest (their tasks go back to the queue, the attempt not counted).
   */
  stop(): Promise<void>;
  /** Claims what is due now (up to free concurrency) and waits until those attempts end; returns how many were claimed. */
  runOnce(): Promise<number>;
  /** Renews every running attempt's lease now (the worker also does it every `heartbeatMs`). */
  heartbeat(): Promise<void>;
  /**
   * Claims again soon instead of at the next poll, when a slot is free (e.g. a task due now was
   * just enqueued in this process). Calls in one turn of the event loop make one claim.
   */
  wake(): void;
}

/**
 * Lapsed leases are looked for at most this often (a claim between looks only takes queued tasks):
 * a crashed worker's task waits at most this much longer, and a busy worker does not scan its own
 * running tasks on every claim. A quarter of the lease, at most one second.
 */
export function reclaimCheckIntervalMs(leaseMs: number): number {
  return Math.max(1, Math.min(1_000, Math.floor(leaseMs / 4)));
}

export function createWorker(options: CreateWorkerOptions): Worker {
  const config: QueueConfig = options.queue?.config ?? configFromStore(options);
  const { repository, clock } = config;
  const logger = options.logger ?? config.logger;
  const leaseMs = positiveInteger('leaseMs', options.leaseMs, config.leaseMs);
  const heartbeatMs = positiveInteger(
    'heartbeatMs',
    options.heartbeatMs,
    Math.max(1, Math.floor(leaseMs / 3)),
  );
  const concurrency = positiveInteger('concurrency', options.concurrency, 1);
  const pollIntervalMs = positiveInteger('pollIntervalMs', options.pollIntervalMs, 1_000);
  const shutdownTimeoutMs = positiveInteger('shutdownTimeoutMs', options.shutdownTimeoutMs, 10_000);
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const handlers = new Map(Object.entries(options.handlers));
  const types = [...handlers.keys()];
  const slots = createConcurrencySlots(config.store, clock);
  const rates = createRateWindows(config.store, clock, resolveRateLimits(options.rateLimits));
  const running = new Set<TaskExecution>();
  const onEvent = safeListener(options.onEvent, logger);

  const reclaimCheckMs = reclaimCheckIntervalMs(leaseMs);
  let lastReclaimCheck = Number.NEGATIVE_INFINITY;
  function reclaimCheckDue(now: number): boolean {
    if (now - lastReclaimCheck < reclaimCheckMs) return false;
    lastReclaimCheck = now;
    return true;
  }

  let stopping = false;
  let loop: Promise<void> | undefined;
  let heartbeatTimer: NodeJS.Timeout | undefined;
  let wakeUp: (() => void) | undefined;
  // A wake-up that came while the loop was claiming (not sleeping): its next sleep returns at once.
  let wakeMissed = false;

  function sleep(ms: number): Promise<void> {
    if (wakeMissed && !stopping) {
      wakeMissed = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        wakeUp = undefined;
        resolve();
      }, ms);
      wakeUp = () => {
        wakeUp = undefined;
        clearTimeout(timer);
        resolve();
      };
    });
  }

  function wakeNow(): void {
    if (wakeUp) wakeUp();
    else wakeMissed = true;
  }

  async function heartbeat(): Promise<void> {
    await Promise.all([...running].map((execution) => execution.heartbeat()));
  }

  function track(execution: TaskExecution): void {
    running.add(execution);
    if (!heartbeatTimer) {
      heartbeatTimer = setInterval(() => void heartbeat(), heartbeatMs);
      heartbeatTimer.unref();
    }
    void execution.done.then(() => {
      running.delete(execution);
      if (running.size === 0 && heartbeatTimer) {
        clearInterval(heartbeatTimer);
        heartbeatTimer = undefined;
      }
      wakeSoon();
    });
  }

  // Completions that land in the same turn of the event loop free their slots together, so the
  // next claim takes them in one batch instead of one claim (and one transaction) per slot.
  let wakePending = false;
  function wakeSoon(): void {
    if (wakePending) return;
    wakePending = true;
    setImmediate(() => {
      wakePending = false;
      wakeNow();
    });
  }

  async function writeIfUnchanged(
    doc: TaskDocument,
    etag: string,
    batched = false,
  ): Promise<StoredTask | undefined> {
    try {
      return await (batched ? repository.replaceInBatch(doc, etag) : repository.replace(doc, etag));
    } catch (error) {
      if (isWriteRace(error)) return undefined;
      throw error;
    }
  }

  /**
   * What claiming `candidate` writes now: `claimed` for a due task; for a running task whose lease
   * lapsed, the lapsed attempt recorded and then `cancelled`, `dead` or `claimed`. `undefined` when
   * it is not due, or its concurrency key needs a slot or its type a rate-window start first
   * (`gated`: the caller takes them).
   */
  function claimDecision(candidate: StoredTask, now: number, gated: boolean): TaskDocument | undefined {
    if (!handlers.has(candidate.type)) return undefined;
    let base = toDocument(candidate);
    if (candidate.state === 'running') {
      const lapsed = candidate.lease;
      if (!lapsed || lapsed.expiresAt > now) return undefined;
      base = withLapsedAttempt(base, errorEntry(base.attempts, now, new LeaseExpiredError(lapsed.workerId)));
      logger.warn(
        { taskId: base.id, previousWorker: lapsed.workerId },
        'reclaiming a task whose lease lapsed',
      );
      if (base.cancelRequested) return cancelled(base, now, config.completedTtlSeconds);
      if (base.attempts >= base.maxAttempts) return dead(base, now);
    } else if (candidate.state !== 'queued' || candidate.runAt > now) {
      return undefined;
    }
    if (needsGate(base) && !gated) return undefined;
    return claimed(base, { workerId, token: randomUUID(), expiresAt: now + leaseMs }, now);
  }

  function needsGate(task: Pick<TaskDocument, 'concurrencyKey' | 'type'>): boolean {
    return Boolean(task.concurrencyKey) || rates.limits(task.type);
  }

  // Slots of attempts that just ended, kept for this worker's next claim of the same key: a worker
  // that moves from one task of a key to the next keeps its holding instead of a release write and
  // an acquire write. What the next claim pass does not reuse is released at its end (and before the
  // poll loop sleeps, and on stop), so another worker waits at most one claim pass for it.
  const idleSlots = new Map<string, Array<{ slot: Slot; pass: number }>>();
  /** Counts claim passes: a pass releases the kept slots it could have reused, not later ones. */
  let claimPass = 0;
  /** A kept slot is reused only while its holding outlives the next heartbeat with room to spare. */
  const reuseMarginMs = Math.min(leaseMs, heartbeatMs * 2);

  /** Slots of each key held by this worker's running attempts: at the limit, no store call is needed to know it is full. */
  const heldHere = new Map<string, number>();
  function countHeld(key: string, delta: number): void {
    const count = (heldHere.get(key) ?? 0) + delta;
    if (count > 0) heldHere.set(key, count);
    else heldHere.delete(key);
  }

  function parkSlot(slot: Slot, lost: boolean): Promise<void> {
    countHeld(slot.key, -1);
    if (lost || !loop || stopping || slot.expiresAt - clock.now() <= reuseMarginMs)
      return slots.release(slot);
    const entry = { slot, pass: claimPass };
    const list = idleSlots.get(slot.key);
    if (list) list.push(entry);
    else idleSlots.set(slot.key, [entry]);
    return Promise.resolve();
  }

  function takeIdleSlot(key: string, limit: number): Slot | undefined {
    const list = idleSlots.get(key);
    if (!list) return undefined;
    const now = clock.now();
    const index = list.findIndex(({ slot }) => slot.limit <= limit && slot.expiresAt - now > reuseMarginMs);
    if (index < 0) return undefined;
    const [entry] = list.splice(index, 1);
    if (list.length === 0) idleSlots.delete(key);
    return entry?.slot;
  }

  function releaseQuietly(slot: Slot): Promise<void> {
    return slots.release(slot).catch((error: unknown) => {
      logger.warn({ err: error, key: slot.key }, 'could not release a concurrency slot; it lapses');
    });
  }

  /** Releases the kept slots (only those kept before pass `before`, when given). */
  async function releaseIdleSlots(before = Number.POSITIVE_INFINITY): Promise<void> {
    if (idleSlots.size === 0) return;
    const released: Slot[] = [];
    for (const [key, list] of idleSlots) {
      const kept = list.filter((entry) => entry.pass >= before);
      for (const entry of list) if (entry.pass < before) released.push(entry.slot);
      if (kept.length === 0) idleSlots.delete(key);
      else idleSlots.set(key, kept);
    }
    await Promise.all(released.map(releaseQuietly));
  }

  function execute(doc: StoredTask, slot: Slot | undefined): TaskExecution {
    const handler = handlers.get(doc.type) as TaskHandler;
    if (slot) countHeld(slot.key, 1);
    const token = doc.lease?.token ?? '';
    logger.debug({ taskId: doc.id, attempt: doc.attempts }, 'claimed task');
    return startTaskExecution({
      config,
      leaseMs,
      workerId,
      doc,
      token,
      slot,
      slots,
      releaseSlot: parkSlot,
      handler,
      logger,
      onEvent,
    });
  }

  /** Tells the observer that `before` (running, lease lapsed) was taken over and is now `after`. */
  function reportReclaim(before: StoredTask, after: TaskDocument): void {
    if (!onEvent || before.state !== 'running') return;
    onEvent({
      kind: 'lease-reclaimed',
      taskId: after.id,
      productId: after.productId,
      type: after.type,
      at: clock.now(),
      previousWorker: before.lease?.workerId ?? 'unknown',
      state: after.state,
    });
  }

  /** Tries to claim one candidate; `undefined` when it is taken, not due, saturated, or finished here. */
  async function tryClaim(
    candidate: StoredTask,
    batched = false,
    saturated?: Set<string>,
  ): Promise<TaskExecution | undefined> {
    const next = claimDecision(candidate, clock.now(), true);
    if (!next) return undefined;
    if (next.state !== 'running' || !next.lease) {
      // a lapsed task that ends cancelled or dead
      if (await writeIfUnchanged(next, candidate.etag, batched)) reportReclaim(candidate, next);
      return undefined;
    }
    const { token } = next.lease;
    let start: RateToken | undefined;
    if (rates.limits(next.type)) {
      start = await rates.take(next.type);
      if (!start) return undefined; // window full: stays queued, no attempt counted
    }
    const key = next.concurrencyKey;
    const slot = key
      ? (takeIdleSlot(key, next.concurrencyLimit) ??
        ((heldHere.get(key) ?? 0) >= next.concurrencyLimit
          ? undefined // this worker alone holds the limit: saturated, no store call needed
          : await slots.acquire(key, next.concurrencyLimit, `${workerId}:${token}`, leaseMs)))
      : undefined;
    if (slot) countHeld(slot.key, 1); // held from here; `execute` takes it over, `undo` gives it back
    const undo = async () => {
      if (slot) await parkSlot(slot, false);
      if (start) await rates.giveBack(start);
    };
    if (next.concurrencyKey && !slot) {
      saturated?.add(next.concurrencyKey);
      await undo(); // saturated: stays queued, no attempt counted
      return undefined;
    }
    const now = clock.now();
    const lease = { workerId, token, expiresAt: now + leaseMs };
    const doc = await writeIfUnchanged({ ...next, lease, startedAt: now }, candidate.etag, batched).catch(
      async (error: unknown) => {
        await undo();
        throw error;
      },
    );
    if (!doc) {
      await undo();
      return undefined;
    }
    reportReclaim(candidate, doc);
    if (slot) countHeld(slot.key, -1); // `execute` counts it again
    return execute(doc, slot);
  }

  /** The batched claim: `undefined` when the store does not offer it. */
  async function claimBatch(
    free: number,
    types: string[],
    includeLapsed: boolean,
  ): Promise<{ started: TaskExecution[]; gated: StoredTask[] } | undefined> {
    const now = clock.now();
    let claimedHere = 0;
    // Selects more than `free`, as the generic path does, so gated candidates past a saturated key are seen.
    const limit = Math.min(1000, free + Math.min(100, free * 3 + 8));
    const matches = await repository.claimDue(now, types, limit, includeLapsed, (candidate) => {
      if (claimedHere >= free) return undefined;
      const next = claimDecision(candidate, now, false);
      if (next?.state === 'running') claimedHere += 1;
      return next;
    });
    if (!matches) return undefined;
    const started: TaskExecution[] = [];
    const gated: StoredTask[] = [];
    for (const { before, after } of matches) {
      if (after) reportReclaim(before, after);
      if (!after) {
        if (needsGate(before)) gated.push(before);
      } else if (after.state === 'running' && after.lease?.workerId === workerId) {
        const execution = execute(after, undefined);
        track(execution);
        started.push(execution);
      }
    }
    return { started, gated };
  }

  /** Claims up to the free concurrency from what is due now. */
  async function claimDue(): Promise<TaskExecution[]> {
    const started: TaskExecution[] = [];
    const free = concurrency - running.size;
    if (stopping || free <= 0) return started;
    claimPass += 1;
    const pass = claimPass;
    // Rate-limited types whose window this worker saw full are not fetched until it rolls.
    const open = rates.withoutFull(types);
    const includeLapsed = reclaimCheckDue(clock.now());
    const batch = await claimBatch(free, open, includeLapsed);
    if (batch) started.push(...batch.started);
    const candidates =
      batch?.gated ??
      (await repository.findDue(clock.now(), open, Math.min(100, free * 4 + 8), includeLapsed));
    // Candidates of types without a rate limit are claimed in waves of up to the free concurrency:
    // their slot acquisitions share one write per key, and their claim writes one transaction. A
    // key found saturated is skipped for the rest of this claim. Rate-limited types go one by one
    // (a window start is taken per claim).
    const limited: StoredTask[] = [];
    const waves: StoredTask[] = [];
    for (const candidate of candidates) (rates.limits(candidate.type) ? limited : waves).push(candidate);
    const saturated = new Set<string>();
    let index = 0;
    while (!stopping && index < waves.length) {
      const room = concurrency - running.size;
      if (room <= 0) break;
      const wave: StoredTask[] = [];
      while (wave.length < room && index < waves.length) {
        const candidate = waves[index++] as StoredTask;
        if (!candidate.concurrencyKey || !saturated.has(candidate.concurrencyKey)) wave.push(candidate);
      }
      const outcomes = await Promise.allSettled(
        wave.map((candidate) => tryClaim(candidate, true, saturated)),
      );
      let failure: unknown;
      for (const outcome of outcomes) {
        if (outcome.status === 'rejected') failure ??= outcome.reason;
        else if (outcome.value) {
          track(outcome.value);
          started.push(outcome.value);
        }
      }
      if (failure !== undefined) throw failure; // what started is tracked; the poll loop logs it
    }
    for (const candidate of limited) {
      if (stopping || running.size >= concurrency) break;
      const execution = await tryClaim(candidate);
      if (execution) {
        track(execution);
        started.push(execution);
      }
    }
    // Slots kept while this pass ran stay for the next one (their completion woke it).
    await releaseIdleSlots(pass);
    return started;
  }

  async function pollLoop(): Promise<void> {
    while (!stopping) {
      let claimedCount = 0;
      try {
        claimedCount = (await claimDue()).length;
      } catch (error) {
        logger.error({ err: error }, 'claiming tasks failed; retrying after the poll interval');
      }
      if (stopping) break;
      if (claimedCount === 0 || running.size >= concurrency) {
        // Slots kept during the last pass stay: their completion's wake-up starts the next pass.
        await releaseIdleSlots(claimPass);
        await sleep(pollIntervalMs);
      }
    }
  }

  let unregisterWake: (() => void) | undefined;
  const worker: Worker = {
    id: workerId,
    get runningCount() {
      return running.size;
    },

    start() {
      if (loop) return;
      stopping = false;
      loop = pollLoop();
      if (options.wakeOnLocalEnqueue && !unregisterWake)
        unregisterWake = registerLocalWake(config.store, () => worker.wake());
    },

    wake() {
      if (loop && !stopping && running.size < concurrency) wakeSoon();
    },

    async stop() {
      unregisterWake?.();
      unregisterWake = undefined;
      stopping = true;
      wakeUp?.();
      await loop;
      loop = undefined;
      const all = () => Promise.all([...running].map((execution) => execution.done));
      let timer: NodeJS.Timeout | undefined;
      const graceOver = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, shutdownTimeoutMs);
      });
      await Promise.race([all(), graceOver]);
      clearTimeout(timer);
      for (const execution of running) execution.stop();
      await all();
      await releaseIdleSlots();
      if (heartbeatTimer) clearInterval(heartbeatTimer);
      heartbeatTimer = undefined;
    },

    async runOnce() {
      const started = await claimDue();
      await Promise.all(started.map((execution) => execution.done));
      return started.length;
    },

    heartbeat,
  };
  return worker;
}

function configFromStore(options: CreateWorkerOptions): QueueConfig {
  if (!options.store) throw new Error('createWorker needs a `queue` or a `store`.');
  return resolveQueueConfig({
    store: options.store,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.leaseMs ? { leaseMs: options.leaseMs } : {}),
    ...(options.completedTtlSeconds ? { completedTtlSeconds: options.completedTtlSeconds } : {}),
    ...(options.random ? { random: options.random } : {}),
  });
}
