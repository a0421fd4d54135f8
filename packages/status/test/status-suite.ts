/**
 * The status service suite, run on each store adapter (memory, SQLite): samples and rollups,
 * current state and overall status, the incident lifecycle, maintenance transitions and history.
 */
import { createEventBus, type EventBus, type EventEnvelope } from '@groundwork/events';
import type { DocumentStore } from '@groundwork/store';
import type { FakeClock } from '@groundwork/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { statusContainers } from '../src/containers.js';
import { statusEvents } from '../src/events.js';
import type { AdminContext, StatusAuditRecord } from '../src/ports.js';
import type { MaintenanceWindow } from '../src/schemas.js';
import { createStatusService, type StatusService } from '../src/service.js';

export interface SuiteHarness {
  store: DocumentStore;
  clock: FakeClock;
  cleanup(): Promise<void>;
}

const HOUR = 3_600_000;

export async function fakeDns(host: string) {
  if (host.endsWith('.internal.example')) return [{ address: '10.1.2.3', family: 4 as const }];
  return [{ address: '93.184.216.34', family: 4 as const }];
}
const DAY = 24 * HOUR;

export function describeStatusService(name: string, makeHarness: () => Promise<SuiteHarness>): void {
  describe(`status service (${name})`, () => {
    let harness: SuiteHarness;
    let status: StatusService;
    let emitted: EventEnvelope[];
    let audited: StatusAuditRecord[];
    let callbacks: { id: string; phase: string }[];
    let failCallback: boolean;
    const admin: AdminContext = { productId: 'acme', actor: { type: 'user', id: 'ann' }, requestId: 'req-1' };

    beforeEach(async () => {
      harness = await makeHarness();
      await harness.store.ensureContainers(statusContainers());
      const bus: EventBus = createEventBus({ definitions: statusEvents });
      emitted = [];
      audited = [];
      callbacks = [];
      failCallback = false;
      status = createStatusService({
        store: harness.store,
        clock: harness.clock,
        events: {
          // Validated against the real catalog, as the bus would.
          emit: async (type, payload, ctx) => {
            const envelope = bus.stage(type, payload, ctx);
            emitted.push(envelope);
            return envelope;
          },
        },
        audit: async (record) => {
          audited.push(record);
        },
        // Fake DNS: example.com names are public, internal.example names private.
        resolver: fakeDns,
        onMaintenanceWindow: async (window: MaintenanceWindow, phase) => {
          if (failCallback) throw new Error('settings unavailable');
          callbacks.push({ id: window.id, phase });
        },
      });
      await status.components.registerOperatorComponents('acme', [
        { id: 'api', name: 'API', order: 1, check: { kind: 'service', baseUrl: 'http://127.0.0.1:4003' } },
        { id: 'web', name: 'Web app', order: 2, check: { kind: 'http', url: 'https://web.example.com/' } },
      ]);
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    it('records each sample once and rolls samples up per UTC day', async () => {
      const start = harness.clock.now(); // 2026-01-01T00:00Z
      const samples = [
        { componentId: 'api', at: start + 1_000, state: 'up' as const, latencyMs: 10 },
        { componentId: 'api', at: start + 2_000, state: 'up' as const, latencyMs: 30 },
        { componentId: 'api', at: start + 3_000, state: 'degraded' as const, latencyMs: 900 },
        { componentId: 'api', at: start + 4_000, state: 'down' as const, latencyMs: 3_000, error: 'timeout' },
        { componentId: 'api', at: start + DAY + 1_000, state: 'up' as const, latencyMs: 20 },
        { componentId: 'web', at: start + 1_000, state: 'up' as const, latencyMs: 5 },
      ];
      expect(await status.health.recordSamples('acme', samples)).toBe(6);
      // A retried write (same component and time) is not counted twice.
      expect(await status.health.recordSamples('acme', samples.slice(0, 2))).toBe(0);
      // Another product's samples stay there.
      await status.health.recordSamples('globex', [
        { componentId: 'api', at: start + 1_000, state: 'down', latencyMs: 1 },
      ]);

      harness.clock.set(start + DAY + 2_000);
      const history = await status.public.history('acme', 2);
      expect(history.from).toBe('2026-01-01');
      expect(history.to).toBe('2026-01-02');
      const api = history.components.find((c) => c.id === 'api');
      expect(api?.days[0]).toMatchObject({
        day: '2026-01-01',
        samples: 4,
        up: 2,
        degraded: 1,
        down: 1,
        uptimePercent: 75,
        status: 'major_outage',
        latencyMs: { p50: 30, p95: 900, p99: 900, min: 10, max: 900 },
      });
      expect(api?.days[1]).toMatchObject({
        day: '2026-01-02',
        samples: 1,
        uptimePercent: 100,
        status: 'operational',
      });
      expect(api?.uptimePercent).toBe(80);
      expect(history.components.map((c) => c.id)).toEqual(['api', 'web']);

      const raw = await status.health.samples('acme', 'api', start, 10);
      expect(raw.map((s) => s.state)).toEqual(['up', 'up', 'degraded', 'down', 'up']);
      expect(raw[3]).toMatchObject({ error: 'timeout', inMaintenance: false });

      const globex = await status.public.history('globex', 2);
      expect(globex.components).toEqual([]);
    });

    it('keeps rollups exact under concurrent writers, duplicates included', async () => {
      const start = harness.clock.now();
      const writes = Array.from({ length: 24 }, (_, i) =>
        status.health.recordSamples('acme', [
          {
            componentId: 'api',
            at: start + (i % 12) * 1_000,
            state: i % 4 === 0 ? 'down' : 'up',
            latencyMs: 10 + (i % 12),
          },
        ]),
      );
      const recorded = await Promise.all(writes);
      // Each of the 12 distinct samples was written twice, concurrently: counted once.
      expect(recorded.reduce((a, b) => a + b, 0)).toBe(12);
      const day = (await status.public.history('acme', 1)).components.find((c) => c.id === 'api')?.days[0];
      expect(day).toMatchObject({ samples: 12, down: 3, up: 9 });
      expect(day?.latencyMs).toMatchObject({ min: 11, max: 21 });
    });

    it('marks samples during maintenance and leaves them out of uptime', async () => {
      const start = harness.clock.now();
      await status.maintenance.create(admin, {
        title: 'Database upgrade',
        components: ['api'],
        startsAt: new Date(start + HOUR).toISOString(),
        endsAt: new Date(start + 2 * HOUR).toISOString(),
      });
      await status.health.recordSamples('acme', [
        { componentId: 'api', at: start + 30 * 60_000, state: 'up', latencyMs: 10 },
        { componentId: 'api', at: start + 90 * 60_000, state: 'down', latencyMs: 0 },
        { componentId: 'web', at: start + 90 * 60_000, state: 'down', latencyMs: 0 },
      ]);
      harness.clock.set(start + 3 * HOUR);
      const history = await status.public.history('acme', 1);
      expect(history.components.find((c) => c.id === 'api')?.days[0]).toMatchObject({
        samples: 2,
        up: 1,
        down: 0,
        maintenance: 1,
        uptimePercent: 100,
      });
      expect(history.components.find((c) => c.id === 'web')?.days[0]).toMatchObject({
        down: 1,
        uptimePercent: 0,
      });
      expect(history.maintenance.map((m) => m.title)).toEqual(['Database upgrade']);
    });

    it('derives the overall status from damped states and active incidents', async () => {
      const now = harness.clock.now();
      let current = await status.public.status('acme');
      expect(current).toMatchObject({ status: 'operational', activeIncidents: [] });
      expect(current.lastCheckedAt).toBeUndefined();
      expect(current.components.map((c) => [c.id, c.state, c.status])).toEqual([
        ['api', 'unknown', 'operational'],
        ['web', 'unknown', 'operational'],
      ]);

      await status.health.setCurrentState('acme', {
        componentId: 'api',
        state: 'down',
        sinceMs: now - 60_000,
        checkedAtMs: now,
        error: 'timeout',
      });
      current = await status.public.status('acme');
      expect(current.status).toBe('degraded');
      expect(current.lastCheckedAt).toBe(new Date(now).toISOString());
      expect(current.components[0]).toMatchObject({ id: 'api', state: 'down', status: 'major_outage' });
      // Nothing private leaks: no check URL, no error text.
      expect(JSON.stringify(current)).not.toContain('127.0.0.1');
      expect(JSON.stringify(current)).not.toContain('timeout');

      await status.health.setCurrentState('acme', {
        componentId: 'web',
        state: 'down',
        sinceMs: now,
        checkedAtMs: now,
      });
      expect((await status.public.status('acme')).status).toBe('major_outage');

      await status.health.setCurrentState('acme', {
        componentId: 'api',
        state: 'up',
        sinceMs: now,
        checkedAtMs: now,
      });
      await status.health.setCurrentState('acme', {
        componentId: 'web',
        state: 'up',
        sinceMs: now,
        checkedAtMs: now,
      });
      await status.incidents.create(admin, {
        title: 'Total outage',
        impact: 'critical',
        message: 'Everything is down.',
      });
      expect((await status.public.status('acme')).status).toBe('major_outage');
    });

    it('runs an incident through its lifecycle, audited and emitted', async () => {
      const created = await status.incidents.create(admin, {
        title: 'Elevated API errors',
        impact: 'major',
        components: ['api', 'api'],
        message: 'We are investigating elevated error rates.',
      });
      expect(created).toMatchObject({ status: 'investigating', impact: 'major', components: ['api'] });
      expect(created.id).toMatch(/^inc_/);
      expect(created.updates).toHaveLength(1);

      let current = await status.public.status('acme');
      expect(current.activeIncidents.map((i) => i.id)).toEqual([created.id]);
      expect(current.components.find((c) => c.id === 'api')?.status).toBe('major_outage');
      expect(current.status).toBe('degraded');

      harness.clock.advance(10 * 60_000);
      const identified = await status.incidents.update(admin, created.id, {
        status: 'identified',
        message: 'A bad deploy; rolling back.',
      });
      harness.clock.advance(10 * 60_000);
      await status.incidents.update(admin, created.id, { impact: 'minor' });
      harness.clock.advance(10 * 60_000);
      const resolved = await status.incidents.update(admin, created.id, {
        status: 'resolved',
        message: 'Error rates are back to normal.',
      });
      expect(identified.updates.map((u) => u.status)).toEqual(['identified', 'investigating']);
      expect(resolved.updates.map((u) => u.status)).toEqual(['resolved', 'identified', 'investigating']);
      expect(resolved.resolvedAt).toBe(new Date(harness.clock.now()).toISOString());
      expect(resolved.impact).toBe('minor');

      current = await status.public.status('acme');
      expect(current.activeIncidents).toEqual([]);
      expect(current.status).toBe('operational');

      await expect(
        status.incidents.update(admin, created.id, { status: 'investigating', message: 'again' }),
      ).rejects.toMatchObject({ status: 409, code: 'incident_resolved' });
      // A post-mortem note on a resolved incident is allowed and does not reopen it.
      const noted = await status.incidents.update(admin, created.id, { message: 'Post-mortem published.' });
      expect(noted.status).toBe('resolved');

      expect(emitted.map((e) => e.type)).toEqual([
        'incident.created',
        'incident.updated',
        'incident.updated',
        'incident.resolved',
        'incident.updated',
      ]);
      expect(emitted[0]).toMatchObject({
        productId: 'acme',
        actor: { type: 'user', id: 'ann' },
        payload: { incidentId: created.id, impact: 'major', status: 'investigating', components: ['api'] },
      });
      expect(audited.map((a) => a.action)).toEqual([
        'status.incident_created',
        'status.incident_updated',
        'status.incident_updated',
        'status.incident_resolved',
        'status.incident_updated',
      ]);
      expect(audited[0]).toMatchObject({
        productId: 'acme',
        requestId: 'req-1',
        target: { type: 'incident', id: created.id },
      });

      // Other products never see it.
      await expect(status.incidents.get('globex', created.id)).rejects.toMatchObject({
        code: 'incident_not_found',
      });
      expect((await status.public.history('globex', 1)).incidents).toEqual([]);
      const history = await status.public.history('acme', 90);
      expect(history.incidents.map((i) => i.id)).toEqual([created.id]);
    });

    it('rejects bad incident input without storing anything', async () => {
      await expect(status.incidents.create(admin, { title: '', message: 'x' })).rejects.toThrow();
      await expect(
        status.incidents.update(admin, 'inc_00000000000000000000000000', { message: 'x' }),
      ).rejects.toMatchObject({
        code: 'incident_not_found',
      });
      // Affected components must exist in the caller's product (`api` exists only in acme).
      await expect(
        status.incidents.create(admin, { title: 'x', message: 'y', components: ['api', 'ghost'] }),
      ).rejects.toMatchObject({ status: 400, issues: [{ path: 'components.1', code: 'unknown_component' }] });
      await expect(
        status.incidents.create(
          { ...admin, productId: 'globex' },
          { title: 'x', message: 'y', components: ['api'] },
        ),
      ).rejects.toMatchObject({ status: 400 });
      await expect(
        status.maintenance.create(admin, {
          title: 'x',
          components: ['ghost'],
          startsAt: '2026-02-01T00:00:00Z',
          endsAt: '2026-02-01T01:00:00Z',
        }),
      ).rejects.toMatchObject({ status: 400 });
      expect((await status.incidents.list('acme')).items).toEqual([]);
      expect((await status.maintenance.list('acme')).items).toEqual([]);
      expect(emitted).toEqual([]);
      expect(audited).toEqual([]);
    });

    it('moves maintenance windows through their phases, switching maintenance mode', async () => {
      const start = harness.clock.now();
      const window = await status.maintenance.create(admin, {
        title: 'Database upgrade',
        components: ['api'],
        startsAt: new Date(start + HOUR).toISOString(),
        endsAt: new Date(start + 2 * HOUR).toISOString(),
        maintenanceMode: true,
      });
      const quiet = await status.maintenance.create(admin, {
        title: 'Certificate rotation',
        startsAt: new Date(start + 3 * HOUR).toISOString(),
        endsAt: new Date(start + 4 * HOUR).toISOString(),
      });
      let current = await status.public.status('acme');
      expect(current.maintenance.upcoming.map((w) => w.id)).toEqual([window.id, quiet.id]);
      expect(current.maintenance.inProgress).toEqual([]);
      expect(await status.maintenance.advance()).toEqual({ started: [], completed: [], failed: [] });

      harness.clock.set(start + HOUR + 1);
      // Public documents follow the clock even before the transition job ran.
      current = await status.public.status('acme');
      expect(current.maintenance.inProgress.map((w) => w.id)).toEqual([window.id]);
      expect(current.components.find((c) => c.id === 'api')?.status).toBe('maintenance');
      expect(current.components.find((c) => c.id === 'web')?.status).toBe('operational');

      // The settings switch fails: the window stays scheduled and is retried.
      failCallback = true;
      expect(await status.maintenance.advance()).toEqual({ started: [], completed: [], failed: [window.id] });
      expect((await status.maintenance.list('acme')).items.find((w) => w.id === window.id)?.phase).toBe(
        'in_progress',
      );
      failCallback = false;
      expect(await status.maintenance.advance()).toEqual({ started: [window.id], completed: [], failed: [] });
      expect(await status.maintenance.advance()).toEqual({ started: [], completed: [], failed: [] });
      expect(callbacks).toEqual([{ id: window.id, phase: 'started' }]);

      harness.clock.set(start + 5 * HOUR);
      // One run completes the first and both starts and completes the second (whose whole period passed).
      expect(await status.maintenance.advance()).toEqual({
        started: [quiet.id],
        completed: [window.id, quiet.id],
        failed: [],
      });
      // Only the window that asked for maintenance mode switched it.
      expect(callbacks).toEqual([
        { id: window.id, phase: 'started' },
        { id: window.id, phase: 'completed' },
      ]);
      expect(emitted.map((e) => e.type)).toEqual([
        'maintenance.scheduled',
        'maintenance.scheduled',
        'maintenance.started',
        'maintenance.completed',
        'maintenance.started',
        'maintenance.completed',
      ]);
      const stored = await status.maintenance.get('acme', window.id);
      expect(stored).toMatchObject({
        phase: 'completed',
        startedAt: new Date(start + HOUR + 1).toISOString(),
      });
      await expect(status.maintenance.update(admin, window.id, { title: 'x' })).rejects.toMatchObject({
        code: 'maintenance_closed',
      });
    });

    it('cancels a window in progress: maintenance mode off, completed event', async () => {
      const start = harness.clock.now();
      const window = await status.maintenance.create(admin, {
        title: 'Migration',
        startsAt: new Date(start + 1_000).toISOString(),
        endsAt: new Date(start + HOUR).toISOString(),
        maintenanceMode: true,
      });
      harness.clock.advance(2_000);
      await status.maintenance.advance();
      const canceled = await status.maintenance.cancel(admin, window.id);
      expect(canceled.phase).toBe('canceled');
      expect(callbacks.map((c) => c.phase)).toEqual(['started', 'completed']);
      expect(emitted.map((e) => e.type).slice(-1)).toEqual(['maintenance.completed']);
      expect(audited.map((a) => a.action)).toEqual([
        'status.maintenance_scheduled',
        'status.maintenance_canceled',
      ]);
      expect((await status.public.status('acme')).maintenance.inProgress).toEqual([]);
      await expect(status.maintenance.cancel(admin, window.id)).rejects.toMatchObject({
        code: 'maintenance_closed',
      });
      harness.clock.advance(2 * HOUR);
      expect(await status.maintenance.advance()).toEqual({ started: [], completed: [], failed: [] });
    });

    it('manages admin components, audited, and keeps operator components operator-owned', async () => {
      const created = await status.components.create(admin, {
        id: 'docs',
        name: 'Docs site',
        check: { kind: 'http', url: 'https://docs.example.com/', expectedStatus: [200, 204] },
      });
      expect(created).toMatchObject({ source: 'admin', check: { kind: 'http', timeoutMs: 5_000 } });
      await expect(status.components.create(admin, { id: 'docs', name: 'Again' })).rejects.toMatchObject({
        status: 409,
        code: 'component_exists',
      });
      await expect(
        status.components.create(admin, {
          id: 'evil',
          name: 'x',
          check: { kind: 'http', url: 'https://user:pass@example.com/' },
        }),
      ).rejects.toThrow();
      await expect(
        status.components.create(admin, {
          id: 'ftp',
          name: 'x',
          check: { kind: 'http', url: 'ftp://example.com/' },
        }),
      ).rejects.toThrow();

      // SSRF: a user-supplied check may not target private, loopback or link-local addresses, or plain http.
      for (const [url, code] of [
        ['https://db.internal.example/health', 'outbound_address_blocked'],
        ['https://127.0.0.1/', 'outbound_address_blocked'],
        ['https://169.254.169.254/latest/meta-data', 'outbound_address_blocked'],
        ['https://[::1]/', 'outbound_address_blocked'],
        ['http://docs.example.com/', 'outbound_https_required'],
      ] as const) {
        await expect(
          status.components.create(admin, { id: 'ssrf', name: 'x', check: { kind: 'http', url } }),
          url,
        ).rejects.toMatchObject({ status: 422, code });
        await expect(
          status.components.update(admin, 'docs', { check: { kind: 'http', url } }),
          url,
        ).rejects.toMatchObject({ status: 422, code });
      }
      await expect(status.components.get('acme', 'ssrf')).rejects.toMatchObject({
        code: 'component_not_found',
      });
      expect((await status.components.get('acme', 'docs')).check).toMatchObject({
        url: 'https://docs.example.com/',
      });

      const updated = await status.components.update(admin, 'api', {
        check: { kind: 'http', url: 'https://api.example.com/ping' },
      });
      // A check set through the API is admin-supplied, even on an operator component.
      expect(updated.source).toBe('admin');
      await status.components.update(admin, 'docs', { check: null, description: 'Guides' });
      expect((await status.components.get('acme', 'docs')).check).toBeUndefined();
      await status.components.remove(admin, 'docs');
      await expect(status.components.get('acme', 'docs')).rejects.toMatchObject({
        code: 'component_not_found',
      });
      expect(audited.map((a) => a.action)).toEqual([
        'status.component_created',
        'status.component_updated',
        'status.component_updated',
        'status.component_deleted',
      ]);

      // A component whose check is removed no longer shows a check state, whatever was stored.
      await status.health.setCurrentState('acme', {
        componentId: 'web',
        state: 'down',
        sinceMs: 0,
        checkedAtMs: 1,
      });
      expect((await status.public.status('acme')).components.find((c) => c.id === 'web')?.state).toBe('down');
      await status.components.update(admin, 'web', { check: null });
      const web = (await status.public.status('acme')).components.find((c) => c.id === 'web');
      expect(web).toMatchObject({ state: 'unknown', status: 'operational' });
      expect(web?.lastCheckedAt).toBeUndefined();

      // Re-registering the operator's configuration restores its trusted check.
      const [api] = await status.components.registerOperatorComponents('acme', [
        { id: 'api', name: 'API', order: 1, check: { kind: 'service', baseUrl: 'http://127.0.0.1:4003' } },
      ]);
      expect(api).toMatchObject({ source: 'operator', check: { kind: 'service' } });

      // With prune, operator components the configuration no longer lists leave; admin ones stay.
      await status.components.create(admin, { id: 'status-docs', name: 'Docs' });
      await status.components.registerOperatorComponents('acme', [{ id: 'web', name: 'Web app' }], {
        prune: true,
      });
      expect((await status.components.list('acme')).map((c) => [c.id, c.source])).toEqual([
        ['status-docs', 'admin'],
        ['web', 'operator'],
      ]);
    });
  });
}
