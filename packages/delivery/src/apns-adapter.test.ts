import { createFakeClock } from '@groundwork/testing';
import { exportPKCS8, generateKeyPair } from 'jose';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeApns } from '../test/apns-server.js';
import { createHarness } from '../test/support.js';
import { type ApnsAdapter, createApnsAdapter } from './apns-adapter.js';
import type { EmailAdapter, PushMessage } from './channels.js';

const KEY_ID = 'ABC123DEFG';
const TEAM_ID = 'TEAM123456';
const TOPIC = 'com.acme.app';

let keys: Awaited<ReturnType<typeof generateKeyPair>>;
let pkcs8: string;
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  keys = await generateKeyPair('ES256', { extractable: true });
  pkcs8 = await exportPKCS8(keys.privateKey);
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup() {
  const clock = createFakeClock(Date.now());
  const server = await startFakeApns({
    publicKey: keys.publicKey,
    keyId: KEY_ID,
    teamId: TEAM_ID,
    topic: TOPIC,
    now: clock.now,
  });
  const adapter = createApnsAdapter({
    privateKey: pkcs8,
    keyId: KEY_ID,
    teamId: TEAM_ID,
    topic: TOPIC,
    url: server.url,
    tls: { ca: server.ca },
    now: clock.now,
  });
  cleanups.push(async () => {
    await adapter.close?.();
    await server.close();
  });
  return { clock, server, adapter };
}

function message(overrides: Partial<PushMessage> = {}): PushMessage {
  return {
    deliveryId: 'dlv_01',
    productId: 'acme',
    platform: 'ios',
    token: 'a'.repeat(64),
    title: 'Hello',
    body: 'World',
    data: { type: 'feature_announcement' },
    pushType: 'alert',
    priority: 'high',
    ...overrides,
  };
}

const noEmail: EmailAdapter = {
  name: 'none',
  send: async () => {
    throw new Error('no email in this test');
  },
};

describe('APNs adapter against a local HTTP/2 server', () => {
  it('sends an alert with a verified ES256 provider token and the APNs headers', async () => {
    const { server, adapter, clock } = await setup();
    const expiresAt = clock.now() + 3_600_000;
    const result = await adapter.send(
      message({ collapseId: 'promo', expiresAt, badge: 3, sound: 'default' }),
    );
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.token).toBe('a'.repeat(64));
    expect(request?.jwt).toMatchObject({ iss: TEAM_ID, iat: Math.floor(clock.now() / 1000) });
    expect(request?.headers).toMatchObject({
      'apns-topic': TOPIC,
      'apns-push-type': 'alert',
      'apns-priority': '10',
      'apns-collapse-id': 'promo',
      'apns-expiration': String(Math.floor(expiresAt / 1000)),
    });
    expect(request?.headers['apns-id']).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(result.providerMessageId).toBe(request?.headers['apns-id']);
    expect(request?.payload).toEqual({
      type: 'feature_announcement',
      aps: { alert: { title: 'Hello', body: 'World' }, sound: 'default', badge: 3 },
    });
  });

  it('sends background pushes with content-available and priority 5', async () => {
    const { server, adapter } = await setup();
    await adapter.send(message({ pushType: 'background' }));
    expect(server.requests[0]?.headers).toMatchObject({
      'apns-push-type': 'background',
      'apns-priority': '5',
    });
    expect(server.requests[0]?.payload.aps).toEqual({ 'content-available': 1 });
  });

  it('reuses one HTTP/2 session and one provider token, and refreshes the token after 50 minutes', async () => {
    const { server, adapter, clock } = await setup();
    await Promise.all(
      Array.from({ length: 25 }, (_, i) => adapter.send(message({ deliveryId: `dlv_${i}` }))),
    );
    expect(server.requests).toHaveLength(25);
    expect(server.sessions()).toBe(1);
    expect((adapter as ApnsAdapter).sessionsOpened()).toBe(1);
    expect((adapter as ApnsAdapter).tokensSigned()).toBe(1);
    clock.advance(49 * 60_000);
    await adapter.send(message());
    expect((adapter as ApnsAdapter).tokensSigned()).toBe(1);
    clock.advance(2 * 60_000);
    await adapter.send(message());
    expect((adapter as ApnsAdapter).tokensSigned()).toBe(2);
    expect(server.sessions()).toBe(1);
    const iats = new Set(server.requests.map((r) => r.jwt.iat));
    expect(iats.size).toBe(2);
  });

  it('signs a new token once when APNs answers ExpiredProviderToken', async () => {
    const { server, adapter } = await setup();
    await adapter.send(message());
    server.answers.set('b'.repeat(64), 'expired-token');
    await adapter.send(message({ token: 'b'.repeat(64) }));
    expect((adapter as ApnsAdapter).tokensSigned()).toBe(2);
    expect(server.requests).toHaveLength(2);
  });

  it('maps 410, BadDeviceToken, 429 and oversize payloads', async () => {
    const { server, adapter } = await setup();
    server.answers.set('gone', 'unregistered');
    server.answers.set('bad0', 'bad-token');
    server.answers.set('busy', 'throttle');
    await expect(adapter.send(message({ token: 'gone' }))).rejects.toMatchObject({
      kind: 'unregistered',
      status: 410,
    });
    await expect(adapter.send(message({ token: 'bad0' }))).rejects.toMatchObject({
      kind: 'unregistered',
      reason: 'BadDeviceToken',
    });
    await expect(adapter.send(message({ token: 'busy' }))).rejects.toMatchObject({
      kind: 'transient',
      status: 429,
    });
    const before = server.rejected.length;
    await expect(adapter.send(message({ body: 'x'.repeat(5000) }))).rejects.toMatchObject({
      kind: 'permanent',
      reason: 'PayloadTooLarge',
    });
    expect(server.rejected.length).toBe(before); // refused before sending
  });

  it('the server refuses a token signed with another key (the check can fail)', async () => {
    const { server } = await setup();
    const other = await generateKeyPair('ES256', { extractable: true });
    const rogue = createApnsAdapter({
      privateKey: await exportPKCS8(other.privateKey),
      keyId: KEY_ID,
      teamId: TEAM_ID,
      topic: TOPIC,
      url: server.url,
      tls: { ca: server.ca },
    });
    cleanups.push(async () => rogue.close?.());
    await expect(rogue.send(message())).rejects.toMatchObject({
      kind: 'transient',
      reason: 'ExpiredProviderToken',
    });
    expect(server.requests).toHaveLength(0);
  });

  it('through dispatch: pushes to each active iOS device; 410 deactivates the token', async () => {
    const { server, adapter, clock } = await setup();
    const h = await createHarness({ email: noEmail, push: [adapter], clock });
    const kept = await h.delivery.registerDevice('acme', 'usr_1', {
      platform: 'ios',
      token: 'c'.repeat(64),
      appVersion: '1.2.0',
    });
    const gone = await h.delivery.registerDevice('acme', 'usr_1', { platform: 'ios', token: 'd'.repeat(64) });
    server.answers.set('d'.repeat(64), 'unregistered');
    const result = await h.delivery.deliver({
      productId: 'acme',
      userId: 'usr_1',
      template: 'subscription_change',
      data: { plan: 'pro', status: 'active' },
      idempotencyKey: 'sub-1',
    });
    expect(result.deliveries).toHaveLength(2);
    await h.drain();
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.payload).toMatchObject({
      aps: { alert: { title: 'Your subscription changed', body: 'Your plan is now pro (active).' } },
      type: 'subscription_change',
      plan: 'pro',
    });
    const devices = await h.delivery.listDevices('acme', 'usr_1');
    expect(devices.find((d) => d.id === kept.id)).toMatchObject({ active: true });
    expect(devices.find((d) => d.id === gone.id)).toMatchObject({
      active: false,
      deactivationReason: 'Unregistered',
    });
    const log = await h.delivery.listLog('acme', { channel: 'push' }, { limit: 10 });
    expect(log.items.map((e) => e.status).sort()).toEqual(['failed', 'sent']);
    // The next notification goes to the active device only.
    const next = await h.delivery.deliver({
      productId: 'acme',
      userId: 'usr_1',
      template: 'subscription_change',
      data: { plan: 'free', status: 'canceled' },
      idempotencyKey: 'sub-2',
    });
    expect(next.deliveries).toHaveLength(1);
    // Registering the same token again reactivates it.
    await h.delivery.registerDevice('acme', 'usr_1', { platform: 'ios', token: 'd'.repeat(64) });
    expect((await h.delivery.listDevices('acme', 'usr_1')).every((d) => d.active)).toBe(true);
  });

  it('through dispatch: 429 is retried later on the same session', async () => {
    const { server, adapter, clock } = await setup();
    const h = await createHarness({ email: noEmail, push: [adapter], clock });
    await h.delivery.registerDevice('acme', 'usr_1', { platform: 'ios', token: 'e'.repeat(64) });
    server.answers.set('e'.repeat(64), 'throttle');
    await h.delivery.deliver({
      productId: 'acme',
      userId: 'usr_1',
      template: 'dictation_reminder',
      data: {},
      idempotencyKey: 'r',
    });
    await h.drain();
    expect(server.requests).toHaveLength(0);
    server.answers.delete('e'.repeat(64));
    for (let i = 0; i < 10 && server.requests.length === 0; i += 1) {
      clock.advance(60_000);
      await h.drain();
    }
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.headers).toMatchObject({
      'apns-priority': '5',
      'apns-collapse-id': 'dictation_reminder',
    });
    expect(server.sessions()).toBe(1);
  });
});
