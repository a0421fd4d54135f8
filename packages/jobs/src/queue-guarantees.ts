/**
 * The task queue's guarantees as one suite, run unchanged on every store adapter by
 * `describeQueueGuarantees('<kind>', factory)` (memory, sqlite, cosmos test files). Time is a fake
 * clock; handlers block on promises the test controls, so nothing depends on real timing, and
 * every loop is bounded.
 */
import { isAppError } from '@groundwork/errors';
import type { DocumentStore } from '@groundwork/store';
import type { FakeClock } from '@groundwork/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  LeaseLostError,
  RetryAt,
  TaskCancelledError,
  TaskTimeoutError,
  WorkerStoppingError,
} from './errors.js';
import { createQueue, type Queue } from './queue.js';
import type { RateLimit } from './rate-limits.js';
import type { JsonValue, Task } from './schemas.js';
import type { TaskHandler } from './task-execution.js';
import { createWorker, reclaimCheckIntervalMs, type Worker } from './worker.js';

export interface QueueGuaranteesHarness {
  store: DocumentStore;
  /** The clock the store was created with; the suite passes it to queues and workers. */
  clock: FakeClock;
  cleanup(): Promise<void>;
}

export type QueueGuaranteesFactory = () => Promise<QueueGuaranteesHarness>;

const P = 'prod_a';
const LEASE_MS = 30_000;
const DAY_MS = 86_400_000;
const MAX_ROUNDS = 40;

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
}

function deferred<T = void>(): Deferred<T> {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** Resolves once `count()` has been called `n` times. */
function counter(n: number): { hit(): void; reached: Promise<void> } {
  let hits = 0;
  const done = deferred();
  return {
    hit() {
      hits += 1;
      if (hits >= n) done.resolve();
    },
    reached: done.promise,
  };
}

/** A promise rejected with the signal's reason once it aborts (a handler that honours its signal). */
function untilAborted(signal: AbortSignal): Promise<never> {
  return new Promise<never>((_, reject) => {
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

async function mustGet(queue: Queue, id: string, productId = P): Promise<Task> {
  const task = await queue.get(id, productId);
  if (!task) throw new Error(`task ${id} not found`);
  return task;
}

/** Runs `worker.runOnce()` until nothing more is due now; bounded. */
async function drain(worker: Worker): Promise<number> {
  let total = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const claimed = await worker.runOnce();
    if (claimed === 0) return total;
    total += claimed;
  }
  throw new Error('drain did not finish');
}

export function describeQueueGuarantees(label: string, factory: QueueGuaranteesFactory): void {
  describe(`task queue guarantees (${label})`, () => {
    let harness: QueueGuaranteesHarness;
    let clock: FakeClock;
    let queue: Queue;

    beforeEach(async () => {
      harness = await factory();
      clock = harness.clock;
      queue = createQueue({ store: harness.store, clock });
    });

    afterEach(async () => {
      await harness.cleanup();
    });

    function worker(
      handlers: Record<string, TaskHandler>,
      extra: { workerId?: string; concurrency?: number; rateLimits?: Record<string, RateLimit> } = {},
    ) {
      return createWorker({ queue, handlers, ...extra });
    }

    it('enqueues, reads, lists, pages and counts tasks', async () => {
      const task = await queue.enqueue('email', { to: 'a@example.com' }, { productId: P });
      expect(task).toMatchObject({
        productId: P,
        type: 'email',
        payload: { to: 'a@example.com' },
        state: 'queued',
        priority: 0,
        runAt: clock.now(),
        attempts: 0,
        maxAttempts: 5,
        backoff: { type: 'exponential', baseMs: 1_000, maxMs: 3_600_000 },
        errors: [],
        lease: null,
      });
      expect(task.id).toMatch(/^task_[0-9a-f]{28}$/);
      expect(await queue.get(task.id, P)).toEqual(task);
      expect(await queue.get(task.id, 'prod_b')).toBeUndefined();

      clock.advance(1);
      await queue.enqueue('email', { n: 2 }, { productId: P });
      clock.advance(1);
      await queue.enqueue('sms', { n: 3 }, { productId: P });
      clock.advance(1);
      await queue.enqueue('email', { n: 4 }, { productId: 'prod_b' });

      const seen: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 10; page++) {
        const result = await queue.list({ limit: 3, ...(cursor ? { cursor } : {}) });
        seen.push(...result.items.map((item) => item.id));
        cursor = result.nextCursor;
        if (!cursor) break;
      }
      expect(seen).toHaveLength(4);
      expect(new Set(seen).size).toBe(4);
      expect(seen[3]).toBe(task.id); // newest first
      expect((await queue.list({ productId: P, type: 'email' })).items.map((t) => t.payload)).toEqual([
        { n: 2 },
        { to: 'a@example.com' },
      ]);
      expect(await queue.counts()).toEqual({ queued: 4, running: 0, completed: 0, dead: 0, cancelled: 0 });
      expect((await queue.counts({ productId: 'prod_b' })).queued).toBe(1);
    });

    it('returns the existing task for a repeated idempotency key (same type and product)', async () => {
      const first = await queue.enqueue('email', { n: 1 }, { productId: P, idempotencyKey: 'order-42' });
      const again = await queue.enqueue('email', { n: 2 }, { productId: P, idempotencyKey: 'order-42' });
      expect(again.id).toBe(first.id);
      expect(again.payload).toEqual({ n: 1 });
      const racing = await Promise.all(
        [1, 2, 3, 4].map((n) => queue.enqueue('email', { n }, { productId: P, idempotencyKey: 'race' })),
      );
      expect(new Set(racing.map((t) => t.id)).size).toBe(1);
      const otherProduct = await queue.enqueue(
        'email',
        {},
        { productId: 'prod_b', idempotencyKey: 'order-42' },
      );
      const otherType = await queue.enqueue('sms', {}, { productId: P, idempotencyKey: 'order-42' });
      expect(new Set([first.id, otherProduct.id, otherType.id]).size).toBe(3);
      expect((await queue.counts()).queued).toBe(4);

      const slot = await queue.enqueue('report', {}, { productId: P, taskId: 'report:2026-01-01T00:00' });
      expect(slot.id).toBe('report:2026-01-01T00:00');
      expect((await queue.enqueue('report', {}, { productId: P, taskId: slot.id })).createdAt).toBe(
        slot.createdAt,
      );
      const conflict = await rejection(queue.enqueue('email', {}, { productId: P, taskId: slot.id }));
      expect(conflict).toMatchObject({ status: 409, code: 'task_id_conflict' });
    });

    it('rejects bad input with ValidationErrors naming each field, and enqueues nothing', async () => {
      const cases: [unknown, Record<string, unknown>, string][] = [
        [{ when: new Date() }, { productId: P }, 'payload.when'],
        [{ n: Number.NaN }, { productId: P }, 'payload.n'],
        [{ f: () => 1 }, { productId: P }, 'payload.f'],
        [[1, undefined], { productId: P }, 'payload.1'],
        [{}, {}, 'options.productId'],
        [{}, { productId: P, runAt: 1, delayMs: 5 }, 'options.delayMs'],
        [{}, { productId: P, priority: 1.5 }, 'options.priority'],
        [{}, { productId: P, maxAttempts: 0 }, 'options.maxAttempts'],
        [{}, { productId: P, concurrencyLimit: 2 }, 'options.concurrencyLimit'],
        [{}, { productId: P, idempotencyKey: 'k', taskId: 't' }, 'options.taskId'],
        [{}, { productId: P, colour: 'blue' }, 'options'],
      ];
      for (const [payload, options, path] of cases) {
        const error = await rejection(queue.enqueue('email', payload, options as { productId: string }));
        expect(error).toMatchObject({ name: 'ValidationError', status: 400 });
        const issues = isAppError(error) ? (error.extensions.errors as { path: string }[]) : [];
        expect(issues.map((issue) => issue.path)).toContain(path);
      }
      const many = await rejection(
        queue.enqueueMany([
          { type: 'email', payload: {}, options: { productId: P } },
          { type: 'email', payload: { bad: 1n }, options: { productId: P } },
        ]),
      );
      expect(isAppError(many) ? many.extensions.errors : []).toEqual([
        expect.objectContaining({ path: 'items.1.payload.bad' }),
      ]);
      expect((await queue.counts()).queued).toBe(0);
      const tasks = await queue.enqueueMany([
        { type: 'a', payload: 1, options: { productId: P } },
        { type: 'b', payload: 2, options: { productId: P, priority: 3 } },
      ]);
      expect(tasks.map((t) => [t.type, t.payload, t.priority])).toEqual([
        ['a', 1, 0],
        ['b', 2, 3],
      ]);
    });

    it('runs due tasks by priority (higher first), then by runAt (earlier first)', async () => {
      const order: JsonValue[] = [];
      const now = clock.now();
      await queue.enqueue('t', 'p0-late', { productId: P, runAt: now });
      await queue.enqueue('t', 'p0-early', { productId: 'prod_b', runAt: now - 1_000 });
      await queue.enqueue('t', 'p5', { productId: P, priority: 5 });
      await queue.enqueue('t', 'p-1-earliest', { productId: P, priority: -1, runAt: new Date(now - 5_000) });
      await queue.enqueue('t', 'p10-future', { productId: P, priority: 10, delayMs: 1_000 });
      const w = worker({ t: (task) => void order.push(task.payload) });
      expect(await drain(w)).toBe(4);
      expect(order).toEqual(['p5', 'p0-early', 'p0-late', 'p-1-earliest']);
      clock.advance(1_000);
      expect(await drain(w)).toBe(1);
      expect(order.at(-1)).toBe('p10-future');
    });

    it('does not run a delayed task before its time', async () => {
      let runs = 0;
      const task = await queue.enqueue('later', {}, { productId: P, delayMs: 10_000 });
      const w = worker({
        later: () => {
          runs += 1;
          return { ran: runs };
        },
      });
      expect(await w.runOnce()).toBe(0);
      clock.advance(9_999);
      expect(await w.runOnce()).toBe(0);
      expect(await mustGet(queue, task.id)).toMatchObject({ state: 'queued', attempts: 0 });
      clock.advance(1);
      expect(await w.runOnce()).toBe(1);
      expect(await mustGet(queue, task.id)).toMatchObject({
        state: 'completed',
        attempts: 1,
        result: { ran: 1 },
      });
      expect(runs).toBe(1);
    });

    it('retries with exponential backoff, then dead-letters with the error history after maxAttempts', async () => {
      queue = createQueue({ store: harness.store, clock, random: () => 0.999_999 }); // jitter at its cap
      const backoff = { type: 'exponential' as const, baseMs: 1_000, maxMs: 3_000 };
      const task = await queue.enqueue('poison', {}, { productId: P, maxAttempts: 4, backoff });
      let calls = 0;
      const w = worker({
        poison: () => {
          calls += 1;
          throw new Error(`boom ${calls}`);
        },
      });
      const expectedDelays = [1_000, 2_000, 3_000]; // base * 2^(n-1), capped at maxMs
      for (const [index, delay] of expectedDelays.entries()) {
        expect(await w.runOnce()).toBe(1);
        const failed = await mustGet(queue, task.id);
        expect(failed).toMatchObject({ state: 'queued', attempts: index + 1, runAt: clock.now() + delay });
        clock.advance(delay - 1);
        expect(await w.runOnce()).toBe(0);
        clock.advance(1);
      }
      expect(await w.runOnce()).toBe(1);
      const dead = await mustGet(queue, task.id);
      expect(dead).toMatchObject({ state: 'dead', attempts: 4, lease: null, finishedAt: clock.now() });
      expect(dead.errors.map((e) => [e.attempt, e.name, e.message])).toEqual([
        [1, 'Error', 'boom 1'],
        [2, 'Error', 'boom 2'],
        [3, 'Error', 'boom 3'],
        [4, 'Error', 'boom 4'],
      ]);
      clock.advance(30 * DAY_MS);
      expect(await w.runOnce()).toBe(0);
      expect(calls).toBe(4);
      expect((await mustGet(queue, task.id)).state).toBe('dead'); // dead tasks do not expire
    });

    it('lets a handler choose the next try with RetryAt (a delay or a date); it counts as an attempt', async () => {
      const task = await queue.enqueue('limited', {}, { productId: P, maxAttempts: 3 });
      const w = worker({
        limited: (_task, ctx) => {
          if (ctx.attempt === 1) throw new RetryAt(60_000, 'rate limited; Retry-After: 60');
          if (ctx.attempt === 2) throw new RetryAt(new Date(clock.now() + 5_000));
          return 'sent';
        },
      });
      expect(await w.runOnce()).toBe(1);
      expect(await mustGet(queue, task.id)).toMatchObject({
        state: 'queued',
        attempts: 1,
        runAt: clock.now() + 60_000,
      });
      clock.advance(59_999);
      expect(await w.runOnce()).toBe(0);
      clock.advance(1);
      expect(await w.runOnce()).toBe(1);
      expect((await mustGet(queue, task.id)).runAt).toBe(clock.now() + 5_000);
      clock.advance(5_000);
      expect(await w.runOnce()).toBe(1);
      const done = await mustGet(queue, task.id);
      expect(done).toMatchObject({ state: 'completed', attempts: 3, result: 'sent' });
      expect(done.errors.map((e) => [e.name, e.message])).toEqual([
        ['RetryAt', 'rate limited; Retry-After: 60'],
        ['RetryAt', expect.stringContaining('Retry requested at')],
      ]);
    });

    it('times out an attempt: aborts the signal, records a failure without waiting, discards a late result', async () => {
      const task = await queue.enqueue('slow', {}, { productId: P, timeoutMs: 5_000, maxAttempts: 2 });
      const signals: AbortSignal[] = [];
      const started = [deferred(), deferred()];
      const late = deferred<string>();
      const w = worker({
        slow: (_task, ctx) => {
          signals.push(ctx.signal);
          started[ctx.attempt - 1]?.resolve();
          return ctx.attempt === 1 ? new Promise<never>(() => {}) : late.promise; // both ignore the signal
        },
      });
      const first = w.runOnce();
      await started[0]?.promise;
      clock.advance(4_999);
      await w.heartbeat();
      expect(signals[0]?.aborted).toBe(false);
      clock.advance(1);
      await w.heartbeat();
      await first; // returns although the handler never settles
      expect(signals[0]?.reason).toBeInstanceOf(TaskTimeoutError);
      const failed = await mustGet(queue, task.id);
      expect(failed).toMatchObject({ state: 'queued', attempts: 1 });
      expect(failed.errors).toEqual([expect.objectContaining({ attempt: 1, name: 'TimeoutError' })]);

      clock.advance(DAY_MS); // past any backoff
      const second = w.runOnce();
      await started[1]?.promise;
      clock.advance(5_000);
      await w.heartbeat();
      await second;
      late.resolve('too late');
      await late.promise;
      const dead = await mustGet(queue, task.id);
      expect(dead).toMatchObject({ state: 'dead', attempts: 2, result: null });
      expect(dead.errors.map((e) => e.name)).toEqual(['TimeoutError', 'TimeoutError']);
    });

    it('cancels a queued task at once, and refuses to cancel a completed one', async () => {
      let runs = 0;
      const task = await queue.enqueue('job', {}, { productId: P });
      expect(await queue.cancel(task.id, P)).toMatchObject({ state: 'cancelled', finishedAt: clock.now() });
      expect(await queue.cancel(task.id, P)).toMatchObject({ state: 'cancelled' });
      const w = worker({
        job: () => {
          runs += 1;
        },
      });
      expect(await w.runOnce()).toBe(0);
      expect(runs).toBe(0);
      const other = await queue.enqueue('job', {}, { productId: P });
      await w.runOnce();
      expect(await rejection(queue.cancel(other.id, P))).toMatchObject({
        status: 409,
        code: 'task_not_cancellable',
      });
      expect(await rejection(queue.cancel('task_missing', P))).toMatchObject({
        status: 404,
        code: 'task_not_found',
      });
    });

    it('cancels a running task: the next heartbeat aborts its signal and the task ends cancelled', async () => {
      const task = await queue.enqueue('long', {}, { productId: P });
      const started = deferred();
      let reason: unknown;
      const w = worker({
        long: async (_task, ctx) => {
          started.resolve();
          try {
            return await untilAborted(ctx.signal);
          } catch (error) {
            reason = error;
            throw error;
          }
        },
      });
      const run = w.runOnce();
      await started.promise;
      expect(await queue.cancel(task.id, P)).toMatchObject({ state: 'running', cancelRequested: true });
      await w.heartbeat();
      await run;
      expect(reason).toBeInstanceOf(TaskCancelledError);
      expect(await mustGet(queue, task.id)).toMatchObject({ state: 'cancelled', lease: null, attempts: 1 });
    });

    it('makes progress visible through get() while the task runs', async () => {
      const task = await queue.enqueue('export', {}, { productId: P });
      const reported = deferred();
      const gate = deferred();
      const w = worker({
        export: async (_task, ctx) => {
          await ctx.progress(0.25);
          reported.resolve();
          await gate.promise;
          await ctx.progress({ done: 3, total: 4 });
          return { rows: 4 };
        },
      });
      const run = w.runOnce();
      await reported.promise;
      expect(await mustGet(queue, task.id)).toMatchObject({ state: 'running', progress: 0.25 });
      gate.resolve();
      await run;
      expect(await mustGet(queue, task.id)).toMatchObject({
        state: 'completed',
        progress: { done: 3, total: 4 },
        result: { rows: 4 },
      });
    });

    it('retries a dead task with fresh attempts, keeping its error history', async () => {
      const task = await queue.enqueue('flaky', {}, { productId: P, maxAttempts: 1 });
      let fail = true;
      const w = worker({
        flaky: () => {
          if (fail) throw new TypeError('upstream said no');
          return 'ok';
        },
      });
      await w.runOnce();
      expect(await mustGet(queue, task.id)).toMatchObject({ state: 'dead', attempts: 1 });
      fail = false;
      const revived = await queue.retryDead(task.id, P);
      expect(revived).toMatchObject({ state: 'queued', attempts: 0, runAt: clock.now() });
      expect(revived.errors).toEqual([expect.objectContaining({ name: 'TypeError', attempt: 1 })]);
      expect(await w.runOnce()).toBe(1);
      expect(await mustGet(queue, task.id)).toMatchObject({ state: 'completed', attempts: 1, result: 'ok' });
      expect(await rejection(queue.retryDead(task.id, P))).toMatchObject({
        status: 409,
        code: 'task_not_dead',
      });
    });

    it('keeps completed tasks for the TTL (7 days by default), then they expire', async () => {
      const task = await queue.enqueue('quick', {}, { productId: P });
      await worker({ quick: () => 'done' }).runOnce();
      clock.advance(7 * DAY_MS - 1_000);
      expect((await mustGet(queue, task.id)).state).toBe('completed');
      clock.advance(2_000);
      expect(await queue.get(task.id, P)).toBeUndefined();
    });

    it('leaves task types it has no handler for queued, for workers that know them', async () => {
      const task = await queue.enqueue('unknown-here', {}, { productId: P });
      expect(await worker({ other: () => null }).runOnce()).toBe(0);
      expect(await mustGet(queue, task.id)).toMatchObject({ state: 'queued', attempts: 0 });
      expect(await worker({ 'unknown-here': () => 'known' }).runOnce()).toBe(1);
      expect((await mustGet(queue, task.id)).result).toBe('known');
    });

    it('runs at most one task per concurrencyKey at a time across racing workers (limit 1)', async () => {
      const ids = new Set<string>();
      for (let n = 0; n < 4; n++)
        ids.add((await queue.enqueue('hook', { n }, { productId: P, concurrencyKey: 'endpoint-1' })).id);
      let active = 0;
      let maxActive = 0;
      const invocations = new Map<string, number>();
      let gate = deferred();
      let firstStarted = counter(1);
      let secondStarted = counter(2);
      const hook: TaskHandler = async (task) => {
        invocations.set(task.id, (invocations.get(task.id) ?? 0) + 1);
        active += 1;
        maxActive = Math.max(maxActive, active);
        firstStarted.hit();
        secondStarted.hit();
        await gate.promise;
        active -= 1;
      };
      const a = worker({ hook }, { workerId: 'A' });
      const b = worker({ hook }, { workerId: 'B' });
      for (let round = 0; round < ids.size; round++) {
        const runs = [a.runOnce(), b.runOnce()];
        // One worker runs a task and waits on the gate; the other finds the key saturated and returns
        // (or, were the limit broken, a second handler starts).
        const idle = await Promise.race([...runs, secondStarted.reached.then(() => -1)]);
        expect(idle).toBe(0);
        // The winner's claim write may land just after the loser returned (claims are batched).
        await firstStarted.reached;
        const waiting = (await queue.list({ state: 'queued' })).items;
        expect(waiting.every((t) => t.attempts === 0)).toBe(true); // saturation is not an attempt
        expect((await queue.counts()).running).toBe(1);
        gate.resolve();
        expect((await Promise.all(runs)).sort()).toEqual([0, 1]);
        gate = deferred();
        firstStarted = counter(1);
        secondStarted = counter(2);
      }
      expect(maxActive).toBe(1);
      expect([...invocations.values()]).toEqual([1, 1, 1, 1]);
      expect((await queue.counts()).completed).toBe(4);
    });

    it('allows up to concurrencyLimit tasks of one key at once (limit 2)', async () => {
      for (let n = 0; n < 3; n++)
        await queue.enqueue('hook', { n }, { productId: P, concurrencyKey: 'k', concurrencyLimit: 2 });
      const gate = deferred();
      const two = counter(2);
      const three = counter(3);
      const hook: TaskHandler = async () => {
        two.hit();
        three.hit();
        await gate.promise;
      };
      const workers = ['A', 'B', 'C'].map((workerId) => worker({ hook }, { workerId }));
      const runs = workers.map((w) => w.runOnce());
      const outcome = await Promise.race([
        Promise.all([two.reached, Promise.race(runs)]).then(() => 'two running, one worker idle'),
        three.reached.then(() => 'three running'),
      ]);
      expect(outcome).toBe('two running, one worker idle');
      expect(await queue.counts()).toMatchObject({ running: 2, queued: 1 });
      gate.resolve();
      await Promise.all(runs);
      expect(await drain(workers[0] as Worker)).toBe(1);
      expect((await queue.counts()).completed).toBe(3);
    });

    it('starts at most max tasks of a rate-limited type per window across workers, uncharged when held back', async () => {
      const rateLimits = { hook: { max: 3, perMs: 60_000 } };
      for (let n = 0; n < 10; n++) await queue.enqueue('hook', { n }, { productId: P });
      for (let n = 0; n < 2; n++) await queue.enqueue('other', { n }, { productId: P });
      const started: number[] = [];
      const handlers: Record<string, TaskHandler> = {
        hook: (task) => {
          started.push(clock.now());
          return task.id;
        },
        other: () => 'free',
      };
      const a = worker(handlers, { workerId: 'A', rateLimits });
      const b = worker(handlers, { workerId: 'B', rateLimits });
      const hookCounts = async () => ({
        completed: (await queue.list({ type: 'hook', state: 'completed', limit: 100 })).items.length,
        queued: (await queue.list({ type: 'hook', state: 'queued', limit: 100 })).items,
      });

      await Promise.all([drain(a), drain(b)]);
      let hook = await hookCounts();
      expect(started).toHaveLength(3);
      expect(hook.completed).toBe(3);
      expect(hook.queued).toHaveLength(7);
      expect(hook.queued.every((t) => t.attempts === 0 && t.errors.length === 0)).toBe(true);
      // other types are not held back
      expect((await queue.list({ type: 'other', state: 'completed' })).items).toHaveLength(2);
      // a worker that never saw this window (another instance) is held back too: the count is in the store
      expect(await worker(handlers, { workerId: 'C', rateLimits }).runOnce()).toBe(0);

      const expected = [6, 9, 10];
      for (const total of expected) {
        clock.advance(60_000);
        await Promise.all([drain(a), drain(b)]);
        hook = await hookCounts();
        expect(started).toHaveLength(total);
        expect(hook.completed).toBe(total);
        expect(hook.queued.every((t) => t.attempts === 0)).toBe(true);
      }
      const tasks = (await queue.list({ type: 'hook', limit: 100 })).items;
      expect(tasks.every((t) => t.attempts === 1)).toBe(true);
    });

    it('never exceeds a rate limit when workers race for the same window', async () => {
      const rateLimits = { hook: { max: 3, perMs: 60_000 } };
      await queue.enqueueMany(
        Array.from({ length: 10 }, (_, n) => ({ type: 'hook', payload: { n }, options: { productId: P } })),
      );
      const starts = new Map<string, number>();
      const hook: TaskHandler = async (task) => {
        starts.set(task.id, (starts.get(task.id) ?? 0) + 1);
        await new Promise((resolve) => setImmediate(resolve));
      };
      const workers = ['A', 'B', 'C'].map((workerId) =>
        worker({ hook }, { workerId, concurrency: 10, rateLimits }),
      );
      const claimed = await Promise.all(workers.map((w) => w.runOnce()));
      expect(claimed.reduce((sum, n) => sum + n, 0)).toBe(3);
      expect(starts.size).toBe(3);
      expect(await queue.counts()).toMatchObject({ completed: 3, queued: 7, running: 0 });
      expect((await Promise.all(workers.map((w) => w.runOnce()))).every((n) => n === 0)).toBe(true);
      clock.advance(60_000);
      await Promise.all(workers.map((w) => w.runOnce()));
      expect(starts.size).toBe(6);
      expect([...starts.values()].every((count) => count === 1)).toBe(true);
      expect((await queue.list({ state: 'queued' })).items.every((t) => t.attempts === 0)).toBe(true);
    });

    it('reclaims a frozen worker’s task after its lease lapses, counting the lapsed attempt', async () => {
      const task = await queue.enqueue('frozen', {}, { productId: P });
      const started = deferred();
      let reasonA: unknown;
      const a = worker(
        {
          frozen: async (_task, ctx) => {
            started.resolve();
            try {
              return await untilAborted(ctx.signal); // "frozen": never finishes, never heartbeats here
            } catch (error) {
              reasonA = error;
              throw error;
            }
          },
        },
        { workerId: 'A' },
      );
      const b = worker({ frozen: () => ({ by: 'B' }) }, { workerId: 'B' });
      const runA = a.runOnce();
      await started.promise;
      expect(await mustGet(queue, task.id)).toMatchObject({ state: 'running', lease: { workerId: 'A' } });
      clock.advance(LEASE_MS - 1);
      expect(await b.runOnce()).toBe(0); // lease still valid
      clock.advance(1);
      // B looked for lapsed leases 1 ms ago; it looks again once its reclaim interval has passed.
      expect(await b.runOnce()).toBe(0);
      clock.advance(reclaimCheckIntervalMs(LEASE_MS));
      expect(await b.runOnce()).toBe(1);
      const done = await mustGet(queue, task.id);
      expect(done).toMatchObject({ state: 'completed', attempts: 2, result: { by: 'B' } });
      expect(done.errors).toEqual([expect.objectContaining({ attempt: 1, name: 'LeaseExpiredError' })]);
      await a.heartbeat(); // A wakes up: its lease is gone, so its handler is aborted
      await runA;
      expect(reasonA).toBeInstanceOf(LeaseLostError);
      expect(await mustGet(queue, task.id)).toEqual(done);
    });

    it('dead-letters a task whose worker keeps dying once maxAttempts lapsed attempts are used', async () => {
      const task = await queue.enqueue('crashy', {}, { productId: P, maxAttempts: 1 });
      const started = deferred();
      const a = worker(
        {
          crashy: (_task, ctx) => {
            started.resolve();
            return untilAborted(ctx.signal);
          },
        },
        { workerId: 'A' },
      );
      let ranOnB = 0;
      const b = worker(
        {
          crashy: () => {
            ranOnB += 1;
          },
        },
        { workerId: 'B' },
      );
      const runA = a.runOnce();
      await started.promise;
      clock.advance(LEASE_MS);
      expect(await b.runOnce()).toBe(0);
      const dead = await mustGet(queue, task.id);
      expect(dead).toMatchObject({ state: 'dead', attempts: 1 });
      expect(dead.errors.map((e) => e.name)).toEqual(['LeaseExpiredError']);
      expect(ranOnB).toBe(0);
      await a.heartbeat();
      await runA;
    });

    it('never lets a worker that lost its lease complete the task', async () => {
      const task = await queue.enqueue('race', {}, { productId: P });
      const startedA = deferred();
      const startedB = deferred();
      const gateA = deferred();
      const gateB = deferred();
      const a = worker(
        {
          race: async () => {
            startedA.resolve();
            await gateA.promise; // ignores its signal
            return { by: 'A' };
          },
        },
        { workerId: 'A' },
      );
      const b = worker(
        {
          race: async () => {
            startedB.resolve();
            await gateB.promise;
            return { by: 'B' };
          },
        },
        { workerId: 'B' },
      );
      const runA = a.runOnce();
      await startedA.promise;
      clock.advance(LEASE_MS);
      const runB = b.runOnce();
      await startedB.promise;
      gateA.resolve();
      await runA;
      expect(await mustGet(queue, task.id)).toMatchObject({
        state: 'running',
        lease: { workerId: 'B' },
        result: null,
      });
      gateB.resolve();
      await runB;
      expect(await mustGet(queue, task.id)).toMatchObject({
        state: 'completed',
        attempts: 2,
        result: { by: 'B' },
      });
    });

    it('runs every task exactly once when several workers race over many tasks', async () => {
      const total = 15;
      await queue.enqueueMany(
        Array.from({ length: total }, (_, n) => ({
          type: 'unit',
          payload: { n },
          options: { productId: n % 2 === 0 ? P : 'prod_b', priority: n % 3 },
        })),
      );
      const invocations = new Map<string, number>();
      const unit: TaskHandler = async (task) => {
        invocations.set(task.id, (invocations.get(task.id) ?? 0) + 1);
        await new Promise((resolve) => setImmediate(resolve));
      };
      const workers = ['A', 'B', 'C'].map((workerId) => worker({ unit }, { workerId, concurrency: 2 }));
      for (let round = 0; round < MAX_ROUNDS; round++) {
        await Promise.all(workers.map((w) => w.runOnce()));
        if ((await queue.counts()).completed === total) break;
      }
      expect(await queue.counts()).toMatchObject({ completed: total, queued: 0, running: 0 });
      expect(invocations.size).toBe(total);
      expect([...invocations.values()].every((count) => count === 1)).toBe(true);
      const tasks = [...(await queue.list({ limit: 100 })).items];
      expect(tasks.every((t) => t.attempts === 1 && t.errors.length === 0)).toBe(true);
    });

    it('stops gracefully: waits for running handlers, then aborts those past the grace period', async () => {
      const finishing = await queue.enqueue('graceful', {}, { productId: P });
      const started = deferred();
      const gate = deferred();
      const w = createWorker({
        queue,
        handlers: {
          graceful: async () => {
            started.resolve();
            await gate.promise;
            return 'finished';
          },
        },
        pollIntervalMs: 5,
      });
      w.start();
      await started.promise;
      const stopped = w.stop();
      gate.resolve();
      await stopped;
      expect(await mustGet(queue, finishing.id)).toMatchObject({ state: 'completed', result: 'finished' });

      const stuck = await queue.enqueue('stuck', {}, { productId: P });
      const stuckStarted = deferred();
      let reason: unknown;
      const impatient = createWorker({
        queue,
        handlers: {
          stuck: (_task, ctx) => {
            ctx.signal.addEventListener('abort', () => {
              reason = ctx.signal.reason;
            });
            stuckStarted.resolve();
            return new Promise<never>(() => {});
          },
        },
        pollIntervalMs: 5,
        shutdownTimeoutMs: 10,
      });
      impatient.start();
      await stuckStarted.promise;
      await impatient.stop();
      expect(reason).toBeInstanceOf(WorkerStoppingError);
      expect(await mustGet(queue, stuck.id)).toMatchObject({ state: 'queued', attempts: 0, lease: null });
    });
  });
}
