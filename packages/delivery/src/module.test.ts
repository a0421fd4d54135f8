import { createEventBus, createEventsModule, DELIVER_TASK_TYPE, eventsExtension } from '@groundwork/events';
import { createJobsModule, createWorker, jobsExtension } from '@groundwork/jobs';
import { bearer, createFakeClock, createTestService } from '@groundwork/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { SEND_TASK_TYPE } from './dispatcher.js';
import { APNS_KEY_EXPIRY_TASK_TYPE, createDeliveryModule } from './module.js';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function platform(options: { resolveEmail?: string; apnsExpiresAt?: string } = {}) {
  const bus = createEventBus();
  const clock = createFakeClock(Date.UTC(2026, 0, 10));
  const delivery = createDeliveryModule({
    productId: 'acme',
    env: options.apnsExpiresAt ? { APNS_KEY_EXPIRES_AT: options.apnsExpiresAt } : {},
    branding: { productName: 'Acme', appUrl: 'https://app.acme.test/' },
    ...(options.resolveEmail ? { resolveUser: async () => ({ email: options.resolveEmail }) } : {}),
  });
  const built = await createTestService({
    modules: [
      createJobsModule({ runnerEnabled: false, tickIntervalMs: 60_000 }),
      createEventsModule({ bus, productId: 'acme' }),
      delivery.module,
    ],
    extensions: [eventsExtension, jobsExtension],
    clock,
  });
  closers.push(async () => void (await built.service.stop()));
  const worker = createWorker({
    store: built.store,
    clock,
    handlers: {
      [DELIVER_TASK_TYPE]: bus.deliveryHandler,
      [SEND_TASK_TYPE]: (task, ctx) => delivery.delivery().handleSendTask(task, ctx) as Promise<undefined>,
    },
  });
  const drain = async () => {
    for (let round = 0; round < 20; round += 1) if ((await worker.runOnce()) === 0) break;
  };
  return { ...built, bus, delivery, drain, clock };
}

describe('delivery module in a service', () => {
  it('user.created sends the welcome email (console adapter: kept in the encrypted dev outbox)', async () => {
    const { bus, drain, service, store } = await platform();
    await bus.emit(
      'user.created',
      { userId: 'usr_1', email: 'new@example.com', plan: 'pro' },
      { productId: 'acme', actor: { type: 'user', id: 'usr_1' } },
    );
    await drain();
    const outbox = await service.app.inject({
      method: 'GET',
      url: '/v1/delivery/outbox',
      headers: bearer('ann', 'acme', ['admin']),
    });
    expect(outbox.json().items).toHaveLength(1);
    expect(outbox.json().items[0]).toMatchObject({
      to: 'new@example.com',
      subject: 'Welcome to Acme',
      from: 'Groundwork <no-reply@localhost>',
    });
    expect(outbox.json().items[0].text).toContain('Your pro account is ready');
    // At rest the outbox is sealed: the address is not readable in the store.
    const stored = await store.container('delivery_outbox').query({});
    expect(JSON.stringify(stored.items)).not.toContain('new@example.com');
    // The key was generated and kept in the store (no DELIVERY_ENCRYPTION_KEY).
    expect(await store.container('delivery_keys').read('data-key', 'delivery')).toBeDefined();
    // A redelivered event sends nothing more.
    await drain();
    expect((await delivery_log(service)).items).toHaveLength(1);
  });

  it('payment.failed sends payment-failed to the user’s address from resolveUser', async () => {
    const { bus, drain, service } = await platform({ resolveEmail: 'payer@example.com' });
    await bus.emit(
      'payment.failed',
      { invoiceId: 'in_1', amount: 4900, userId: 'usr_9', retryCount: 2 },
      { productId: 'acme', actor: { type: 'system', id: 'billing' } },
    );
    await drain();
    const outbox = await service.app.inject({
      method: 'GET',
      url: '/v1/delivery/outbox',
      headers: bearer('ann', 'acme', ['admin']),
    });
    expect(outbox.json().items[0]).toMatchObject({ to: 'payer@example.com' });
    expect(outbox.json().items[0].text).toContain('The payment of $49.00 (invoice in_1) failed.');
    expect(outbox.json().items[0].html).toContain('https://app.acme.test/billing');
  });

  it('the link sender queues a verification email that the outbox shows to admins only', async () => {
    const { delivery, drain, service } = await platform();
    const info: string[] = [];
    await delivery.linkSender.send(
      {
        kind: 'email_verification',
        productId: 'acme',
        userId: 'usr_1',
        email: 'ann@example.com',
        url: 'https://app.acme.test/verify-email?token=abc',
        expiresAt: Date.UTC(2026, 0, 11),
      },
      { info: (_b, m) => info.push(m), error: (_b, m) => info.push(m) },
    );
    expect(info).toEqual(['recovery link email queued']);
    await drain();
    const member = await service.app.inject({
      method: 'GET',
      url: '/v1/delivery/outbox',
      headers: bearer('bob', 'acme', []),
    });
    expect(member.statusCode).toBe(403);
    const admin = await service.app.inject({
      method: 'GET',
      url: '/v1/delivery/outbox',
      headers: bearer('ann', 'acme', ['admin']),
    });
    expect(admin.json().items[0]).toMatchObject({ subject: 'Verify your email for Acme' });
    expect(admin.json().items[0].text).toContain('(The link works for 1440 minutes.)');
  });

  it('declares the APNs key expiry check when a date is configured, and publishes its routes in OpenAPI', async () => {
    const { service } = await platform({ apnsExpiresAt: '2026-02-01' });
    const jobs = await service.app.inject({
      method: 'GET',
      url: '/v1/jobs',
      headers: bearer('ann', 'acme', ['admin']),
    });
    expect(JSON.stringify(jobs.json())).toContain(APNS_KEY_EXPIRY_TASK_TYPE);
    const ready = await service.app.inject({ method: 'GET', url: '/ready' });
    expect(ready.json().checks.delivery).toMatchObject({
      status: 'ok',
      data: { email: 'console', push: [] },
    });
    const openapi = await service.app.inject({ method: 'GET', url: '/documentation/json' });
    const paths = Object.keys((openapi.json() as { paths: Record<string, unknown> }).paths);
    for (const path of [
      '/v1/delivery/templates',
      '/v1/delivery/log',
      '/v1/delivery/stats',
      '/v1/delivery/webhooks/sendgrid',
      '/v1/notifications/devices',
      '/v1/notifications/preferences',
    ]) {
      expect(paths).toContain(path);
    }
  });
});

async function delivery_log(service: Awaited<ReturnType<typeof platform>>['service']) {
  return (
    await service.app.inject({
      method: 'GET',
      url: '/v1/delivery/log',
      headers: bearer('ann', 'acme', ['admin']),
    })
  ).json() as {
    items: unknown[];
  };
}
