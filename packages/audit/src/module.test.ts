import {
  createEventBus,
  createEventsModule,
  DELIVER_TASK_TYPE,
  type EventEnvelope,
  eventsExtension,
} from '@groundwork/events';
import {
  createJobsModule,
  createWorker,
  deadLetterReportJob,
  type JobsAdminAction,
  jobsExtension,
} from '@groundwork/jobs';
import { createLogger } from '@groundwork/logger';
import { createMemoryStore } from '@groundwork/store/memory';
import { createFakeClock } from '@groundwork/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { type AuditTestApp, bearer, createAuditTestApp } from '../test/module-support.js';
import { AUDIT_LOG_CONTAINER, AUDIT_LOG_CONTAINER_NAME } from './audit-container.js';
import { createAuditLog } from './audit-log.js';
import { auditEventSubscriber, createAuditModule, jobsAdminActionInput } from './module.js';

const apps: AuditTestApp[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map(({ service }) => service.stop()));
});

const acmeAdmin = bearer('ann', 'acme', ['admin']);
const DAY_MS = 86_400_000;

describe('audit module', () => {
  it('declares the audit_log container, partitioned by product, with the retention as default TTL', () => {
    expect(AUDIT_LOG_CONTAINER).toMatchObject({
      name: 'audit_log',
      partitionKey: '/productId',
      defaultTtl: 365 * 86_400,
    });
    const { module } = createAuditModule({ retentionDays: 30 });
    expect(module.name).toBe('audit');
    expect(module.containers).toEqual([
      expect.objectContaining({ name: 'audit_log', defaultTtl: 30 * 86_400 }),
    ]);
    expect(() => createAuditModule({ retentionDays: 0 })).toThrow(RangeError);
    expect(() => createAuditModule({ retentionDays: 1.5 })).toThrow(RangeError);
  });

  it('expires entries after the configured retention', async () => {
    const app = await createAuditTestApp({ retentionDays: 30 });
    apps.push(app);
    await app.audit.record({
      productId: 'acme',
      actor: { type: 'admin', id: 'ann' },
      action: 'user.deleted',
    });
    app.clock.advance(29 * DAY_MS);
    expect((await app.audit.log().query('acme')).items).toHaveLength(1);
    app.clock.advance(2 * DAY_MS);
    expect((await app.audit.log().query('acme')).items).toEqual([]);
  });

  it('has a recorder that fails clearly until the module is mounted, then records', async () => {
    const { audit } = createAuditModule();
    await expect(
      audit.record({
        productId: 'acme',
        actor: { type: 'admin', id: 'ann' },
        action: 'user.deleted',
      }),
    ).rejects.toThrow(/not mounted/);
    expect(() => audit.log()).toThrow(/not mounted/);
    const app = await createAuditTestApp();
    apps.push(app);
    const entry = await app.audit.record({
      productId: 'acme',
      actor: { type: 'admin', id: 'ann' },
      action: 'user.deleted',
      target: { type: 'user', id: 'usr_1' },
    });
    const listed = await app.service.app.inject({
      method: 'GET',
      url: '/v1/audit',
      headers: acmeAdmin,
    });
    expect(listed.json().items.map((item: { id: string }) => item.id)).toEqual([entry.id]);
  });

  it('records the jobs admin’s mutations through onAdminAction', async () => {
    const app = await createAuditTestApp({
      modules: (audit) => [
        createJobsModule({
          runnerEnabled: false,
          tickIntervalMs: 60_000,
          jobs: [deadLetterReportJob({ productId: 'acme' })],
          onAdminAction: audit.onJobsAdminAction,
        }),
      ],
    });
    apps.push(app);
    const inject = (method: 'GET' | 'POST', url: string) =>
      app.service.app.inject({ method, url, headers: acmeAdmin });
    expect((await inject('POST', '/v1/jobs/jobs.dead-letter-report/pause')).statusCode).toBe(200);
    app.clock.advance(1_000);
    expect((await inject('POST', '/v1/jobs/jobs.dead-letter-report/resume')).statusCode).toBe(200);
    const items = (await inject('GET', '/v1/audit?action=jobs.*')).json().items;
    expect(items).toEqual([
      expect.objectContaining({
        action: 'jobs.resume',
        actor: { type: 'admin', id: 'ann' },
        target: { type: 'job', id: 'jobs.dead-letter-report' },
      }),
      expect.objectContaining({
        action: 'jobs.pause',
        at: '2026-01-01T00:00:00.000Z',
      }),
    ]);
  });

  it('maps task actions to task targets', () => {
    const action: JobsAdminAction = {
      action: 'tasks.retry',
      actor: 'ann',
      productId: 'acme',
      target: 'task_1',
      at: '2026-01-01T00:00:00.000Z',
    };
    expect(jobsAdminActionInput(action)).toEqual({
      productId: 'acme',
      actor: { type: 'admin', id: 'ann' },
      action: 'tasks.retry',
      target: { type: 'task', id: 'task_1' },
    });
  });

  it('subscribes durably to every event and records each one once, even when redelivered', async () => {
    const { module } = createAuditModule();
    const subscriber = module.events?.durableSubscribers?.[0];
    expect(subscriber).toMatchObject({ name: 'audit', types: '*' });
    expect(auditEventSubscriber()).toMatchObject({
      name: 'audit',
      types: '*',
      dedupe: false,
    });
    const clock = createFakeClock();
    const store = createMemoryStore({ clock });
    await store.ensureContainers([AUDIT_LOG_CONTAINER]);
    const ctx = {
      store,
      clock,
      logger: createLogger({ name: 'audit-test', level: 'silent' }),
      signal: new AbortController().signal,
      attempt: 1,
    };
    const event: EventEnvelope = {
      id: 'evt_01kg0000000000000000000042',
      type: 'user.password_reset',
      version: 1,
      productId: 'acme',
      occurredAt: '2026-01-01T00:00:00.000Z',
      actor: { type: 'user', id: 'usr_7' },
      payload: { userId: 'usr_7' },
    };
    await subscriber?.handler(event, ctx);
    await subscriber?.handler(event, { ...ctx, attempt: 2 });
    const page = await createAuditLog({ store, clock }).query('acme');
    expect(page.items).toEqual([
      expect.objectContaining({
        id: 'aud_01kg0000000000000000000042',
        action: 'user.password_reset',
        target: { type: 'user', id: 'usr_7' },
        eventId: event.id,
      }),
    ]);
    expect(await store.container(AUDIT_LOG_CONTAINER_NAME).count({ pk: 'acme' })).toBe(1);
    await store.close();
  });

  it('records events emitted on the bus, delivered through the jobs queue, once each', async () => {
    const bus = createEventBus();
    const app = await createAuditTestApp({
      modules: () => [
        createEventsModule({ bus, productId: 'prod_ops' }),
        createJobsModule({ runnerEnabled: false, tickIntervalMs: 60_000 }),
      ],
      extensions: [eventsExtension, jobsExtension],
    });
    apps.push(app);
    const created = await bus.emit(
      'user.created',
      { userId: 'usr_1', email: 'ann@example.com', plan: 'free' },
      { productId: 'acme', actor: { type: 'system', id: 'identity' } },
    );
    const reset = await bus.emit(
      'user.password_reset',
      { userId: 'usr_1' },
      { productId: 'acme', actor: { type: 'user', id: 'usr_1' } },
    );
    const worker = createWorker({
      store: app.store,
      clock: app.clock,
      concurrency: 4,
      handlers: { [DELIVER_TASK_TYPE]: bus.deliveryHandler },
    });
    for (let round = 0; round < 5 && (await worker.runOnce()) > 0; round += 1) {}
    // Publishing the same event again (e.g. an outbox relayed twice) records nothing new.
    await bus.publish([created]);
    for (let round = 0; round < 5 && (await worker.runOnce()) > 0; round += 1) {}

    const items = (
      await app.service.app.inject({ method: 'GET', url: '/v1/audit?targetId=usr_1', headers: acmeAdmin })
    ).json().items;
    expect(items.map((item: { eventId: string }) => item.eventId).sort()).toEqual(
      [created.id, reset.id].sort(),
    );
    expect(items).toContainEqual(
      expect.objectContaining({
        action: 'user.created',
        actor: { type: 'system', id: 'identity' },
        target: { type: 'user', id: 'usr_1' },
        summary: { after: { userId: 'usr_1', email: 'ann@example.com', plan: 'free' } },
      }),
    );
  });
});
