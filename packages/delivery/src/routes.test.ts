import { PROBLEM_CONTENT_TYPE } from '@groundwork/errors';
import { afterEach, describe, expect, it } from 'vitest';
import { bearer, createDeliveryTestApp, type DeliveryTestApp } from '../test/module-app.js';

const apps: DeliveryTestApp[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map(({ service }) => service.stop()));
});

const acmeAdmin = bearer('ann', 'acme', ['admin']);
const acmeMember = bearer('bob', 'acme', ['member']);
const acmeOther = bearer('cat', 'acme', ['member']);
const globexAdmin = bearer('gus', 'globex', ['admin']);

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

async function setup(options: Parameters<typeof createDeliveryTestApp>[0] = {}) {
  const app = await createDeliveryTestApp(options);
  apps.push(app);
  const inject = (method: Method, url: string, headers: Record<string, string>, payload?: unknown) =>
    app.service.app.inject({
      method,
      url,
      headers: { ...headers, 'user-agent': 'delivery-test/1.0' },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  return { ...app, inject };
}

const ADMIN_ROUTES: Array<[Method, string, unknown?]> = [
  ['GET', '/v1/delivery/templates'],
  ['GET', '/v1/delivery/templates/welcome'],
  ['POST', '/v1/delivery/templates/welcome/preview', {}],
  ['PUT', '/v1/delivery/templates/welcome', { subject: 's', html: 'h', text: 't' }],
  ['DELETE', '/v1/delivery/templates/welcome'],
  ['POST', '/v1/delivery/templates/welcome/test', { to: 'a@example.com' }],
  ['POST', '/v1/delivery/notifications', { userId: 'u', template: 'welcome', idempotencyKey: 'k' }],
  ['GET', '/v1/delivery/log'],
  ['GET', '/v1/delivery/stats?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z'],
  ['GET', '/v1/delivery/suppressions'],
  ['POST', '/v1/delivery/suppressions', { email: 'a@example.com' }],
  ['DELETE', `/v1/delivery/suppressions/sup_${'0'.repeat(32)}`],
  ['GET', '/v1/delivery/outbox'],
];

const USER_ROUTES: Array<[Method, string, unknown?]> = [
  ['GET', '/v1/notifications/devices'],
  ['POST', '/v1/notifications/devices', { platform: 'ios', token: 'x'.repeat(64) }],
  ['DELETE', `/v1/notifications/devices/dev_${'0'.repeat(32)}`],
  ['GET', '/v1/notifications/preferences'],
  ['PUT', '/v1/notifications/preferences', {}],
];

describe('delivery API: access', () => {
  it('admin routes answer 401 without a principal and 403 without the admin role', async () => {
    const { inject } = await setup();
    for (const [method, url, body] of ADMIN_ROUTES) {
      const anonymous = await inject(method, url, {}, body);
      expect(anonymous.statusCode, `${method} ${url}`).toBe(401);
      expect(anonymous.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
      const member = await inject(method, url, acmeMember, body);
      expect(member.statusCode, `${method} ${url}`).toBe(403);
      expect(member.json()).toMatchObject({ code: 'forbidden' });
    }
  });

  it('user routes answer 401 without a principal', async () => {
    const { inject } = await setup();
    for (const [method, url, body] of USER_ROUTES) {
      const anonymous = await inject(method, url, {}, body);
      expect(anonymous.statusCode, `${method} ${url}`).toBe(401);
    }
  });
});

describe('delivery API: templates', () => {
  it('lists, previews, overrides (audited), sends the override, and resets', async () => {
    const { inject, audited, drain } = await setup();
    const list = await inject('GET', '/v1/delivery/templates', acmeAdmin);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((t: { name: string }) => t.name)).toEqual([
      'welcome',
      'trial-expiring',
      'trial-expired',
      'password-reset',
      'email-verification',
      'invitation',
      'waitlist-accepted',
      'payment-failed',
      'license-expiring',
    ]);

    const preview = await inject('POST', '/v1/delivery/templates/trial-expiring/preview', acmeAdmin, {});
    expect(preview.statusCode).toBe(200);
    expect(preview.json().subject).toBe('Your Acme trial ends in 7 days');
    expect(preview.json().html).toContain('https://app.example.com/upgrade');

    const badData = await inject('POST', '/v1/delivery/templates/trial-expiring/preview', acmeAdmin, {
      data: { daysLeft: 'x' },
    });
    expect(badData.statusCode).toBe(400);
    expect(badData.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['data.daysLeft', 'data.trialEndsAt', 'data.upgradeUrl']),
    );

    const unknownVariable = await inject('PUT', '/v1/delivery/templates/welcome', acmeAdmin, {
      subject: 'Hi {{nickname}}',
      html: '<p>{{#if}}</p>',
      text: 'ok {{plan}}',
    });
    expect(unknownVariable.statusCode).toBe(400);
    const paths = unknownVariable.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(['subject', 'html']);
    expect(unknownVariable.json().errors[0].message).toContain('"nickname" is not a variable');
    expect(audited).toHaveLength(0); // nothing saved, nothing audited

    const saved = await inject('PUT', '/v1/delivery/templates/welcome', acmeAdmin, {
      subject: 'Hey from {{productName}}',
      html: '<p>Your plan: {{plan}}</p>',
      text: 'Your plan: {{plan}}',
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      overridden: true,
      updatedBy: 'ann',
      source: { subject: 'Hey from {{productName}}' },
    });
    expect(audited[0]).toMatchObject({
      productId: 'acme',
      action: 'delivery.template_updated',
      target: { type: 'email_template', id: 'welcome' },
      actor: { id: 'ann' },
      userAgent: 'delivery-test/1.0',
    });
    // Another product still has the default.
    const globex = await inject('GET', '/v1/delivery/templates/welcome', globexAdmin);
    expect(globex.json()).toMatchObject({
      overridden: false,
      source: { subject: 'Welcome to {{productName}}' },
    });

    const test = await inject('POST', '/v1/delivery/templates/welcome/test', acmeAdmin, {
      to: 'qa@example.com',
    });
    expect(test.statusCode).toBe(202);
    expect(test.json().deliveries[0]).toMatchObject({ channel: 'email', status: 'queued' });
    await drain();
    const outbox = await inject('GET', '/v1/delivery/outbox', acmeAdmin);
    expect(outbox.statusCode).toBe(200);
    expect(outbox.json().items[0]).toMatchObject({ to: 'qa@example.com', subject: 'Hey from Acme' });
    expect(outbox.json().items[0].text).toContain('Your plan: pro');
    expect((await inject('GET', '/v1/delivery/outbox', globexAdmin)).json().items).toHaveLength(0);

    const reset = await inject('DELETE', '/v1/delivery/templates/welcome', acmeAdmin);
    expect(reset.statusCode).toBe(204);
    expect((await inject('DELETE', '/v1/delivery/templates/welcome', acmeAdmin)).json()).toMatchObject({
      code: 'override_not_found',
    });
    expect(audited.map((a) => a.action)).toEqual([
      'delivery.template_updated',
      'delivery.test_sent',
      'delivery.template_reset',
    ]);
    expect((await inject('GET', '/v1/delivery/templates/nope', acmeAdmin)).statusCode).toBe(400);
  });
});

describe('delivery API: devices and preferences', () => {
  it('registers, lists and unregisters the caller’s own devices only', async () => {
    const { inject } = await setup();
    const token = 'f'.repeat(64);
    const created = await inject('POST', '/v1/notifications/devices', acmeMember, {
      platform: 'ios',
      token,
      appVersion: '2.0.1',
    });
    expect(created.statusCode).toBe(200);
    expect(created.json()).toMatchObject({
      platform: 'ios',
      tokenSuffix: 'ffff',
      appVersion: '2.0.1',
      active: true,
    });
    expect(JSON.stringify(created.json())).not.toContain(token);
    const id = created.json().id as string;
    expect((await inject('GET', '/v1/notifications/devices', acmeMember)).json().items).toHaveLength(1);
    expect((await inject('GET', '/v1/notifications/devices', acmeOther)).json().items).toHaveLength(0);
    // Another user (or product) cannot remove it.
    expect((await inject('DELETE', `/v1/notifications/devices/${id}`, acmeOther)).statusCode).toBe(404);
    expect(
      (await inject('DELETE', `/v1/notifications/devices/${id}`, bearer('bob', 'globex', []))).statusCode,
    ).toBe(404);
    expect((await inject('DELETE', `/v1/notifications/devices/${id}`, acmeMember)).statusCode).toBe(204);
    expect((await inject('GET', '/v1/notifications/devices', acmeMember)).json().items).toHaveLength(0);
    const invalid = await inject('POST', '/v1/notifications/devices', acmeMember, {
      platform: 'blackberry',
      token: 'short',
    });
    expect(invalid.statusCode).toBe(400);
  });

  it('gets and merges preferences; refuses unknown time zones and bad times without losing data', async () => {
    const { inject } = await setup();
    expect((await inject('GET', '/v1/notifications/preferences', acmeMember)).json()).toMatchObject({
      timezone: 'UTC',
      quietHours: null,
      categories: {},
    });
    const updated = await inject('PUT', '/v1/notifications/preferences', acmeMember, {
      timezone: 'Europe/Paris',
      quietHours: { start: '22:00', end: '07:00' },
      categories: { onboarding: { email: false } },
    });
    expect(updated.statusCode).toBe(200);
    const merged = await inject('PUT', '/v1/notifications/preferences', acmeMember, {
      categories: { reminders: { push: false } },
    });
    expect(merged.json()).toMatchObject({
      timezone: 'Europe/Paris',
      quietHours: { start: '22:00', end: '07:00' },
      categories: { onboarding: { email: false }, reminders: { push: false } },
    });
    const badZone = await inject('PUT', '/v1/notifications/preferences', acmeMember, {
      timezone: 'Mars/Olympus',
    });
    expect(badZone.statusCode).toBe(400);
    const badTime = await inject('PUT', '/v1/notifications/preferences', acmeMember, {
      quietHours: { start: '25:00', end: '07:00' },
    });
    expect(badTime.statusCode).toBe(400);
    expect((await inject('GET', '/v1/notifications/preferences', acmeMember)).json().timezone).toBe(
      'Europe/Paris',
    );
    expect((await inject('GET', '/v1/notifications/preferences', acmeOther)).json().timezone).toBe('UTC');
  });
});

describe('delivery API: log, stats, suppressions', () => {
  it('filters the log, counts per day, and keeps products apart', async () => {
    const { inject, delivery, drain, clock } = await setup();
    const service = delivery.delivery();
    await service.deliver({
      productId: 'acme',
      to: 'a@example.com',
      template: 'welcome',
      data: {},
      idempotencyKey: '1',
    });
    await service.deliver({
      productId: 'acme',
      to: 'b@example.com',
      template: 'trial-expired',
      data: { upgradeUrl: 'https://x.test/u' },
      idempotencyKey: '2',
    });
    await drain();
    clock.advance(86_400_000);
    await service.addSuppression('acme', 'c@example.com', 'manual', 'test');
    await service.deliver({
      productId: 'acme',
      to: 'c@example.com',
      template: 'welcome',
      data: {},
      idempotencyKey: '3',
    });
    await service.deliver({
      productId: 'globex',
      to: 'g@example.com',
      template: 'welcome',
      data: {},
      idempotencyKey: '1',
    });

    const all = await inject('GET', '/v1/delivery/log', acmeAdmin);
    expect(all.json().items).toHaveLength(3);
    expect(all.json().items[0]).toMatchObject({ status: 'suppressed', recipient: 'c***@example.com' });
    expect(JSON.stringify(all.json())).not.toContain('sealed');
    const welcome = await inject('GET', '/v1/delivery/log?template=welcome&status=sent', acmeAdmin);
    expect(welcome.json().items).toHaveLength(1);
    const day1 = await inject(
      'GET',
      '/v1/delivery/log?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z',
      acmeAdmin,
    );
    expect(day1.json().items).toHaveLength(2);
    const page = await inject('GET', '/v1/delivery/log?limit=2', acmeAdmin);
    expect(page.json().items).toHaveLength(2);
    const next = await inject(
      'GET',
      `/v1/delivery/log?limit=2&cursor=${encodeURIComponent(page.json().nextCursor)}`,
      acmeAdmin,
    );
    expect(next.json().items).toHaveLength(1);
    expect((await inject('GET', '/v1/delivery/log', globexAdmin)).json().items).toHaveLength(1);

    const stats = await inject(
      'GET',
      '/v1/delivery/stats?from=2026-01-01T00:00:00Z&to=2026-01-03T00:00:00Z',
      acmeAdmin,
    );
    expect(stats.json().days).toEqual([
      {
        day: '2026-01-01',
        queued: 0,
        sent: 2,
        failed: 0,
        bounced: 0,
        delivered: 0,
        opened: 0,
        suppressed: 0,
      },
      {
        day: '2026-01-02',
        queued: 0,
        sent: 0,
        failed: 0,
        bounced: 0,
        delivered: 0,
        opened: 0,
        suppressed: 1,
      },
    ]);
    const tooLong = await inject(
      'GET',
      '/v1/delivery/stats?from=2026-01-01T00:00:00Z&to=2026-12-01T00:00:00Z',
      acmeAdmin,
    );
    expect(tooLong.statusCode).toBe(400);
  });

  it('manages the suppression list (audited), per product', async () => {
    const { inject, audited } = await setup();
    const added = await inject('POST', '/v1/delivery/suppressions', acmeAdmin, { email: 'Spam@Example.com' });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ email: 'spam@example.com', reason: 'manual', source: 'admin:ann' });
    expect(
      (await inject('POST', '/v1/delivery/suppressions', acmeAdmin, { email: 'spam@example.com' }))
        .statusCode,
    ).toBe(409);
    expect((await inject('GET', '/v1/delivery/suppressions', acmeAdmin)).json().items).toHaveLength(1);
    expect((await inject('GET', '/v1/delivery/suppressions', globexAdmin)).json().items).toHaveLength(0);
    const id = added.json().id as string;
    expect((await inject('DELETE', `/v1/delivery/suppressions/${id}`, globexAdmin)).statusCode).toBe(404);
    expect((await inject('DELETE', `/v1/delivery/suppressions/${id}`, acmeAdmin)).statusCode).toBe(204);
    expect(audited.map((a) => a.action)).toEqual([
      'delivery.suppression_added',
      'delivery.suppression_removed',
    ]);
  });

  it('admin notify follows the user’s preferences unless critical', async () => {
    const { inject, delivery } = await setup();
    await delivery.delivery().registerDevice('acme', 'bob', { platform: 'ios', token: 'z'.repeat(64) });
    await inject('PUT', '/v1/notifications/preferences', acmeMember, {
      categories: { product: { push: false } },
    });
    const body = {
      userId: 'bob',
      template: 'feature_announcement',
      data: { headline: 'New', message: 'Offline mode' },
      idempotencyKey: 'a1',
    };
    const skipped = await inject('POST', '/v1/delivery/notifications', acmeAdmin, body);
    expect(skipped.statusCode).toBe(202);
    // No push adapter is configured in this app: with the preference on it would be `channel_unavailable`.
    expect(skipped.json()).toEqual({ deliveries: [], skipped: [{ channel: 'push', reason: 'preferences' }] });
    const critical = await inject('POST', '/v1/delivery/notifications', acmeAdmin, {
      ...body,
      idempotencyKey: 'a2',
      critical: true,
    });
    expect(critical.json().skipped).toEqual([{ channel: 'push', reason: 'channel_unavailable' }]);
  });
});
