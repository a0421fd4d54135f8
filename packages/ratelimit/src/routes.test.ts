import { PROBLEM_CONTENT_TYPE } from '@groundwork/errors';
import { afterEach, describe, expect, it } from 'vitest';
import { bearer, createRateTestApp, type RateTestApp } from '../test/support.js';

const apps: RateTestApp[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.stop()));
});

const acmeAdmin = bearer('ann', 'acme', ['admin']);
const acmeMember = bearer('bob', 'acme', ['member']);
const globexAdmin = bearer('gus', 'globex', ['admin']);

async function setup(options: Parameters<typeof createRateTestApp>[0] = {}) {
  const app = await createRateTestApp(options);
  apps.push(app);
  return app;
}

const RULES = [
  { id: 'public', route: '/v1/probe/public', limit: 3, windowMs: 60_000 },
  { id: 'private', route: '/v1/probe/private', limit: 2, windowMs: 60_000 },
];

describe('IP rules: enforcement', () => {
  it('refuses a denied IP with 403 ip_denied before the body is parsed or the handler runs', async () => {
    const app = await setup({ rules: RULES });
    const created = await app.inject({
      method: 'POST',
      url: '/v1/ratelimit/ip-rules',
      headers: acmeAdmin,
      payload: { ip: '198.51.100.0/24', action: 'deny', reason: 'abuse' },
    });
    expect(created.statusCode).toBe(201);
    const response = await app.inject({
      method: 'POST',
      url: '/v1/probe/public',
      headers: { 'content-type': 'application/json' },
      payload: '{not json',
      remoteAddress: '198.51.100.7',
    });
    expect(response.statusCode).toBe(403);
    expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect(response.json()).toMatchObject({ code: 'ip_denied', status: 403 });
    expect(JSON.stringify(response.json())).not.toContain('abuse'); // the reason is for admins only
    expect(app.calls.count).toBe(0);
    // Another address passes; health stays reachable from the denied one.
    expect((await app.inject({ url: '/v1/probe/public', remoteAddress: '198.51.101.7' })).statusCode).toBe(
      200,
    );
    expect((await app.inject({ url: '/health', remoteAddress: '198.51.100.7' })).statusCode).toBe(200);
  });

  it('matches IPv6 CIDR rules and IPv4-mapped peers', async () => {
    const app = await setup();
    await app.inject({
      method: 'POST',
      url: '/v1/ratelimit/ip-rules',
      headers: acmeAdmin,
      payload: { ip: '2001:db8::/32', action: 'deny', reason: 'v6 abuse' },
    });
    await app.inject({
      method: 'POST',
      url: '/v1/ratelimit/ip-rules',
      headers: acmeAdmin,
      payload: { ip: '203.0.113.0/24', action: 'deny', reason: 'v4 abuse' },
    });
    expect((await app.inject({ url: '/v1/probe/public', remoteAddress: '2001:db8:1::9' })).statusCode).toBe(
      403,
    );
    expect((await app.inject({ url: '/v1/probe/public', remoteAddress: '2001:db9::9' })).statusCode).toBe(
      200,
    );
    expect(
      (await app.inject({ url: '/v1/probe/public', remoteAddress: '::ffff:203.0.113.4' })).statusCode,
    ).toBe(403);
  });

  it('stops applying a rule at its expiry (fake clock)', async () => {
    const app = await setup();
    const expiresAt = new Date(app.clock.now() + 60_000).toISOString();
    await app.inject({
      method: 'POST',
      url: '/v1/ratelimit/ip-rules',
      headers: acmeAdmin,
      payload: { ip: '198.51.100.7', action: 'deny', reason: 'cool down', expiresAt },
    });
    expect((await app.inject({ url: '/v1/probe/public' })).statusCode).toBe(403);
    app.clock.advance(59_999);
    expect((await app.inject({ url: '/v1/probe/public' })).statusCode).toBe(403);
    app.clock.advance(1);
    expect((await app.inject({ url: '/v1/probe/public' })).statusCode).toBe(200);
    const past = await app.inject({
      method: 'POST',
      url: '/v1/ratelimit/ip-rules',
      headers: acmeAdmin,
      payload: {
        ip: '198.51.100.7',
        action: 'deny',
        reason: 'x',
        expiresAt: new Date(app.clock.now() - 1).toISOString(),
      },
    });
    expect(past.statusCode).toBe(400);
  });

  it('ignores a spoofed X-Forwarded-For from an untrusted peer, believes a configured proxy', async () => {
    const app = await setup({ trustedProxies: ['10.0.0.0/8'] });
    await app.inject({
      method: 'POST',
      url: '/v1/ratelimit/ip-rules',
      headers: acmeAdmin,
      payload: { ip: '198.51.100.7', action: 'deny', reason: 'abuse' },
    });
    // The denied client claims to be someone else: the header is not believed from it.
    const spoofed = await app.inject({
      url: '/v1/probe/public',
      headers: { 'x-forwarded-for': '192.0.2.1' },
      remoteAddress: '198.51.100.7',
    });
    expect(spoofed.statusCode).toBe(403);
    // Through the trusted proxy, the forwarded client address is the one judged.
    const proxied = await app.inject({
      url: '/v1/probe/public',
      headers: { 'x-forwarded-for': '198.51.100.7' },
      remoteAddress: '10.1.2.3',
    });
    expect(proxied.statusCode).toBe(403);
    const proxiedOther = await app.inject({
      url: '/v1/probe/public',
      headers: { 'x-forwarded-for': '192.0.2.1' },
      remoteAddress: '10.1.2.3',
    });
    expect(proxiedOther.statusCode).toBe(200);
  });

  it('lets an allow rule skip limits, and a more specific allow carve a hole in a deny', async () => {
    const app = await setup({ rules: RULES });
    for (const payload of [
      { ip: '198.51.100.0/24', action: 'deny', reason: 'range' },
      { ip: '198.51.100.7', action: 'allow', reason: 'our office' },
    ])
      await app.inject({
        method: 'POST',
        url: '/v1/ratelimit/ip-rules',
        headers: acmeAdmin,
        payload,
        remoteAddress: '192.0.2.1', // the admin's own address is in the denied range
      });
    for (let i = 0; i < 6; i += 1) {
      const response = await app.inject({ url: '/v1/probe/public' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['ratelimit-limit']).toBeUndefined();
    }
    expect((await app.inject({ url: '/v1/probe/public', remoteAddress: '198.51.100.8' })).statusCode).toBe(
      403,
    );
  });
});

describe('rate limits over HTTP', () => {
  it('sets the standard headers and answers 429 rate_limited with Retry-After', async () => {
    const app = await setup({ rules: RULES });
    for (const remaining of [2, 1, 0]) {
      const response = await app.inject({ url: '/v1/probe/public' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['ratelimit-limit']).toBe('3');
      expect(response.headers['ratelimit-remaining']).toBe(String(remaining));
      expect(Number(response.headers['ratelimit-reset'])).toBeGreaterThan(0);
    }
    const refused = await app.inject({ url: '/v1/probe/public' });
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'rate_limited', limit: 3, rule: 'public' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.headers['ratelimit-remaining']).toBe('0');
    expect(app.calls.count).toBe(3);
    // Another IP has its own budget.
    expect((await app.inject({ url: '/v1/probe/public', remoteAddress: '198.51.100.8' })).statusCode).toBe(
      200,
    );
    app.clock.advance(Number(refused.headers['retry-after']) * 1000);
    expect((await app.inject({ url: '/v1/probe/public' })).statusCode).toBe(200);
  });

  it('counts a protected route per principal, and per product', async () => {
    const app = await setup({ rules: RULES });
    const status = async (headers: Record<string, string>) =>
      (await app.inject({ url: '/v1/probe/private', headers })).statusCode;
    expect(await status(acmeMember)).toBe(200);
    expect(await status(acmeMember)).toBe(200);
    expect(await status(acmeMember)).toBe(429);
    expect(await status(bearer('cat', 'acme', ['member']))).toBe(200); // same IP, other user
    expect(await status(bearer('bob', 'globex', ['member']))).toBe(200); // same user id, other product
  });

  it('applies per-user overrides: exempt and multiplier, audited, cached until changed', async () => {
    const app = await setup({ rules: RULES });
    const put = await app.inject({
      method: 'PUT',
      url: '/v1/ratelimit/overrides/bob',
      headers: acmeAdmin,
      payload: { multiplier: 2, reason: 'partner' },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ userId: 'bob', multiplier: 2, exempt: false, createdBy: 'ann' });
    let allowed = 0;
    for (let i = 0; i < 10; i += 1)
      if ((await app.inject({ url: '/v1/probe/private', headers: acmeMember })).statusCode === 200)
        allowed += 1;
    expect(allowed).toBe(4);
    await app.inject({
      method: 'PUT',
      url: '/v1/ratelimit/overrides/bob',
      headers: acmeAdmin,
      payload: { exempt: true, reason: 'vip' },
    });
    const response = await app.inject({ url: '/v1/probe/private', headers: acmeMember });
    expect(response.statusCode).toBe(200);
    expect(response.headers['ratelimit-limit']).toBeUndefined();
    const list = await app.inject({ url: '/v1/ratelimit/overrides', headers: acmeAdmin });
    expect(list.json().items).toHaveLength(1);
    expect(
      (await app.inject({ url: '/v1/ratelimit/overrides', headers: globexAdmin })).json().items,
    ).toHaveLength(0);
    expect(
      (await app.inject({ method: 'DELETE', url: '/v1/ratelimit/overrides/bob', headers: globexAdmin }))
        .statusCode,
    ).toBe(404);
    expect(
      (await app.inject({ method: 'DELETE', url: '/v1/ratelimit/overrides/bob', headers: acmeAdmin }))
        .statusCode,
    ).toBe(204);
    expect((await app.inject({ url: '/v1/probe/private', headers: acmeMember })).statusCode).toBe(429);
    expect(app.audits.map((entry) => entry.action)).toEqual([
      'ratelimit.override.set',
      'ratelimit.override.set',
      'ratelimit.override.removed',
    ]);
    expect(app.audits[1]?.summary?.before).toMatchObject({ multiplier: 2 });
  });

  it('reports stats and blocked keys for the admin’s product only', async () => {
    const app = await setup({ rules: RULES });
    for (let i = 0; i < 5; i += 1) await app.inject({ url: '/v1/probe/public' });
    for (let i = 0; i < 4; i += 1) await app.inject({ url: '/v1/probe/private', headers: acmeMember });
    const stats = await app.inject({ url: '/v1/ratelimit/stats', headers: acmeAdmin });
    expect(stats.statusCode).toBe(200);
    expect(stats.json()).toMatchObject({ scope: 'instance', limitedLastHour: 4, limitedLastDay: 4 });
    expect(stats.json().topLimitedKeys[0]).toMatchObject({ limited: 2 });
    expect(
      stats
        .json()
        .topLimitedKeys.map((entry: { key: string }) => entry.key)
        .sort(),
    ).toEqual(['ip:198.51.100.7', 'user:bob']);
    const blocked = await app.inject({ url: '/v1/ratelimit/blocked', headers: acmeAdmin });
    expect(blocked.json().items).toHaveLength(2);
    const other = await app.inject({ url: '/v1/ratelimit/stats', headers: globexAdmin });
    expect(other.json()).toMatchObject({ limitedLastDay: 0, topLimitedKeys: [] });
    app.clock.advance(2 * 3_600_000);
    const later = await app.inject({ url: '/v1/ratelimit/stats', headers: acmeAdmin });
    expect(later.json()).toMatchObject({ limitedLastHour: 0, limitedLastDay: 4 });
    expect(
      (await app.inject({ url: '/v1/ratelimit/blocked', headers: acmeAdmin })).json().items,
    ).toHaveLength(0);
    app.clock.advance(23 * 3_600_000);
    expect((await app.inject({ url: '/v1/ratelimit/stats', headers: acmeAdmin })).json()).toMatchObject({
      limitedLastDay: 0,
      topLimitedKeys: [],
    });
  });
});

describe('admin API: access, validation, isolation', () => {
  const ROUTES: ['GET' | 'POST' | 'PUT' | 'DELETE', string][] = [
    ['GET', '/v1/ratelimit/stats'],
    ['GET', '/v1/ratelimit/blocked'],
    ['GET', '/v1/ratelimit/ip-rules'],
    ['POST', '/v1/ratelimit/ip-rules'],
    ['DELETE', '/v1/ratelimit/ip-rules/iprule_x'],
    ['GET', '/v1/ratelimit/overrides'],
    ['PUT', '/v1/ratelimit/overrides/bob'],
    ['DELETE', '/v1/ratelimit/overrides/bob'],
  ];

  it('answers 401 without a principal and 403 without the admin role', async () => {
    const app = await setup();
    for (const [method, url] of ROUTES) {
      const payload = method === 'POST' || method === 'PUT' ? {} : undefined;
      const anonymous = await app.inject({ method, url, payload });
      expect(anonymous.statusCode, url).toBe(401);
      const member = await app.inject({ method, url, headers: acmeMember, payload });
      expect(member.statusCode, url).toBe(403);
      expect(member.json()).toMatchObject({ code: 'forbidden' });
    }
    expect(app.audits).toHaveLength(0);
  });

  it('validates rules field by field and stores nothing on bad input', async () => {
    const app = await setup();
    for (const payload of [
      { ip: 'not-an-ip', action: 'deny', reason: 'x' },
      { ip: '10.0.0.0/33', action: 'deny', reason: 'x' },
      { ip: '10.0.0.1', action: 'block', reason: 'x' },
      { ip: '10.0.0.1', action: 'deny', reason: '' },
      { ip: '10.0.0.1', action: 'deny', reason: 'x', productId: 'globex' },
    ]) {
      const response = await app.inject({
        method: 'POST',
        url: '/v1/ratelimit/ip-rules',
        headers: acmeAdmin,
        payload,
      });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json()).toMatchObject({ code: 'validation_failed' });
    }
    expect(
      (await app.inject({ url: '/v1/ratelimit/ip-rules', headers: acmeAdmin })).json().items,
    ).toHaveLength(0);
  });

  it('keeps products apart: rules, listing and deletion', async () => {
    const app = await setup();
    const created = await app.inject({
      method: 'POST',
      url: '/v1/ratelimit/ip-rules',
      headers: acmeAdmin,
      payload: { ip: '198.51.100.7', action: 'deny', reason: 'abuse' },
    });
    const rule = created.json();
    expect(rule).toMatchObject({ productId: 'acme', ip: '198.51.100.7/32', createdBy: 'ann' });
    expect(rule.id).toMatch(/^iprule_/);
    // Acme's deny does not apply to globex's principals.
    expect(
      (await app.inject({ url: '/v1/probe/private', headers: bearer('x', 'globex', []) })).statusCode,
    ).toBe(200);
    expect((await app.inject({ url: '/v1/probe/private', headers: acmeMember })).statusCode).toBe(403);
    expect(
      (await app.inject({ url: '/v1/ratelimit/ip-rules', headers: globexAdmin })).json().items,
    ).toHaveLength(0);
    const foreign = await app.inject({
      method: 'DELETE',
      url: `/v1/ratelimit/ip-rules/${rule.id}`,
      headers: globexAdmin,
    });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toMatchObject({ code: 'ip_rule_not_found' });
    const list = await app.inject({
      url: '/v1/ratelimit/ip-rules',
      headers: acmeAdmin,
      remoteAddress: '192.0.2.1',
    });
    expect(list.json().items).toEqual([rule]);
    const removed = await app.inject({
      method: 'DELETE',
      url: `/v1/ratelimit/ip-rules/${rule.id}`,
      headers: acmeAdmin,
      remoteAddress: '192.0.2.1',
    });
    expect(removed.statusCode).toBe(204);
    expect((await app.inject({ url: '/v1/probe/public' })).statusCode).toBe(200);
    expect(app.audits.map((entry) => [entry.action, entry.productId, entry.target?.id])).toEqual([
      ['ratelimit.ip_rule.created', 'acme', rule.id],
      ['ratelimit.ip_rule.deleted', 'acme', rule.id],
    ]);
  });
});

describe('store outage', () => {
  it('keeps enforcing the last IP rules read and fails open on limits when the store fails', async () => {
    const { createMemoryStore } = await import('@groundwork/store/memory');
    const { createFakeClock, interceptStore } = await import('@groundwork/testing');
    const clock = createFakeClock();
    let failing = false;
    const store = interceptStore(createMemoryStore({ clock }), (call) => {
      if (failing && call.container !== 'ratelimit_counters') throw new Error('store down');
      return call.proceed();
    });
    const app = await setup({
      clock,
      store,
      rules: [
        { id: 'public', route: '/v1/probe/public', limit: 1, windowMs: 60_000 },
        { id: 'private', route: '/v1/probe/private', limit: 5, windowMs: 60_000 },
      ],
      cacheTtlMs: 1_000,
    });
    await app.inject({
      method: 'POST',
      url: '/v1/ratelimit/ip-rules',
      headers: acmeAdmin,
      payload: { ip: '203.0.113.0/24', action: 'deny', reason: 'abuse' },
      remoteAddress: '192.0.2.1',
    });
    expect((await app.inject({ url: '/v1/probe/public', remoteAddress: '203.0.113.5' })).statusCode).toBe(
      403,
    );
    failing = true;
    app.clock.advance(5_000); // the cached rules are stale and cannot be refreshed
    expect((await app.inject({ url: '/v1/probe/public', remoteAddress: '203.0.113.5' })).statusCode).toBe(
      403,
    );
    // Overrides cannot be read for a signed-in user: the request is let through, not failed.
    const through = await app.inject({ url: '/v1/probe/private', headers: acmeMember });
    expect(through.statusCode).toBe(200);
    expect(through.headers['ratelimit-limit']).toBeUndefined();
    failing = false;
    expect(
      (await app.inject({ url: '/v1/probe/private', headers: acmeMember })).headers['ratelimit-limit'],
    ).toBe('5');
  });
});
