/**
 * Fan-outs and log writes that happen in the same turn of the event loop share one store write
 * (one `createMany` of log documents, one `replaceMany` of attempt outcomes), the fan-out is
 * written at emit time (no `events.deliver` task), and every delivery
 * is still logged and delivered once per (event, subscription).
 */
import {
  createFakeClock,
  createTempSqliteStore,
  type HttpReceiver,
  interceptStore,
  startHttpReceiver,
  type TempSqliteStore,
} from '@groundwork/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { DELIVERIES_CONTAINER } from '../src/repository.js';
import { actor, createHarness, type Harness } from '../test/harness.js';

let h: Harness | undefined;
let temp: TempSqliteStore | undefined;
let receiver: HttpReceiver | undefined;
afterEach(async () => {
  await h?.close();
  await temp?.cleanup();
  await receiver?.close();
});

describe('batched delivery writes (SQLite)', () => {
  it('writes the log documents of concurrent fan-outs in one createMany and their outcomes in few replaceMany', async () => {
    const clock = createFakeClock(Date.now());
    temp = createTempSqliteStore({ clock });
    const calls: string[] = [];
    const store = interceptStore(temp.store, (call) => {
      if (call.container === DELIVERIES_CONTAINER.name) calls.push(call.method);
      return call.proceed();
    });
    receiver = await startHttpReceiver();
    h = await createHarness({ store, clock });
    await h.subscribe({ url: `${receiver.url}/a`, eventTypes: ['user.created'] });
    await h.subscribe({ url: `${receiver.url}/b`, eventTypes: ['user.created'] });
    const events = 6;
    const emitted = await Promise.all(
      Array.from({ length: events }, (_, n) =>
        h?.bus.emit(
          'user.created',
          { userId: `u${n}`, email: `u${n}@example.com`, plan: 'pro' },
          { productId: 'acme', actor },
        ),
      ),
    );
    await h.drain();
    await receiver.waitFor(events * 2);
    // Each (event, subscription) was delivered once, signed with its event id.
    const ids = receiver.requests.map((request) => `${request.path}|${request.headers['webhook-id']}`);
    expect(new Set(ids).size).toBe(events * 2);
    expect(new Set(receiver.requests.map((request) => request.headers['webhook-id']))).toEqual(
      new Set(emitted.map((event) => event?.id)),
    );
    // The fan-outs ran as concurrent tasks of one claim: one createMany, not one per event.
    expect(calls.filter((method) => method === 'createMany')).toHaveLength(1);
    expect(calls.filter((method) => method === 'create')).toHaveLength(0);
    // Outcomes: one replaceMany per turn in which attempts ended, never one per delivery.
    const replaces = calls.filter((method) => method === 'replaceMany').length;
    expect(calls.filter((method) => method === 'replace')).toHaveLength(0);
    expect(replaces).toBeGreaterThan(0);
    expect(replaces).toBeLessThan(events * 2);
    // The fan-out ran at emit time: no `events.deliver` task was written for the webhooks subscriber.
    const hops = await temp.store
      .container('tasks')
      .count({ where: { field: 'type', op: 'eq', value: 'events.deliver' } });
    expect(hops).toBe(0);
    // Every delivery is logged as succeeded with its attempt.
    const logged = await temp.store
      .container<{ status: string; attempts: unknown[] }>(DELIVERIES_CONTAINER.name)
      .query({ limit: 100 });
    expect(logged.items).toHaveLength(events * 2);
    for (const doc of logged.items) {
      expect(doc.status).toBe('succeeded');
      expect(doc.attempts).toHaveLength(1);
    }
  });
});
