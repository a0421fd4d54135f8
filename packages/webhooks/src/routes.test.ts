import { bearer, type HttpReceiver, startHttpReceiver } from '@groundwork/testing';
import { Webhook } from 'standardwebhooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actor, admin, createHarness, type Harness } from '../test/harness.js';

let h: Harness;
let receiver: HttpReceiver;
beforeEach(async () => {
  receiver = await startHttpReceiver();
  h = await createHarness();
});
afterEach(async () => {
  await h.close();
  await receiver.close();
});

function inject(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  headers: Record<string, string>,
  payload?: Record<string, unknown>,
) {
  const path = `/v1/webhooks${url}`;
  return payload === undefined
    ? h.service.app.inject({ method, url: path, headers })
    : h.service.app.inject({ method, url: path, headers, payload });
}

describe('subscriptions API', () => {
  it('creates (secret shown once), lists, reads with health, updates and deletes, auditing every change', async () => {
    const created = await inject('POST', '/subscriptions', admin(), {
      url: `${receiver.url}/hook`,
      eventTypes: ['user.created', 'payment.failed'],
      description: 'CRM',
      rateLimit: { max: 10, perSeconds: 1 },
    });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({
      id: expect.stringMatching(/^whsub_/),
      status: 'active',
      enabled: true,
      maxConcurrency: 10,
      rateLimit: { max: 10, perSeconds: 1 },
      secret: expect.stringMatching(/^whsec_/),
    });
    const read = await inject('GET', `/subscriptions/${body.id}`, admin());
    expect(read.statusCode).toBe(200);
    expect(read.json()).not.toHaveProperty('secret');
    expect(read.body).not.toContain(body.secret);
    expect(read.json().health).toEqual({ indicator: 'unknown', successRate: null, sample: 0 });
    const listed = await inject('GET', '/subscriptions?limit=10', admin());
    expect(listed.json().items.map((item: { id: string }) => item.id)).toEqual([body.id]);
    expect(listed.body).not.toContain(body.secret);

    const updated = await inject('PATCH', `/subscriptions/${body.id}`, admin(), {
      eventTypes: ['*'],
      enabled: false,
    });
    expect(updated.json()).toMatchObject({
      eventTypes: ['*'],
      enabled: false,
      status: 'disabled',
      disabledReason: 'admin',
    });
    const ping = await inject('POST', `/subscriptions/${body.id}/test`, admin());
    expect(ping.statusCode).toBe(409);
    expect(ping.json().code).toBe('webhook_subscription_disabled');
    const deleted = await inject('DELETE', `/subscriptions/${body.id}`, admin());
    expect(deleted.statusCode).toBe(204);
    expect((await inject('GET', `/subscriptions/${body.id}`, admin())).statusCode).toBe(404);
    expect(
      h.audits.map((record) => [record.action, record.target?.id, record.actor.id, record.productId]),
    ).toEqual([
      ['webhook.subscription_created', body.id, 'root', 'acme'],
      ['webhook.subscription_updated', body.id, 'root', 'acme'],
      ['webhook.subscription_deleted', body.id, 'root', 'acme'],
    ]);
    expect(JSON.stringify(h.audits)).not.toContain(body.secret);
  });

  it('requires authentication and the admin role', async () => {
    const anonymous = await inject('GET', '/subscriptions', {});
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['content-type']).toContain('application/problem+json');
    const user = await inject('POST', '/subscriptions', bearer('bob', 'acme', ['user']), {
      url: `${receiver.url}/`,
      eventTypes: ['*'],
    });
    expect(user.statusCode).toBe(403);
    expect((await inject('GET', '/event-types', bearer('bob', 'acme', []))).statusCode).toBe(403);
    expect(h.audits).toEqual([]);
  });

  it('isolates products: another product cannot see, change, test or resend a subscription or its log', async () => {
    const sub = await h.subscribe({ url: `${receiver.url}/`, eventTypes: ['user.created'] });
    await h.bus.emit(
      'user.created',
      { userId: 'u1', email: 'u1@example.com', plan: 'pro' },
      { productId: 'acme', actor },
    );
    await h.drain();
    const [delivery] = (await inject('GET', `/subscriptions/${sub.id}/deliveries`, admin())).json().items;
    expect(delivery).toBeDefined();
    const globex = admin('globex');
    for (const [method, url, payload] of [
      ['GET', `/subscriptions/${sub.id}`],
      ['PATCH', `/subscriptions/${sub.id}`, { description: 'mine' }],
      ['DELETE', `/subscriptions/${sub.id}`],
      ['POST', `/subscriptions/${sub.id}/rotate-secret`],
      ['POST', `/subscriptions/${sub.id}/test`],
      ['GET', `/subscriptions/${sub.id}/deliveries`],
      ['GET', `/subscriptions/${sub.id}/deliveries/${delivery.id}`],
      ['POST', `/subscriptions/${sub.id}/deliveries/${delivery.id}/resend`],
      ['POST', `/subscriptions/${sub.id}/resend-failed`, { since: new Date(0).toISOString() }],
    ] as const) {
      const response = await inject(method, url, globex, payload);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(response.json().code).toBe('webhook_subscription_not_found');
    }
    expect((await inject('GET', '/subscriptions', globex)).json().items).toEqual([]);
    // An event of another product is never delivered to acme's subscription.
    await h.bus.emit(
      'user.created',
      { userId: 'u2', email: 'u2@example.com', plan: 'pro' },
      { productId: 'globex', actor },
    );
    await h.drain();
    expect(receiver.requests).toHaveLength(1);
    expect((await inject('GET', `/subscriptions/${sub.id}`, admin())).json().description).toBe('');
  });

  it('refuses private, loopback and link-local URLs at subscription time, and plain http unless allowed', async () => {
    const strict = await createHarness({ policy: {} });
    try {
      for (const url of [
        'https://169.254.169.254/latest/meta-data',
        'https://127.0.0.1/',
        'https://2130706433/',
        'https://0x7f.1/',
        'https://[::ffff:10.0.0.1]/',
        'https://[fd00::1]/',
        'https://localhost/',
        'https://10.1.2.3/',
        'https://100.64.0.1/',
      ]) {
        const response = await strict.service.app.inject({
          method: 'POST',
          url: '/v1/webhooks/subscriptions',
          headers: admin(),
          payload: { url, eventTypes: ['*'] },
        });
        expect(response.statusCode, url).toBe(422);
        expect(response.json().code, url).toBe('outbound_address_blocked');
      }
      const http = await strict.service.app.inject({
        method: 'POST',
        url: '/v1/webhooks/subscriptions',
        headers: admin(),
        payload: { url: 'http://hooks.example.com/', eventTypes: ['*'] },
      });
      expect(http.json().code).toBe('outbound_https_required');
      const ftp = await strict.service.app.inject({
        method: 'POST',
        url: '/v1/webhooks/subscriptions',
        headers: admin(),
        payload: { url: 'ftp://hooks.example.com/', eventTypes: ['*'] },
      });
      expect(ftp.json().code).toBe('outbound_invalid_url');
    } finally {
      await strict.close();
    }
  });

  it('refuses a host name resolving to a private address at subscription time and on a URL change', async () => {
    const dns = await createHarness({
      resolver: async (host) => [{ address: host === 'ok.test' ? '127.0.0.1' : '192.168.1.20', family: 4 }],
    });
    try {
      const port = new URL(receiver.url).port;
      const bad = await dns.service.app.inject({
        method: 'POST',
        url: '/v1/webhooks/subscriptions',
        headers: admin(),
        payload: { url: `http://internal.test:${port}/`, eventTypes: ['*'] },
      });
      expect(bad.json()).toMatchObject({ code: 'outbound_address_blocked', reason: 'private' });
      const sub = await dns.subscribe({ url: `http://ok.test:${port}/`, eventTypes: ['*'] });
      const moved = await dns.service.app.inject({
        method: 'PATCH',
        url: `/v1/webhooks/subscriptions/${sub.id}`,
        headers: admin(),
        payload: { url: `http://internal.test:${port}/` },
      });
      expect(moved.json().code).toBe('outbound_address_blocked');
      const read = await dns.service.app.inject({
        method: 'GET',
        url: `/v1/webhooks/subscriptions/${sub.id}`,
        headers: admin(),
      });
      expect(read.json().url).toBe(`http://ok.test:${port}/`);
    } finally {
      await dns.close();
    }
  });

  it('validates event types against the catalog, custom headers and limits', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ url: `${receiver.url}/`, eventTypes: ['user.exploded'] }, 'body.eventTypes.0'],
      [{ url: `${receiver.url}/`, eventTypes: ['*', 'user.created'] }, 'body.eventTypes.0'],
      [{ url: `${receiver.url}/`, eventTypes: [] }, 'body.eventTypes'],
      [
        { url: `${receiver.url}/`, eventTypes: ['*'], headers: { 'webhook-signature': 'forged' } },
        'body.headers.webhook-signature',
      ],
      [
        { url: `${receiver.url}/`, eventTypes: ['*'], headers: { 'X-Evil': 'a\r\nHost: x' } },
        'body.headers.X-Evil',
      ],
      [{ url: `${receiver.url}/`, eventTypes: ['*'], maxConcurrency: 0 }, 'body.maxConcurrency'],
      [{ url: `${receiver.url}/`, eventTypes: ['*'], secret: 'whsec_mine' }, 'body'],
    ];
    for (const [payload, path] of cases) {
      const response = await inject('POST', '/subscriptions', admin(), payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().errors.map((issue: { path: string }) => issue.path)).toContain(path);
    }
    expect(h.audits).toEqual([]);
  });

  it('lists the event catalog with JSON Schemas, including the webhook notices', async () => {
    const response = await inject('GET', '/event-types', admin());
    expect(response.statusCode).toBe(200);
    const items = response.json().items as Array<{ type: string; schema: Record<string, unknown> }>;
    const types = items.map((item) => item.type);
    for (const type of [
      'user.created',
      'invitation.redeemed',
      'referral.completed',
      'waitlist.joined',
      'webhook.test',
    ]) {
      expect(types).toContain(type);
    }
    expect(items.find((item) => item.type === 'user.created')?.schema).toMatchObject({ type: 'object' });
  });
});

describe('deliveries log and replay', () => {
  it('sends a test ping to one subscription only, logged as a test', async () => {
    const sub = await h.subscribe({ url: `${receiver.url}/a`, eventTypes: ['*'] });
    await h.subscribe({ url: `${receiver.url}/b`, eventTypes: ['*'] });
    const sent = await inject('POST', `/subscriptions/${sub.id}/test`, admin());
    expect(sent.statusCode).toBe(202);
    expect(sent.json()).toMatchObject({ status: 'pending', test: true, eventType: 'webhook.test' });
    await h.drain();
    const [request] = await receiver.waitFor(1);
    expect(receiver.requests).toHaveLength(1);
    expect(request?.path).toBe('/a');
    expect(
      new Webhook(sub.secret).verify(request?.body ?? '', request?.headers as Record<string, string>),
    ).toMatchObject({
      type: 'webhook.test',
      data: { subscriptionId: sub.id },
    });
    const log = await inject('GET', `/subscriptions/${sub.id}/deliveries/${sent.json().id}`, admin());
    expect(log.json()).toMatchObject({ status: 'succeeded', test: true, payloadPreview: request?.body });
    expect(h.audits.at(-1)?.action).toBe('webhook.test_sent');
  });

  it('lists with filters, reads one with a payload preview, resends one and every failed since a time', async () => {
    receiver.setResponder(() => ({ status: 500, body: 'down' }));
    const failing = await createHarness({ maxRetries: 0 });
    try {
      const sub = await failing.subscribe({
        url: `${receiver.url}/`,
        eventTypes: ['user.created', 'user.deleted'],
      });
      const since = new Date(failing.clock.now()).toISOString();
      await failing.bus.emit(
        'user.created',
        { userId: 'u1', email: 'u1@example.com', plan: 'pro' },
        { productId: 'acme', actor },
      );
      await failing.bus.emit('user.deleted', { userId: 'u1' }, { productId: 'acme', actor });
      await failing.drain();
      const get = (url: string) =>
        failing.service.app.inject({ method: 'GET', url: `/v1/webhooks${url}`, headers: admin() });
      const all = (await get(`/subscriptions/${sub.id}/deliveries`)).json().items;
      expect(all).toHaveLength(2);
      expect(all.every((item: { status: string }) => item.status === 'failed')).toBe(true);
      const deleted = (await get(`/subscriptions/${sub.id}/deliveries?eventType=user.deleted`)).json().items;
      expect(deleted).toHaveLength(1);
      expect((await get(`/subscriptions/${sub.id}/deliveries?status=succeeded`)).json().items).toEqual([]);
      const future = new Date(failing.clock.now() + 60_000).toISOString();
      expect(
        (await get(`/subscriptions/${sub.id}/deliveries?since=${encodeURIComponent(future)}`)).json().items,
      ).toEqual([]);
      const one = await get(`/subscriptions/${sub.id}/deliveries/${deleted[0].id}`);
      expect(one.json()).toMatchObject({
        responseCode: 500,
        responseBody: 'down',
        payloadBytes: expect.any(Number),
      });
      expect(JSON.parse(one.json().payloadPreview)).toMatchObject({
        type: 'user.deleted',
        data: { userId: 'u1' },
      });
      expect(
        (await get(`/subscriptions/${sub.id}/deliveries/whdel_00000000000000000000000000`)).statusCode,
      ).toBe(404);

      receiver.setResponder(() => ({ status: 200 }));
      const resent = await failing.service.app.inject({
        method: 'POST',
        url: `/v1/webhooks/subscriptions/${sub.id}/deliveries/${deleted[0].id}/resend`,
        headers: admin(),
      });
      expect(resent.statusCode).toBe(202);
      expect(resent.json()).toMatchObject({
        status: 'pending',
        resendOf: deleted[0].id,
        eventId: deleted[0].eventId,
      });
      await failing.drain();
      expect(receiver.requests.at(-1)?.headers['webhook-id']).toBe(deleted[0].eventId);

      const bulk = await failing.service.app.inject({
        method: 'POST',
        url: `/v1/webhooks/subscriptions/${sub.id}/resend-failed`,
        headers: admin(),
        payload: { since },
      });
      expect(bulk.statusCode).toBe(202);
      expect(bulk.json().resent).toBe(2);
      await failing.drain();
      const after = (await get(`/subscriptions/${sub.id}/deliveries?status=succeeded`)).json().items;
      expect(after).toHaveLength(3);
      expect(receiver.requests).toHaveLength(5);
      expect(failing.audits.map((record) => record.action)).toEqual([
        'webhook.subscription_created',
        'webhook.delivery_resent',
        'webhook.deliveries_resent',
      ]);
    } finally {
      await failing.close();
    }
  });
});
