import { createMemoryStore } from '@groundwork/store/memory';
import { createFakeClock } from '@groundwork/testing';
import { describe, expect, it, vi } from 'vitest';
import { createQueue } from './queue.js';
import { createWorker, type Worker } from './worker.js';

describe('waking the local worker on enqueue', () => {
  it('runs a task enqueued in this process at once, not at the next poll', async () => {
    const clock = createFakeClock();
    const store = createMemoryStore({ clock });
    const ran: string[] = [];
    let worker: Worker | undefined;
    const queue = createQueue({ store, clock, onEnqueued: () => worker?.wake() });
    // An hour between polls: only the wake-up can make the task run within the test.
    worker = createWorker({
      queue,
      pollIntervalMs: 3_600_000,
      handlers: { note: async (task) => void ran.push(String((task.payload as { text: string }).text)) },
    });
    worker.start();
    try {
      // The first poll finds nothing and the worker goes to sleep.
      await new Promise((resolve) => setTimeout(resolve, 50));
      await queue.enqueue('note', { text: 'one' }, { productId: 'acme' });
      await vi.waitFor(() => expect(ran).toEqual(['one']), { timeout: 5_000, interval: 10 });
      await queue.enqueueMany([{ type: 'note', payload: { text: 'two' }, options: { productId: 'acme' } }]);
      await vi.waitFor(() => expect(ran).toEqual(['one', 'two']), { timeout: 5_000, interval: 10 });
    } finally {
      await worker.stop();
    }
  });

  it('without the wake-up the task waits for the next poll', async () => {
    const clock = createFakeClock();
    const store = createMemoryStore({ clock });
    const ran: string[] = [];
    const queue = createQueue({ store, clock });
    const worker = createWorker({
      queue,
      pollIntervalMs: 3_600_000,
      handlers: { note: async () => void ran.push('ran') },
    });
    worker.start();
    try {
      await new Promise((resolve) => setTimeout(resolve, 50));
      await queue.enqueue('note', { text: 'one' }, { productId: 'acme' });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(ran).toEqual([]);
      worker.wake();
      await vi.waitFor(() => expect(ran).toEqual(['ran']), { timeout: 5_000, interval: 10 });
    } finally {
      await worker.stop();
    }
  });
});

describe('waking on any local enqueue (wakeOnLocalEnqueue)', () => {
  it('wakes for a task that another queue of this process enqueued on the same store', async () => {
    const clock = createFakeClock();
    const store = createMemoryStore({ clock });
    const ran: string[] = [];
    // The worker's queue and the enqueuing queue are different objects (as with the event bus's).
    const worker = createWorker({
      queue: createQueue({ store, clock }),
      pollIntervalMs: 3_600_000,
      wakeOnLocalEnqueue: true,
      handlers: { note: async () => void ran.push('ran') },
    });
    const other = createQueue({ store, clock });
    worker.start();
    try {
      await new Promise((resolve) => setTimeout(resolve, 50));
      await other.enqueue('note', {}, { productId: 'acme' });
      await vi.waitFor(() => expect(ran).toEqual(['ran']), { timeout: 5_000, interval: 10 });
      // A task due later does not wake it; after stop() nothing is registered any more.
      await other.enqueue('note', {}, { productId: 'acme', delayMs: 60_000 });
    } finally {
      await worker.stop();
    }
    await other.enqueue('note', {}, { productId: 'acme' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(ran).toEqual(['ran']);
  });
});
