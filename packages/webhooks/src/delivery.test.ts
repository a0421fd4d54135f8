import type { LookupAddress } from 'node:dns';
import { DELIVER_TASK_TYPE } from '@groundwork/events';
import { createWorker } from '@groundwork/jobs';
import { type HttpReceiver, startHttpReceiver } from '@groundwork/testing';
import { Webhook } from 'standardwebhooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { actor, admin, createHarness, type Harness } from '../test/harness.js';
import { deliveryIdFor } from './repository.js';
import { DELIVER_WEBHOOK_TASK_TYPE, SECRET_ROTATION_OVERLAP_MS } from './service.js';
import { verifyWebhook } from './verify.js';

let h: Harness;
let receiver: HttpReceiver;
const extra: Array<() => Promise<void>> = [];
beforeEach(async () => {
  receiver = await startHttpReceiver();
});
afterEach(async () => {
  for (const close of extra.splice(0)) await close();
  await h?.close();
  await receiver.close();
});

const userCreated = (n = 1) => ({ userId: `usr_${n}`, email: `u${n}@example.com`, plan: 'pro' });

async function deliveries(subscriptionId: string, product = 'acme') {
  const response = await h.service.app.inject({
    method: 'GET',
    url: `/v1/webhooks/subscriptions/${subscriptionId}/deliveries`,
    headers: admin(product),
  });
  return response.json().items as Array<
    Record<string, unknown> & { id: string; status: string; attempts: unknown[] }
  >;
}

async function subscription(subscriptionId: string) {
  const response = await h.service.app.inject({
    method: 'GET',
    url: `/v1/webhooks/subscriptions/${subscriptionId}`,
    headers: admin(),
  });
  return response.json();
}

describe('delivery', () => {
  it('delivers an emitted event, signed with both header sets, verifiable by standardwebhooks', async () => {
    h = await createHarness();
    const sub = await h.subscribe({
      url: `${receiver.url}/hook`,
      eventTypes: ['user.created'],
      headers: { 'X-Tenant': 't1' },
    });
    const other = await h.subscribe({ url: `${receiver.url}/other`, eventTypes: ['user.deleted'] });
    const event = await h.bus.emit('user.created', userCreated(), { productId: 'acme', actor });
    await h.drain();
    const [received] = await receiver.waitFor(1);
    expect(receiver.requests).toHaveLength(1);
    expect(received?.path).toBe('/hook');
    expect(received?.headers['x-tenant']).toBe('t1');
    expect(received?.headers['content-type']).toBe('application/json');
    expect(received?.headers['webhook-id']).toBe(event.id);
    const payload = new Webhook(sub.secret).verify(
      received?.body ?? '',
      received?.headers as Record<string, string>,
    );
    expect(payload).toMatchObject({ id: event.id, type: 'user.created', version: 1, data: userCreated() });
    expect(
      verifyWebhook({ body: received?.body ?? '', headers: received?.headers ?? {}, secret: sub.secret }).id,
    ).toBe(event.id);
    const [logged] = await deliveries(sub.id);
    expect(logged).toMatchObject({
      id: deliveryIdFor(event.id, sub.id),
      status: 'succeeded',
      responseCode: 204,
      eventId: event.id,
    });
    expect(logged?.attempts).toHaveLength(1);
    expect(await deliveries(other.id)).toEqual([]);
  });

  it('"*" receives every catalog event but not the webhook.* notices; other products never', async () => {
    h = await createHarness();
    await h.subscribe({ url: `${receiver.url}/all`, eventTypes: ['*'] });
    await h.bus.emit('user.created', userCreated(), { productId: 'acme', actor });
    await h.bus.emit('user.deleted', { userId: 'usr_1' }, { productId: 'acme', actor });
    await h.bus.emit('user.deleted', { userId: 'usr_9' }, { productId: 'globex', actor });
    await h.bus.emit(
      'webhook.subscription_failing',
      { subscriptionId: 'whsub_x', url: 'https://x', consecutiveFailures: 1, lastError: 'x' },
      { productId: 'acme', actor },
    );
    await h.drain();
    await receiver.waitFor(2);
    expect(receiver.requests.map((request) => JSON.parse(request.body).type).sort()).toEqual([
      'user.created',
      'user.deleted',
    ]);
  });

  it('retries at 10 s → 60 s → 300 s, then marks the subscription failing and notifies', async () => {
    h = await createHarness();
    receiver.setResponder(() => ({ status: 500, body: 'boom' }));
    const sub = await h.subscribe({ url: `${receiver.url}/`, eventTypes: ['user.created'] });
    const event = await h.bus.emit('user.created', userCreated(), { productId: 'acme', actor });
    await h.drain();
    expect(receiver.requests).toHaveLength(1);
    let [logged] = await deliveries(sub.id);
    expect(logged).toMatchObject({
      status: 'retrying',
      responseCode: 500,
      responseBody: 'boom',
      error: 'http_500',
    });
    const firstAt = Date.parse(String((logged?.attempts[0] as { at: string } | undefined)?.at));
    expect(Date.parse(String(logged?.nextAttemptAt)) - firstAt).toBe(10_000);

    for (const [wait, expected] of [
      [9_999, 1],
      [1, 2],
      [59_999, 2],
      [1, 3],
      [299_999, 3],
      [1, 4],
    ] as const) {
      h.clock.advance(wait);
      await h.drain();
      expect(receiver.requests).toHaveLength(expected);
    }
    // Every retry carries the same webhook-id, freshly signed.
    expect(new Set(receiver.requests.map((request) => request.headers['webhook-id']))).toEqual(
      new Set([event.id]),
    );
    for (const request of receiver.requests) {
      const sentAt = Number(request.headers['webhook-timestamp']) * 1000;
      expect(
        verifyWebhook({ body: request.body, headers: request.headers, secret: sub.secret, now: sentAt }),
      ).toBeTruthy();
    }
    [logged] = await deliveries(sub.id);
    expect(logged).toMatchObject({ status: 'failed', nextAttemptAt: null });
    expect(logged?.attempts).toHaveLength(4);
    h.clock.advance(3_600_000);
    await h.drain();
    expect(receiver.requests).toHaveLength(4);
    const after = await subscription(sub.id);
    expect(after).toMatchObject({ status: 'failing', consecutiveFailures: 1, enabled: true });
    expect(after.health).toMatchObject({ indicator: 'red', successRate: 0, sample: 1 });
    await new Promise((resolve) => setImmediate(resolve));
    expect(h.notices.map((notice) => notice.type)).toEqual(['webhook.subscription_failing']);
    expect(h.notices[0]?.payload).toMatchObject({ subscriptionId: sub.id, consecutiveFailures: 1 });

    // A success clears the failing state.
    receiver.setResponder(() => ({ status: 200 }));
    await h.bus.emit('user.created', userCreated(2), { productId: 'acme', actor });
    await h.drain();
    expect(await subscription(sub.id)).toMatchObject({ status: 'active', consecutiveFailures: 0 });
  });

  it('honours Retry-After (seconds or HTTP date) on 429 and 503', async () => {
    h = await createHarness();
    const sub = await h.subscribe({ url: `${receiver.url}/`, eventTypes: ['user.created'] });
    receiver.setResponder(() => ({ status: 429, headers: { 'retry-after': '120' } }));
    await h.bus.emit('user.created', userCreated(), { productId: 'acme', actor });
    await h.drain();
    h.clock.advance(60_000);
    await h.drain();
    expect(receiver.requests).toHaveLength(1); // the 10 s schedule was stretched to 120 s
    receiver.setResponder(() => ({
      status: 503,
      headers: { 'retry-after': new Date(h.clock.now() + 600_000).toUTCString() },
    }));
    h.clock.advance(60_000);
    await h.drain();
    expect(receiver.requests).toHaveLength(2);
    const [logged] = await deliveries(sub.id);
    const lastAttempt = String((logged?.attempts.at(-1) as { at: string } | undefined)?.at);
    expect(Date.parse(String(logged?.nextAttemptAt)) - Date.parse(lastAttempt)).toBeGreaterThanOrEqual(
      599_000,
    );
    h.clock.advance(300_000);
    await h.drain();
    expect(receiver.requests).toHaveLength(2);
    receiver.setResponder(() => ({ status: 200 }));
    h.clock.advance(300_000);
    await h.drain();
    expect(receiver.requests).toHaveLength(3);
    expect((await deliveries(sub.id))[0]).toMatchObject({ status: 'succeeded' });
  });

  it('410 Gone disables the subscription at once, without retries', async () => {
    h = await createHarness();
    receiver.setResponder(() => ({ status: 410 }));
    const sub = await h.subscribe({ url: `${receiver.url}/`, eventTypes: ['user.created'] });
    await h.bus.emit('user.created', userCreated(), { productId: 'acme', actor });
    await h.drain();
    expect(await subscription(sub.id)).toMatchObject({
      enabled: false,
      status: 'disabled',
      disabledReason: 'gone',
    });
    expect((await deliveries(sub.id))[0]).toMatchObject({ status: 'failed', responseCode: 410 });
    h.clock.advance(3_600_000);
    await h.bus.emit('user.created', userCreated(2), { productId: 'acme', actor });
    await h.drain();
    expect(receiver.requests).toHaveLength(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(h.notices.map((notice) => [notice.type, (notice.payload as { reason: string }).reason])).toEqual([
      ['webhook.subscription_disabled', 'gone'],
    ]);
  });

  it('auto-disables after 10 consecutive failed deliveries', async () => {
    h = await createHarness({ maxRetries: 0 });
    receiver.setResponder(() => ({ status: 500 }));
    const sub = await h.subscribe({ url: `${receiver.url}/`, eventTypes: ['user.created'] });
    for (let n = 1; n <= 9; n += 1)
      await h.bus.emit('user.created', userCreated(n), { productId: 'acme', actor });
    await h.drain();
    expect(await subscription(sub.id)).toMatchObject({
      status: 'failing',
      consecutiveFailures: 9,
      enabled: true,
    });
    await h.bus.emit('user.created', userCreated(10), { productId: 'acme', actor });
    await h.drain();
    expect(await subscription(sub.id)).toMatchObject({
      status: 'disabled',
      disabledReason: 'consecutive_failures',
      consecutiveFailures: 10,
    });
    await h.bus.emit('user.created', userCreated(11), { productId: 'acme', actor });
    await h.drain();
    expect(receiver.requests).toHaveLength(10);
    await new Promise((resolve) => setImmediate(resolve));
    expect(h.notices.map((notice) => notice.type)).toEqual([
      'webhook.subscription_failing',
      'webhook.subscription_disabled',
    ]);
    // Re-enabling clears the failures.
    const enabled = await h.service.app.inject({
      method: 'PATCH',
      url: `/v1/webhooks/subscriptions/${sub.id}`,
      headers: admin(),
      payload: { enabled: true },
    });
    expect(enabled.json()).toMatchObject({ status: 'active', consecutiveFailures: 0, disabledReason: null });
  });

  it('does not follow a redirect (to a private address or anywhere): it is a failed attempt', async () => {
    h = await createHarness({ maxRetries: 0 });
    const target = await startHttpReceiver();
    extra.push(() => target.close());
    receiver.setResponder(() => ({ status: 307, headers: { location: `${target.url}/stolen` } }));
    const sub = await h.subscribe({ url: `${receiver.url}/`, eventTypes: ['user.created'] });
    await h.bus.emit('user.created', userCreated(), { productId: 'acme', actor });
    await h.drain();
    expect(receiver.requests).toHaveLength(1);
    expect(target.requests).toHaveLength(0);
    expect((await deliveries(sub.id))[0]).toMatchObject({
      status: 'failed',
      responseCode: 307,
      error: 'http_307',
    });
  });

  it('checks the address again at delivery time: a name that now resolves privately is refused', async () => {
    const answers: LookupAddress[][] = [[{ address: '127.0.0.1', family: 4 }]];
    h = await createHarness({ maxRetries: 0, resolver: async () => answers.at(-1) ?? [] });
    const port = new URL(receiver.url).port;
    const sub = await h.subscribe({ url: `http://hooks.example:${port}/`, eventTypes: ['user.created'] });
    answers.push([{ address: '169.254.169.254', family: 4 }]);
    await h.bus.emit('user.created', userCreated(), { productId: 'acme', actor });
    await h.drain();
    expect(receiver.requests).toHaveLength(0);
    const [logged] = await deliveries(sub.id);
    expect(logged).toMatchObject({ status: 'failed', responseCode: null });
    expect(String(logged?.error)).toContain('outbound_address_blocked');
  });

  it('signs with both secrets for 24 hours after a rotation, then with the new one only', async () => {
    h = await createHarness();
    const sub = await h.subscribe({ url: `${receiver.url}/`, eventTypes: ['user.created'] });
    const rotated = await h.service.app.inject({
      method: 'POST',
      url: `/v1/webhooks/subscriptions/${sub.id}/rotate-secret`,
      headers: admin(),
    });
    expect(rotated.statusCode).toBe(200);
    const { secret: fresh, secretRotationEndsAt } = rotated.json();
    expect(fresh).not.toBe(sub.secret);
    expect(Date.parse(secretRotationEndsAt)).toBe(h.clock.now() + SECRET_ROTATION_OVERLAP_MS);
    await h.bus.emit('user.created', userCreated(), { productId: 'acme', actor });
    await h.drain();
    const [during] = await receiver.waitFor(1);
    expect(String(during?.headers['webhook-signature']).split(' ')).toHaveLength(2);
    const verify = (secret: string, request = during) =>
      verifyWebhook({
        body: request?.body ?? '',
        headers: request?.headers ?? {},
        secret,
        now: h.clock.now(),
      });
    expect(verify(fresh).id).toBeDefined();
    expect(verify(sub.secret).id).toBeDefined();
    expect(
      new Webhook(sub.secret).verify(during?.body ?? '', during?.headers as Record<string, string>),
    ).toBeTruthy();

    h.clock.advance(SECRET_ROTATION_OVERLAP_MS + 1);
    await h.bus.emit('user.created', userCreated(2), { productId: 'acme', actor });
    await h.drain();
    const after = (await receiver.waitFor(2))[1];
    expect(String(after?.headers['webhook-signature']).split(' ')).toHaveLength(1);
    expect(verify(fresh, after).id).toBeDefined();
    expect(() => verify(sub.secret, after)).toThrow(/does not match/);
  });

  it('refuses an event over the 256 KB payload cap at emit time', async () => {
    h = await createHarness();
    h.bus.define({
      type: 'blob.stored',
      version: 1,
      description: 'test',
      payload: z.object({ blob: z.string() }),
    });
    await h.subscribe({ url: `${receiver.url}/`, eventTypes: ['blob.stored'] });
    await expect(
      h.bus.emit('blob.stored' as 'user.deleted', { blob: 'x'.repeat(300 * 1024) } as never, {
        productId: 'acme',
        actor,
      }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      message: expect.stringMatching(/cannot be enqueued/),
    });
  });

  it('rate-limits per endpoint: deliveries over the limit wait for their slot, others are not held', async () => {
    h = await createHarness();
    const slow = await h.subscribe({
      url: `${receiver.url}/limited`,
      eventTypes: ['user.created'],
      rateLimit: { max: 2, perSeconds: 10 },
    });
    await h.subscribe({ url: `${receiver.url}/free`, eventTypes: ['user.created'] });
    for (let n = 1; n <= 5; n += 1)
      await h.bus.emit('user.created', userCreated(n), { productId: 'acme', actor });
    await h.drain();
    const count = (path: string) => receiver.requests.filter((request) => request.path === path).length;
    expect(count('/free')).toBe(5);
    expect(count('/limited')).toBe(2);
    expect((await deliveries(slow.id)).filter((delivery) => delivery.status === 'pending')).toHaveLength(3);
    h.clock.advance(5_000);
    await h.drain();
    expect(count('/limited')).toBe(3);
    h.clock.advance(10_000);
    await h.drain();
    expect(count('/limited')).toBe(5);
    expect((await deliveries(slow.id)).every((delivery) => delivery.attempts.length === 1)).toBe(true);
  });

  it('caps concurrent deliveries per endpoint, so a stuck endpoint does not hold the others', async () => {
    h = await createHarness();
    const releases: Array<() => void> = [];
    receiver.setResponder((request) =>
      request.path === '/stuck'
        ? new Promise((resolve) => releases.push(() => resolve({ status: 200 })))
        : { status: 200 },
    );
    await h.subscribe({ url: `${receiver.url}/stuck`, eventTypes: ['user.created'], maxConcurrency: 1 });
    await h.subscribe({ url: `${receiver.url}/fast`, eventTypes: ['user.created'] });
    for (let n = 1; n <= 4; n += 1)
      await h.bus.emit('user.created', userCreated(n), { productId: 'acme', actor });
    // Only the fan-out here: the harness worker would wait on the stuck endpoint.
    const fanOut = createWorker({
      store: h.store,
      clock: h.clock,
      handlers: { [DELIVER_TASK_TYPE]: h.bus.deliveryHandler },
      concurrency: 8,
    });
    for (let round = 0; round < 10 && (await fanOut.runOnce()) > 0; round += 1);
    const worker = createWorker({
      store: h.store,
      clock: h.clock,
      handlers: { [DELIVER_WEBHOOK_TASK_TYPE]: h.webhooks.webhooks().deliveryHandler },
      concurrency: 8,
      pollIntervalMs: 10,
    });
    worker.start();
    extra.push(async () => {
      for (const release of releases.splice(0)) release();
      await worker.stop();
    });
    const count = (path: string) => receiver.requests.filter((request) => request.path === path).length;
    await receiver.waitFor(5, 10_000); // 4 fast + 1 stuck
    expect(count('/fast')).toBe(4);
    expect(count('/stuck')).toBe(1);
    for (let round = 0; round < 4 && count('/stuck') < 4; round += 1) {
      const before = count('/stuck');
      releases.shift()?.();
      await receiver.waitFor(5 + round + 1, 10_000);
      expect(count('/stuck')).toBe(before + 1);
    }
    expect(count('/stuck')).toBe(4);
  });
});
