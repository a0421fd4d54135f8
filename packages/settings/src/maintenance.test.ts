import { PROBLEM_CONTENT_TYPE } from '@groundwork/errors';
import { afterEach, describe, expect, it } from 'vitest';
import {
  acmeAdmin,
  acmeMember,
  bearer,
  createSettingsTestApp,
  globexAdmin,
  type SettingsTestApp,
} from '../test/support.js';
import type { MaintenanceMode } from './schemas.js';

const apps: SettingsTestApp[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.stop()));
});

async function setup(options: Parameters<typeof createSettingsTestApp>[0] = {}) {
  const app = await createSettingsTestApp(options);
  apps.push(app);
  return app;
}

const ADMIN_IP = '192.0.2.10';

async function setMode(app: SettingsTestApp, body: Record<string, unknown>, headers = acmeAdmin) {
  const response = await app.inject({
    method: 'PUT',
    url: '/v1/settings/maintenance',
    headers,
    payload: body,
    remoteAddress: ADMIN_IP,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** The status of each probe: public read, public write, member read, member write. */
async function probe(app: SettingsTestApp, remoteAddress = '198.51.100.7', headers = acmeMember) {
  const write = { 'content-type': 'application/json' };
  return [
    (await app.inject({ url: '/v1/probe/public', remoteAddress })).statusCode,
    (
      await app.inject({
        method: 'POST',
        url: '/v1/probe/public',
        payload: { n: 1 },
        headers: write,
        remoteAddress,
      })
    ).statusCode,
    (await app.inject({ url: '/v1/probe/private', headers, remoteAddress })).statusCode,
    (
      await app.inject({
        method: 'POST',
        url: '/v1/probe/private',
        payload: { n: 1 },
        headers: { ...headers, ...write },
        remoteAddress,
      })
    ).statusCode,
  ];
}

const EXPECTED: Record<MaintenanceMode, number[]> = {
  off: [200, 200, 200, 200],
  read_only: [200, 503, 200, 503],
  maintenance: [503, 503, 503, 503],
  emergency: [503, 503, 503, 503],
};

describe('maintenance modes', () => {
  for (const mode of ['off', 'read_only', 'maintenance', 'emergency'] as const) {
    it(`${mode}: refuses what it must, lets bypass roles and IPs through`, async () => {
      const app = await setup();
      await setMode(app, {
        mode,
        message: 'Back soon',
        bypassIPs: ['203.0.113.0/24', '2001:db8::/32', '192.0.2.99'],
      });
      expect(await probe(app)).toEqual(EXPECTED[mode]);
      // Role bypass: admins keep working on protected routes.
      const admin = await probe(app, '198.51.100.7', acmeAdmin);
      expect(admin.slice(2)).toEqual([200, 200]);
      // IP bypass: one address, an IPv4 CIDR, an IPv6 CIDR.
      for (const ip of ['192.0.2.99', '203.0.113.42', '2001:db8::7', '::ffff:203.0.113.1'])
        expect(await probe(app, ip), ip).toEqual([200, 200, 200, 200]);
      // Just outside the ranges: refused like anyone.
      expect(await probe(app, '203.0.114.1')).toEqual(EXPECTED[mode]);
      expect(await probe(app, '2001:db9::7')).toEqual(EXPECTED[mode]);
    });
  }

  it('answers 503 problem+json with the stable code, the user message and Retry-After', async () => {
    const app = await setup();
    await setMode(app, { mode: 'read_only', message: 'Database upgrade' });
    const write = await app.inject({ method: 'POST', url: '/v1/probe/public', payload: { n: 1 } });
    expect(write.statusCode).toBe(503);
    expect(write.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect(write.json()).toMatchObject({ code: 'read_only', detail: 'Database upgrade', mode: 'read_only' });
    expect(write.headers['retry-after']).toBe('300');
    const end = new Date(app.clock.now() + 90_000).toISOString();
    await setMode(app, { mode: 'maintenance', scheduledEnd: end });
    const read = await app.inject({ url: '/v1/probe/public' });
    expect(read.json()).toMatchObject({ code: 'maintenance', scheduledEnd: end });
    expect(read.headers['retry-after']).toBe('90');
    expect(JSON.stringify(read.json())).not.toMatch(/stack|bypass/i);
  });

  it('answers before the body is parsed or the handler runs', async () => {
    const app = await setup();
    await setMode(app, { mode: 'maintenance' });
    const response = await app.inject({
      method: 'POST',
      url: '/v1/probe/public',
      headers: { 'content-type': 'application/json' },
      payload: '{broken',
    });
    expect(response.statusCode).toBe(503);
    expect(app.calls.count).toBe(0);
  });

  it('keeps health, readiness, status and the maintenance reads reachable', async () => {
    const app = await setup();
    await setMode(app, { mode: 'maintenance', message: 'Down' });
    for (const url of [
      '/health',
      '/ready',
      '/v1/settings/maintenance',
      '/v1/settings/maintenance/schedule',
      '/v1/settings/kill-switch',
      '/documentation/json',
    ]) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(200);
    }
    // Unknown status routes are not blocked by maintenance (404, not 503).
    expect((await app.inject({ url: '/v1/status/components' })).statusCode).toBe(404);
  });

  it('marks bypassed requests with X-Maintenance-Mode', async () => {
    const app = await setup();
    await setMode(app, { mode: 'maintenance', adminMessage: 'Migration running' });
    const response = await app.inject({ url: '/v1/probe/private', headers: acmeAdmin });
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-maintenance-mode']).toBe('maintenance');
  });

  it('honours bypassRoles as configured and affectedServices', async () => {
    const app = await setup({ serviceName: 'api' });
    await setMode(app, { mode: 'maintenance', bypassRoles: ['ops'] });
    expect((await app.inject({ url: '/v1/probe/private', headers: acmeAdmin })).statusCode).toBe(503);
    expect(
      (await app.inject({ url: '/v1/probe/private', headers: bearer('o', 'acme', ['ops']) })).statusCode,
    ).toBe(200);
    // The admin can still turn it off: the maintenance routes are exempt.
    await setMode(app, { affectedServices: ['dictation'] });
    expect(await probe(app)).toEqual([200, 200, 200, 200]);
    await setMode(app, { affectedServices: ['dictation', 'api'] });
    expect(await probe(app)).toEqual(EXPECTED.maintenance);
  });

  it('applies each product’s mode to its own principals only', async () => {
    const app = await setup();
    await setMode(app, { mode: 'maintenance' }, globexAdmin);
    expect(await probe(app)).toEqual(EXPECTED.off);
    expect(await probe(app, '198.51.100.7', bearer('x', 'globex', ['member']))).toEqual([200, 200, 503, 503]);
    const acme = await app.inject({ url: '/v1/settings/maintenance' });
    expect(acme.json()).toMatchObject({ productId: 'acme', mode: 'off' });
    const globex = await app.inject({ url: '/v1/settings/maintenance?productId=globex' });
    expect(globex.json()).toMatchObject({ productId: 'globex', mode: 'maintenance' });
  });
});

describe('maintenance API', () => {
  it('reads publicly with a short cache lifetime and without admin fields', async () => {
    const app = await setup({ publicMaxAgeSeconds: 15 });
    await setMode(app, {
      mode: 'read_only',
      message: 'Hi',
      adminMessage: 'secret ops note',
      bypassIPs: ['10.0.0.0/8'],
    });
    const response = await app.inject({ url: '/v1/settings/maintenance' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=15');
    expect(response.json()).toMatchObject({ mode: 'read_only', message: 'Hi', affectedServices: ['*'] });
    expect(response.body).not.toContain('secret ops note');
    expect(response.body).not.toContain('10.0.0.0');
    const admin = await app.inject({ url: '/v1/settings/maintenance/config', headers: acmeAdmin });
    expect(admin.json()).toMatchObject({
      adminMessage: 'secret ops note',
      bypassIPs: ['10.0.0.0/8'],
      source: 'stored',
      effectiveMode: 'read_only',
    });
  });

  it('merges a PUT into the stored config and audits it', async () => {
    const app = await setup();
    await setMode(app, { mode: 'maintenance', message: 'A', bypassIPs: ['10.1.2.3/8'] });
    const after = await setMode(app, { message: 'B', adminMessage: null });
    expect(after).toMatchObject({
      mode: 'maintenance',
      message: 'B',
      bypassIPs: ['10.0.0.0/8'],
      updatedBy: 'admin:ann',
    });
    expect(app.audits.map((entry) => entry.action)).toEqual([
      'settings.maintenance.updated',
      'settings.maintenance.updated',
    ]);
    expect(app.audits[1]).toMatchObject({
      productId: 'acme',
      actor: { type: 'admin', id: 'ann' },
      ip: ADMIN_IP,
      summary: { before: { message: 'A' }, after: { message: 'B' } },
    });
  });

  it('refuses bad input field by field and keeps the stored config', async () => {
    const app = await setup();
    await setMode(app, { mode: 'read_only', message: 'keep me' });
    for (const payload of [
      { mode: 'panic' },
      { bypassIPs: ['not-an-ip'] },
      { bypassIPs: ['10.0.0.0/40'] },
      { affectedServices: [] },
      { scheduledEnd: 'tomorrow' },
      { productId: 'globex' },
    ]) {
      const response = await app.inject({
        method: 'PUT',
        url: '/v1/settings/maintenance',
        headers: acmeAdmin,
        payload,
        remoteAddress: ADMIN_IP,
      });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json()).toMatchObject({ code: 'validation_failed' });
    }
    expect((await app.inject({ url: '/v1/settings/maintenance' })).json()).toMatchObject({
      mode: 'read_only',
      message: 'keep me',
    });
  });

  it('requires the admin role to change anything', async () => {
    const app = await setup();
    const routes: [Method, string, unknown][] = [
      ['PUT', '/v1/settings/maintenance', { mode: 'off' }],
      ['GET', '/v1/settings/maintenance/config', undefined],
      ['POST', '/v1/settings/maintenance/schedule', {}],
      ['DELETE', '/v1/settings/maintenance/schedule/mw_x', undefined],
      ['PUT', '/v1/settings/kill-switch', { enabled: true }],
    ];
    for (const [method, url, payload] of routes) {
      expect((await app.inject({ method, url, payload })).statusCode, url).toBe(401);
      const member = await app.inject({ method, url, payload, headers: acmeMember });
      expect(member.statusCode, url).toBe(403);
    }
    expect(app.audits).toHaveLength(0);
  });
});

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

describe('MAINTENANCE_MODE and MAINTENANCE_BYPASS_IPS', () => {
  it('the env mode overrides the stored mode, both ways', async () => {
    const app = await setup({ maintenanceMode: 'maintenance' });
    expect(await probe(app)).toEqual(EXPECTED.maintenance);
    const config = await app.inject({ url: '/v1/settings/maintenance/config', headers: acmeAdmin });
    expect(config.json()).toMatchObject({ mode: 'off', effectiveMode: 'maintenance', source: 'env' });
    const forcedOff = await setup({ maintenanceMode: 'off' });
    await setMode(forcedOff, { mode: 'maintenance' });
    expect(await probe(forcedOff)).toEqual(EXPECTED.off);
    expect((await forcedOff.inject({ url: '/v1/settings/maintenance' })).json()).toMatchObject({
      mode: 'off',
    });
  });

  it('env bypass IPs add to the stored ones', async () => {
    const app = await setup({ bypassIps: ['10.0.0.0/8', '2001:db8::1'] });
    await setMode(app, { mode: 'maintenance', bypassIPs: ['192.0.2.99'] });
    expect(await probe(app, '10.9.9.9')).toEqual(EXPECTED.off);
    expect(await probe(app, '2001:db8::1')).toEqual(EXPECTED.off);
    expect(await probe(app, '192.0.2.99')).toEqual(EXPECTED.off);
    expect(await probe(app, '11.0.0.1')).toEqual(EXPECTED.maintenance);
  });

  it('takes the client address from the given resolver (trusted proxies)', async () => {
    const app = await setup({
      bypassIps: ['10.0.0.0/8'],
      clientIp: (request) => (request.ip === '127.0.0.2' ? '10.0.0.1' : request.ip),
    });
    await setMode(app, { mode: 'maintenance' });
    expect(await probe(app, '127.0.0.2')).toEqual(EXPECTED.off);
    expect(await probe(app, '127.0.0.3')).toEqual(EXPECTED.maintenance);
  });
});

describe('kill switch', () => {
  it('is public and cacheable, toggled by an admin of the product, audited', async () => {
    const app = await setup({ publicMaxAgeSeconds: 20 });
    const initial = await app.inject({ url: '/v1/settings/kill-switch' });
    expect(initial.statusCode).toBe(200);
    expect(initial.headers['cache-control']).toBe('public, max-age=20');
    expect(initial.json()).toEqual({ productId: 'acme', enabled: false, reason: null, message: '' });
    const toggled = await app.inject({
      method: 'PUT',
      url: '/v1/settings/kill-switch',
      headers: acmeAdmin,
      payload: { enabled: true, message: 'Update required' },
    });
    expect(toggled.json()).toMatchObject({
      enabled: true,
      reason: 'kill_switch',
      message: 'Update required',
    });
    expect((await app.inject({ url: '/v1/settings/kill-switch' })).json()).toMatchObject({ enabled: true });
    expect((await app.inject({ url: '/v1/settings/kill-switch?productId=globex' })).json()).toMatchObject({
      productId: 'globex',
      enabled: false,
    });
    await app.inject({
      method: 'PUT',
      url: '/v1/settings/kill-switch',
      headers: globexAdmin,
      payload: { enabled: true },
    });
    expect((await app.inject({ url: '/v1/settings/kill-switch?productId=globex' })).json()).toMatchObject({
      enabled: true,
    });
    expect(app.audits.map((entry) => [entry.action, entry.productId, entry.summary?.after])).toEqual([
      ['settings.kill_switch.toggled', 'acme', { enabled: true, message: 'Update required' }],
      ['settings.kill_switch.toggled', 'globex', { enabled: true, message: '' }],
    ]);
    expect((await app.inject({ url: '/v1/settings/kill-switch?productId=../x' })).statusCode).toBe(400);
  });

  it('is on in emergency mode', async () => {
    const app = await setup();
    await setMode(app, { mode: 'emergency', message: 'Incident' });
    expect((await app.inject({ url: '/v1/settings/kill-switch' })).json()).toEqual({
      productId: 'acme',
      enabled: true,
      reason: 'emergency',
      message: 'Incident',
    });
    await setMode(app, { mode: 'maintenance' });
    expect((await app.inject({ url: '/v1/settings/kill-switch' })).json()).toMatchObject({ enabled: false });
  });
});

describe('store outage', () => {
  it('keeps serving the last known state (else off) instead of failing requests', async () => {
    const { createMemoryStore } = await import('@groundwork/store/memory');
    const { createFakeClock, interceptStore } = await import('@groundwork/testing');
    const clock = createFakeClock();
    let failing = false;
    const store = interceptStore(createMemoryStore({ clock }), (call) => {
      if (failing && call.container === 'settings') throw new Error('store down');
      return call.proceed();
    });
    const app = await setup({ clock, store, cacheTtlMs: 1_000 });
    await setMode(app, { mode: 'maintenance', message: 'Down' });
    expect(await probe(app)).toEqual(EXPECTED.maintenance);
    failing = true;
    app.clock.advance(5_000);
    expect(await probe(app)).toEqual(EXPECTED.maintenance); // last known state
    expect(
      (await app.inject({ url: '/v1/probe/public', headers: {}, remoteAddress: '198.51.100.7' })).json(),
    ).toMatchObject({
      code: 'maintenance',
    });
    // A product never read before: off, not a 500.
    expect(await probe(app, '198.51.100.7', bearer('x', 'initech', ['member']))).toEqual([
      503, 503, 200, 200,
    ]);
    failing = false;
    await setMode(app, { mode: 'off' });
    expect(await probe(app)).toEqual(EXPECTED.off);
  });
});
