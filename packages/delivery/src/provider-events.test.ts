import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createDeliveryTestApp, type DeliveryTestApp } from '../test/module-app.js';
import { checkBasicAuth } from './provider-events.js';

const apps: DeliveryTestApp[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map(({ service }) => service.stop()));
});

const sendGridKeys = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const publicKeyBase64 = sendGridKeys.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
const POSTMARK = { user: 'postmark', password: 'a-long-webhook-password' };

async function setup(configured = true) {
  const app = await createDeliveryTestApp({
    env: configured
      ? {
          SENDGRID_WEBHOOK_PUBLIC_KEY: publicKeyBase64,
          POSTMARK_WEBHOOK_USER: POSTMARK.user,
          POSTMARK_WEBHOOK_PASSWORD: POSTMARK.password,
        }
      : {},
  });
  apps.push(app);
  return app;
}

function signed(body: string, timestampSeconds: number, key: KeyObject = sendGridKeys.privateKey) {
  const signature = sign('sha256', Buffer.from(`${timestampSeconds}${body}`), key).toString('base64');
  return {
    'content-type': 'application/json',
    'x-twilio-email-event-webhook-signature': signature,
    'x-twilio-email-event-webhook-timestamp': String(timestampSeconds),
  };
}

async function sentEmail(app: DeliveryTestApp, productId: string, to: string, key: string): Promise<string> {
  const { deliveries } = await app.delivery
    .delivery()
    .deliver({ productId, to, template: 'welcome', data: {}, idempotencyKey: key });
  await app.drain();
  return deliveries[0]?.id as string;
}

describe('SendGrid signed event webhook', () => {
  it('applies verified events once: delivered, opened, then a replay is a duplicate', async () => {
    const app = await setup();
    const id = await sentEmail(app, 'acme', 'ann@example.com', 'k1');
    const now = Math.floor(app.clock.now() / 1000);
    const body = JSON.stringify([
      {
        email: 'ann@example.com',
        timestamp: now - 5,
        event: 'delivered',
        sg_event_id: 'ev-1',
        deliveryId: id,
        productId: 'acme',
      },
      {
        email: 'ann@example.com',
        timestamp: now - 2,
        event: 'open',
        sg_event_id: 'ev-2',
        deliveryId: id,
        productId: 'acme',
      },
    ]);
    const first = await app.service.app.inject({
      method: 'POST',
      url: '/v1/delivery/webhooks/sendgrid',
      headers: signed(body, now),
      payload: body,
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ received: 2, applied: 2, duplicates: 0, unmatched: 0, stale: 0 });
    const replay = await app.service.app.inject({
      method: 'POST',
      url: '/v1/delivery/webhooks/sendgrid',
      headers: signed(body, now),
      payload: body,
    });
    expect(replay.json()).toMatchObject({ applied: 0, duplicates: 2 });
    const entry = (await app.delivery.delivery().listLog('acme', {}, { limit: 1 })).items[0];
    expect(entry).toMatchObject({
      status: 'opened',
      deliveredAt: (now - 5) * 1000,
      openedAt: (now - 2) * 1000,
    });
    const stats = await app.delivery
      .delivery()
      .stats('acme', { from: app.clock.now() - 86_400_000, to: app.clock.now() + 1 });
    expect(stats[0]).toMatchObject({ sent: 1, delivered: 1, opened: 1 });
  });

  it('refuses a tampered body, another key, a missing signature and a stale timestamp', async () => {
    const app = await setup();
    const id = await sentEmail(app, 'acme', 'ann@example.com', 'k1');
    const now = Math.floor(app.clock.now() / 1000);
    const body = JSON.stringify([
      {
        email: 'ann@example.com',
        timestamp: now,
        event: 'bounce',
        sg_event_id: 'b',
        deliveryId: id,
        productId: 'acme',
      },
    ]);
    const post = (headers: Record<string, string>, payload = body) =>
      app.service.app.inject({ method: 'POST', url: '/v1/delivery/webhooks/sendgrid', headers, payload });

    const tampered = await post(signed(body, now), body.replace('bounce', 'open'));
    expect(tampered.statusCode).toBe(401);
    expect(tampered.json()).toMatchObject({ code: 'invalid_signature' });
    const otherKey = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
    expect((await post(signed(body, now, otherKey))).statusCode).toBe(401);
    expect((await post({ 'content-type': 'application/json' })).statusCode).toBe(401);
    const shifted = signed(body, now);
    shifted['x-twilio-email-event-webhook-timestamp'] = String(now + 1); // the timestamp is signed too
    expect((await post(shifted)).statusCode).toBe(401);
    const stale = await post(signed(body, now - 600));
    expect(stale.statusCode).toBe(401);
    expect(stale.json()).toMatchObject({ code: 'stale_signature' });
    // Nothing was applied.
    expect((await app.delivery.delivery().listSuppressions('acme', { limit: 10 })).items).toHaveLength(0);
    expect((await post(signed(body, now))).json()).toMatchObject({ applied: 1 });
  });

  it('a hard bounce suppresses the address for that product; later sends are recorded as suppressed', async () => {
    const app = await setup();
    const id = await sentEmail(app, 'acme', 'Bob@Example.com', 'k1');
    const now = Math.floor(app.clock.now() / 1000);
    const body = JSON.stringify([
      {
        email: 'bob@example.com',
        timestamp: now,
        event: 'bounce',
        type: 'bounce',
        sg_event_id: 'b1',
        deliveryId: id,
        productId: 'acme',
      },
    ]);
    await app.service.app.inject({
      method: 'POST',
      url: '/v1/delivery/webhooks/sendgrid',
      headers: signed(body, now),
      payload: body,
    });
    expect((await app.delivery.delivery().listLog('acme', {}, { limit: 1 })).items[0]).toMatchObject({
      status: 'bounced',
    });
    const suppressions = await app.delivery.delivery().listSuppressions('acme', { limit: 10 });
    expect(suppressions.items[0]).toMatchObject({
      email: 'bob@example.com',
      reason: 'hard_bounce',
      source: 'sendgrid',
    });
    const later = await app.delivery.delivery().deliver({
      productId: 'acme',
      to: 'bob@example.com',
      template: 'welcome',
      data: {},
      idempotencyKey: 'k2',
    });
    expect(later.deliveries[0]?.status).toBe('suppressed');
    const elsewhere = await app.delivery.delivery().deliver({
      productId: 'globex',
      to: 'bob@example.com',
      template: 'welcome',
      data: {},
      idempotencyKey: 'k2',
    });
    expect(elsewhere.deliveries[0]?.status).toBe('queued');
  });

  it('does not let an event name another product, and ignores very old events', async () => {
    const app = await setup();
    const globexId = await sentEmail(app, 'globex', 'gus@example.com', 'g1');
    const now = Math.floor(app.clock.now() / 1000);
    const body = JSON.stringify([
      {
        email: 'gus@example.com',
        timestamp: now,
        event: 'spamreport',
        sg_event_id: 's1',
        deliveryId: globexId,
        productId: 'acme',
      },
      {
        email: 'gus@example.com',
        timestamp: now - 8 * 86_400,
        event: 'spamreport',
        sg_event_id: 's2',
        deliveryId: globexId,
        productId: 'globex',
      },
    ]);
    const response = await app.service.app.inject({
      method: 'POST',
      url: '/v1/delivery/webhooks/sendgrid',
      headers: signed(body, now),
      payload: body,
    });
    expect(response.json()).toMatchObject({ applied: 0, unmatched: 1, stale: 1 });
    expect((await app.delivery.delivery().listSuppressions('acme', { limit: 10 })).items).toHaveLength(0);
    expect((await app.delivery.delivery().listSuppressions('globex', { limit: 10 })).items).toHaveLength(0);
  });

  it('answers 404 when not configured', async () => {
    const app = await setup(false);
    const response = await app.service.app.inject({
      method: 'POST',
      url: '/v1/delivery/webhooks/sendgrid',
      headers: { 'content-type': 'application/json' },
      payload: '[]',
    });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'webhook_not_configured' });
  });
});

describe('Postmark webhook', () => {
  function basic(user: string, password: string) {
    return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  }

  it('refuses wrong credentials with 401 and a Basic challenge', async () => {
    const app = await setup();
    for (const authorization of [
      undefined,
      basic('postmark', 'wrong-password-here'),
      basic('other', POSTMARK.password),
      'Bearer x',
    ]) {
      const response = await app.service.app.inject({
        method: 'POST',
        url: '/v1/delivery/webhooks/postmark',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        payload: '{}',
      });
      expect(response.statusCode).toBe(401);
      expect(response.headers['www-authenticate']).toContain('Basic');
    }
  });

  it('applies delivery and spam complaint events once; a complaint suppresses the address', async () => {
    const app = await setup();
    const id = await sentEmail(app, 'acme', 'cat@example.com', 'k1');
    const at = new Date(app.clock.now() - 1000).toISOString();
    const post = (body: Record<string, unknown>) =>
      app.service.app.inject({
        method: 'POST',
        url: '/v1/delivery/webhooks/postmark',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          authorization: basic(POSTMARK.user, POSTMARK.password),
        },
        payload: JSON.stringify(body),
      });
    const delivered = {
      RecordType: 'Delivery',
      MessageID: 'pm-1',
      Recipient: 'cat@example.com',
      DeliveredAt: at,
      Metadata: { deliveryId: id, productId: 'acme' },
    };
    expect((await post(delivered)).json()).toMatchObject({ applied: 1 });
    expect((await post(delivered)).json()).toMatchObject({ applied: 0, duplicates: 1 });
    const complaint = {
      RecordType: 'SpamComplaint',
      ID: 42,
      Email: 'cat@example.com',
      BouncedAt: at,
      Metadata: { deliveryId: id, productId: 'acme' },
    };
    expect((await post(complaint)).json()).toMatchObject({ applied: 1 });
    expect((await app.delivery.delivery().listSuppressions('acme', { limit: 10 })).items[0]).toMatchObject({
      email: 'cat@example.com',
      reason: 'spam_complaint',
      source: 'postmark',
    });
    expect((await app.delivery.delivery().listLog('acme', {}, { limit: 1 })).items[0]).toMatchObject({
      status: 'delivered',
    });
  });

  it('checkBasicAuth compares in constant time and rejects near misses', () => {
    expect(checkBasicAuth(basic('u', 'p'), 'u', 'p')).toBe(true);
    expect(checkBasicAuth(basic('u', 'P'), 'u', 'p')).toBe(false);
    expect(checkBasicAuth(basic('u', 'p '), 'u', 'p')).toBe(false);
    expect(checkBasicAuth(undefined, 'u', 'p')).toBe(false);
  });
});
