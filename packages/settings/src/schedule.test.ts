import {
  createJobsModule,
  createQueue,
  createScheduler,
  createWorker,
  jobsExtension,
} from '@groundwork/jobs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  acmeAdmin,
  acmeMember,
  createSettingsTestApp,
  globexAdmin,
  type SettingsTestApp,
} from '../test/support.js';
import { MAINTENANCE_WINDOWS_TASK } from './jobs.js';

const apps: SettingsTestApp[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.stop()));
});

const MINUTE = 60_000;
const ADMIN_IP = '192.0.2.10';

/** A settings service plus the real jobs engine (queue, scheduler, worker) on its store and fake clock. */
async function setup() {
  const app = await createSettingsTestApp({
    scheduleIntervalMs: MINUTE,
    modules: [createJobsModule({ runnerEnabled: false, tickIntervalMs: MINUTE })],
    extensions: [jobsExtension],
  });
  apps.push(app);
  const queue = createQueue({ store: app.store, clock: app.clock });
  const scheduler = createScheduler({ store: app.store, queue, clock: app.clock, instanceId: 'test' });
  const definition = app.settings.module.jobs?.definitions?.[0];
  if (!definition) throw new Error('the settings module declares its job');
  scheduler.define(definition);
  const worker = createWorker({ queue, handlers: app.settings.module.jobs?.handlers ?? {}, concurrency: 1 });
  /** Moves the clock to `at` one job interval at a time, running the job at each slot. */
  const runUntil = async (at: number) => {
    for (let step = 0; step < 1_000 && app.clock.now() < at; step += 1) {
      app.clock.set(Math.min(at, app.clock.now() + MINUTE));
      await scheduler.tick();
      while ((await worker.runOnce()) > 0);
    }
  };
  const schedule = async (body: Record<string, unknown>, headers = acmeAdmin) =>
    app.inject({
      method: 'POST',
      url: '/v1/settings/maintenance/schedule',
      headers,
      payload: body,
      remoteAddress: ADMIN_IP,
    });
  const probe = async () => (await app.inject({ url: '/v1/probe/private', headers: acmeMember })).statusCode;
  const write = async () =>
    (await app.inject({ method: 'POST', url: '/v1/probe/private', headers: acmeMember, payload: { n: 1 } }))
      .statusCode;
  return { app, runUntil, schedule, probe, write, scheduler };
}

const iso = (ms: number) => new Date(ms).toISOString();

describe('scheduled maintenance windows (jobs engine, fake clock)', () => {
  it('switch on at the start and off at the end by themselves, restoring the previous mode', async () => {
    const { app, runUntil, schedule, probe, write } = await setup();
    const t0 = app.clock.now();
    await app.inject({
      method: 'PUT',
      url: '/v1/settings/maintenance',
      headers: acmeAdmin,
      payload: { mode: 'read_only', message: 'before' },
      remoteAddress: ADMIN_IP,
    });
    const created = await schedule({
      startAt: iso(t0 + 10 * MINUTE),
      endAt: iso(t0 + 70 * MINUTE),
      mode: 'maintenance',
      message: 'Planned upgrade',
      adminMessage: 'DB v17',
    });
    expect(created.statusCode).toBe(201);
    const window = created.json();
    expect(window).toMatchObject({ state: 'scheduled', mode: 'maintenance', createdBy: 'ann' });
    expect(window.id).toMatch(/^mw_/);

    const listed = await app.inject({ url: '/v1/settings/maintenance/schedule' });
    expect(listed.json().items).toEqual([window]);
    expect((await app.inject({ url: '/v1/settings/maintenance' })).json()).toMatchObject({
      mode: 'read_only',
      nextWindow: { id: window.id, mode: 'maintenance' },
    });

    await runUntil(t0 + 9 * MINUTE);
    expect(await probe()).toBe(200);
    expect(await write()).toBe(503);

    await runUntil(t0 + 10 * MINUTE);
    expect(await probe()).toBe(503);
    const during = (await app.inject({ url: '/v1/settings/maintenance' })).json();
    expect(during).toMatchObject({
      mode: 'maintenance',
      message: 'Planned upgrade',
      scheduledEnd: iso(t0 + 70 * MINUTE),
    });
    const refused = await app.inject({ url: '/v1/probe/private', headers: acmeMember });
    expect(refused.headers['retry-after']).toBe(String(60 * 60));
    expect((await app.inject({ url: '/v1/settings/maintenance/schedule' })).json().items[0]).toMatchObject({
      state: 'active',
    });

    await runUntil(t0 + 69 * MINUTE);
    expect(await probe()).toBe(503);
    await runUntil(t0 + 70 * MINUTE);
    expect(await probe()).toBe(200);
    expect(await write()).toBe(503); // read_only again, as before the window
    const after = (await app.inject({ url: '/v1/settings/maintenance/config', headers: acmeAdmin })).json();
    expect(after).toMatchObject({ mode: 'read_only', message: 'before' });
    expect(after.windowId).toBeUndefined();
    expect(after.adminMessage).toBeUndefined();
    expect((await app.inject({ url: '/v1/settings/maintenance/schedule' })).json().items).toEqual([]);
    expect(app.audits.map((entry) => [entry.action, entry.actor.type])).toEqual([
      ['settings.maintenance.updated', 'admin'],
      ['settings.maintenance.window_scheduled', 'admin'],
      ['settings.maintenance.window_started', 'system'],
      ['settings.maintenance.window_ended', 'system'],
    ]);
  });

  it('cancels a scheduled window (never starts) and ends an active one now', async () => {
    const { app, runUntil, schedule, probe } = await setup();
    const t0 = app.clock.now();
    const first = (
      await schedule({ startAt: iso(t0 + 5 * MINUTE), endAt: iso(t0 + 10 * MINUTE), message: 'a' })
    ).json();
    const cancelled = await app.inject({
      method: 'DELETE',
      url: `/v1/settings/maintenance/schedule/${first.id}`,
      headers: acmeAdmin,
      remoteAddress: ADMIN_IP,
    });
    expect(cancelled.json()).toMatchObject({ state: 'cancelled' });
    await runUntil(t0 + 6 * MINUTE);
    expect(await probe()).toBe(200);

    const second = (
      await schedule({ startAt: iso(t0 + 7 * MINUTE), endAt: iso(t0 + 60 * MINUTE), message: 'b' })
    ).json();
    await runUntil(t0 + 8 * MINUTE);
    expect(await probe()).toBe(503);
    const ended = await app.inject({
      method: 'DELETE',
      url: `/v1/settings/maintenance/schedule/${second.id}`,
      headers: acmeAdmin,
      remoteAddress: ADMIN_IP,
    });
    expect(ended.statusCode).toBe(200);
    expect(await probe()).toBe(200);
    const again = await app.inject({
      method: 'DELETE',
      url: `/v1/settings/maintenance/schedule/${second.id}`,
      headers: acmeAdmin,
      remoteAddress: ADMIN_IP,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'window_closed' });
  });

  it('never switches on a window missed entirely, and refuses bad or overlapping windows', async () => {
    const { app, runUntil, schedule, probe, scheduler } = await setup();
    const t0 = app.clock.now();
    const short = (
      await schedule({ startAt: iso(t0 + MINUTE / 2), endAt: iso(t0 + MINUTE - 1), message: 'x' })
    ).json();
    expect(
      (await schedule({ startAt: iso(t0 + MINUTE / 4), endAt: iso(t0 + 2 * MINUTE), message: 'y' })).json(),
    ).toMatchObject({
      code: 'window_overlaps',
      windowId: short.id,
    });
    await runUntil(t0 + MINUTE);
    expect(await probe()).toBe(200);
    expect((await scheduler.list('acme')).map((job) => job.name)).toEqual([MAINTENANCE_WINDOWS_TASK]);
    for (const body of [
      { startAt: iso(t0 + 2 * MINUTE), endAt: iso(t0 + MINUTE), message: 'ends before it starts' },
      { startAt: iso(t0 - 2 * MINUTE), endAt: iso(t0 - MINUTE), message: 'in the past' },
      { startAt: 'soon', endAt: iso(t0 + MINUTE), message: 'x' },
      { startAt: iso(t0 + MINUTE), endAt: iso(t0 + 2 * MINUTE), message: 'x', mode: 'off' },
      { startAt: iso(t0 + MINUTE), endAt: iso(t0 + 2 * MINUTE), message: '' },
    ]) {
      const response = await schedule(body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
    }
  });

  it('keeps windows per product', async () => {
    const { app, runUntil, schedule, probe } = await setup();
    const t0 = app.clock.now();
    const globex = (
      await schedule({ startAt: iso(t0 + MINUTE), endAt: iso(t0 + 30 * MINUTE), message: 'g' }, globexAdmin)
    ).json();
    expect((await app.inject({ url: '/v1/settings/maintenance/schedule' })).json().items).toEqual([]);
    expect(
      (await app.inject({ url: '/v1/settings/maintenance/schedule?productId=globex' })).json().items,
    ).toHaveLength(1);
    const foreign = await app.inject({
      method: 'DELETE',
      url: `/v1/settings/maintenance/schedule/${globex.id}`,
      headers: acmeAdmin,
      remoteAddress: ADMIN_IP,
    });
    expect(foreign.statusCode).toBe(404);
    await runUntil(t0 + 2 * MINUTE);
    expect(await probe()).toBe(200); // acme is not in maintenance
    expect((await app.inject({ url: '/v1/settings/maintenance?productId=globex' })).json()).toMatchObject({
      mode: 'maintenance',
    });
  });
});

describe('the maintenance service in code (for the status module)', () => {
  it('validates what it is given like the routes do, and audits', async () => {
    const { app } = await setup();
    const service = app.settings.maintenance();
    const actor = { type: 'system' as const, id: 'status' };
    await expect(service.setMaintenance('acme', { mode: 'panic' } as never, actor)).rejects.toMatchObject({
      status: 400,
      code: 'validation_failed',
    });
    await expect(
      service.scheduleWindow(
        'acme',
        { startAt: 'soon', endAt: iso(app.clock.now() + MINUTE), message: 'x' },
        actor,
      ),
    ).rejects.toMatchObject({ status: 400 });
    const config = await service.setMaintenance('acme', { mode: 'read_only', message: 'Incident' }, actor);
    expect(config).toMatchObject({ mode: 'read_only', updatedBy: 'system:status' });
    const window = await service.scheduleWindow(
      'acme',
      {
        startAt: iso(app.clock.now() + MINUTE),
        endAt: iso(app.clock.now() + 2 * MINUTE),
        message: 'Planned',
      },
      actor,
    );
    expect(window.mode).toBe('maintenance');
    expect(app.audits.map((entry) => [entry.action, entry.actor.id])).toEqual([
      ['settings.maintenance.updated', 'status'],
      ['settings.maintenance.window_scheduled', 'status'],
    ]);
  });
});
