import { decodeProtectedHeader } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { type AuthTestApp, createAuthTestApp } from '../test/auth-app.js';

const apps: AuthTestApp[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.stop()));
});

async function app(options: Parameters<typeof createAuthTestApp>[0] = {}) {
  const built = await createAuthTestApp(options);
  apps.push(built);
  return built;
}

const password = 'correct horse battery';

async function register(t: AuthTestApp, email: string, extra: Record<string, unknown> = {}) {
  const response = await t.service.app.inject({
    method: 'POST',
    url: '/v1/auth/register',
    payload: { email, password, ...extra },
  });
  expect(response.statusCode).toBe(201);
  return response.json() as {
    user: { id: string };
    tokens: { accessToken: string; refreshToken: string; sessionId: string };
  };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('auth: register, login, me', () => {
  it('registers, signs in and reads the profile with the access token', async () => {
    const t = await app();
    const created = await register(t, '  Ann@Example.COM ', { name: 'Ann' });
    const me = await t.service.app.inject({
      method: 'GET',
      url: '/v1/auth/me',
      headers: bearer(created.tokens.accessToken),
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      email: 'ann@example.com',
      name: 'Ann',
      role: 'user',
      status: 'active',
      productId: 'acme',
    });
    expect(me.json()).not.toHaveProperty('passwordHash');
    expect(t.events.map((event) => event.type)).toEqual(['user.created']);

    const login = await t.service.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: 'ann@example.com', password },
    });
    expect(login.statusCode).toBe(200);
    expect(login.json().tokens.sessionId).not.toBe(created.tokens.sessionId);
  });

  it('refuses a second account with the same email in a product, not in another product', async () => {
    const t = await app();
    await register(t, 'bob@example.com');
    const again = await t.service.app.inject({
      method: 'POST',
      url: '/v1/auth/register',
      payload: { email: 'BOB@example.com', password },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'email_taken' });
    await register(t, 'bob@example.com', { productId: 'globex' });
    const unknownProduct = await t.service.app.inject({
      method: 'POST',
      url: '/v1/auth/register',
      payload: { email: 'x@example.com', password, productId: 'initech' },
    });
    expect(unknownProduct.statusCode).toBe(400);
  });

  it('rejects weak passwords and bad emails with field errors', async () => {
    const t = await app();
    const weak = await t.service.app.inject({
      method: 'POST',
      url: '/v1/auth/register',
      payload: { email: 'c@example.com', password: 'short' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.headers['content-type']).toContain('application/problem+json');
    expect(weak.json().errors[0]).toMatchObject({ path: 'password' });
    const badEmail = await t.service.app.inject({
      method: 'POST',
      url: '/v1/auth/register',
      payload: { email: 'nope', password },
    });
    expect(badEmail.json().errors[0]).toMatchObject({ path: 'email' });
  });

  it('answers an unknown email and a wrong password identically', async () => {
    const t = await app();
    await register(t, 'dan@example.com');
    const wrong = await t.service.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: 'dan@example.com', password: 'wrong password!' },
    });
    const unknown = await t.service.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: 'nobody@example.com', password: 'wrong password!' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    const strip = (body: Record<string, unknown>) => {
      const { instance: _instance, requestId: _requestId, ...rest } = body;
      return rest;
    };
    expect(strip(wrong.json())).toEqual(strip(unknown.json()));
    expect(
      t.audits.filter((entry) => entry.action.startsWith('auth.login')).map((entry) => entry.action),
    ).toEqual(['auth.login_failed', 'auth.login_failed']);
  });

  it('slows down repeated failures with 429 and Retry-After, per account and IP', async () => {
    const t = await app();
    await register(t, 'eve@example.com');
    const attempt = (remoteAddress = '10.0.0.1', pass = 'wrong password!') =>
      t.service.app.inject({
        method: 'POST',
        url: '/v1/auth/login',
        remoteAddress,
        payload: { email: 'eve@example.com', password: pass },
      });
    for (let i = 0; i < 5; i++) expect((await attempt()).statusCode).toBe(401);
    // A look-alike spelling (fullwidth letters, capitals) is the same account to the throttle.
    const lookAlike = await t.service.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      remoteAddress: '10.0.0.1',
      payload: { email: 'ＥＶＥ@example.com', password: 'wrong password!' },
    });
    expect(lookAlike.statusCode).toBe(401);
    const limited = await attempt('10.0.0.1', password);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await attempt('10.0.0.2', password)).statusCode).toBe(200); // another IP is not locked out
    t.clock.advance(60_000);
    expect((await attempt('10.0.0.1', password)).statusCode).toBe(200);
  });
});

describe('auth: tokens', () => {
  it('rotates refresh tokens; a reused one ends the session', async () => {
    const t = await app();
    const { tokens } = await register(t, 'fay@example.com');
    const refresh = (refreshToken: string) =>
      t.service.app.inject({ method: 'POST', url: '/v1/auth/refresh', payload: { refreshToken } });
    const first = await refresh(tokens.refreshToken);
    expect(first.statusCode).toBe(200);
    expect(first.json().refreshToken).not.toBe(tokens.refreshToken);
    t.clock.advance(60_000); // past the grace window
    const reused = await refresh(tokens.refreshToken);
    expect(reused.statusCode).toBe(401);
    expect(reused.json()).toMatchObject({ code: 'refresh_token_reused' });
    expect((await refresh(first.json().refreshToken)).statusCode).toBe(401); // the family is gone
    const me = await t.service.app.inject({
      method: 'GET',
      url: '/v1/auth/me',
      headers: bearer(first.json().accessToken),
    });
    expect(me.statusCode).toBe(401);
    expect(me.json()).toMatchObject({ code: 'session_ended' });
  });

  it('lets two tabs refresh with the same token at the same moment', async () => {
    const t = await app();
    const { tokens } = await register(t, 'gil@example.com');
    const [a, b] = await Promise.all(
      [1, 2].map(() =>
        t.service.app.inject({
          method: 'POST',
          url: '/v1/auth/refresh',
          payload: { refreshToken: tokens.refreshToken },
        }),
      ),
    );
    expect([a?.statusCode, b?.statusCode]).toEqual([200, 200]);
    expect(a?.json().refreshToken).not.toBe(b?.json().refreshToken);
  });

  it('refuses tampered, unsigned, expired and foreign-key tokens', async () => {
    const t = await app();
    const { tokens } = await register(t, 'hal@example.com');
    const [header, payload, signature] = tokens.accessToken.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, roles: ['super_admin'] })).toString('base64url');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
    for (const token of [`${header}.${forged}.${signature}`, none, 'not-a-jwt']) {
      const response = await t.service.app.inject({
        method: 'GET',
        url: '/v1/auth/me',
        headers: bearer(token),
      });
      expect(response.statusCode).toBe(401);
    }
    t.clock.advance(16 * 60_000);
    const expired = await t.service.app.inject({
      method: 'GET',
      url: '/v1/auth/me',
      headers: bearer(tokens.accessToken),
    });
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toMatchObject({ code: 'token_expired' });
  });

  it('publishes the signing key at /.well-known/jwks.json', async () => {
    const t = await app();
    const { tokens } = await register(t, 'ida@example.com');
    const jwks = await t.service.app.inject({ method: 'GET', url: '/.well-known/jwks.json' });
    expect(jwks.statusCode).toBe(200);
    const { kid } = decodeProtectedHeader(tokens.accessToken);
    expect(jwks.json().keys).toEqual([expect.objectContaining({ kid, alg: 'ES256', use: 'sig', kty: 'EC' })]);
    expect(JSON.stringify(jwks.json())).not.toContain('"d"');
  });
});

describe('auth: account and admin', () => {
  it('changing the password signs out the other sessions and keeps this one', async () => {
    const t = await app();
    const first = await register(t, 'jon@example.com');
    const second = await t.service.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: 'jon@example.com', password },
    });
    const changed = await t.service.app.inject({
      method: 'POST',
      url: '/v1/auth/change-password',
      headers: bearer(first.tokens.accessToken),
      payload: { currentPassword: password, newPassword: 'a new long password' },
    });
    expect(changed.statusCode).toBe(204);
    const me = (token: string) =>
      t.service.app.inject({ method: 'GET', url: '/v1/auth/me', headers: bearer(token) });
    expect((await me(first.tokens.accessToken)).statusCode).toBe(200);
    expect((await me(second.json().tokens.accessToken)).statusCode).toBe(401);
    const oldLogin = await t.service.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: 'jon@example.com', password },
    });
    expect(oldLogin.statusCode).toBe(401);
  });

  it('keeps products apart and admin powers within bounds', async () => {
    const t = await app();
    const acmeUser = await register(t, 'kim@example.com');
    const globexAdmin = await register(t, 'lee@example.com', { productId: 'globex' });
    const acmeAdmin = await register(t, 'max@example.com');
    const { createUserRepository } = await import('../src/users.js');
    const users = createUserRepository(t.store, t.clock);
    for (const [productId, id] of [
      ['globex', globexAdmin.user.id],
      ['acme', acmeAdmin.user.id],
    ] as const) {
      const stored = await users.mustGet(productId, id);
      await users.replace({ ...stored, role: 'admin' });
    }
    const relogin = async (email: string, productId: string) =>
      (
        await t.service.app.inject({
          method: 'POST',
          url: '/v1/auth/login',
          payload: { email, password, productId },
        })
      ).json().tokens.accessToken as string;
    const globexToken = await relogin('lee@example.com', 'globex');
    const acmeToken = await relogin('max@example.com', 'acme');

    const foreign = await t.service.app.inject({
      method: 'GET',
      url: `/v1/auth/users/${acmeUser.user.id}`,
      headers: bearer(globexToken),
    });
    expect(foreign.statusCode).toBe(404);
    const listed = await t.service.app.inject({
      method: 'GET',
      url: '/v1/auth/users',
      headers: bearer(globexToken),
    });
    expect(listed.json().items.map((user: { email: string }) => user.email)).toEqual(['lee@example.com']);

    const escalate = await t.service.app.inject({
      method: 'PATCH',
      url: `/v1/auth/users/${acmeUser.user.id}`,
      headers: bearer(acmeToken),
      payload: { role: 'admin' },
    });
    expect(escalate.statusCode).toBe(403);
    expect(escalate.json()).toMatchObject({ code: 'super_admin_required' });
    const asUser = await t.service.app.inject({
      method: 'GET',
      url: '/v1/auth/users',
      headers: bearer(acmeUser.tokens.accessToken),
    });
    expect(asUser.statusCode).toBe(403);
    // Delivery reaches an active user of the product through `contactOf`, never another product's.
    expect(await t.contactOf('acme', acmeUser.user.id)).toEqual({ email: 'kim@example.com' });
    expect(await t.contactOf('globex', acmeUser.user.id)).toBeUndefined();
    expect(await t.contactOf('acme', 'usr_unknown')).toBeUndefined();

    const disabled = await t.service.app.inject({
      method: 'PATCH',
      url: `/v1/auth/users/${acmeUser.user.id}`,
      headers: bearer(acmeToken),
      payload: { status: 'disabled' },
    });
    expect(disabled.statusCode).toBe(200);
    const me = await t.service.app.inject({
      method: 'GET',
      url: '/v1/auth/me',
      headers: bearer(acmeUser.tokens.accessToken),
    });
    expect(me.statusCode).toBe(401);
    expect(await t.contactOf('acme', acmeUser.user.id)).toBeUndefined();
    const login = await t.service.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: 'kim@example.com', password },
    });
    expect(login.statusCode).toBe(403);
    expect(t.audits.map((entry) => entry.action)).toContain('auth.user_updated');
  });

  it('deletes an account with its password and emits user.deleted', async () => {
    const t = await app();
    const { tokens, user } = await register(t, 'ned@example.com');
    const wrong = await t.service.app.inject({
      method: 'DELETE',
      url: '/v1/auth/me',
      headers: bearer(tokens.accessToken),
      payload: { password: 'nope nope nope' },
    });
    expect(wrong.statusCode).toBe(403);
    const deleted = await t.service.app.inject({
      method: 'DELETE',
      url: '/v1/auth/me',
      headers: bearer(tokens.accessToken),
      payload: { password },
    });
    expect(deleted.statusCode).toBe(204);
    await new Promise((resolve) => setImmediate(resolve));
    expect(
      t.events.map((event) => [event.type, (event.payload as { userId: string }).userId]),
    ).toContainEqual(['user.deleted', user.id]);
    const again = await t.service.app.inject({
      method: 'POST',
      url: '/v1/auth/register',
      payload: { email: 'ned@example.com', password },
    });
    expect(again.statusCode).toBe(201); // the email is free again
  });

  it('creates the first super admin once, from configuration', async () => {
    const admin = { email: 'root@example.com', password: 'root password 1' };
    const t = await app({ admin });
    await t.service.start();
    const login = await t.service.app.inject({ method: 'POST', url: '/v1/auth/login', payload: admin });
    expect(login.statusCode).toBe(200);
    expect(login.json().user.role).toBe('super_admin');
    const { bootstrapFirstAdmin } = await import('../src/bootstrap.js');
    const { createUserRepository } = await import('../src/users.js');
    const users = createUserRepository(t.store, t.clock);
    await users.delete(await users.mustGet('acme', login.json().user.id)); // even with no users left…
    const again = await bootstrapFirstAdmin({
      store: t.store,
      users,
      logger: { debug() {}, info() {}, warn() {}, error() {} },
      productId: 'acme',
      adminEmail: 'other@example.com',
      signInUrl: '/v1/auth/login',
    });
    expect(again).toEqual({ created: false }); // …no default admin comes back
  });

  it('creates one admin when two instances start together, and recovers from a crash before the marker', async () => {
    const { bootstrapFirstAdmin } = await import('../src/bootstrap.js');
    const { createUserRepository } = await import('../src/users.js');
    const t = await app();
    const users = createUserRepository(t.store, t.clock);
    const logger = { debug() {}, info() {}, warn() {}, error() {} };
    const start = () =>
      bootstrapFirstAdmin({
        store: t.store,
        users,
        logger,
        productId: 'globex',
        signInUrl: '/v1/auth/login',
      });
    const results = await Promise.all([start(), start()]);
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(await users.count('globex')).toBe(1);
    // A user but no marker (a crash between the two writes): the next start only marks it done.
    await t.store.container('auth_state').delete('first-admin', 'globex');
    expect(await start()).toEqual({ created: false });
    expect(await t.store.container('auth_state').read('first-admin', 'globex')).toBeDefined();
    expect(await users.count('globex')).toBe(1);
  });

  it('generates and logs a strong password once when none is configured', async () => {
    const { bootstrapFirstAdmin } = await import('../src/bootstrap.js');
    const { createUserRepository } = await import('../src/users.js');
    const t = await app();
    const warnings: string[] = [];
    const result = await bootstrapFirstAdmin({
      store: t.store,
      users: createUserRepository(t.store, t.clock),
      logger: { debug() {}, info() {}, warn: (_obj, msg) => void warnings.push(msg ?? ''), error() {} },
      productId: 'acme',
      signInUrl: 'https://platform.test/v1/auth/login',
    });
    expect(result).toEqual({ created: true, email: 'admin@acme.local', generatedPassword: true });
    const password = /with password (\S+) /.exec(warnings[0] ?? '')?.[1] ?? '';
    expect(password.length).toBeGreaterThanOrEqual(24);
    const login = await t.service.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: 'admin@acme.local', password },
    });
    expect(login.statusCode).toBe(200);
  });
});
