import { TASKS_CONTAINER } from '@groundwork/jobs';
import { dumpContainers } from '@groundwork/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SmtpSink, startSmtpSink } from '../test/smtp-sink.js';
import { ALL_CONTAINERS, createHarness } from '../test/support.js';
import type { EmailAdapter, EmailMessage } from './channels.js';
import { logPartition } from './containers.js';
import { deliveryLinkSender } from './link-sender.js';
import { SendError } from './send-errors.js';
import { createSmtpAdapter } from './smtp-adapter.js';

let sink: SmtpSink;
const adapters: EmailAdapter[] = [];

beforeEach(async () => {
  sink = await startSmtpSink();
});
afterEach(async () => {
  await Promise.all(adapters.splice(0).map((adapter) => adapter.close?.()));
  await sink.close();
});

function smtp(): EmailAdapter {
  const adapter = createSmtpAdapter({ url: sink.url, maxConnections: 2 });
  adapters.push(adapter);
  return adapter;
}

/** An adapter that records and answers from a script (failures first). */
function scripted(script: Array<SendError | 'ok'>): EmailAdapter & { sent: EmailMessage[]; calls: number } {
  const state = { sent: [] as EmailMessage[], calls: 0 };
  return {
    name: 'scripted',
    get sent() {
      return state.sent;
    },
    get calls() {
      return state.calls;
    },
    async send(message) {
      const step = script[state.calls] ?? 'ok';
      state.calls += 1;
      if (step !== 'ok') throw step;
      state.sent.push(message);
      return { providerMessageId: `pm-${state.calls}` };
    },
  };
}

describe('email through SMTP, end to end', () => {
  it('enqueues, renders and sends a multipart message with sender, reply-to and headers', async () => {
    const h = await createHarness({ email: smtp() });
    const result = await h.delivery.deliver({
      productId: 'acme',
      to: 'ann@example.com',
      template: 'welcome',
      data: { name: 'Ann <b>', plan: 'pro' },
      idempotencyKey: 'k1',
    });
    expect(result.deliveries).toHaveLength(1);
    expect(result.deliveries[0]?.status).toBe('queued');
    expect(sink.messages).toHaveLength(0); // nothing is sent inline
    expect(await h.drain()).toBe(1);
    const [mail] = await sink.waitFor(1);
    expect(mail?.subject).toBe('Welcome to Acme');
    expect(mail?.from?.value[0]).toMatchObject({ address: 'hello@acme.test', name: 'Acme' });
    expect(mail?.replyTo?.value[0]?.address).toBe('support@acme.test');
    expect(mail?.text).toContain('Welcome, Ann <b>!');
    // HTML escaping is on: the name cannot inject markup.
    expect(mail?.html).toContain('Welcome, Ann &lt;b&gt;!');
    expect(mail?.html).not.toContain('Ann <b>');
    expect(mail?.html).toContain('<!doctype html>');
    // Welcome is non-transactional: it carries List-Unsubscribe (the preferences page).
    expect(sink.raw[0]).toMatch(
      /^List-Unsubscribe: <https:\/\/app\.acme\.test\/settings\/notifications>\r?$/m,
    );
    const id = result.deliveries[0]?.id as string;
    expect(mail?.messageId).toBe(`<${id}@acme.test>`);
    expect(sink.raw[0]).toMatch(/multipart\/alternative/);

    const entry = await h.store
      .container('delivery_log')
      .read(id, logPartition('acme', 'email', h.clock.now()));
    expect(entry).toMatchObject({
      status: 'sent',
      provider: 'smtp',
      attempts: 1,
      recipient: 'a***n@example.com',
    });
    expect(entry?.providerMessageId).toBe(`<${id}@acme.test>`);
    expect(entry).not.toHaveProperty('sealed');
  });

  it('transactional mail has no List-Unsubscribe', async () => {
    const h = await createHarness({ email: smtp() });
    await h.delivery.deliver({
      productId: 'acme',
      to: 'ann@example.com',
      template: 'trial-expired',
      data: { upgradeUrl: 'https://app.acme.test/upgrade' },
      idempotencyKey: 'k1',
    });
    await h.drain();
    const [mail] = await sink.waitFor(1);
    expect(mail?.subject).toBe('Your Acme trial has ended');
    expect(sink.raw[0]).not.toMatch(/List-Unsubscribe/i);
  });

  it('refuses data that does not fit the template before queueing anything', async () => {
    const h = await createHarness({ email: smtp() });
    await expect(
      h.delivery.deliver({
        productId: 'acme',
        to: 'a@example.com',
        template: 'password-reset',
        data: { resetUrl: 'nope' },
        idempotencyKey: 'k',
      }),
    ).rejects.toMatchObject({
      status: 400,
      issues: expect.arrayContaining([expect.objectContaining({ path: 'data.resetUrl' })]),
    });
    await expect(
      h.delivery.deliver({
        productId: 'acme',
        to: 'a@example.com',
        template: 'welcome',
        data: { plan: 'x', extra: 1 },
        idempotencyKey: 'k',
      }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      h.delivery.deliver({
        productId: 'acme',
        to: 'a@example.com',
        template: 'nope',
        data: {},
        idempotencyKey: 'k',
      }),
    ).rejects.toMatchObject({ status: 400 });
    expect(await h.queue.counts({})).toMatchObject({ queued: 0 });
  });

  it('a repeated request (same idempotency key) sends once', async () => {
    const h = await createHarness({ email: smtp() });
    const request = {
      productId: 'acme',
      to: 'ann@example.com',
      template: 'welcome',
      data: {},
      idempotencyKey: 'same',
    };
    const first = await h.delivery.deliver(request);
    const second = await h.delivery.deliver(request);
    expect(second.deliveries[0]?.id).toBe(first.deliveries[0]?.id);
    await h.drain();
    const third = await h.delivery.deliver(request);
    expect(third.deliveries[0]).toMatchObject({ id: first.deliveries[0]?.id, status: 'sent' });
    await h.drain();
    await sink.waitFor(1);
    // Every send of the drained tasks was accepted by the server before drain() returned.
    expect(sink.messages).toHaveLength(1);
    const log = await h.delivery.listLog('acme', {}, { limit: 10 });
    expect(log.items).toHaveLength(1);
  });

  it('a task run again after the provider accepted does not send again', async () => {
    const adapter = scripted(['ok']);
    const h = await createHarness({ email: adapter });
    const { deliveries } = await h.delivery.deliver({
      productId: 'acme',
      to: 'ann@example.com',
      template: 'welcome',
      data: {},
      idempotencyKey: 'k',
    });
    await h.drain();
    const task = (await h.queue.list({ productId: 'acme' })).items[0];
    expect(task).toBeDefined();
    // The worker crashed after the acceptance was recorded, and the task runs again.
    const again = await h.delivery.handleSendTask(task as NonNullable<typeof task>, {
      signal: new AbortController().signal,
      attempt: 2,
      progress: async () => {},
      logger: { debug() {}, info() {}, warn() {}, error() {} },
    });
    expect(again).toEqual({ status: 'sent' });
    expect(adapter.calls).toBe(1);
    expect(deliveries[0]?.status).toBe('queued');
  });

  it('retries transient failures with backoff (honouring Retry-After), then sends once', async () => {
    const adapter = scripted([
      new SendError('transient', 'busy', { status: 429, retryAfterMs: 120_000 }),
      new SendError('transient', 'down', { status: 503 }),
      'ok',
    ]);
    const h = await createHarness({ email: adapter, maxAttempts: 5 });
    const { deliveries } = await h.delivery.deliver({
      productId: 'acme',
      to: 'ann@example.com',
      template: 'welcome',
      data: {},
      idempotencyKey: 'k',
    });
    await h.drain();
    expect(adapter.calls).toBe(1);
    h.clock.advance(60_000);
    await h.drain();
    expect(adapter.calls).toBe(1); // Retry-After: 120 s
    h.clock.advance(61_000);
    await h.drain();
    expect(adapter.calls).toBe(2);
    for (let i = 0; i < 20 && adapter.calls < 3; i += 1) {
      h.clock.advance(60_000);
      await h.drain();
    }
    expect(adapter.calls).toBe(3);
    expect(adapter.sent).toHaveLength(1);
    const log = await h.delivery.listLog('acme', {}, { limit: 10 });
    expect(log.items[0]).toMatchObject({ id: deliveries[0]?.id, status: 'sent', attempts: 3, error: null });
  });

  it('never retries a permanent error, and marks the send failed', async () => {
    const adapter = scripted([new SendError('permanent', 'bad request', { status: 400 })]);
    const h = await createHarness({ email: adapter, maxAttempts: 5 });
    await h.delivery.deliver({
      productId: 'acme',
      to: 'ann@example.com',
      template: 'welcome',
      data: {},
      idempotencyKey: 'k',
    });
    await h.drain();
    h.clock.advance(3_600_000);
    await h.drain();
    expect(adapter.calls).toBe(1);
    const log = await h.delivery.listLog('acme', {}, { limit: 10 });
    expect(log.items[0]).toMatchObject({ status: 'failed', error: 'bad request', attempts: 1 });
    expect(log.items[0]?.failedAt).not.toBeNull();
  });

  it('marks a send failed once its attempts are used up', async () => {
    const failure = new SendError('transient', 'down', { status: 503 });
    const adapter = scripted([failure, failure, failure, failure]);
    const h = await createHarness({ email: adapter, maxAttempts: 2 });
    await h.delivery.deliver({
      productId: 'acme',
      to: 'ann@example.com',
      template: 'welcome',
      data: {},
      idempotencyKey: 'k',
    });
    for (let i = 0; i < 10; i += 1) {
      await h.drain();
      h.clock.advance(600_000);
    }
    expect(adapter.calls).toBe(2);
    const log = await h.delivery.listLog('acme', {}, { limit: 10 });
    expect(log.items[0]).toMatchObject({ status: 'failed', attempts: 2 });
  });

  it('SMTP: a 4xx reply is retried, a 550 recipient is bounced and suppressed, later sends are suppressed', async () => {
    const h = await createHarness({ email: smtp(), maxAttempts: 3 });
    sink.failNext(1, 451);
    await h.delivery.deliver({
      productId: 'acme',
      to: 'ann@example.com',
      template: 'welcome',
      data: {},
      idempotencyKey: 'a',
    });
    await h.drain();
    expect(sink.messages).toHaveLength(0);
    h.clock.advance(120_000);
    await h.drain();
    await sink.waitFor(1);

    sink.rejectRecipient.add('gone@example.com');
    await h.delivery.deliver({
      productId: 'acme',
      to: 'gone@example.com',
      template: 'welcome',
      data: {},
      idempotencyKey: 'b',
    });
    await h.drain();
    const bounced = await h.delivery.listLog('acme', { status: 'bounced' }, { limit: 10 });
    expect(bounced.items).toHaveLength(1);
    // The SMTP reply quoted the address: the log keeps it masked.
    expect(bounced.items[0]?.error).toContain('g***e@example.com');
    expect(JSON.stringify(bounced.items)).not.toContain('gone@example.com');
    expect((await h.delivery.listSuppressions('acme', { limit: 10 })).items[0]).toMatchObject({
      email: 'gone@example.com',
      reason: 'provider_rejected',
    });
    const later = await h.delivery.deliver({
      productId: 'acme',
      to: 'Gone@Example.com',
      template: 'welcome',
      data: {},
      idempotencyKey: 'c',
    });
    expect(later.deliveries[0]?.status).toBe('suppressed');
    const repeated = await h.delivery.deliver({
      productId: 'acme',
      to: 'gone@example.com',
      template: 'welcome',
      data: {},
      idempotencyKey: 'c',
    });
    expect(repeated.deliveries[0]).toMatchObject({ id: later.deliveries[0]?.id, status: 'suppressed' });
    expect((await h.delivery.listLog('acme', { status: 'suppressed' }, { limit: 10 })).items).toHaveLength(1);
    // Another product's suppressions do not apply.
    const other = await h.delivery.deliver({
      productId: 'globex',
      to: 'gone@example.com',
      template: 'welcome',
      data: {},
      idempotencyKey: 'c',
    });
    expect(other.deliveries[0]?.status).toBe('queued');
  });

  it('SMTP: a server that cannot be reached is a transient failure', async () => {
    const port = sink.port;
    await sink.close();
    const adapter = createSmtpAdapter({ url: `smtp://127.0.0.1:${port}`, timeouts: { connectionMs: 2_000 } });
    adapters.push(adapter);
    sink = await startSmtpSink();
    // The sink restarted on another port; the adapter still points at the closed one.
    await expect(
      adapter.send({
        deliveryId: 'dlv_x',
        productId: 'acme',
        from: { address: 'a@acme.test' },
        to: 'b@example.com',
        subject: 's',
        text: 't',
        html: '<p>t</p>',
        headers: {},
        template: 'welcome',
      }),
    ).rejects.toMatchObject({ kind: 'transient' });
  });
});

describe('security email (link sender)', () => {
  it('never stores the raw token in clear, and removes the sealed data once sent', async () => {
    const h = await createHarness({ email: smtp() });
    const token = 'tok_SECRET_0123456789abcdefghijklmnopqrstuvwxyz';
    const sender = deliveryLinkSender(() => h.delivery, h.clock.now);
    const logged: string[] = [];
    const log = {
      info: (bindings: Record<string, unknown>, message: string) =>
        logged.push(JSON.stringify(bindings) + message),
      error: (bindings: Record<string, unknown>, message: string) =>
        logged.push(JSON.stringify(bindings) + message),
    };
    await sender.send(
      {
        kind: 'password_reset',
        productId: 'acme',
        userId: 'usr_1',
        email: 'ann@example.com',
        url: `https://app.acme.test/reset-password?token=${token}`,
        expiresAt: h.clock.now() + 3_600_000,
      },
      log,
    );
    const names = [...ALL_CONTAINERS.map((c) => c.name), TASKS_CONTAINER.name];
    const queuedDump = await dumpContainers(h.store, names);
    expect(queuedDump).not.toContain(token);
    expect(queuedDump).not.toContain('ann@example.com');
    expect(queuedDump).toContain('"sealed":"v1.');
    expect(logged.join('\n')).not.toContain(token);

    await h.drain();
    const [mail] = await sink.waitFor(1);
    expect(mail?.text).toContain(token);
    expect(mail?.subject).toBe('Reset your Acme password');
    const sentDump = await dumpContainers(h.store, names);
    expect(sentDump).not.toContain(token);
    expect(sentDump).not.toContain('"sealed"');
    const entry = (await h.delivery.listLog('acme', {}, { limit: 1 })).items[0];
    expect(entry).toMatchObject({
      template: 'password-reset',
      critical: true,
      status: 'sent',
      userId: 'usr_1',
    });
  });

  it('a tampered sealed payload is not sent', async () => {
    const adapter = scripted(['ok']);
    const h = await createHarness({ email: adapter });
    const { deliveries } = await h.delivery.deliver({
      productId: 'acme',
      to: 'ann@example.com',
      template: 'welcome',
      data: {},
      idempotencyKey: 'k',
    });
    const id = deliveries[0]?.id as string;
    const pk = logPartition('acme', 'email', h.clock.now());
    const doc = await h.store.container<{ sealed: string }>('delivery_log').read(id, pk);
    const sealed = doc?.sealed as string;
    const tampered = `${sealed.slice(0, -4)}${sealed.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
    await h.store.container('delivery_log').patch(id, pk, [{ op: 'set', path: 'sealed', value: tampered }]);
    await h.drain();
    expect(adapter.calls).toBe(0);
    expect((await h.delivery.listLog('acme', {}, { limit: 1 })).items[0]).toMatchObject({ status: 'failed' });
  });
});
