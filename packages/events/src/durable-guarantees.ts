/**
 * The durable-delivery guarantees, run against each store adapter (memory, SQLite): deliveries go
 * through the jobs queue, each (event, subscriber) is enqueued once, and a subscriber handles each
 * event id once even when it is delivered again; a failed handling is retried.
 */

import { createWorker, type Task, type TaskContext, type Worker } from '@groundwork/jobs';
import type { DocumentStore } from '@groundwork/store';
import { createFakeClock, type FakeClock } from '@groundwork/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEventBus, DELIVER_TASK_TYPE, type EventBus } from './bus.js';
import type { EventEnvelope } from './envelope.js';
import { createOutbox, withOutbox } from './outbox.js';
import { handleOnce } from './receipts.js';

const ctx = { productId: 'prod_a', actor: { type: 'user' as const, id: 'usr_1' } };
const deleted = { userId: 'usr_1' };
const silent = { debug() {}, info() {}, warn() {}, error() {} };

export interface StoreFixture {
  store: DocumentStore;
  cleanup: () => Promise<void>;
}

export function describeDurableDelivery(
  name: string,
  open: (clock: FakeClock) => Promise<StoreFixture>,
): void {
  describe(`durable delivery (${name})`, () => {
    let clock: FakeClock;
    let fixture: StoreFixture;
    let bus: EventBus;
    let worker: Worker;
    let handled: EventEnvelope[];

    beforeEach(async () => {
      clock = createFakeClock(Date.UTC(2026, 10, 26));
      fixture = await open(clock);
      bus = createEventBus();
      bus.bind({ store: fixture.store, clock, logger: silent });
      handled = [];
      worker = createWorker({
        store: fixture.store,
        clock,
        concurrency: 4,
        handlers: { [DELIVER_TASK_TYPE]: bus.deliveryHandler },
      });
    });

    afterEach(async () => {
      await worker.stop();
      await fixture.cleanup();
    });

    it('delivers an emitted event to each durable subscriber of its type, through the queue', async () => {
      const other: EventEnvelope[] = [];
      bus.subscribeDurable({ name: 'audit', types: '*', handler: (event) => void handled.push(event) });
      bus.subscribeDurable({
        name: 'mailer',
        types: ['user.created'],
        handler: (event) => void other.push(event),
      });
      const event = await bus.emit('user.deleted', deleted, ctx);
      expect(await worker.runOnce()).toBe(1);
      expect(handled).toEqual([event]);
      expect(other).toEqual([]);
    });

    it('enqueues an event once per subscriber however often it is published', async () => {
      bus.subscribeDurable({ name: 'audit', types: '*', handler: (event) => void handled.push(event) });
      const event = await bus.emit('user.deleted', deleted, ctx);
      await bus.publish([event], { inProcess: false });
      await bus.publish([event], { inProcess: false });
      expect(await worker.runOnce()).toBe(1);
      expect(await worker.runOnce()).toBe(0);
      expect(handled.map((seen) => seen.id)).toEqual([event.id]);
    });

    it('skips an event id the subscriber already handled when it is delivered again', async () => {
      bus.subscribeDurable({ name: 'audit', types: '*', handler: (event) => void handled.push(event) });
      const event = bus.stage('user.deleted', deleted, ctx);
      const task = { id: 'task_x', payload: { subscriber: 'audit', event } } as unknown as Task;
      const taskCtx = {
        signal: new AbortController().signal,
        attempt: 1,
        progress: async () => {},
        logger: silent,
      } as TaskContext;
      await bus.deliveryHandler(task, taskCtx);
      await bus.deliveryHandler(task, { ...taskCtx, attempt: 2 });
      expect(handled.map((seen) => seen.id)).toEqual([event.id]);
    });

    it('retries a failed handling; receipts record successes only, and survive racing writers', async () => {
      let failures = 1;
      bus.subscribeDurable({
        name: 'flaky',
        types: '*',
        handler: (event) => {
          if (failures-- > 0) throw new Error('downstream is down');
          handled.push(event);
        },
      });
      const event = await bus.emit('user.deleted', deleted, ctx);
      expect(await worker.runOnce()).toBe(1); // fails, released its receipt
      expect(handled).toEqual([]);
      clock.advance(60 * 60 * 1000); // past any backoff
      expect(await worker.runOnce()).toBe(1);
      expect(handled.map((seen) => seen.id)).toEqual([event.id]);

      const once = (handler: () => unknown) =>
        handleOnce({ store: fixture.store, clock, subscriber: 'once', event }, handler);
      await expect(once(() => Promise.reject(new Error('no')))).rejects.toThrow('no'); // no receipt
      const [first, second] = await Promise.all([once(() => {}), once(() => {})]); // same turn, both run
      expect([first, second]).toEqual(['handled', 'handled']);
      expect(await once(() => {})).toBe('skipped');
    });

    it('orders deliveries of one key through the queue’s concurrency key', async () => {
      bus.subscribeDurable({
        name: 'ordered',
        types: '*',
        orderKey: (event) => (event.payload as { userId: string }).userId,
        handler: (event) => void handled.push(event),
      });
      await bus.emit('user.deleted', deleted, ctx);
      const page = await fixture.store
        .container<Task & { concurrencyKey: string }>('tasks')
        .query({ limit: 10 });
      expect(page.items.map((task) => task.concurrencyKey)).toEqual(['ordered:usr_1']);
    });

    it('relays an outbox left behind by a writer that never flushed, once', async () => {
      bus.subscribeDurable({ name: 'audit', types: '*', handler: (event) => void handled.push(event) });
      await fixture.store.ensureContainers([{ name: 'notes', partitionKey: '/productId' }]);
      const notes = fixture.store.container('notes');
      const event = bus.stage('user.deleted', deleted, ctx);
      await notes.create(
        withOutbox({ id: 'note_1', pk: 'prod_a', productId: 'prod_a', text: 'hi' }, [event]),
      );
      const outbox = createOutbox({
        bus,
        store: fixture.store,
        clock,
        logger: silent,
        containers: () => ['notes'],
        graceMs: 30_000,
      });
      expect(await outbox.relay()).toBe(0); // still the writer's to flush
      clock.advance(30_001);
      expect(await outbox.relay()).toBe(1);
      expect(await outbox.relay()).toBe(0); // cleared
      expect(await worker.runOnce()).toBe(1);
      expect(handled.map((seen) => seen.id)).toEqual([event.id]);
      const note = await notes.read('note_1', 'prod_a');
      expect(note).toMatchObject({ text: 'hi' });
      expect(note).not.toHaveProperty('eventOutbox');
    });
  });
}
