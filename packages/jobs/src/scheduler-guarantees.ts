/**
 * The scheduler's guarantees as one suite, run unchanged on every store adapter by
 * `describeSchedulerGuarantees('<kind>', factory, { slots })` (memory, sqlite, cosmos test files).
 * Time is a fake clock that the tests move and then call `tick()` / `runCycle()` by hand; no real
 * timers are involved except in the start/stop test, which awaits `stop()`. Every loop is bounded.
 */
import { isAppError } from '@groundwork/errors';
import { createLeaseManager, type DocumentStore } from '@groundwork/store';
import type { FakeClock } from '@groundwork/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobDefinitionInput } from './job-definitions.js';
import { createQueue, type Queue } from './queue.js';
import { type CreateSchedulerOptions, createScheduler, type Scheduler } from './scheduler.js';
import { SCHEDULER_LEADER_LEASE } from './scheduler-leader.js';
import { createWorker } from './worker.js';

export interface SchedulerGuaranteesHarness {
  store: DocumentStore;
  /** The clock the store was created with. */
  clock: FakeClock;
  cleanup(): Promise<void>;
}

export type SchedulerGuaranteesFactory = () => Promise<SchedulerGuaranteesHarness>;

export interface SchedulerGuaranteesOptions {
  /** Slots of the three-instance exactly-once test (>= 500 where the store is fast, >= 100 on the emulator). */
  slots: number;
}

/** For the tests that tick hundreds of times (each tick is several store round trips). */
const LONG_TEST_MS = 180_000;

const P = 'prod_a';
const MINUTE = 60_000;
const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 0, 1);

const iso = (ms: number) => new Date(ms).toISOString();
const slotId = (name: string, ms: number) => `job:${name}:${iso(ms)}`;

/** Deterministic pseudo-random numbers (mulberry32), for shuffling instances reproducibly. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function shuffled<T>(items: T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/** Every task id of one type in the product (all pages; bounded). */
async function taskIds(queue: Queue, type: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 100; page++) {
    const result = await queue.list({ productId: P, type, limit: 1_000, ...(cursor ? { cursor } : {}) });
    ids.push(...result.items.map((task) => task.id));
    cursor = result.nextCursor;
    if (!cursor) return ids.sort();
  }
  throw new Error('too many pages');
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

export function describeSchedulerGuarantees(
  label: string,
  factory: SchedulerGuaranteesFactory,
  options: SchedulerGuaranteesOptions,
): void {
  describe(`scheduler guarantees (${label})`, () => {
    let harness: SchedulerGuaranteesHarness;
    let clock: FakeClock;
    let queue: Queue;

    beforeEach(async () => {
      harness = await factory();
      clock = harness.clock;
      clock.set(T0);
      queue = createQueue({ store: harness.store, clock });
    });

    afterEach(async () => {
      await harness.cleanup();
    });

    function scheduler(instanceId: string, extra: Partial<CreateSchedulerOptions> = {}): Scheduler {
      return createScheduler({ store: harness.store, queue, clock, instanceId, ...extra });
    }

    function job(
      overrides: Partial<JobDefinitionInput> & Pick<JobDefinitionInput, 'name'>,
    ): JobDefinitionInput {
      return { type: 'report', productId: P, schedule: { everyMs: MINUTE }, overlap: 'allow', ...overrides };
    }

    /** Ticks `s` at every `stepMs` from now until `untilMs` (inclusive), bounded. */
    async function tickUntil(s: Scheduler, untilMs: number, stepMs: number): Promise<void> {
      await s.tick();
      for (let step = 0; step < 10_000 && clock.now() + stepMs <= untilMs; step++) {
        clock.advance(stepMs);
        await s.tick();
      }
    }

    it('cron and interval schedules produce their slots, each as a task due at the slot', async () => {
      const s = scheduler('a', { tickIntervalMs: 5 * MINUTE });
      s.define(job({ name: 'quarter', type: 'cron-task', schedule: { cron: '*/15 * * * *' } }));
      s.define(job({ name: 'ten', type: 'interval-task', schedule: { everyMs: 10 * MINUTE } }));
      await tickUntil(s, T0 + 2 * HOUR, 5 * MINUTE);

      const quarters = Array.from({ length: 9 }, (_, i) => slotId('quarter', T0 + i * 15 * MINUTE));
      const tens = Array.from({ length: 13 }, (_, i) => slotId('ten', T0 + i * 10 * MINUTE));
      expect(await taskIds(queue, 'cron-task')).toEqual(quarters.sort());
      expect(await taskIds(queue, 'interval-task')).toEqual(tens.sort());
      const task = await queue.get(slotId('quarter', T0 + 15 * MINUTE), P);
      expect(task?.runAt).toBe(T0 + 15 * MINUTE);
      expect(task?.type).toBe('cron-task');
    });

    it('a 6-field cron expression runs at second precision', async () => {
      const s = scheduler('a', { tickIntervalMs: 10_000 });
      s.define(job({ name: 'half-minute', schedule: { cron: '*/30 * * * * *' } }));
      await tickUntil(s, T0 + 3 * MINUTE, 10_000);
      const expected = Array.from({ length: 7 }, (_, i) => slotId('half-minute', T0 + i * 30_000));
      expect(await taskIds(queue, 'report')).toEqual(expected.sort());
    });

    it(
      `three instances ticking one store in shuffled, interleaved order enqueue each of ${options.slots} slots exactly once`,
      async () => {
        const instances = ['a', 'b', 'c'].map((id) => scheduler(id));
        for (const s of instances) s.define(job({ name: 'every-minute' }));
        const random = seeded(42);
        const seen = new Map<string, number>();
        for (let minute = 0; minute < options.slots; minute++) {
          if (minute > 0) clock.advance(MINUTE);
          // Each instance believes it leads (tick() bypasses the lease); their ticks interleave.
          const results = await Promise.all(shuffled(instances, random).map((s) => s.tick()));
          for (const result of results)
            for (const id of result.enqueued) seen.set(id, (seen.get(id) ?? 0) + 1);
        }
        const expected = Array.from({ length: options.slots }, (_, i) =>
          slotId('every-minute', T0 + i * MINUTE),
        );
        const ids = await taskIds(queue, 'report');
        expect(ids).toHaveLength(options.slots);
        expect(ids).toEqual([...expected].sort());
        expect([...seen.keys()].sort()).toEqual([...expected].sort());
        const history = await instances[0]?.runs('every-minute', P, { limit: 1_000 });
        expect(history?.items).toHaveLength(options.slots);
        expect(history?.items.every((run) => run.status === 'queued')).toBe(true);
      },
      LONG_TEST_MS,
    );

    it('with the leader lease honoured only the leader ticks, and another takes over after the lease lapses', async () => {
      const [a, b, c] = ['a', 'b', 'c'].map((id) => scheduler(id)) as [Scheduler, Scheduler, Scheduler];
      for (const s of [a, b, c]) s.define(job({ name: 'led' }));
      expect(await a.runCycle()).toBe(true);
      expect(await b.runCycle()).toBe(false);
      expect(await c.runCycle()).toBe(false);
      expect([a.isLeader(), b.isLeader(), c.isLeader()]).toEqual([true, false, false]);
      expect(await taskIds(queue, 'report')).toEqual([slotId('led', T0)]);

      // a renews every 10 s and keeps leading.
      for (let i = 1; i <= 6; i++) {
        clock.advance(10_000);
        expect(await a.runCycle()).toBe(true);
        expect(await b.runCycle()).toBe(false);
      }
      expect(await taskIds(queue, 'report')).toEqual([slotId('led', T0), slotId('led', T0 + MINUTE)]);

      // a dies (no more renewals): b cannot lead until the lease lapses, then takes over.
      clock.advance(29_000);
      expect(await b.runCycle()).toBe(false);
      clock.advance(2_000);
      expect(await b.runCycle()).toBe(true);
      expect(await c.runCycle()).toBe(false);
      expect(await a.runCycle()).toBe(false); // a is back, but b holds the lease now
      expect(a.isLeader()).toBe(false);
      clock.advance(MINUTE - 31_000);
      expect(await b.runCycle()).toBe(true);
      expect(await taskIds(queue, 'report')).toEqual(
        [slotId('led', T0), slotId('led', T0 + MINUTE), slotId('led', T0 + 2 * MINUTE)].sort(),
      );
    });

    it('start() ticks at once with real timers; stop() waits for it and releases the lease', async () => {
      const a = scheduler('a', { tickIntervalMs: 3_600_000 });
      a.define(job({ name: 'started' }));
      a.start();
      await a.stop();
      expect(await taskIds(queue, 'report')).toEqual([slotId('started', T0)]);
      expect(
        await createLeaseManager({ store: harness.store, clock }).read(SCHEDULER_LEADER_LEASE),
      ).toBeUndefined();
      expect(await scheduler('b').runCycle()).toBe(true);
    });

    it("overlap 'skip' records a slot as skipped while the previous run is active; 'allow' enqueues it", async () => {
      const s = scheduler('a');
      s.define(job({ name: 'exclusive', type: 'exclusive-task', overlap: 'skip' }));
      s.define(job({ name: 'parallel', type: 'parallel-task', overlap: 'allow' }));
      await s.tick(); // slot 0: both enqueued
      clock.advance(MINUTE);
      const second = await s.tick(); // slot 1: exclusive's run 0 is still queued
      expect(second.skipped).toEqual([slotId('exclusive', T0 + MINUTE)]);

      const worker = createWorker({ queue, handlers: { 'exclusive-task': async () => 'done' } });
      expect(await worker.runOnce()).toBe(1);
      clock.advance(MINUTE);
      await s.tick(); // slot 2: the previous run completed
      expect(await taskIds(queue, 'exclusive-task')).toEqual(
        [slotId('exclusive', T0), slotId('exclusive', T0 + 2 * MINUTE)].sort(),
      );
      expect(await taskIds(queue, 'parallel-task')).toHaveLength(3);

      const history = await s.runs('exclusive', P);
      expect(history.items.map((run) => [run.runId, run.status])).toEqual([
        [slotId('exclusive', T0 + 2 * MINUTE), 'queued'],
        [slotId('exclusive', T0 + MINUTE), 'skipped'],
        [slotId('exclusive', T0), 'completed'],
      ]);
      const completed = history.items[2];
      expect(completed?.startedAt).toBe(T0 + MINUTE);
      expect(completed?.completedAt).toBe(T0 + MINUTE);
      const [summary] = await s.list(P).then((jobs) => jobs.filter((j) => j.name === 'exclusive'));
      expect(summary?.lastRunId).toBe(slotId('exclusive', T0 + 2 * MINUTE));
      expect(summary?.lastRunStatus).toBe('queued');
    });

    it('records failures and dead letters of a run from its task', async () => {
      const s = scheduler('a');
      s.define(
        job({
          name: 'flaky',
          type: 'flaky-task',
          taskOptions: { maxAttempts: 2, backoff: { type: 'exponential', baseMs: 0, maxMs: 0 } },
        }),
      );
      await s.tick();
      const worker = createWorker({
        queue,
        handlers: {
          'flaky-task': async () => {
            throw new Error('boom');
          },
        },
      });
      expect(await worker.runOnce()).toBe(1);
      await s.tick();
      let [run] = (await s.runs('flaky', P)).items;
      expect(run?.status).toBe('failed');
      expect(run?.error).toBe('Error: boom');
      expect(await worker.runOnce()).toBe(1);
      [run] = (await s.runs('flaky', P)).items;
      expect(run?.status).toBe('dead');
      expect(run?.attempts).toBe(2);
    });

    describe('catch-up after downtime (hourly job, down for 10.5 hours)', () => {
      async function afterGap(catchUp: JobDefinitionInput['catchUp']): Promise<string[]> {
        const s = scheduler('a');
        s.define(job({ name: 'hourly', schedule: { cron: '0 * * * *' }, ...(catchUp ? { catchUp } : {}) }));
        await s.tick(); // slot T0 runs
        clock.advance(10 * HOUR + 30 * MINUTE);
        await s.tick();
        const ids = await taskIds(queue, 'report');
        const [summary] = await s.list(P);
        expect(summary?.nextRunAt).toBe(T0 + 11 * HOUR);
        clock.advance(30 * MINUTE); // back to normal: the next slot runs on time
        await s.tick();
        expect(await taskIds(queue, 'report')).toContain(slotId('hourly', T0 + 11 * HOUR));
        return ids.filter((id) => id !== slotId('hourly', T0));
      }
      const hours = (...h: number[]) => h.map((n) => slotId('hourly', T0 + n * HOUR)).sort();

      it("'skip' runs none of the missed slots", async () => {
        expect(await afterGap({ policy: 'skip' })).toEqual([]);
      });
      it("'latest' (the default) runs only the latest missed slot", async () => {
        expect(await afterGap(undefined)).toEqual(hours(10));
      });
      it("'all' runs every missed slot within windowMs", async () => {
        expect(await afterGap({ policy: 'all', windowMs: 5 * HOUR })).toEqual(hours(6, 7, 8, 9, 10));
      });
      it("'all' without windowMs runs every missed slot of the last 24 hours", async () => {
        expect(await afterGap({ policy: 'all' })).toEqual(hours(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
      });
    });

    it('pause stops slots, resume continues from the next slot, and re-defining keeps the runtime state', async () => {
      const s = scheduler('a');
      s.define(job({ name: 'pausable' }));
      await s.tick();
      const paused = await s.pause('pausable', P);
      expect(paused.paused).toBe(true);
      for (let i = 0; i < 5; i++) {
        clock.advance(MINUTE);
        await s.tick();
      }
      expect(await taskIds(queue, 'report')).toEqual([slotId('pausable', T0)]);

      // A restart: a new instance defines the same job again, with a changed payload.
      const restarted = scheduler('b');
      restarted.define(job({ name: 'pausable', payload: { v: 2 } }));
      clock.advance(30_000);
      await restarted.tick();
      const [summary] = await restarted.list(P);
      expect(summary?.paused).toBe(true);
      expect(summary?.lastRunAt).toBe(T0);

      const resumed = await restarted.resume('pausable', P);
      expect(resumed.paused).toBe(false);
      expect(resumed.nextRunAt).toBe(T0 + 6 * MINUTE);
      clock.advance(30_000);
      await restarted.tick();
      expect(await taskIds(queue, 'report')).toEqual(
        [slotId('pausable', T0), slotId('pausable', T0 + 6 * MINUTE)].sort(),
      );
      expect((await queue.get(slotId('pausable', T0 + 6 * MINUTE), P))?.payload).toEqual({ v: 2 });
    });

    it('code owns the schedule: a changed schedule restarts at its next slot; enabled: false stops the job', async () => {
      const v1 = scheduler('a');
      v1.define(job({ name: 'evolving' }));
      await v1.tick(); // T0
      clock.advance(2 * MINUTE + 30_000);
      const v2 = scheduler('b'); // a deploy with a new schedule
      v2.define(job({ name: 'evolving', schedule: { everyMs: 5 * MINUTE } }));
      const [summary] = await v2.list(P);
      expect(summary?.nextRunAt).toBe(T0 + 5 * MINUTE);
      expect(summary?.lastRunAt).toBe(T0);
      clock.advance(2 * MINUTE + 30_000);
      await v2.tick(); // T0 + 5 min
      const v3 = scheduler('c');
      v3.define(job({ name: 'evolving', schedule: { everyMs: 5 * MINUTE }, enabled: false }));
      clock.advance(5 * MINUTE);
      await v3.tick();
      expect((await v3.list(P))[0]?.enabled).toBe(false);
      expect(await taskIds(queue, 'report')).toEqual(
        [slotId('evolving', T0), slotId('evolving', T0 + 5 * MINUTE)].sort(),
      );
    });

    it('runNow enqueues a manual run at once, also while paused; unknown jobs are NotFound', async () => {
      const s = scheduler('a');
      s.define(job({ name: 'manual', schedule: { cron: '0 3 * * *' }, payload: { kind: 'nightly' } }));
      await s.pause('manual', P);
      clock.advance(5_000);
      const task = await s.runNow('manual', P);
      expect(task.id).toBe(`job:manual:manual:${iso(T0 + 5_000)}`);
      expect(task.payload).toEqual({ kind: 'nightly' });
      expect(task.runAt).toBe(T0 + 5_000);
      const [summary] = await s.list(P);
      expect(summary?.lastRunId).toBe(task.id);
      expect(summary?.lastRunAt).toBe(T0 + 5_000);
      expect(summary?.lastRunStatus).toBe('queued');
      expect((await s.runs('manual', P)).items.map((run) => run.trigger)).toEqual(['manual']);
      const missing = await rejection(s.runNow('nope', P));
      expect(isAppError(missing) && missing.status).toBe(404);
    });

    describe('DST in Europe/Berlin (as croner defines it)', () => {
      async function slotsBetween(
        cron: string,
        fromIso: string,
        toIso: string,
        stepMs: number,
      ): Promise<string[]> {
        clock.set(Date.parse(fromIso));
        const s = scheduler('a', { tickIntervalMs: stepMs });
        s.define(job({ name: 'berlin', schedule: { cron, timezone: 'Europe/Berlin' } }));
        await tickUntil(s, Date.parse(toIso), stepMs);
        return (await taskIds(queue, 'report')).map((id) => id.slice('job:berlin:'.length));
      }

      it(
        'a daily 02:30 job runs once a day across the March transition (02:30 does not exist → 03:00 CEST)',
        async () => {
          expect(
            await slotsBetween(
              '30 2 * * *',
              '2026-03-27T00:00:00.000Z',
              '2026-03-31T12:00:00.000Z',
              30 * MINUTE,
            ),
          ).toEqual([
            '2026-03-27T01:30:00.000Z',
            '2026-03-28T01:30:00.000Z',
            '2026-03-29T01:00:00.000Z',
            '2026-03-30T00:30:00.000Z',
            '2026-03-31T00:30:00.000Z',
          ]);
        },
        LONG_TEST_MS,
      );

      it(
        'a daily 02:30 job runs once across the October transition (02:30 occurs twice, runs at the first)',
        async () => {
          expect(
            await slotsBetween(
              '30 2 * * *',
              '2026-10-23T00:00:00.000Z',
              '2026-10-27T12:00:00.000Z',
              30 * MINUTE,
            ),
          ).toEqual([
            '2026-10-23T00:30:00.000Z',
            '2026-10-24T00:30:00.000Z',
            '2026-10-25T00:30:00.000Z',
            '2026-10-26T01:30:00.000Z',
            '2026-10-27T01:30:00.000Z',
          ]);
        },
        LONG_TEST_MS,
      );

      it('an hourly job runs every real hour exactly once across the March transition', async () => {
        const hourly = (fromIso: string, count: number) =>
          Array.from({ length: count }, (_, i) => iso(Date.parse(fromIso) + i * HOUR));
        expect(
          await slotsBetween(
            '0 * * * *',
            '2026-03-28T22:00:00.000Z',
            '2026-03-29T04:00:00.000Z',
            15 * MINUTE,
          ),
        ).toEqual(hourly('2026-03-28T22:00:00.000Z', 7));
      });

      it('an hourly job runs every real hour exactly once across the October transition', async () => {
        const hourly = (fromIso: string, count: number) =>
          Array.from({ length: count }, (_, i) => iso(Date.parse(fromIso) + i * HOUR));
        expect(
          await slotsBetween(
            '0 * * * *',
            '2026-10-24T22:00:00.000Z',
            '2026-10-25T04:00:00.000Z',
            15 * MINUTE,
          ),
        ).toEqual(hourly('2026-10-24T22:00:00.000Z', 7));
      });
    });
  });
}
