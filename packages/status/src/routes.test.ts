import { PROBLEM_CONTENT_TYPE } from '@groundwork/errors';
import { bearer, createTestService, type TestService } from '@groundwork/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeDns } from '../test/status-suite.js';
import { createStatusModule, type StatusModule } from './module.js';
import type { StatusAuditRecord } from './ports.js';
import type { Incident, MaintenanceWindow, PublicHistory, PublicStatus } from './schemas.js';

const running: TestService[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map(({ service }) => service.stop()));
});

const acmeAdmin = bearer('ann', 'acme', ['admin']);
const acmeMember = bearer('bob', 'acme', ['member']);
const globexAdmin = bearer('gus', 'globex', ['admin']);

async function setup(): Promise<
  TestService & { status: StatusModule['status']; audited: StatusAuditRecord[] }
> {
  const audited: StatusAuditRecord[] = [];
  const status = createStatusModule({
    productId: 'acme',
    pageUrl: 'https://status.acme.test/',
    resolver: fakeDns,
    audit: async (record) => {
      audited.push(record);
    },
  });
  const test = await createTestService({ modules: [status.module] });
  running.push(test);
  await status.status.components.registerOperatorComponents('acme', [
    { id: 'api', name: 'API', order: 1, check: { kind: 'service', baseUrl: 'http://127.0.0.1:4003' } },
  ]);
  return { ...test, status: status.status, audited };
}

const ADMIN_ROUTES: [string, string, Record<string, unknown>?][] = [
  ['GET', '/v1/status/components'],
  ['POST', '/v1/status/components', { id: 'x', name: 'X' }],
  ['PATCH', '/v1/status/components/api', { name: 'Y' }],
  ['DELETE', '/v1/status/components/api'],
  ['GET', '/v1/status/components/api/samples'],
  ['GET', '/v1/status/incidents'],
  ['POST', '/v1/status/incidents', { title: 't', message: 'm' }],
  ['GET', '/v1/status/incidents/inc_00000000000000000000000000'],
  ['PATCH', '/v1/status/incidents/inc_00000000000000000000000000', { message: 'm' }],
  ['DELETE', '/v1/status/incidents/inc_00000000000000000000000000'],
  ['GET', '/v1/status/maintenance'],
  [
    'POST',
    '/v1/status/maintenance',
    { title: 't', startsAt: '2026-01-02T00:00:00Z', endsAt: '2026-01-02T01:00:00Z' },
  ],
  ['GET', '/v1/status/maintenance/mnt_00000000000000000000000000'],
  ['PATCH', '/v1/status/maintenance/mnt_00000000000000000000000000', { title: 'x' }],
  ['POST', '/v1/status/maintenance/mnt_00000000000000000000000000/cancel'],
];

describe('status admin API: access', () => {
  it('answers 401 without a token and 403 without the admin role, changing nothing', async () => {
    const { service, status, audited } = await setup();
    for (const [method, url, payload] of ADMIN_ROUTES) {
      for (const [headers, expected] of [
        [{}, 401],
        [acmeMember, 403],
        [{ authorization: 'Bearer tampered' }, 401],
      ] as const) {
        const response = await service.app.inject({
          method: method as 'GET',
          url,
          headers,
          ...(payload ? { payload } : {}),
        });
        expect(response.statusCode, `${method} ${url}`).toBe(expected);
        expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
      }
    }
    expect(await status.components.list('acme')).toHaveLength(1);
    expect(audited).toEqual([]);
  });

  it('confines an admin to their own product', async () => {
    const { service, status } = await setup();
    const created = await service.app.inject({
      method: 'POST',
      url: '/v1/status/incidents',
      headers: acmeAdmin,
      payload: { title: 'Slow API', impact: 'minor', components: ['api'], message: 'Looking into it.' },
    });
    expect(created.statusCode).toBe(201);
    const incident = created.json<Incident>();
    expect(incident.productId).toBe('acme');
    for (const [method, url, payload] of [
      ['GET', `/v1/status/incidents/${incident.id}`],
      ['PATCH', `/v1/status/incidents/${incident.id}`, { status: 'resolved', message: 'x' }],
      ['DELETE', `/v1/status/incidents/${incident.id}`],
    ] as const) {
      const response = await service.app.inject({
        method,
        url,
        headers: globexAdmin,
        ...(payload ? { payload } : {}),
      });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'incident_not_found' });
    }
    const list = await service.app.inject({
      method: 'GET',
      url: '/v1/status/incidents',
      headers: globexAdmin,
    });
    expect(list.json()).toEqual({ items: [] });
    expect((await status.incidents.get('acme', incident.id)).status).toBe('investigating');
    // The product in a body is not a field: it is refused, not obeyed.
    const smuggled = await service.app.inject({
      method: 'POST',
      url: '/v1/status/incidents',
      headers: globexAdmin,
      payload: { title: 'x', message: 'y', productId: 'acme' },
    });
    expect(smuggled.statusCode).toBe(400);
  });
});

describe('status admin API: incidents, components and maintenance', () => {
  it('opens, updates and resolves an incident, with validation errors as problem+json', async () => {
    const { service, audited } = await setup();
    const bad = await service.app.inject({
      method: 'POST',
      url: '/v1/status/incidents',
      headers: acmeAdmin,
      payload: { title: '', impact: 'apocalyptic', message: 'x' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().stack).toBeUndefined();
    expect(bad.body).toContain('title');

    const created = (
      await service.app.inject({
        method: 'POST',
        url: '/v1/status/incidents',
        headers: { ...acmeAdmin, 'user-agent': 'ops-console/1' },
        payload: { title: 'API down', impact: 'major', components: ['api'], message: 'Investigating.' },
      })
    ).json<Incident>();
    const statusChangeWithoutMessage = await service.app.inject({
      method: 'PATCH',
      url: `/v1/status/incidents/${created.id}`,
      headers: acmeAdmin,
      payload: { status: 'resolved' },
    });
    expect(statusChangeWithoutMessage.statusCode).toBe(400);
    const resolved = await service.app.inject({
      method: 'PATCH',
      url: `/v1/status/incidents/${created.id}`,
      headers: acmeAdmin,
      payload: { status: 'resolved', message: 'Fixed.' },
    });
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json<Incident>()).toMatchObject({
      status: 'resolved',
      updates: [{ message: 'Fixed.' }, {}],
    });
    const reopen = await service.app.inject({
      method: 'PATCH',
      url: `/v1/status/incidents/${created.id}`,
      headers: acmeAdmin,
      payload: { status: 'monitoring', message: 'Back?' },
    });
    expect(reopen.statusCode).toBe(409);
    expect(reopen.json()).toMatchObject({ code: 'incident_resolved' });
    expect(audited.map((a) => a.action)).toEqual(['status.incident_created', 'status.incident_resolved']);
    expect(audited[0]).toMatchObject({ actor: { type: 'admin', id: 'ann' }, userAgent: 'ops-console/1' });
  });

  it('lists a component’s recent raw samples, oldest first', async () => {
    const { service, status, clock } = await setup();
    const now = clock.now();
    await status.health.recordSamples('acme', [
      { componentId: 'api', at: now - 7_200_000, state: 'up', latencyMs: 5 },
      { componentId: 'api', at: now - 60_000, state: 'down', latencyMs: 0, error: 'timeout' },
      { componentId: 'api', at: now - 30_000, state: 'up', latencyMs: 9, httpStatus: 200 },
    ]);
    const recent = await service.app.inject({
      method: 'GET',
      url: '/v1/status/components/api/samples',
      headers: acmeAdmin,
    });
    expect(recent.json().items.map((s: { state: string }) => s.state)).toEqual(['down', 'up']);
    const since = new Date(now - 3 * 3_600_000).toISOString();
    const all = await service.app.inject({
      method: 'GET',
      url: `/v1/status/components/api/samples?since=${encodeURIComponent(since)}&limit=2`,
      headers: acmeAdmin,
    });
    expect(all.json().items).toHaveLength(2);
    const missing = await service.app.inject({
      method: 'GET',
      url: '/v1/status/components/nope/samples',
      headers: acmeAdmin,
    });
    expect(missing.statusCode).toBe(404);
    const foreign = await service.app.inject({
      method: 'GET',
      url: '/v1/status/components/api/samples',
      headers: globexAdmin,
    });
    expect(foreign.json()).toMatchObject({ code: 'component_not_found' });
  });

  it('pages incidents newest first', async () => {
    const { service, clock } = await setup();
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const response = await service.app.inject({
        method: 'POST',
        url: '/v1/status/incidents',
        headers: acmeAdmin,
        payload: { title: `Incident ${i}`, message: 'm' },
      });
      ids.push(response.json<Incident>().id);
      clock.advance(1_000);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page += 1) {
      const response = await service.app.inject({
        method: 'GET',
        url: `/v1/status/incidents?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        headers: acmeAdmin,
      });
      const body = response.json<{ items: Incident[]; nextCursor?: string }>();
      seen.push(...body.items.map((i) => i.id));
      cursor = body.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toEqual([...ids].reverse());
  });

  it('creates components with HTTP checks and schedules maintenance', async () => {
    const { service } = await setup();
    const component = await service.app.inject({
      method: 'POST',
      url: '/v1/status/components',
      headers: acmeAdmin,
      payload: { id: 'docs', name: 'Docs', check: { kind: 'http', url: 'https://docs.example.com/health' } },
    });
    expect(component.statusCode).toBe(201);
    expect(component.json()).toMatchObject({ source: 'admin', check: { expectedStatus: [200] } });
    const privateTarget = await service.app.inject({
      method: 'POST',
      url: '/v1/status/components',
      headers: acmeAdmin,
      payload: { id: 'db', name: 'DB', check: { kind: 'http', url: 'https://10.0.0.8/health' } },
    });
    expect(privateTarget.statusCode).toBe(422);
    expect(privateTarget.json()).toMatchObject({ code: 'outbound_address_blocked' });
    // The operator's check kind is not available through the API.
    const service_ = await service.app.inject({
      method: 'POST',
      url: '/v1/status/components',
      headers: acmeAdmin,
      payload: { id: 'svc', name: 'Svc', check: { kind: 'service', baseUrl: 'http://10.0.0.1' } },
    });
    expect(service_.statusCode).toBe(400);

    const window = await service.app.inject({
      method: 'POST',
      url: '/v1/status/maintenance',
      headers: acmeAdmin,
      payload: { title: 'Upgrade', startsAt: '2026-01-01T02:00:00Z', endsAt: '2026-01-01T01:00:00Z' },
    });
    expect(window.statusCode).toBe(400);
    const ok = await service.app.inject({
      method: 'POST',
      url: '/v1/status/maintenance',
      headers: acmeAdmin,
      payload: {
        title: 'Upgrade',
        startsAt: '2026-01-01T02:00:00Z',
        endsAt: '2026-01-01T03:00:00Z',
        maintenanceMode: true,
      },
    });
    expect(ok.statusCode).toBe(201);
    const created = ok.json<MaintenanceWindow>();
    expect(created).toMatchObject({ phase: 'scheduled', maintenanceMode: true });
    const canceled = await service.app.inject({
      method: 'POST',
      url: `/v1/status/maintenance/${created.id}/cancel`,
      headers: acmeAdmin,
    });
    expect(canceled.json()).toMatchObject({ phase: 'canceled' });
  });
});

describe('status public API', () => {
  it('serves the status and history without auth, cacheable with an ETag', async () => {
    const { service, status, clock } = await setup();
    await status.health.setCurrentState('acme', {
      componentId: 'api',
      state: 'up',
      sinceMs: clock.now(),
      checkedAtMs: clock.now(),
      latencyMs: 12,
    });
    const first = await service.app.inject({ method: 'GET', url: '/v1/public/status' });
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toContain('public, max-age=15');
    const body = first.json<PublicStatus>();
    expect(body).toMatchObject({
      productId: 'acme',
      status: 'operational',
      components: [{ id: 'api', latencyMs: 12 }],
    });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"/);

    clock.advance(1_000); // generatedAt changes; the content does not
    const again = await service.app.inject({
      method: 'GET',
      url: '/v1/public/status',
      headers: { 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');

    await status.incidents.create(
      { productId: 'acme', actor: { type: 'user', id: 'ann' } },
      { title: 'Slow', impact: 'minor', message: 'Slow responses.' },
    );
    const changed = await service.app.inject({
      method: 'GET',
      url: '/v1/public/status',
      headers: { 'if-none-match': etag },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json<PublicStatus>().status).toBe('degraded');

    const other = await service.app.inject({ method: 'GET', url: '/v1/public/status?product=globex' });
    expect(other.json<PublicStatus>()).toMatchObject({
      productId: 'globex',
      components: [],
      activeIncidents: [],
    });
    const bad = await service.app.inject({ method: 'GET', url: '/v1/public/status?product=a%2Fb' });
    expect(bad.statusCode).toBe(400);

    const history = await service.app.inject({ method: 'GET', url: '/v1/public/status/history?days=7' });
    expect(history.statusCode).toBe(200);
    const doc = history.json<PublicHistory>();
    expect(doc.components[0]?.days).toHaveLength(7);
    expect(doc.incidents.map((i) => i.title)).toEqual(['Slow']);
    expect(
      (await service.app.inject({ method: 'GET', url: '/v1/public/status/history?days=91' })).statusCode,
    ).toBe(400);
  });

  it('serves RSS and Atom feeds of incidents and maintenance', async () => {
    const { service, status, clock } = await setup();
    const ctx = { productId: 'acme', actor: { type: 'user' as const, id: 'ann' } };
    const incident = await status.incidents.create(ctx, {
      title: 'Login <errors> ]]> <x> ]]> <y>',
      impact: 'major',
      message: 'Users cannot sign in & more.',
    });
    clock.advance(60_000);
    await status.incidents.update(ctx, incident.id, { status: 'resolved', message: 'Sign-in works again.' });
    await status.maintenance.create(ctx, {
      title: 'Database upgrade',
      startsAt: new Date(clock.now() + 3_600_000).toISOString(),
      endsAt: new Date(clock.now() + 7_200_000).toISOString(),
    });

    const rss = await service.app.inject({ method: 'GET', url: '/v1/public/status/feed.rss' });
    expect(rss.statusCode).toBe(200);
    expect(rss.headers['content-type']).toContain('application/rss+xml');
    expect(rss.body).toContain('<rss');
    // Text stays inside its CDATA section, however many `]]>` a title holds.
    expect(rss.body).toContain('<title><![CDATA[[Resolved] Login <errors> ]] > <x> ]] > <y>]]></title>');
    expect(rss.body.split(']]>').length - 1).toBe(rss.body.split('<![CDATA[').length - 1);
    expect(rss.body).toContain(`https://status.acme.test/#${incident.id}`);
    expect(rss.body).toContain('[Maintenance] Database upgrade');

    const atom = await service.app.inject({ method: 'GET', url: '/v1/public/status/feed.atom' });
    expect(atom.headers['content-type']).toContain('application/atom+xml');
    expect(atom.body).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(atom.body).toContain('Sign-in works again.');

    const cached = await service.app.inject({
      method: 'GET',
      url: '/v1/public/status/feed.atom',
      headers: { 'if-none-match': atom.headers.etag as string },
    });
    expect(cached.statusCode).toBe(304);

    const globex = await service.app.inject({
      method: 'GET',
      url: '/v1/public/status/feed.rss?product=globex',
    });
    expect(globex.body).not.toContain('Login');
  });

  it('lists the routes in the OpenAPI document', async () => {
    const { service } = await setup();
    const doc = (await service.app.inject({ method: 'GET', url: '/documentation/json' })).json<{
      paths: Record<string, unknown>;
    }>();
    for (const path of [
      '/v1/public/status',
      '/v1/public/status/history',
      '/v1/public/status/feed.rss',
      '/v1/public/status/feed.atom',
      '/v1/status/incidents/{id}',
      '/v1/status/maintenance/{id}/cancel',
    ])
      expect(doc.paths, path).toHaveProperty([path]);
  });
});
