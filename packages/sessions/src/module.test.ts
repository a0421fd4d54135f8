import { createEventBus, createEventsModule, type EventEnvelope, eventsExtension } from '@groundwork/events';
import { createJobsModule, createQueue, createWorker, jobsExtension } from '@groundwork/jobs';
import { afterEach, describe, expect, it } from 'vitest';
import { bearer, createSessionsTestApp, type SessionsTestApp } from '../test/module-support.js';
import { createSessionsModule, STALE_CLEANUP_EVERY_MS, STALE_CLEANUP_JOB } from './module.js';
import { NEW_DEVICE_EVENT_TYPE } from './new-device-event.js';
import { documentOf, SESSIONS_CONTAINER_NAME, STALE_SESSION_GRACE_MS } from './session.js';

const DAY = 86_400_000;
const apps: SessionsTestApp[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map(({ service }) => service.stop()));
});

/** In-process subscribers run after `emit` returned, each in its own microtask. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

async function withEventsAndJobs() {
  const bus = createEventBus();
  const heard: EventEnvelope[] = [];
  const app = await createSessionsTestApp({
    bus,
    modules: [
      createJobsModule({ runnerEnabled: false, tickIntervalMs: 60_000 }),
      createEventsModule({ bus, productId: 'acme' }),
    ],
    extensions: [eventsExtension, jobsExtension],
  });
  apps.push(app);
  // After the service is built: the catalog knows the event once the events extension ran.
  bus.on({
    name: 'test-listener',
    types: [NEW_DEVICE_EVENT_TYPE],
    handler: (event) => void heard.push(event),
  });
  return { ...app, bus, heard };
}

describe('sessions module', () => {
  it('hands out a sessions service that refuses to work until the module is mounted', async () => {
    const { sessions, module } = createSessionsModule({ productId: 'acme' });
    await expect(sessions.isActive('usr_ann', 'ses_01kg0000000000000000000000')).rejects.toThrow(
      /sessions module is not mounted yet/,
    );
    await expect(sessions.create({ userId: 'usr_ann', productId: 'acme' })).rejects.toThrow(/not mounted/);
    expect(module.name).toBe('sessions');
    expect(module.containers).toEqual([
      expect.objectContaining({
        name: SESSIONS_CONTAINER_NAME,
        partitionKey: '/userId',
        defaultTtl: (90 * DAY + STALE_SESSION_GRACE_MS) / 1000,
      }),
      expect.objectContaining({
        name: 'session_devices',
        partitionKey: '/userId',
        defaultTtl: (90 * DAY + STALE_SESSION_GRACE_MS) / 1000,
      }),
    ]);
    expect(createSessionsModule({ productId: 'acme', ttlDays: 30 }).module.containers?.[0]?.defaultTtl).toBe(
      (30 * DAY + STALE_SESSION_GRACE_MS) / 1000,
    );
    expect(() => createSessionsModule({ productId: 'acme', ttlDays: 0 })).toThrow(RangeError);
  });

  it('works without a bus or the jobs and events modules', async () => {
    const app = await createSessionsTestApp();
    apps.push(app);
    const { session, newDevice } = await app.sessions.create({ userId: 'usr_ann', productId: 'acme' });
    expect(newDevice).toBe(true);
    expect(await app.sessions.isActive('usr_ann', session.id)).toBe(true);
  });

  it('emits session.new_device, as the user, for a sign-in from a new device only', async () => {
    const { sessions, heard, clock, service } = await withEventsAndJobs();
    const { session } = await sessions.create({
      userId: 'usr_ann',
      productId: 'acme',
      platform: 'ios',
      deviceId: 'phone',
      deviceName: 'Ann’s phone',
      ip: '203.0.113.7',
      userAgent: 'App/1.0',
    });
    await sessions.create({ userId: 'usr_ann', productId: 'acme', platform: 'ios', deviceId: 'phone' });
    const { session: web } = await sessions.create({ userId: 'usr_ann', productId: 'acme', platform: 'web' });
    await settle();
    expect(heard).toHaveLength(2);
    expect(heard[0]).toMatchObject({
      type: NEW_DEVICE_EVENT_TYPE,
      version: 1,
      productId: 'acme',
      actor: { type: 'user', id: 'usr_ann' },
      occurredAt: new Date(clock.now()).toISOString(),
      payload: {
        userId: 'usr_ann',
        sessionId: session.id,
        platform: 'ios',
        deviceId: 'phone',
        deviceName: 'Ann’s phone',
        ip: '203.0.113.7',
        userAgent: 'App/1.0',
        firstSession: true,
      },
    });
    expect(heard[1]?.payload).toEqual({
      userId: 'usr_ann',
      sessionId: web.id,
      platform: 'web',
      firstSession: false,
    });

    const catalog = await service.app.inject({
      method: 'GET',
      url: '/v1/events/catalog',
      headers: bearer('usr_ann', 'acme', []),
    });
    const entry = catalog.json().items.find((item: { type: string }) => item.type === NEW_DEVICE_EVENT_TYPE);
    expect(entry).toMatchObject({ version: 1, schema: { type: 'object' } });
    expect(Object.keys(entry.schema.properties)).toEqual(
      expect.arrayContaining(['userId', 'sessionId', 'platform', 'deviceId', 'ip', 'userAgent']),
    );
  });

  it('schedules the stale-session cleanup every 6 hours and runs it through the jobs worker', async () => {
    const { sessions, service, store, clock, module } = await withEventsAndJobs();
    const admin = bearer('usr_root', 'acme', ['admin']);
    const jobs = await service.app.inject({ method: 'GET', url: '/v1/jobs', headers: admin });
    expect(jobs.json().items).toContainEqual(
      expect.objectContaining({
        name: STALE_CLEANUP_JOB,
        type: STALE_CLEANUP_JOB,
        productId: 'acme',
        schedule: { kind: 'interval', everyMs: STALE_CLEANUP_EVERY_MS },
      }),
    );

    // Stored with a TTL longer than the grace period (e.g. written under an older setting): only the job removes it.
    const now = clock.now();
    const stale = (await sessions.create({ userId: 'usr_ann', productId: 'acme' })).session;
    const ended = { ...stale, revokedAt: now, revokedReason: 'logout' };
    await store.container(SESSIONS_CONTAINER_NAME).replace({ ...documentOf(ended, now), ttl: -1 });
    const recent = (await sessions.create({ userId: 'usr_ann', productId: 'acme', deviceId: 'b' })).session;
    clock.advance(STALE_SESSION_GRACE_MS + 1);
    await sessions.revoke('usr_ann', recent.id, 'logout');

    const run = await service.app.inject({
      method: 'POST',
      url: `/v1/jobs/${STALE_CLEANUP_JOB}/run`,
      headers: admin,
    });
    expect(run.statusCode).toBe(202);
    const queue = createQueue({ store, clock });
    const worker = createWorker({ queue, concurrency: 1, handlers: module.jobs?.handlers ?? {} });
    expect(await worker.runOnce()).toBe(1);
    const task = await queue.get(run.json().id, 'acme');
    expect(task).toMatchObject({ state: 'completed', result: { deleted: 1 } });
    expect(await sessions.get('usr_ann', stale.id)).toBeUndefined();
    expect(await sessions.get('usr_ann', recent.id)).toMatchObject({ revokedReason: 'logout' });
  });
});
