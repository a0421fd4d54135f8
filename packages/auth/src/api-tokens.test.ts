import { defineModule, guard, type Principal } from '@groundwork/http';
import { createLogger } from '@groundwork/logger';
import type { DocumentStore } from '@groundwork/store';
import { createMemoryStore } from '@groundwork/store/memory';
import {
  createFakeClock,
  createTempSqliteStore,
  type FakeClock,
  interceptStore,
  useCosmosTestStores,
} from '@groundwork/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type AuthTestApp, type AuthTestAppOptions, createAuthTestApp } from '../test/auth-app.js';
import { API_TOKEN_PATTERN, newApiToken } from './api-token-format.js';
import { API_TOKENS_CONTAINER, createApiTokenService, LAST_USED_INTERVAL_MS } from './api-tokens.js';
import { hashToken } from './secret-tokens.js';
import { createUserRepository } from './users.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const password = 'correct horse battery';

/** A module with routes guarded by scopes, as a product's own module would have. */
const notesModule = defineModule({
  name: 'notes-test',
  routes: async (app) => {
    const who = {
      response: { 200: z.object({ subject: z.string(), kind: z.string(), productId: z.string() }) },
    };
    const principal = (request: { principal?: Principal }) => ({
      subject: request.principal?.subject ?? '',
      kind: request.principal?.kind ?? '',
      productId: request.principal?.productId ?? '',
    });
    app.get('/notes', { ...guard({ scopes: ['notes:read'] }), schema: who }, async (request) =>
      principal(request),
    );
    app.post('/notes', { ...guard({ scopes: ['notes:write'] }), schema: who }, async (request) =>
      principal(request),
    );
  },
});

/** Counts reads and patches of the `api_tokens` container (every other call goes straight through). */
function countingStore(inner: DocumentStore) {
  const counts = { reads: 0, patches: 0 };
  const store = interceptStore(inner, ({ container, method, proceed }) => {
    if (container === API_TOKENS_CONTAINER.name && method === 'read') counts.reads += 1;
    if (container === API_TOKENS_CONTAINER.name && method === 'patch') counts.patches += 1;
    return proceed();
  });
  return { store, counts };
}

const apps: AuthTestApp[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((t) => t.stop()));
});

async function app(options: AuthTestAppOptions = {}) {
  const built = await createAuthTestApp({ apiTokens: true, modules: [notesModule], ...options });
  apps.push(built);
  return built;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Registers a user in `productId`, makes them `role`, and signs in again: their access token. */
async function signedIn(
  t: AuthTestApp,
  email: string,
  productId = 'acme',
  role: 'user' | 'admin' | 'super_admin' = 'admin',
): Promise<string> {
  const registered = await t.service.app.inject({
    method: 'POST',
    url: '/v1/auth/register',
    payload: { email, password, productId },
  });
  expect(registered.statusCode).toBe(201);
  if (role === 'user') return registered.json().tokens.accessToken as string;
  const users = createUserRepository(t.store, t.clock);
  await users.replace({ ...(await users.mustGet(productId, registered.json().user.id)), role });
  const login = await t.service.app.inject({
    method: 'POST',
    url: '/v1/auth/login',
    payload: { email, password, productId },
  });
  expect(login.statusCode).toBe(200);
  return login.json().tokens.accessToken as string;
}

async function createToken(
  t: AuthTestApp,
  accessToken: string,
  body: Record<string, unknown> = { name: 'CI', scopes: ['notes:read'] },
) {
  const response = await t.service.app.inject({
    method: 'POST',
    url: '/v1/tokens',
    headers: bearer(accessToken),
    payload: body,
  });
  expect(response.statusCode).toBe(201);
  return response.json() as { id: string; token: string; prefix: string; scopes: string[] };
}

const listTokens = (t: AuthTestApp, accessToken: string) =>
  t.service.app.inject({ method: 'GET', url: '/v1/tokens', headers: bearer(accessToken) });
const getNotes = (t: AuthTestApp, token: string) =>
  t.service.app.inject({ method: 'GET', url: '/v1/notes', headers: bearer(token) });

describe('API tokens: create, list, store', () => {
  it('shows the secret once, lists without it, and stores only its hash', async () => {
    const t = await app();
    const admin = await signedIn(t, 'ann@example.com');
    const created = await createToken(t, admin, {
      name: '  CI deploys ',
      scopes: ['notes:write', 'notes:read', 'notes:read'],
      expiresInDays: 30,
    });
    expect(created.token).toMatch(API_TOKEN_PATTERN);
    expect(created.token.startsWith('gw_live_')).toBe(true);
    expect(created).toMatchObject({
      id: expect.stringMatching(/^tok_[0-9a-hjkmnp-tv-z]{26}$/),
      productId: 'acme',
      name: 'CI deploys',
      prefix: created.token.slice(0, 12),
      scopes: ['notes:read', 'notes:write'],
      status: 'active',
      expiresAt: new Date(t.clock.now() + 30 * DAY_MS).toISOString(),
      lastUsedAt: null,
      revokedAt: null,
    });

    const listed = await listTokens(t, admin);
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items).toHaveLength(1);
    expect(listed.json().items[0]).toMatchObject({ id: created.id, prefix: created.prefix });
    expect(listed.json().items[0]).not.toHaveProperty('token');
    expect(listed.body).not.toContain(created.token);
    expect(listed.body).not.toContain(hashToken(created.token));

    const stored = await t.store.container(API_TOKENS_CONTAINER.name).query({});
    expect(stored.items).toHaveLength(1);
    expect(stored.items[0]).toMatchObject({ id: hashToken(created.token), pk: hashToken(created.token) });
    const raw = JSON.stringify(stored.items);
    expect(raw).not.toContain(created.token);
    expect(raw).not.toContain(created.token.slice(12)); // nor the part past the shown prefix
    expect(t.audits.map((entry) => entry.action)).toContain('auth.api_token_created');
    expect(JSON.stringify(t.audits)).not.toContain(created.token);
  });

  it('lists the product’s tokens newest first, with their status', async () => {
    const t = await app();
    const admin = await signedIn(t, 'bea@example.com');
    const first = await createToken(t, admin, { name: 'first', scopes: ['notes:read'], expiresInDays: 1 });
    t.clock.advance(1_000);
    const second = await createToken(t, admin, { name: 'second', scopes: ['notes:read'] });
    t.clock.advance(DAY_MS);
    const login = await t.service.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: 'bea@example.com', password },
    });
    const listed = await listTokens(t, login.json().tokens.accessToken); // the old access token expired
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items.map((item: { id: string; status: string }) => [item.id, item.status])).toEqual(
      [
        [second.id, 'active'],
        [first.id, 'expired'],
      ],
    );
  });

  it('answers invalid input with problem+json field errors', async () => {
    const t = await app();
    const admin = await signedIn(t, 'cal@example.com');
    const cases: [Record<string, unknown>, string][] = [
      [{ name: 'x', scopes: ['Notes:Read'] }, 'body.scopes.0'],
      [{ name: 'x', scopes: ['notes'] }, 'body.scopes.0'],
      [{ name: 'x', scopes: [] }, 'body.scopes'],
      [{ name: '   ', scopes: ['notes:read'] }, 'body.name'],
      [{ name: 'x', scopes: ['notes:read'], expiresInDays: 0 }, 'body.expiresInDays'],
      [{ name: 'x', scopes: ['notes:read'], productId: 'globex' }, 'body'],
    ];
    for (const [payload, path] of cases) {
      const response = await t.service.app.inject({
        method: 'POST',
        url: '/v1/tokens',
        headers: bearer(admin),
        payload,
      });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code: 'validation_failed' });
      expect(response.json().errors.map((issue: { path: string }) => issue.path)).toContain(path);
    }
    const badId = await t.service.app.inject({
      method: 'DELETE',
      url: '/v1/tokens/usr_nope',
      headers: bearer(admin),
    });
    expect(badId.statusCode).toBe(400);
    expect(badId.headers['content-type']).toContain('application/problem+json');
    expect(t.apiTokens).toBeDefined();
    await expect(
      t.apiTokens?.create(
        { subject: 'usr_x', productId: 'acme', roles: ['admin'], scopes: [], kind: 'user' },
        { name: 'x', scopes: ['NOPE'] },
      ),
    ).rejects.toMatchObject({ status: 400, issues: [expect.objectContaining({ path: 'scopes.0' })] });
  });
  it('documents the routes in OpenAPI, behind the bearer scheme', async () => {
    const t = await app();
    const response = await t.service.app.inject({ method: 'GET', url: '/documentation/json' });
    expect(response.statusCode).toBe(200);
    const paths = response.json().paths as Record<string, Record<string, { security?: unknown[] }>>;
    for (const [path, method] of [
      ['/v1/tokens', 'post'],
      ['/v1/tokens', 'get'],
      ['/v1/tokens/{id}', 'delete'],
      ['/v1/tokens/validate', 'post'],
    ] as const) {
      expect(paths[path]?.[method]?.security).toEqual([{ bearerAuth: [] }]);
    }
  });
});

describe('API tokens: authentication', () => {
  it('authenticates as the token with its scopes and no roles', async () => {
    const t = await app();
    const admin = await signedIn(t, 'dee@example.com');
    const created = await createToken(t, admin, { name: 'reader', scopes: ['notes:read'] });

    const read = await getNotes(t, created.token);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual({ subject: created.id, kind: 'api_token', productId: 'acme' });
    const write = await t.service.app.inject({
      method: 'POST',
      url: '/v1/notes',
      headers: bearer(created.token),
    });
    expect(write.statusCode).toBe(403); // no notes:write scope

    const asToken = (method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) =>
      t.service.app.inject({ method, url, headers: bearer(created.token), ...(payload ? { payload } : {}) });
    expect((await asToken('POST', '/v1/tokens', { name: 'x', scopes: ['notes:read'] })).statusCode).toBe(403);
    expect((await asToken('GET', '/v1/tokens')).statusCode).toBe(403);
    expect((await asToken('POST', '/v1/tokens/validate', { token: created.token })).statusCode).toBe(403);
    expect((await asToken('GET', '/v1/auth/users')).statusCode).toBe(403);

    // Access tokens still work through the same authenticator.
    const me = await t.service.app.inject({ method: 'GET', url: '/v1/auth/me', headers: bearer(admin) });
    expect(me.statusCode).toBe(200);
    expect((await getNotes(t, admin)).statusCode).toBe(403); // a user token has no notes:read scope
  });

  it('refuses a revoked token; revoking is idempotent', async () => {
    const t = await app();
    const admin = await signedIn(t, 'eli@example.com');
    const created = await createToken(t, admin);
    expect((await getNotes(t, created.token)).statusCode).toBe(200);
    const revoke = () =>
      t.service.app.inject({ method: 'DELETE', url: `/v1/tokens/${created.id}`, headers: bearer(admin) });
    expect((await revoke()).statusCode).toBe(204);
    const refused = await getNotes(t, created.token);
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ code: 'token_invalid' });
    expect((await revoke()).statusCode).toBe(204);
    const listed = await listTokens(t, admin);
    expect(listed.json().items[0]).toMatchObject({ status: 'revoked', revokedAt: expect.any(String) });
    expect(t.audits.filter((entry) => entry.action === 'auth.api_token_revoked')).toHaveLength(1);
  });

  it('refuses an expired token', async () => {
    const t = await app();
    const admin = await signedIn(t, 'fin@example.com');
    const created = await createToken(t, admin, { name: 'short', scopes: ['notes:read'], expiresInDays: 1 });
    t.clock.advance(DAY_MS - 1);
    expect((await getNotes(t, created.token)).statusCode).toBe(200);
    t.clock.advance(1);
    const expired = await getNotes(t, created.token);
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toMatchObject({ code: 'token_invalid' });
  });

  it('refuses a bad checksum or another environment’s token without reading the store', async () => {
    const clock = createFakeClock(Date.UTC(2026, 10, 26, 9));
    const { store, counts } = countingStore(createMemoryStore({ clock }));
    const t = await app({ store, clock });
    const admin = await signedIn(t, 'gus@example.com');
    const created = await createToken(t, admin);
    const last = created.token.at(-1) === 'A' ? 'B' : 'A';
    const tampered = `${created.token.slice(0, -1)}${last}`;
    const otherEnvironment = newApiToken('test').token;
    const readsBefore = counts.reads;
    for (const token of [tampered, otherEnvironment, 'gw_live_short']) {
      const response = await getNotes(t, token);
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ code: 'token_invalid' });
    }
    expect(counts.reads).toBe(readsBefore);
    // A well-formed but unknown token costs exactly one point read.
    const unknown = await getNotes(t, newApiToken('live').token);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toMatchObject({ code: 'token_invalid' });
    expect(counts.reads).toBe(readsBefore + 1);
  });

  it('records lastUsedAt at most once a minute', async () => {
    const clock = createFakeClock(Date.UTC(2026, 10, 26, 9));
    const { store, counts } = countingStore(createMemoryStore({ clock }));
    const t = await app({ store, clock });
    const admin = await signedIn(t, 'hal@example.com');
    const created = await createToken(t, admin);
    const lastUsed = async () => (await listTokens(t, admin)).json().items[0].lastUsedAt as string | null;
    expect(await lastUsed()).toBeNull();

    const firstUse = t.clock.now();
    expect((await getNotes(t, created.token)).statusCode).toBe(200);
    expect(await lastUsed()).toBe(new Date(firstUse).toISOString());
    const patches = counts.patches;
    for (let i = 0; i < 3; i++) {
      t.clock.advance(10_000);
      expect((await getNotes(t, created.token)).statusCode).toBe(200);
    }
    expect(counts.patches).toBe(patches);
    expect(await lastUsed()).toBe(new Date(firstUse).toISOString());

    t.clock.advance(LAST_USED_INTERVAL_MS - 30_000);
    expect((await getNotes(t, created.token)).statusCode).toBe(200);
    expect(counts.patches).toBe(patches + 1);
    expect(await lastUsed()).toBe(new Date(t.clock.now()).toISOString());
  });

  it('never fails a request because lastUsedAt could not be written', async () => {
    const clock = createFakeClock(Date.UTC(2026, 10, 26, 9));
    const inner = createMemoryStore({ clock });
    let failPatches = false;
    const store = interceptStore(inner, ({ container, method, proceed }) =>
      container === API_TOKENS_CONTAINER.name && method === 'patch' && failPatches
        ? Promise.reject(new Error('store down'))
        : proceed(),
    );
    const t = await app({ store, clock });
    const admin = await signedIn(t, 'ike@example.com');
    const created = await createToken(t, admin);
    failPatches = true;
    expect((await getNotes(t, created.token)).statusCode).toBe(200);
  });

  it('is refused by an authenticator without API tokens', async () => {
    const t = await createAuthTestApp();
    apps.push(t);
    const response = await t.service.app.inject({
      method: 'GET',
      url: '/v1/auth/me',
      headers: bearer(newApiToken('live').token),
    });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'token_invalid' });
  });
});

describe('API tokens: validate and product isolation', () => {
  it('validates a token for its own product only', async () => {
    const t = await app();
    const acmeAdmin = await signedIn(t, 'jan@example.com');
    const globexAdmin = await signedIn(t, 'kai@example.com', 'globex');
    const created = await createToken(t, acmeAdmin, { name: 'svc', scopes: ['notes:read', 'notes:write'] });
    const validate = (accessToken: string, token: string) =>
      t.service.app.inject({
        method: 'POST',
        url: '/v1/tokens/validate',
        headers: bearer(accessToken),
        payload: { token },
      });
    const valid = await validate(acmeAdmin, created.token);
    expect(valid.statusCode).toBe(200);
    expect(valid.json()).toMatchObject({
      valid: true,
      token: { id: created.id, scopes: ['notes:read', 'notes:write'], status: 'active' },
    });
    expect(valid.body).not.toContain(created.token);
    expect((await validate(globexAdmin, created.token)).json()).toEqual({ valid: false });
    expect((await validate(acmeAdmin, 'nonsense')).json()).toEqual({ valid: false });
    expect((await validate(acmeAdmin, newApiToken('live').token)).json()).toEqual({ valid: false });
    const user = await signedIn(t, 'lou@example.com', 'acme', 'user');
    expect((await validate(user, created.token)).statusCode).toBe(403);
    const tooLong = await validate(acmeAdmin, 'x'.repeat(201));
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.headers['content-type']).toContain('application/problem+json');
  });

  it('keeps another product’s admin from listing or revoking a token', async () => {
    const t = await app();
    const acmeAdmin = await signedIn(t, 'mia@example.com');
    const globexAdmin = await signedIn(t, 'ned@example.com', 'globex');
    const acmeToken = await createToken(t, acmeAdmin);
    const globexToken = await createToken(t, globexAdmin, { name: 'globex', scopes: ['notes:read'] });

    const globexList = await listTokens(t, globexAdmin);
    expect(globexList.json().items.map((item: { id: string }) => item.id)).toEqual([globexToken.id]);
    const foreign = await t.service.app.inject({
      method: 'DELETE',
      url: `/v1/tokens/${acmeToken.id}`,
      headers: bearer(globexAdmin),
    });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toMatchObject({ code: 'api_token_not_found' });
    expect((await getNotes(t, acmeToken.token)).statusCode).toBe(200); // still works
    const response = await getNotes(t, globexToken.token);
    expect(response.json()).toMatchObject({ productId: 'globex' });

    const user = await signedIn(t, 'ola@example.com', 'acme', 'user');
    expect((await listTokens(t, user)).statusCode).toBe(403);
    const unknown = await t.service.app.inject({
      method: 'DELETE',
      url: '/v1/tokens/tok_00000000000000000000000000',
      headers: bearer(acmeAdmin),
    });
    expect(unknown.statusCode).toBe(404);
  });
});

/** The service alone on each store adapter: the cross-partition listing and lookups must agree. */
const openCosmos = useCosmosTestStores();
const adapters: [
  string,
  () => Promise<{ store: DocumentStore; clock: FakeClock; cleanup(): Promise<void> }>,
][] = [
  [
    'memory',
    async () => {
      const clock = createFakeClock();
      return { store: createMemoryStore({ clock }), clock, cleanup: async () => {} };
    },
  ],
  [
    'sqlite',
    async () => {
      const clock = createFakeClock();
      const temp = createTempSqliteStore({ clock });
      return { store: temp.store, clock, cleanup: temp.cleanup };
    },
  ],
  ['cosmos', openCosmos],
];

describe.each(adapters)('API token service on %s', (_name, open) => {
  const adminIn = (productId: string): Principal => ({
    subject: `usr_admin_${productId}`,
    productId,
    roles: ['admin'],
    scopes: [],
    kind: 'user',
  });

  it('creates, lists, authenticates, records use, expires and revokes', async () => {
    const { store, clock, cleanup } = await open();
    try {
      await store.ensureContainers([API_TOKENS_CONTAINER]);
      const logger = createLogger({ name: 'api-tokens-test', level: 'silent' }); // as ctx.logger is
      const tokens = createApiTokenService({ store, clock, logger });
      const acme = adminIn('acme');
      const made: { id: string; token: string }[] = [];
      for (let i = 0; i < 3; i++) {
        const { token, apiToken } = await tokens.create(acme, {
          name: `t${i}`,
          scopes: ['notes:read'],
          ...(i === 0 ? { expiresInDays: 1 } : {}),
        });
        made.push({ id: apiToken.id, token });
        clock.advance(1_000);
      }
      const globex = await tokens.create(adminIn('globex'), { name: 'g', scopes: ['notes:write'] });

      const first = await tokens.list('acme', { limit: 2 });
      expect(first.items.map((token) => token.id)).toEqual([made[2]?.id, made[1]?.id]);
      expect(first.nextCursor).toBeDefined();
      const rest = await tokens.list('acme', { limit: 2, cursor: first.nextCursor });
      expect(rest.items.map((token) => token.id)).toEqual([made[0]?.id]);
      expect((await tokens.list('globex')).items.map((token) => token.id)).toEqual([globex.apiToken.id]);

      const principal = await tokens.authenticate(made[1]?.token ?? '');
      expect(principal).toEqual({
        subject: made[1]?.id,
        productId: 'acme',
        roles: [],
        scopes: ['notes:read'],
        kind: 'api_token',
      });
      const used = await tokens.validate('acme', made[1]?.token ?? '');
      expect(used?.lastUsedAt).toBe(clock.now());
      expect(await tokens.validate('globex', made[1]?.token ?? '')).toBeUndefined();

      await expect(tokens.revoke(adminIn('globex'), made[1]?.id ?? '')).rejects.toMatchObject({
        status: 404,
      });
      await tokens.revoke(acme, made[1]?.id ?? '');
      await expect(tokens.authenticate(made[1]?.token ?? '')).rejects.toMatchObject({
        status: 401,
        code: 'token_invalid',
      });
      await expect(
        tokens.revoke({ ...acme, kind: 'api_token', roles: [] }, made[2]?.id ?? ''),
      ).rejects.toMatchObject({ status: 403 });

      clock.advance(DAY_MS);
      await expect(tokens.authenticate(made[0]?.token ?? '')).rejects.toMatchObject({ status: 401 });
      expect((await tokens.authenticate(made[2]?.token ?? '')).subject).toBe(made[2]?.id);
    } finally {
      await cleanup();
    }
  });
});
