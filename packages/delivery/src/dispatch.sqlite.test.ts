import { TASKS_CONTAINER } from '@groundwork/jobs';
import {
  createFakeClock,
  createTempSqliteStore,
  dumpContainers,
  type TempSqliteStore,
} from '@groundwork/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { type SmtpSink, startSmtpSink } from '../test/smtp-sink.js';
import { ALL_CONTAINERS, createHarness } from '../test/support.js';
import type { EmailAdapter } from './channels.js';
import { deliveryLinkSender } from './link-sender.js';
import { createSmtpAdapter } from './smtp-adapter.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup() {
  const clock = createFakeClock();
  const temp: TempSqliteStore = createTempSqliteStore({ clock });
  const sink: SmtpSink = await startSmtpSink();
  const email: EmailAdapter = createSmtpAdapter({ url: sink.url });
  cleanups.push(
    () => temp.cleanup(),
    () => sink.close(),
    () => email.close?.(),
  );
  const h = await createHarness({ email, store: temp.store, clock });
  return { h, sink, clock };
}

describe('dispatch on SQLite with a real SMTP server', () => {
  it('sends each request once, and keeps the recovery link sealed until it is sent', async () => {
    const { h, sink, clock } = await setup();
    for (let i = 0; i < 10; i += 1) {
      await h.delivery.deliver({
        productId: 'acme',
        to: `user${i}@example.com`,
        template: 'welcome',
        data: {},
        idempotencyKey: `w${i}`,
      });
    }
    // Repeats of the first five.
    for (let i = 0; i < 5; i += 1) {
      await h.delivery.deliver({
        productId: 'acme',
        to: `user${i}@example.com`,
        template: 'welcome',
        data: {},
        idempotencyKey: `w${i}`,
      });
    }
    const token = 'sqlite-secret-token-0123456789abcdefghijklmnop';
    await deliveryLinkSender(() => h.delivery, clock.now).send(
      {
        kind: 'password_reset',
        productId: 'acme',
        userId: 'usr_1',
        email: 'ann@example.com',
        url: `https://app.acme.test/reset-password?token=${token}`,
        expiresAt: clock.now() + 3_600_000,
      },
      { info() {}, error() {} },
    );
    const names = [...ALL_CONTAINERS.map((c) => c.name), TASKS_CONTAINER.name];
    expect(await dumpContainers(h.store, names)).not.toContain(token);
    await h.drain();
    await sink.waitFor(11);
    expect(sink.messages).toHaveLength(11);
    expect(sink.messages.filter((m) => m.text?.includes(token))).toHaveLength(1);
    expect(await dumpContainers(h.store, names)).not.toContain(token);
    const log = await h.delivery.listLog('acme', { status: 'sent' }, { limit: 100 });
    expect(log.items).toHaveLength(11);
    const stats = await h.delivery.stats('acme', { from: clock.now() - 1, to: clock.now() + 1 });
    expect(stats).toEqual([
      {
        day: '2026-01-01',
        queued: 0,
        sent: 11,
        failed: 0,
        bounced: 0,
        delivered: 0,
        opened: 0,
        suppressed: 0,
      },
    ]);
  });
});
