/** How a running worker keeps and gives back concurrency slots (`worker.ts`, `concurrency-slots.ts`). */
import {
  createFakeClock,
  createTempSqliteStore,
  interceptStore,
  type TempSqliteStore,
} from '@groundwork/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CONCURRENCY_CONTAINER, concurrencyDocumentId } from './concurrency-slots.js';
import { createQueue } from './queue.js';
import { createWorker, type Worker } from './worker.js';

const BOUNDED = { timeout: 10_000, interval: 10 };
let temp: TempSqliteStore | undefined;
const workers: Worker[] = [];
afterEach(async () => {
  for (const worker of workers.splice(0)) await worker.stop();
  await temp?.cleanup();
});

describe('a running worker and concurrency slots', () => {
  it('keeps its slot from one task of a key to the next (fewer slot writes than tasks) and gives it back when idle', async () => {
    const clock = createFakeClock();
    temp = createTempSqliteStore({ clock });
    const slotWrites: string[] = [];
    const store = interceptStore(temp.store, (call) => {
      if (call.container === CONCURRENCY_CONTAINER.name && call.method !== 'read')
        slotWrites.push(call.method);
      return call.proceed();
    });
    const queue = createQueue({ store, clock });
    const tasks = 20;
    for (let n = 0; n < tasks; n++)
      await queue.enqueue(
        'hook',
        { n },
        { productId: 'acme', concurrencyKey: 'endpoint', concurrencyLimit: 1 },
      );
    let active = 0;
    let maxActive = 0;
    const done: number[] = [];
    const worker = createWorker({
      queue,
      concurrency: 4,
      pollIntervalMs: 5,
      handlers: {
        hook: async (task) => {
          active += 1;
          maxActive = Math.max(maxActive, active);
          await new Promise((resolve) => setImmediate(resolve));
          active -= 1;
          done.push((task.payload as { n: number }).n);
        },
      },
    });
    workers.push(worker);
    worker.start();
    await vi.waitFor(() => expect(done).toHaveLength(tasks), BOUNDED);
    expect(maxActive).toBe(1);
    // Without keeping the slot: one acquire and one release per task (2 × 20 writes).
    expect(slotWrites.length).toBeLessThan(tasks);
    // Idle now: the kept slot is released, so another worker can take the key.
    const slotsDoc = () =>
      temp?.store
        .container<{ holders: unknown[] }>(CONCURRENCY_CONTAINER.name)
        .read(concurrencyDocumentId('endpoint'), concurrencyDocumentId('endpoint'));
    await vi.waitFor(async () => expect((await slotsDoc())?.holders).toEqual([]), BOUNDED);
    expect((await queue.counts()).completed).toBe(tasks);
  });

  it('a kept slot is not held against other workers: a second worker runs the key once the first is idle', async () => {
    const clock = createFakeClock();
    temp = createTempSqliteStore({ clock });
    const queue = createQueue({ store: temp.store, clock });
    const ran: string[] = [];
    const handlers = (name: string) => ({ hook: () => void ran.push(name) });
    const a = createWorker({ queue, workerId: 'A', pollIntervalMs: 5, handlers: handlers('A') });
    workers.push(a);
    await queue.enqueue('hook', {}, { productId: 'acme', concurrencyKey: 'k' });
    a.start();
    await vi.waitFor(() => expect(ran).toEqual(['A']), BOUNDED);
    await a.stop();
    const b = createWorker({ queue, workerId: 'B', handlers: handlers('B') });
    await queue.enqueue('hook', {}, { productId: 'acme', concurrencyKey: 'k' });
    expect(await b.runOnce()).toBe(1);
    expect(ran).toEqual(['A', 'B']);
  });
});
