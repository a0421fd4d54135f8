import { createFakeClock, createTempSqliteStore, type TempSqliteStore } from '@groundwork/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { bearer, createRateTestApp, type RateTestApp } from '../test/support.js';
import { createDocumentCounterStore, RATELIMIT_COUNTERS_CONTAINER } from './document-counter-store.js';
import { createLimiter } from './limiter.js';
import { rateLimitRuleSchema } from './schemas.js';

const apps: RateTestApp[] = [];
const stores: TempSqliteStore[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.stop()));
  await Promise.all(stores.splice(0).map((store) => store.cleanup()));
});

const RULES = [{ id: 'public', route: '/v1/probe/public', limit: 4, windowMs: 60_000 }];

/** Two instances of one service on one SQLite file, sharing a fake clock. */
async function twoInstances(options: Parameters<typeof createRateTestApp>[0]) {
  const clock = createFakeClock();
  const temp = createTempSqliteStore({ clock });
  stores.push(temp);
  const a = await createRateTestApp({ ...options, clock, store: temp.store });
  const b = await createRateTestApp({ ...options, clock, store: temp.store });
  apps.push(a, b);
  return { a, b, clock, store: temp.store };
}

describe('counters shared through the store', () => {
  it('store-backed counters make a limit a limit for the whole service', async () => {
    const { a, b } = await twoInstances({ rules: RULES, counterStore: 'store' });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1)
      statuses.push((await (i % 2 === 0 ? a : b).inject({ url: '/v1/probe/public' })).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
  });

  it('memory counters count per instance (N instances let N × limit through)', async () => {
    const { a, b } = await twoInstances({ rules: RULES });
    let allowed = 0;
    for (let i = 0; i < 12; i += 1)
      if ((await (i % 2 === 0 ? a : b).inject({ url: '/v1/probe/public' })).statusCode === 200) allowed += 1;
    expect(allowed).toBe(8);
  });

  it('concurrent hits on one key never push a window past its limit', async () => {
    const clock = createFakeClock();
    const temp = createTempSqliteStore({ clock });
    stores.push(temp);
    await temp.store.ensureContainers([RATELIMIT_COUNTERS_CONTAINER]);
    const rule = rateLimitRuleSchema.parse({ id: 'r', route: '/x', limit: 5, windowMs: 60_000 });
    const limiters = [0, 1].map(() =>
      createLimiter({
        rules: [rule],
        counters: createDocumentCounterStore(temp.store, { maxRounds: 50 }),
        clock,
      }),
    );
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        limiters[i % 2]?.check({ productId: 'acme', method: 'GET', route: '/x', ip: '203.0.113.5' }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome?.allowed)).toHaveLength(5);
  });

  it('stores hashed keys only (no IP or user id in clear)', async () => {
    const { a, store } = await twoInstances({ rules: RULES, counterStore: 'store' });
    await a.inject({ url: '/v1/probe/public' });
    const page = await store.container(RATELIMIT_COUNTERS_CONTAINER.name).query({});
    expect(page.items).toHaveLength(1);
    expect(JSON.stringify(page.items)).not.toContain('198.51.100.7');
  });
});

describe('IP rules across instances', () => {
  it('apply at once on the instance that changed them and within the cache bound elsewhere', async () => {
    const { a, b, clock } = await twoInstances({ cacheTtlMs: 5_000 });
    const admin = { ...bearer('ann', 'acme', ['admin']) };
    // Both instances have cached the (empty) rule set.
    expect((await a.inject({ url: '/v1/probe/public' })).statusCode).toBe(200);
    expect((await b.inject({ url: '/v1/probe/public' })).statusCode).toBe(200);
    const created = await a.inject({
      method: 'POST',
      url: '/v1/ratelimit/ip-rules',
      headers: admin,
      payload: { ip: '198.51.100.0/24', action: 'deny', reason: 'abuse' },
      remoteAddress: '192.0.2.1',
    });
    expect(created.statusCode).toBe(201);
    expect((await a.inject({ url: '/v1/probe/public' })).statusCode).toBe(403);
    expect((await b.inject({ url: '/v1/probe/public' })).statusCode).toBe(200); // still its cached copy
    clock.advance(5_000);
    expect((await b.inject({ url: '/v1/probe/public' })).statusCode).toBe(403);
  });
});
