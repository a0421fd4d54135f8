/** Durable subscribers that write their own durable work at emit time (`DurableSubscriber.enqueue`). */
import { createQueue } from '@groundwork/jobs';
import { createMemoryStore } from '@groundwork/store/memory';
import { createFakeClock } from '@groundwork/testing';
import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.js';
import { createEventBus, DELIVER_TASK_TYPE } from './bus.js';
import type { EventEnvelope } from './envelope.js';

const actor: Actor = { type: 'user', id: 'usr_1' };
const ctx = { productId: 'prod_a', actor };
const silent = { debug() {}, info() {}, warn() {}, error() {} };

function boundBus() {
  const clock = createFakeClock();
  const store = createMemoryStore({ clock });
  const bus = createEventBus();
  bus.bind({ store, clock, logger: silent });
  return { bus, store, clock, queue: createQueue({ store, clock }) };
}

describe('durable subscribers with an emit-time enqueue', () => {
  it('gets the events of concurrent emits in one call, before emit resolves, and no events.deliver task', async () => {
    const { bus, store, queue } = boundBus();
    const calls: Array<{ ids: string[]; sameStore: boolean }> = [];
    const handled: string[] = [];
    bus.subscribeDurable({
      name: 'direct',
      types: ['user.deleted'],
      enqueue: async (events, enqueueCtx) => {
        calls.push({ ids: events.map((event) => event.id), sameStore: enqueueCtx.store === store });
      },
      handler: (event) => void handled.push(event.id),
    });
    // A classic durable subscriber beside it still gets its task.
    bus.subscribeDurable({ name: 'classic', types: ['user.deleted'], handler: () => {} });
    const emitted = await Promise.all(
      [1, 2, 3].map((n) => bus.emit('user.deleted', { userId: `usr_${n}` }, ctx)),
    );
    expect(calls).toEqual([{ ids: emitted.map((event) => event.id), sameStore: true }]);
    const tasks = (await queue.list({ limit: 100 })).items.filter((task) => task.type === DELIVER_TASK_TYPE);
    expect(tasks.map((task) => (task.payload as { subscriber: string }).subscriber)).toEqual([
      'classic',
      'classic',
      'classic',
    ]);
    expect(handled).toEqual([]);
  });

  it('fails the emit when the enqueue throws (nothing is silently lost)', async () => {
    const { bus } = boundBus();
    const seen: EventEnvelope[] = [];
    bus.subscribeDurable({
      name: 'direct',
      types: '*',
      enqueue: async (events) => {
        seen.push(...events);
        throw new Error('store down');
      },
      handler: () => {},
    });
    await expect(bus.emit('user.deleted', { userId: 'usr_1' }, ctx)).rejects.toThrow('store down');
    expect(seen).toHaveLength(1);
  });

  it('refuses to enqueue while the bus is unbound, as for task-based subscribers', async () => {
    const bus = createEventBus();
    bus.subscribeDurable({ name: 'direct', types: '*', enqueue: async () => {}, handler: () => {} });
    await expect(bus.emit('user.deleted', { userId: 'usr_1' }, ctx)).rejects.toThrow(/bound to a store/);
  });
});
