import { PROBLEM_CONTENT_TYPE } from '@groundwork/errors';
import { createMemoryStore } from '@groundwork/store/memory';
import { createFakeClock, interceptStore } from '@groundwork/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { bearer, createFlagsTestApp, type FlagsTestApp, type FlagsTestAppOptions } from '../test/support.js';
import { FEATURE_FLAGS_CONTAINER } from './repository.js';
import type { Flag } from './schemas.js';
import { createFlagsService } from './service.js';

const apps: FlagsTestApp[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map(({ service }) => service.stop()));
});

const acmeAdmin = bearer('ann', 'acme', ['admin']);
const acmeMember = bearer('bob', 'acme', ['member']);
const globexAdmin = bearer('gus', 'globex', ['admin']);
const globexMember = bearer('gil', 'globex', ['member']);

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const settle = () => new Promise((resolve) => setImmediate(resolve));

async function setup(options: FlagsTestAppOptions = {}) {
  const app = await createFlagsTestApp(options);
  apps.push(app);
  const inject = (
    method: Method,
    url: string,
    headers: Record<string, string> = acmeAdmin,
    payload?: unknown,
  ) =>
    app.service.app.inject({
      method,
      url,
      headers: { ...headers, 'user-agent': 'flags-test/1.0' },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  const create = async (body: Record<string, unknown>, headers = acmeAdmin) => {
    const response = await inject('POST', '/v1/flags', headers, body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json<Flag>();
  };
  const evaluate = async (body: Record<string, unknown>, headers: Record<string, string> = acmeMember) => {
    const response = await inject('POST', '/v1/flags/evaluate', headers, body);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{
      flags: Record<
        string,
        { value?: unknown; variant?: string; reason: string; errorCode?: string; prerequisite?: string }
      >;
    }>().flags;
  };
  return { ...app, inject, create, evaluate };
}

describe('flags API: access', () => {
  const ADMIN_ROUTES: [Method, string][] = [
    ['GET', '/v1/flags'],
    ['POST', '/v1/flags'],
    ['GET', '/v1/flags/some-flag'],
    ['PATCH', '/v1/flags/some-flag'],
    ['DELETE', '/v1/flags/some-flag'],
  ];

  it('answers 401 without a token everywhere, 403 to non-admins on admin routes', async () => {
    const { inject } = await setup();
    for (const [method, url] of [...ADMIN_ROUTES, ['POST', '/v1/flags/evaluate'] as [Method, string]]) {
      const anonymous = await inject(
        method,
        url,
        {},
        method === 'GET' || method === 'DELETE' ? undefined : {},
      );
      expect(anonymous.statusCode, `${method} ${url}`).toBe(401);
      expect(anonymous.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    }
    for (const [method, url] of ADMIN_ROUTES) {
      const member = await inject(
        method,
        url,
        acmeMember,
        method === 'GET' || method === 'DELETE' ? undefined : { enabled: true },
      );
      expect(member.statusCode, `${method} ${url}`).toBe(403);
      expect(member.json()).toMatchObject({ code: 'forbidden' });
    }
  });

  it('documents every route in OpenAPI', async () => {
    const { service } = await setup();
    const document = (await service.app.inject({ method: 'GET', url: '/documentation/json' })).json();
    expect(Object.keys(document.paths['/v1/flags']).sort()).toEqual(['get', 'post']);
    expect(Object.keys(document.paths['/v1/flags/{key}']).sort()).toEqual(['delete', 'get', 'patch']);
    expect(document.paths['/v1/flags/evaluate'].post.tags).toEqual(['flags']);
    expect(document.paths['/v1/flags/evaluate'].post.security).toEqual([{ bearerAuth: [] }]);
  });
});

describe('flags API: admin CRUD', () => {
  it('creates a flag in the caller’s product, audited and announced', async () => {
    const app = await setup();
    const response = await app.inject('POST', '/v1/flags', acmeAdmin, {
      key: 'new-checkout',
      description: 'The one-page checkout',
      enabled: true,
      owner: 'team-payments',
      staleAfter: '2027-01-01',
      productId: undefined,
    });
    expect(response.statusCode, response.body).toBe(201);
    const flag = response.json<Flag>();
    expect(flag).toMatchObject({
      key: 'new-checkout',
      productId: 'acme',
      type: 'boolean',
      enabled: true,
      offVariant: 'off',
      defaultServe: { variant: 'on' },
      seed: 'new-checkout',
      bucketBy: 'userId',
      owner: 'team-payments',
      stale: false,
      version: 1,
      createdBy: 'ann',
      updatedBy: 'ann',
    });
    expect(flag.id).toMatch(/^flag_[0-9a-hjkmnp-tv-z]{26}$/);
    expect(response.headers.location).toBe('/v1/flags/new-checkout');
    expect(response.headers.etag).toMatch(/^".+"$/);
    await settle();
    expect(app.audited).toEqual([
      expect.objectContaining({
        productId: 'acme',
        actor: { type: 'admin', id: 'ann' },
        action: 'flags.created',
        target: { type: 'flag', id: flag.id },
        userAgent: 'flags-test/1.0',
        summary: { after: expect.objectContaining({ key: 'new-checkout', enabled: true }) },
      }),
    ]);
    expect(app.events.map((e) => [e.type, e.payload, e.productId])).toEqual([
      ['flag.created', { flagId: flag.id, key: 'new-checkout', enabled: true }, 'acme'],
    ]);
    const read = await app.inject('GET', '/v1/flags/new-checkout');
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(flag);
    expect(read.headers.etag).toBe(response.headers.etag);
  });

  it('refuses a taken key (409) and a product id in the body (400)', async () => {
    const app = await setup();
    await app.create({ key: 'dup' });
    const again = await app.inject('POST', '/v1/flags', acmeAdmin, { key: 'dup' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'flag_exists' });
    const withProduct = await app.inject('POST', '/v1/flags', acmeAdmin, { key: 'x', productId: 'globex' });
    expect(withProduct.statusCode).toBe(400);
  });

  it('lists by key, page by page', async () => {
    const app = await setup();
    for (const key of ['e', 'c', 'a', 'd', 'b']) await app.create({ key });
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page += 1) {
      const response = await app.inject(
        'GET',
        `/v1/flags?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(response.statusCode).toBe(200);
      const body = response.json<{ items: Flag[]; nextCursor?: string }>();
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...body.items.map((f) => f.key));
      cursor = body.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect((await app.inject('GET', '/v1/flags?limit=500')).statusCode).toBe(400);
    expect((await app.inject('GET', '/v1/flags?cursor=garbage')).statusCode).toBe(400);
  });

  it('answers 400 with every field problem, and a bad edit never changes the stored flag', async () => {
    const app = await setup();
    const bad = await app.inject('POST', '/v1/flags', acmeAdmin, {
      key: 'Not A Key',
      rules: [
        { conditions: [{ attribute: 'plan', operator: 'like', value: 'x' }], serve: { variant: 'on' } },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'validation_failed' });
    const paths = bad.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([expect.stringContaining('key'), expect.stringContaining('rules')]),
    );

    const crossField = await app.inject('POST', '/v1/flags', acmeAdmin, {
      key: 'price',
      type: 'number',
      variants: [
        { key: 'a', value: 1 },
        { key: 'b', value: 'two' },
      ],
      defaultServe: {
        split: [
          { variant: 'a', weight: 50 },
          { variant: 'b', weight: 40 },
        ],
      },
    });
    expect(crossField.statusCode).toBe(400);
    expect(crossField.json().errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'body.variants.1.value', code: 'type_mismatch' }),
        expect.objectContaining({ path: 'body.defaultServe.split', code: 'bad_split' }),
      ]),
    );

    const flag = await app.create({ key: 'keep-me', enabled: true });
    for (const body of [
      { offVariant: 'missing' },
      { type: 'string' },
      { defaultServe: { variant: 'on', percentage: 101 } },
      {
        rules: [
          {
            conditions: [{ attribute: 'email', operator: 'regex', value: '(a+)+$' }],
            serve: { variant: 'on' },
          },
        ],
      },
      {},
      { enabled: 'yes' },
    ]) {
      const response = await app.inject('PATCH', '/v1/flags/keep-me', acmeAdmin, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect((await app.inject('GET', '/v1/flags/keep-me')).json()).toEqual(flag);
  });

  it('toggles with PATCH: version +1, flag.toggled audited, flag.updated and flag.toggled emitted', async () => {
    const app = await setup();
    const flag = await app.create({ key: 'kill-me', enabled: true });
    app.audited.length = 0;
    await settle();
    app.events.length = 0;
    const response = await app.inject('PATCH', '/v1/flags/kill-me', acmeAdmin, { enabled: false });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ enabled: false, version: 2, updatedBy: 'ann', id: flag.id });
    await settle();
    expect(app.audited).toEqual([
      expect.objectContaining({
        action: 'flags.toggled',
        target: { type: 'flag', id: flag.id },
        summary: { before: { enabled: true }, after: { enabled: false } },
      }),
    ]);
    expect(app.events.map((e) => [e.type, e.payload])).toEqual([
      ['flag.updated', { flagId: flag.id, key: 'kill-me', version: 2, changed: ['enabled'] }],
      ['flag.toggled', { flagId: flag.id, enabled: false, percentage: 100 }],
    ]);

    const rollout = await app.inject('PATCH', '/v1/flags/kill-me', acmeAdmin, {
      enabled: true,
      defaultServe: { variant: 'on', percentage: 25 },
      owner: 'team-x',
    });
    expect(rollout.json()).toMatchObject({
      version: 3,
      defaultServe: { variant: 'on', percentage: 25 },
      owner: 'team-x',
    });
    await settle();
    expect(app.events.at(-1)).toMatchObject({
      type: 'flag.toggled',
      payload: { enabled: true, percentage: 25 },
    });

    const describe = await app.inject('PATCH', '/v1/flags/kill-me', acmeAdmin, {
      description: 'now described',
      owner: null,
    });
    expect(describe.json()).toMatchObject({ version: 4, description: 'now described' });
    expect(describe.json()).not.toHaveProperty('owner');
    expect(app.audited.at(-1)).toMatchObject({ action: 'flags.updated' });

    // The same values again change nothing.
    const same = await app.inject('PATCH', '/v1/flags/kill-me', acmeAdmin, { description: 'now described' });
    expect(same.json()).toMatchObject({ version: 4 });
  });

  it('honours If-Match: 412 for a stale etag, success for the current one', async () => {
    const app = await setup();
    const created = await app.inject('POST', '/v1/flags', acmeAdmin, { key: 'guarded' });
    const etag = created.headers.etag as string;
    const first = await app.inject(
      'PATCH',
      '/v1/flags/guarded',
      { ...acmeAdmin, 'if-match': etag },
      { enabled: true },
    );
    expect(first.statusCode).toBe(200);
    const stale = await app.inject(
      'PATCH',
      '/v1/flags/guarded',
      { ...acmeAdmin, 'if-match': etag },
      { enabled: false },
    );
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({ code: 'flag_changed' });
    const staleDelete = await app.inject('DELETE', '/v1/flags/guarded', { ...acmeAdmin, 'if-match': etag });
    expect(staleDelete.statusCode).toBe(412);
    const current = await app.inject('DELETE', '/v1/flags/guarded', {
      ...acmeAdmin,
      'if-match': first.headers.etag as string,
    });
    expect(current.statusCode).toBe(204);
  });

  it('deletes (audited, announced), then 404', async () => {
    const app = await setup();
    const flag = await app.create({ key: 'gone' });
    const deleted = await app.inject('DELETE', '/v1/flags/gone');
    expect(deleted.statusCode).toBe(204);
    await settle();
    expect(app.audited.at(-1)).toMatchObject({
      action: 'flags.deleted',
      target: { type: 'flag', id: flag.id },
    });
    expect(app.events.at(-1)).toMatchObject({
      type: 'flag.deleted',
      payload: { flagId: flag.id, key: 'gone' },
    });
    for (const method of ['GET', 'DELETE'] as const) {
      const response = await app.inject(method, '/v1/flags/gone');
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'flag_not_found' });
    }
    expect((await app.inject('PATCH', '/v1/flags/gone', acmeAdmin, { enabled: true })).statusCode).toBe(404);
  });

  it('reports a flag stale once its staleAfter date has passed', async () => {
    const app = await setup();
    await app.create({ key: 'old', staleAfter: '2026-12-01' });
    expect((await app.inject('GET', '/v1/flags/old')).json()).toMatchObject({ stale: false });
    app.clock.set(Date.UTC(2026, 11, 2));
    expect((await app.inject('GET', '/v1/flags/old')).json()).toMatchObject({ stale: true });
  });
});

describe('flags API: prerequisites', () => {
  it('refuses cycles (direct and through other flags) with 422 naming the cycle', async () => {
    const app = await setup();
    await app.create({ key: 'a' });
    await app.create({ key: 'b', prerequisites: [{ key: 'a', variants: ['on'] }] });
    await app.create({ key: 'c', prerequisites: [{ key: 'b', variants: ['on'] }] });
    const direct = await app.inject('PATCH', '/v1/flags/a', acmeAdmin, {
      prerequisites: [{ key: 'b', variants: ['on'] }],
    });
    expect(direct.statusCode).toBe(422);
    expect(direct.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect(direct.json()).toMatchObject({ code: 'flag_prerequisite_cycle', cycle: ['a', 'b', 'a'] });
    const through = await app.inject('PATCH', '/v1/flags/a', acmeAdmin, {
      prerequisites: [{ key: 'c', variants: ['on'] }],
    });
    expect(through.json()).toMatchObject({ code: 'flag_prerequisite_cycle', cycle: ['a', 'c', 'b', 'a'] });
    const self = await app.inject('PATCH', '/v1/flags/a', acmeAdmin, {
      prerequisites: [{ key: 'a', variants: ['on'] }],
    });
    expect(self.statusCode).toBe(400);
    expect(self.json().errors).toEqual([expect.objectContaining({ code: 'prerequisite_cycle' })]);
    expect((await app.inject('GET', '/v1/flags/a')).json()).toMatchObject({ prerequisites: [], version: 1 });
  });

  it('refuses unknown prerequisite flags and variants, and deleting a flag others depend on', async () => {
    const app = await setup();
    await app.create({ key: 'parent' });
    const unknown = await app.inject('POST', '/v1/flags', acmeAdmin, {
      key: 'child',
      prerequisites: [
        { key: 'ghost', variants: ['on'] },
        { key: 'parent', variants: ['maybe'] },
      ],
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({
      code: 'flag_prerequisite_unknown',
      errors: [
        expect.objectContaining({ path: 'body.prerequisites.0.key', code: 'unknown_flag' }),
        expect.objectContaining({ path: 'body.prerequisites.1.variants.0', code: 'unknown_variant' }),
      ],
    });
    await app.create({ key: 'child', prerequisites: [{ key: 'parent', variants: ['on'] }] });
    const dropOn = await app.inject('PATCH', '/v1/flags/parent', acmeAdmin, {
      variants: [
        { key: 'yes', value: true },
        { key: 'off', value: false },
      ],
      defaultServe: { variant: 'yes' },
    });
    expect(dropOn.statusCode).toBe(422);
    expect(dropOn.json()).toMatchObject({
      code: 'flag_variant_in_use',
      dependents: [{ flag: 'child', variant: 'on' }],
    });
    const blocked = await app.inject('DELETE', '/v1/flags/parent');
    expect(blocked.statusCode).toBe(422);
    expect(blocked.json()).toMatchObject({ code: 'flag_has_dependents', dependents: ['child'] });
    expect((await app.inject('DELETE', '/v1/flags/child')).statusCode).toBe(204);
    expect((await app.inject('DELETE', '/v1/flags/parent')).statusCode).toBe(204);
  });

  it('evaluates a dependent flag off while its prerequisite is off', async () => {
    const app = await setup();
    await app.create({ key: 'parent', enabled: false });
    await app.create({ key: 'child', enabled: true, prerequisites: [{ key: 'parent', variants: ['on'] }] });
    expect((await app.evaluate({})).child).toEqual({
      value: false,
      variant: 'off',
      reason: 'DISABLED',
      prerequisite: 'parent',
    });
    await app.inject('PATCH', '/v1/flags/parent', acmeAdmin, { enabled: true });
    expect((await app.evaluate({})).child).toEqual({ value: true, variant: 'on', reason: 'DEFAULT' });
  });
});

describe('flags API: evaluation', () => {
  it('returns every flag with OpenFeature reasons; the user and roles are the caller’s own', async () => {
    const app = await setup();
    await app.create({ key: 'static-on', enabled: true });
    await app.create({ key: 'off', enabled: false });
    await app.create({
      key: 'bob-only',
      enabled: true,
      defaultServe: { variant: 'off' },
      rules: [
        { conditions: [{ attribute: 'userId', operator: 'eq', value: 'bob' }], serve: { variant: 'on' } },
      ],
    });
    await app.create({
      key: 'admins',
      enabled: true,
      defaultServe: { variant: 'off' },
      rules: [
        { conditions: [{ attribute: 'roles', operator: 'in', values: ['admin'] }], serve: { variant: 'on' } },
      ],
    });
    await app.create({
      key: 'ios-2',
      type: 'string',
      enabled: true,
      variants: [
        { key: 'old', value: 'classic' },
        { key: 'new', value: 'fresh' },
      ],
      rules: [
        {
          conditions: [
            { attribute: 'platform', operator: 'eq', value: 'ios' },
            { attribute: 'appVersion', operator: 'semver_gte', value: '2.0.0' },
            { attribute: 'plan', operator: 'in', values: ['pro'] },
            { attribute: 'cohort', operator: 'eq', value: 'early' },
          ],
          serve: { variant: 'new' },
        },
      ],
    });

    const asBob = await app.evaluate({
      context: {
        userId: 'mallory',
        roles: ['admin'],
        platform: 'ios',
        appVersion: '2.1.0',
        plan: 'pro',
        attributes: { cohort: 'early' },
      },
    });
    expect(asBob).toEqual({
      'static-on': { value: true, variant: 'on', reason: 'STATIC' },
      off: { value: false, variant: 'off', reason: 'DISABLED' },
      'bob-only': { value: true, variant: 'on', reason: 'TARGETING_MATCH' },
      admins: { value: false, variant: 'off', reason: 'DEFAULT' },
      'ios-2': { value: 'fresh', variant: 'new', reason: 'TARGETING_MATCH' },
    });
    const asAnnAdmin = await app.evaluate(
      { context: { userId: 'bob' }, keys: ['bob-only', 'admins', 'missing'] },
      acmeAdmin,
    );
    expect(asAnnAdmin).toEqual({
      'bob-only': { value: false, variant: 'off', reason: 'DEFAULT' },
      admins: { value: true, variant: 'on', reason: 'TARGETING_MATCH' },
      missing: { reason: 'ERROR', errorCode: 'FLAG_NOT_FOUND' },
    });
    const response = await app.inject('POST', '/v1/flags/evaluate', acmeMember, {});
    expect(response.headers['cache-control']).toBe('private, no-store');
  });

  it('refuses a malformed context', async () => {
    const app = await setup();
    for (const body of [
      { context: { platform: 7 } },
      { context: { attributes: { 'bad key': 1 } } },
      { context: { attributes: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`a${i}`, i])) } },
      { keys: ['Bad Key'] },
      { context: {}, extra: true },
    ]) {
      const response = await app.inject('POST', '/v1/flags/evaluate', acmeMember, body);
      expect(response.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
    }
  });

  it('rolls out deterministically: the same user gets the same answer on every call', async () => {
    const app = await setup();
    await app.create({ key: 'half', enabled: true, defaultServe: { variant: 'on', percentage: 50 } });
    const answers = new Map<string, unknown>();
    let on = 0;
    for (let i = 0; i < 40; i += 1) {
      const user = bearer(`user-${i}`, 'acme', ['member']);
      const first = (await app.evaluate({}, user)).half;
      const second = (await app.evaluate({}, user)).half;
      expect(second).toEqual(first);
      expect(first?.reason).toBe('SPLIT');
      answers.set(`user-${i}`, first?.value);
      if (first?.value === true) on += 1;
    }
    expect(on).toBeGreaterThan(0);
    expect(on).toBeLessThan(40);
  });
});

describe('flags API: products are isolated', () => {
  it('another product’s admin can neither see nor change the flag, and evaluates only its own flags', async () => {
    const app = await setup();
    await app.create({ key: 'shared-key', enabled: true, description: 'acme’s' });
    for (const [method, body] of [
      ['GET', undefined],
      ['PATCH', { enabled: false }],
      ['DELETE', undefined],
    ] as const) {
      const response = await app.inject(method, '/v1/flags/shared-key', globexAdmin, body);
      expect(response.statusCode, method).toBe(404);
    }
    expect((await app.inject('GET', '/v1/flags', globexAdmin)).json()).toEqual({ items: [] });
    expect(await app.evaluate({}, globexMember)).toEqual({});
    // The same key in another product is another flag.
    await app.create({ key: 'shared-key', enabled: false }, globexAdmin);
    expect((await app.evaluate({}, globexMember))['shared-key']).toMatchObject({ value: false });
    expect((await app.evaluate({}, acmeMember))['shared-key']).toMatchObject({ value: true });
    expect((await app.inject('GET', '/v1/flags/shared-key')).json()).toMatchObject({
      description: 'acme’s',
      enabled: true,
    });
  });

  it('a cursor from one product’s list is refused in another’s', async () => {
    const app = await setup();
    for (const key of ['a', 'b', 'c']) await app.create({ key });
    const page = (await app.inject('GET', '/v1/flags?limit=1')).json();
    expect(page.nextCursor).toBeDefined();
    const foreign = await app.inject(
      'GET',
      `/v1/flags?limit=1&cursor=${encodeURIComponent(page.nextCursor)}`,
      globexAdmin,
    );
    expect(foreign.statusCode).toBe(400);
  });
});

describe('flags API: cache', () => {
  it('a change is seen at once on the instance that made it, and by another instance within the cache TTL', async () => {
    const clock = createFakeClock(Date.UTC(2026, 10, 26, 6));
    const store = createMemoryStore({ clock });
    const one = await setup({ store, clock, cacheTtlMs: 5_000 });
    const two = await setup({ store, clock, cacheTtlMs: 5_000 });
    await one.create({ key: 'switch', enabled: true });
    expect((await one.evaluate({})).switch?.value).toBe(true);
    expect((await two.evaluate({})).switch?.value).toBe(true); // loaded now, cached on two

    await one.inject('PATCH', '/v1/flags/switch', acmeAdmin, { enabled: false });
    expect((await one.evaluate({})).switch?.value).toBe(false); // invalidated locally
    expect((await two.evaluate({})).switch?.value).toBe(true); // still within two's TTL
    clock.advance(4_999);
    expect((await two.evaluate({})).switch?.value).toBe(true);
    clock.advance(1);
    expect((await two.evaluate({})).switch?.value).toBe(false); // the bound: cacheTtlMs
  });
});

describe('flags API: prerequisite depth', () => {
  it('refuses a prerequisite chain deeper than 15 flags', async () => {
    const app = await setup();
    await app.create({ key: 'f0' });
    for (let i = 1; i <= 15; i += 1)
      await app.create({ key: `f${i}`, prerequisites: [{ key: `f${i - 1}`, variants: ['on'] }] });
    const deep = await app.inject('POST', '/v1/flags', acmeAdmin, {
      key: 'f16',
      prerequisites: [{ key: 'f15', variants: ['on'] }],
    });
    expect(deep.statusCode).toBe(422);
    expect(deep.json()).toMatchObject({ code: 'flag_prerequisite_too_deep' });
    // The deepest allowed chain still evaluates (every flag on).
    await app.inject('PATCH', '/v1/flags/f0', acmeAdmin, { enabled: true });
    for (let i = 1; i <= 15; i += 1)
      await app.inject('PATCH', `/v1/flags/f${i}`, acmeAdmin, { enabled: true });
    expect((await app.evaluate({ keys: ['f15'] })).f15).toEqual({
      value: true,
      variant: 'on',
      reason: 'DEFAULT',
    });
  });
});

describe('flags service: cache invalidation', () => {
  it('a load that started before a change never refills the cache with the old flags', async () => {
    const clock = createFakeClock(Date.UTC(2026, 10, 26, 6));
    const memory = createMemoryStore({ clock });
    let hold: Promise<void> | undefined;
    const store = interceptStore(memory, async (call) => {
      const result = await call.proceed(); // read now, answer later: the read is of the old state
      if (call.method === 'query' && hold) await hold;
      return result;
    });
    await store.ensureContainers([FEATURE_FLAGS_CONTAINER]);
    const service = createFlagsService({ store, clock, cacheTtlMs: 60_000 });
    const change = { actor: { type: 'admin' as const, id: 'ann' } };
    await service.create('acme', { key: 'race', enabled: true }, change);

    let release = () => {};
    hold = new Promise<void>((resolve) => {
      release = resolve;
    });
    const inFlight = service.evaluator('acme'); // has read `enabled: true`, not yet answered
    await new Promise((resolve) => setImmediate(resolve));
    hold = undefined;
    await service.update('acme', 'race', { enabled: false }, change); // invalidates meanwhile
    release();
    expect((await inFlight).evaluate('race', {}).value).toBe(true); // the old answer, for its caller only
    expect((await service.evaluator('acme')).evaluate('race', {}).value).toBe(false); // not cached

    // The same with invalidate() for every product.
    clock.advance(60_000); // the cached evaluator expires: the next call loads
    hold = new Promise<void>((resolve) => {
      release = resolve;
    });
    const second = service.evaluator('acme');
    await new Promise((resolve) => setImmediate(resolve));
    hold = undefined;
    await memory
      .container('feature_flags')
      .patch('race', 'acme', [{ op: 'set', path: 'enabled', value: true }]);
    service.invalidate();
    release();
    expect((await second).evaluate('race', {}).value).toBe(false);
    expect((await service.evaluator('acme')).evaluate('race', {}).value).toBe(true);
  });
});
