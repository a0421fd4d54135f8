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
