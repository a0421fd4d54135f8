/** The delivery path on the SQLite adapter (batch writes, cross-partition log queries). */
import {
  createFakeClock,
  createTempSqliteStore,
  type HttpReceiver,
  startHttpReceiver,
  type TempSqliteStore,
} from '@groundwork/testing';
import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it } from 'vitest';
import { actor, admin, createHarness, type Harness } from '../test/harness.js';

let h: Harness | undefined;
let temp: TempSqliteStore | undefined;
let receiver: HttpReceiver | undefined;
afterEach(async () => {
  await h?.close();
  await temp?.cleanup();
  await receiver?.close();
});

describe('webhooks on SQLite', () => {
  it('delivers, retries, logs per month partition and resends', async () => {
    const clock = createFakeClock(Date.now());
    temp = createTempSqliteStore({ clock });
    receiver = await startHttpReceiver();
    h = await createHarness({ store: temp.store, clock });
    const sub = await h.subscribe({ url: `${receiver.url}/`, eventTypes: ['user.created', 'user.deleted'] });
    receiver.setResponder((request) => ({
      status: JSON.parse(request.body).type === 'user.deleted' ? 503 : 200,
    }));
    const created = await h.bus.emit(
      'user.created',
      { userId: 'u1', email: 'u1@example.com', plan: 'pro' },
      { productId: 'acme', actor },
    );
    await h.bus.emit('user.deleted', { userId: 'u1' }, { productId: 'acme', actor });
    await h.drain();
    await receiver.waitFor(2);
    const first = receiver.requests.find((request) => request.headers['webhook-id'] === created.id);
    expect(
      new Webhook(sub.secret).verify(first?.body ?? '', first?.headers as Record<string, string>),
    ).toBeTruthy();
    const list = async (query = '') =>
      (
        await h?.service.app.inject({
          method: 'GET',
          url: `/v1/webhooks/subscriptions/${sub.id}/deliveries${query}`,
          headers: admin(),
        })
      )?.json().items as Array<{ id: string; status: string; eventType: string }>;
    expect((await list()).map((item) => [item.eventType, item.status]).sort()).toEqual([
      ['user.created', 'succeeded'],
      ['user.deleted', 'retrying'],
    ]);
    receiver.setResponder(() => ({ status: 200 }));
    h.clock.advance(10_000);
    await h.drain();
    expect((await list('?status=succeeded')).length).toBe(2);
    const [one] = await list('?eventType=user.created');
    const resent = await h.service.app.inject({
      method: 'POST',
      url: `/v1/webhooks/subscriptions/${sub.id}/deliveries/${one?.id}/resend`,
      headers: admin(),
    });
    expect(resent.statusCode).toBe(202);
    await h.drain();
    expect(receiver.requests.filter((request) => request.headers['webhook-id'] === created.id)).toHaveLength(
      2,
    );
    expect(await list()).toHaveLength(3);
    const read = await h.service.app.inject({
      method: 'GET',
      url: `/v1/webhooks/subscriptions/${sub.id}`,
      headers: admin(),
    });
    expect(read.json().health).toMatchObject({ indicator: 'green', successRate: 1, sample: 3 });
  });
});
