import { createFakeClock } from '@groundwork/testing';
import { describe, expect, it } from 'vitest';
import { createHarness } from '../test/support.js';
import type { EmailAdapter, EmailMessage, PushAdapter, PushMessage } from './channels.js';
import { quietHoursEnd } from './quiet-hours.js';

function recordingEmail(): EmailAdapter & { sent: EmailMessage[] } {
  const sent: EmailMessage[] = [];
  return {
    name: 'memory',
    sent,
    async send(message) {
      sent.push(message);
      return { providerMessageId: message.deliveryId };
    },
  };
}

function recordingPush(): PushAdapter & { sent: PushMessage[] } {
  const sent: PushMessage[] = [];
  return {
    name: 'memory-push',
    platforms: ['ios', 'android'],
    sent,
    async send(message) {
      sent.push(message);
      return { providerMessageId: message.deliveryId };
    },
  };
}

describe('quietHoursEnd', () => {
  const paris = 'Europe/Paris';
  it('finds the end of a window that wraps midnight, in the user’s zone', () => {
    // 22:30 UTC = 23:30 in Paris (winter): quiet until 07:00 Paris = 06:00 UTC next day.
    expect(quietHoursEnd(Date.UTC(2026, 0, 1, 22, 30), paris, { start: '22:00', end: '07:00' })).toBe(
      Date.UTC(2026, 0, 2, 6, 0),
    );
    // 05:15 UTC = 06:15 Paris: still quiet, 45 minutes left.
    expect(quietHoursEnd(Date.UTC(2026, 0, 2, 5, 15, 30), paris, { start: '22:00', end: '07:00' })).toBe(
      Date.UTC(2026, 0, 2, 6, 0),
    );
    // 06:00 UTC = 07:00 Paris: over.
    expect(
      quietHoursEnd(Date.UTC(2026, 0, 2, 6, 0), paris, { start: '22:00', end: '07:00' }),
    ).toBeUndefined();
    expect(
      quietHoursEnd(Date.UTC(2026, 0, 2, 12, 0), paris, { start: '22:00', end: '07:00' }),
    ).toBeUndefined();
  });

  it('handles same-day windows and empty windows', () => {
    expect(quietHoursEnd(Date.UTC(2026, 0, 1, 13, 0), 'UTC', { start: '12:00', end: '14:00' })).toBe(
      Date.UTC(2026, 0, 1, 14, 0),
    );
    expect(
      quietHoursEnd(Date.UTC(2026, 0, 1, 15, 0), 'UTC', { start: '12:00', end: '14:00' }),
    ).toBeUndefined();
    expect(
      quietHoursEnd(Date.UTC(2026, 0, 1, 15, 0), 'UTC', { start: '12:00', end: '12:00' }),
    ).toBeUndefined();
  });
});

describe('preferences and quiet hours in dispatch (fake clock)', () => {
  async function setup() {
    const clock = createFakeClock(Date.UTC(2026, 0, 1, 22, 30)); // 23:30 in Paris
    const email = recordingEmail();
    const push = recordingPush();
    const h = await createHarness({
      email,
      push: [push],
      clock,
      resolveUser: async (_productId, userId) =>
        userId === 'usr_1' ? { email: 'ann@example.com' } : undefined,
    });
    await h.delivery.registerDevice('acme', 'usr_1', { platform: 'ios', token: 't'.repeat(64) });
    await h.delivery.updatePreferences('acme', 'usr_1', {
      timezone: 'Europe/Paris',
      quietHours: { start: '22:00', end: '07:00' },
      categories: { onboarding: { email: false }, security: { email: false } },
    });
    return { h, clock, email, push };
  }

  it('holds a non-critical push until quiet hours end', async () => {
    const { h, clock, push } = await setup();
    const result = await h.delivery.deliver({
      productId: 'acme',
      userId: 'usr_1',
      template: 'dictation_reminder',
      data: { streakDays: 3 },
      idempotencyKey: 'r1',
    });
    expect(result.deliveries[0]?.scheduledFor).toBe(Date.UTC(2026, 0, 2, 6, 0));
    await h.drain();
    clock.set(Date.UTC(2026, 0, 2, 5, 59));
    await h.drain();
    expect(push.sent).toHaveLength(0);
    clock.set(Date.UTC(2026, 0, 2, 6, 0));
    await h.drain();
    expect(push.sent).toHaveLength(1);
    expect(push.sent[0]).toMatchObject({
      title: 'Keep your streak going',
      body: "Haven't dictated today — you're on a 3-day streak!",
    });
  });

  it('critical messages bypass quiet hours and opt-outs', async () => {
    const { h, push } = await setup();
    await h.delivery.deliver({
      productId: 'acme',
      userId: 'usr_1',
      template: 'dictation_reminder',
      data: {},
      idempotencyKey: 'r2',
      critical: true,
    });
    await h.drain();
    expect(push.sent).toHaveLength(1);
  });

  it('email is not held by quiet hours; opted-out categories are skipped; security mail is always sent', async () => {
    const { h, email } = await setup();
    const welcome = await h.delivery.deliver({
      productId: 'acme',
      userId: 'usr_1',
      template: 'welcome',
      data: {},
      idempotencyKey: 'w',
    });
    expect(welcome).toEqual({ deliveries: [], skipped: [{ channel: 'email', reason: 'preferences' }] });
    await h.delivery.deliver({
      productId: 'acme',
      userId: 'usr_1',
      template: 'trial-expired',
      data: { upgradeUrl: 'https://app.acme.test/upgrade' },
      idempotencyKey: 't',
    });
    await h.delivery.deliver({
      productId: 'acme',
      userId: 'usr_1',
      template: 'password-reset',
      data: { resetUrl: 'https://app.acme.test/reset-password?token=x', expiresInMinutes: 60 },
      idempotencyKey: 'p',
    });
    await h.drain();
    expect(email.sent.map((m) => [m.template, m.to])).toEqual([
      ['trial-expired', 'ann@example.com'],
      ['password-reset', 'ann@example.com'],
    ]);
  });

  it('a user without a known address or devices is skipped, not failed', async () => {
    const { h } = await setup();
    expect(
      await h.delivery.deliver({
        productId: 'acme',
        userId: 'usr_2',
        template: 'trial-expired',
        data: { upgradeUrl: 'https://app.acme.test/upgrade' },
        idempotencyKey: 'x',
      }),
    ).toEqual({ deliveries: [], skipped: [{ channel: 'email', reason: 'no_address' }] });
    expect(
      await h.delivery.deliver({
        productId: 'acme',
        userId: 'usr_2',
        template: 'subscription_change',
        data: { plan: 'a', status: 'b' },
        idempotencyKey: 'y',
      }),
    ).toEqual({ deliveries: [], skipped: [{ channel: 'push', reason: 'no_devices' }] });
    // Devices of one product are not another's.
    expect(
      await h.delivery.deliver({
        productId: 'globex',
        userId: 'usr_1',
        template: 'subscription_change',
        data: { plan: 'a', status: 'b' },
        idempotencyKey: 'y',
      }),
    ).toMatchObject({ skipped: [{ channel: 'push', reason: 'no_devices' }] });
  });

  it('SMS goes through the console adapter interface when asked for', async () => {
    const clock = createFakeClock();
    const sms: Array<{ to: string; text: string }> = [];
    const h = await createHarness({
      email: recordingEmail(),
      clock,
      sms: {
        name: 'console',
        async send(m) {
          sms.push({ to: m.to, text: m.text });
          return {};
        },
      },
    });
    await h.delivery.deliver({
      productId: 'acme',
      to: '+33600000000',
      template: 'subscription_change',
      data: { plan: 'pro', status: 'active' },
      channels: ['sms'],
      idempotencyKey: 's',
    });
    await h.drain();
    expect(sms).toEqual([
      { to: '+33600000000', text: 'Your subscription changed: Your plan is now pro (active).' },
    ]);
    const entry = (await h.delivery.listLog('acme', { channel: 'sms' }, { limit: 1 })).items[0];
    expect(entry).toMatchObject({ status: 'sent', recipient: '…0000' });
  });
});
