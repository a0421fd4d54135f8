import { createAuditModule } from '@groundwork/audit';
import { createEventBus, createEventsModule, type EventEnvelope, eventsExtension } from '@groundwork/events';
import { createJobsModule, createQueue, createWorker, jobsExtension } from '@groundwork/jobs';
import { bearer, createTestService, type TestService } from '@groundwork/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeDns } from '../test/status-suite.js';
import {
  createStatusModule,
  MAINTENANCE_TRANSITIONS_EVERY_MS,
  MAINTENANCE_TRANSITIONS_JOB,
} from './module.js';
import type { MaintenanceWindow } from './schemas.js';

const running: TestService[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map(({ service }) => service.stop()));
});

const admin = bearer('ann', 'acme', ['admin']);
/** In-process subscribers run after `emit` returned, each in its own microtask. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('status module', () => {
  it('refuses to work until mounted, and declares its containers, events and job', async () => {
    const { module, status } = createStatusModule({ productId: 'acme' });
    expect(() => status.incidents).toThrow(/status module is not mounted yet/);
    expect(module.name).toBe('status');
    expect(module.containers?.map((c) => c.name)).toEqual([
      'status_components',
      'service_status',
      'status_samples',
      'incidents',
      'maintenance_windows',
    ]);
    expect(module.events?.definitions?.map((d) => d.type)).toEqual([
      'incident.created',
      'incident.updated',
      'incident.resolved',
      'maintenance.scheduled',
      'maintenance.started',
      'maintenance.completed',
    ]);
    expect(module.jobs?.definitions).toEqual([
      expect.objectContaining({
        name: MAINTENANCE_TRANSITIONS_JOB,
        schedule: { everyMs: MAINTENANCE_TRANSITIONS_EVERY_MS },
      }),
    ]);
    expect(() => createStatusModule({ productId: 'acme', historyDays: 0 }).module).toThrow(RangeError);
  });

  it('emits its events on the real bus and runs maintenance transitions as a job', async () => {
    const bus = createEventBus();
    const heard: EventEnvelope[] = [];
    const switched: [string, string][] = [];
    const status = createStatusModule({
      productId: 'acme',
      bus,
      resolver: fakeDns,
      onMaintenanceWindow: async (window: MaintenanceWindow, phase) => {
        switched.push([window.title, phase]);
      },
    });
    const test = await createTestService({
      modules: [
        createJobsModule({ runnerEnabled: false, tickIntervalMs: 60_000 }),
        createEventsModule({ bus, productId: 'acme' }),
        status.module,
      ],
      extensions: [eventsExtension, jobsExtension],
    });
    running.push(test);
    const { service, clock, store } = test;
    bus.on({
      name: 'test-listener',
      types: ['incident.created', 'maintenance.started'],
      handler: (event) => void heard.push(event),
    });

    // The catalog the webhooks module shows includes the status events.
    expect(bus.catalog.types()).toEqual(
      expect.arrayContaining(['incident.created', 'incident.resolved', 'maintenance.completed']),
    );

    const created = await service.app.inject({
      method: 'POST',
      url: '/v1/status/incidents',
      headers: admin,
      payload: { title: 'Queue backlog', impact: 'minor', message: 'Jobs are delayed.' },
    });
    expect(created.statusCode).toBe(201);
    const scheduled = await service.app.inject({
      method: 'POST',
      url: '/v1/status/maintenance',
      headers: admin,
      payload: {
        title: 'Failover test',
        startsAt: new Date(clock.now() + 60_000).toISOString(),
        endsAt: new Date(clock.now() + 3_600_000).toISOString(),
        maintenanceMode: true,
      },
    });
    expect(scheduled.statusCode).toBe(201);

    clock.advance(2 * 60_000);
    const run = await service.app.inject({
      method: 'POST',
      url: `/v1/jobs/${MAINTENANCE_TRANSITIONS_JOB}/run`,
      headers: admin,
    });
    expect(run.statusCode).toBe(202);
    const queue = createQueue({ store, clock });
    const worker = createWorker({ queue, concurrency: 1, handlers: status.module.jobs?.handlers ?? {} });
    expect(await worker.runOnce()).toBe(1);
    expect(await queue.get(run.json().id, 'acme')).toMatchObject({
      state: 'completed',
      result: { started: [scheduled.json().id], completed: [] },
    });
    expect(switched).toEqual([['Failover test', 'started']]);
    await settle();
    expect(heard.map((e) => [e.type, e.productId])).toEqual([
      ['incident.created', 'acme'],
      ['maintenance.started', 'acme'],
    ]);
    expect(heard[0]).toMatchObject({
      actor: { type: 'admin', id: 'ann' },
      payload: { title: 'Queue backlog', impact: 'minor' },
    });
    expect(heard[1]).toMatchObject({ actor: { type: 'system', id: 'status' } });
  });

  it('records admin changes in the real audit log', async () => {
    const audit = createAuditModule();
    const status = createStatusModule({ productId: 'acme', audit: (record) => audit.audit.record(record) });
    const test = await createTestService({ modules: [audit.module, status.module] });
    running.push(test);
    const created = await test.service.app.inject({
      method: 'POST',
      url: '/v1/status/incidents',
      headers: { ...admin, 'user-agent': 'ops/1' },
      payload: { title: 'Queue backlog', message: 'Jobs are delayed.' },
    });
    expect(created.statusCode).toBe(201);
    const page = await audit.audit.log().query('acme', { action: 'status.*' });
    expect(page.items).toEqual([
      expect.objectContaining({
        action: 'status.incident_created',
        actor: { type: 'admin', id: 'ann' },
        target: { type: 'incident', id: created.json().id },
        userAgent: 'ops/1',
        summary: { after: expect.objectContaining({ title: 'Queue backlog', status: 'investigating' }) },
      }),
    ]);
  });
});
