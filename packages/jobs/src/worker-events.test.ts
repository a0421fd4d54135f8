import type { DocumentStore } from '@groundwork/store';
import { createMemoryStore } from '@groundwork/store/memory';
import { createFakeClock, createTempSqliteStore, type FakeClock } from '@groundwork/testing';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerJobsMetrics } from './metrics.js';
import { createQueue } from './queue.js';
import { createWorker } from './worker.js';
import type { WorkerEvent } from './worker-events.js';

const quiet = { debug() {}, info() {}, warn() {}, error() {} };

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

/** Memory takes the generic claim path; SQLite the batched one (`updateMatching`). */
const STORES: [string, (clock: FakeClock) => DocumentStore][] = [
  ['memory', (clock) => createMemoryStore({ clock })],
  [
    'sqlite',
    (clock) => {
      const temp = createTempSqliteStore({ clock });
      cleanups.push(temp.cleanup);
      return temp.store;
    },
  ],
];

describe.each(STORES)('worker events (%s)', (_label, openStore) => {
  it('reports attempts, a lease reclaim, and the lost outcome of the worker whose lease lapsed', async () => {
    const clock = createFakeClock();
    const store = openStore(clock);
    const queue = createQueue({ store, clock, leaseMs: 30_000 });
    const frozenEvents: WorkerEvent[] = [];
    const takeoverEvents: WorkerEvent[] = [];
    let release: () => void = () => {};
    const frozen = createWorker({
      queue,
      workerId: 'frozen',
      handlers: { slow: () => new Promise<void>((resolve) => (release = resolve)) },
      onEvent: (event) => frozenEvents.push(event),
    });
    const registry = new Registry();
    const metrics = registerJobsMetrics({ registry, queue, knownTypes: () => ['slow'], logger: quiet });
    const takeover = createWorker({
      queue,
      workerId: 'takeover',
      handlers: { slow: async () => 'done' },
      onEvent: (event) => {
        takeoverEvents.push(event);
        metrics.onEvent(event);
      },
    });

    const task = await queue.enqueue('slow', {}, { productId: 'acme' });
    clock.advance(250);
    const first = frozen.runOnce();
    await vi.waitFor(() => expect(frozenEvents).toHaveLength(1), { timeout: 5_000, interval: 5 });
    expect(frozenEvents[0]).toEqual({
      kind: 'attempt-started',
      taskId: task.id,
      productId: 'acme',
      type: 'slow',
      attempt: 1,
      dueAt: task.runAt,
      at: task.runAt + 250,
    });

    clock.advance(30_001);
    expect(await takeover.runOnce()).toBe(1);
    expect(takeoverEvents.map((event) => event.kind)).toEqual([
      'lease-reclaimed',
      'attempt-started',
      'attempt-ended',
    ]);
    expect(takeoverEvents[0]).toMatchObject({ previousWorker: 'frozen', state: 'running', taskId: task.id });
    expect(takeoverEvents[2]).toMatchObject({ outcome: 'completed', attempt: 2 });

    release();
    await first;
    expect(frozenEvents[1]).toMatchObject({ kind: 'attempt-ended', outcome: 'lost', attempt: 1 });
    expect((await queue.get(task.id, 'acme'))?.result).toBe('done');
    expect(await registry.metrics()).toContain('jobs_lease_reclaims_total{type="slow"} 1');
  });

  it('a throwing observer never breaks the worker', async () => {
    const clock = createFakeClock();
    const store = openStore(clock);
    const queue = createQueue({ store, clock });
    const warnings: string[] = [];
    const worker = createWorker({
      queue,
      handlers: { ok: async () => 1 },
      logger: { debug() {}, info() {}, error() {}, warn: (_obj, msg) => warnings.push(msg ?? '') },
      onEvent: () => {
        throw new Error('observer bug');
      },
    });
    const task = await queue.enqueue('ok', {}, { productId: 'acme' });
    expect(await worker.runOnce()).toBe(1);
    expect((await queue.get(task.id, 'acme'))?.state).toBe('completed');
    expect(warnings).toContain('worker event listener failed');
  });
});
