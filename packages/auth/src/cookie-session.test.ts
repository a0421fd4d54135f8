import { afterEach, describe, expect, it } from 'vitest';
import { type AuthTestApp, createAuthTestApp } from '../test/auth-app.js';
import {
  COOKIE_SESSION_PATH,
  CSRF_HEADER,
  REFRESH_COOKIE,
  secureCookieFor,
} from './cookie-session-routes.js';

const apps: AuthTestApp[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.stop()));
});

const password = 'correct horse battery';
const ORIGIN = 'http://admin.test';
const browser = { host: 'admin.test', origin: ORIGIN, [CSRF_HEADER]: '1' };

interface SetCookie {
  name: string;
  value: string;
  attributes: Record<string, string | true>;
}

function setCookiesOf(headers: Record<string, unknown>): SetCookie[] {
  const raw = headers['set-cookie'];
  const lines = raw === undefined ? [] : Array.isArray(raw) ? raw : [String(raw)];
  return lines.map((line: string) => {
    const [pair = '', ...rest] = line.split(';').map((part) => part.trim());
    const at = pair.indexOf('=');
    const attributes: Record<string, string | true> = {};
    for (const attribute of rest) {
      const eq = attribute.indexOf('=');
      if (eq === -1) attributes[attribute.toLowerCase()] = true;
      else attributes[attribute.slice(0, eq).toLowerCase()] = attribute.slice(eq + 1);
    }
    return { name: pair.slice(0, at), value: pair.slice(at + 1), attributes };
  });
}

function refreshCookieOf(headers: Record<string, unknown>): SetCookie | undefined {
  return setCookiesOf(headers).find((cookie) => cookie.name === REFRESH_COOKIE);
}

async function setup() {
  const t = await createAuthTestApp();
  apps.push(t);
  const inject = t.service.app.inject.bind(t.service.app);
  const registered = await inject({
    method: 'POST',
    url: '/v1/auth/register',
    payload: { email: 'ann@example.com', password, productId: 'acme' },
  });
  expect(registered.statusCode).toBe(201);
  const login = (headers: Record<string, string> = browser, body: Record<string, unknown> = {}) =>
    inject({
      method: 'POST',
      url: `${COOKIE_SESSION_PATH}/login`,
      headers,
      payload: { email: 'ann@example.com', password, ...body },
    });
  const refresh = (cookie: string | undefined, headers: Record<string, string> = browser) =>
    inject({
      method: 'POST',
      url: `${COOKIE_SESSION_PATH}/refresh`,
      headers: { ...headers, ...(cookie ? { cookie: `${REFRESH_COOKIE}=${cookie}` } : {}) },
    });
  const me = (token: string) =>
    inject({ method: 'GET', url: '/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
  return { t, inject, login, refresh, me };
}

describe('cookie session: sign-in', () => {
  it('answers the access token and sets the refresh token as an httpOnly, strict, path-scoped cookie', async () => {
    const { login, me } = await setup();
    const signedIn = await login();
    expect(signedIn.statusCode).toBe(200);
    const body = signedIn.json();
    expect(body).toMatchObject({ tokenType: 'Bearer', user: { email: 'ann@example.com' } });
    expect(body).not.toHaveProperty('refreshToken');
    expect(JSON.stringify(body)).not.toContain(refreshCookieOf(signedIn.headers)?.value);
    const cookie = refreshCookieOf(signedIn.headers);
    expect(cookie?.value).toMatch(/.{40,}/);
    expect(cookie?.attributes).toMatchObject({
      httponly: true,
      samesite: 'Strict',
      path: COOKIE_SESSION_PATH,
    });
    // Plain http here: `Secure` would make the browser drop it.
    expect(cookie?.attributes).not.toHaveProperty('secure');
    expect((await me(body.accessToken)).statusCode).toBe(200);
  });

  it('sets no cookie on a wrong password', async () => {
    const { login } = await setup();
    const refused = await login(browser, { password: 'wrong password 1' });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().code).toBe('invalid_credentials');
    expect(refreshCookieOf(refused.headers)).toBeUndefined();
  });
});

describe('cookie session: CSRF', () => {
  it('refuses a request without the custom header', async () => {
    const { login } = await setup();
    const refused = await login({ host: 'admin.test', origin: ORIGIN });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('csrf_rejected');
    expect(refreshCookieOf(refused.headers)).toBeUndefined();
  });

  it('refuses another origin, and a request naming none', async () => {
    const { login, refresh } = await setup();
    const cross = await login({ ...browser, origin: 'https://evil.example' });
    expect(cross.statusCode).toBe(403);
    expect(cross.json().code).toBe('csrf_rejected');
    const { origin: _origin, ...withoutOrigin } = browser;
    const none = await login(withoutOrigin);
    expect(none.statusCode).toBe(403);
    const signedIn = await login();
    const cookie = refreshCookieOf(signedIn.headers)?.value;
    const crossRefresh = await refresh(cookie, { ...browser, origin: 'http://admin.test.evil.example' });
    expect(crossRefresh.statusCode).toBe(403);
    // The refused request did not spend the refresh token.
    expect((await refresh(cookie)).statusCode).toBe(200);
  });

  it('accepts a same-origin Referer when the browser sends no Origin', async () => {
    const { login } = await setup();
    const { origin: _origin, ...withoutOrigin } = browser;
    const signedIn = await login({ ...withoutOrigin, referer: `${ORIGIN}/admin/users` });
    expect(signedIn.statusCode).toBe(200);
  });
});

describe('cookie session: refresh', () => {
  it('rotates the cookie and answers a working access token', async () => {
    const { login, refresh, me } = await setup();
    const first = refreshCookieOf((await login()).headers)?.value;
    const refreshed = await refresh(first);
    expect(refreshed.statusCode).toBe(200);
    expect(refreshed.json()).not.toHaveProperty('refreshToken');
    const second = refreshCookieOf(refreshed.headers);
    expect(second?.value).toBeTruthy();
    expect(second?.value).not.toBe(first);
    expect(second?.attributes).toMatchObject({
      httponly: true,
      samesite: 'Strict',
      path: COOKIE_SESSION_PATH,
    });
    expect((await me(refreshed.json().accessToken)).statusCode).toBe(200);
  });

  it('answers 401 and clears the cookie without a session cookie', async () => {
    const { refresh } = await setup();
    const refused = await refresh(undefined);
    expect(refused.statusCode).toBe(401);
    expect(refused.json().code).toBe('refresh_token_invalid');
    const cleared = refreshCookieOf(refused.headers);
    expect(cleared?.value).toBe('');
    expect(cleared?.attributes.path).toBe(COOKIE_SESSION_PATH);
  });

  it('ends the session when a rotated cookie is replayed', async () => {
    const { t, login, refresh, me } = await setup();
    const first = refreshCookieOf((await login()).headers)?.value;
    const refreshed = await refresh(first);
    const access = refreshed.json().accessToken as string;
    // Past the concurrent-tabs grace period.
    t.clock.advance(60_000);
    const replay = await refresh(first);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('refresh_token_reused');
    expect(refreshCookieOf(replay.headers)?.value).toBe('');
    expect((await me(access)).statusCode).toBe(401);
  });
});

describe('cookie session: sign-out', () => {
  it('ends the session of the bearer and clears the cookie', async () => {
    const { inject, login, refresh, me } = await setup();
    const signedIn = await login();
    const cookie = refreshCookieOf(signedIn.headers)?.value;
    const access = signedIn.json().accessToken as string;
    const out = await inject({
      method: 'POST',
      url: `${COOKIE_SESSION_PATH}/logout`,
      headers: { ...browser, authorization: `Bearer ${access}` },
    });
    expect(out.statusCode).toBe(204);
    expect(refreshCookieOf(out.headers)?.value).toBe('');
    expect((await me(access)).statusCode).toBe(401);
    expect((await refresh(cookie)).statusCode).toBe(401);
  });

  it('ends the session of the cookie when the access token is gone', async () => {
    const { t, inject, login, refresh, me } = await setup();
    const signedIn = await login();
    const cookie = refreshCookieOf(signedIn.headers)?.value;
    const access = signedIn.json().accessToken as string;
    const out = await inject({
      method: 'POST',
      url: `${COOKIE_SESSION_PATH}/logout`,
      headers: { ...browser, cookie: `${REFRESH_COOKIE}=${cookie}` },
    });
    expect(out.statusCode).toBe(204);
    expect((await me(access)).statusCode).toBe(401);
    t.clock.advance(60_000);
    const after = await refresh(cookie);
    expect(after.statusCode).toBe(401);
  });

  it('refuses a cross-site sign-out', async () => {
    const { inject, login, me } = await setup();
    const signedIn = await login();
    const access = signedIn.json().accessToken as string;
    const out = await inject({
      method: 'POST',
      url: `${COOKIE_SESSION_PATH}/logout`,
      headers: { host: 'admin.test', origin: 'https://evil.example', authorization: `Bearer ${access}` },
    });
    expect(out.statusCode).toBe(403);
    expect((await me(access)).statusCode).toBe(200);
  });
});

describe('cookie session: Secure attribute', () => {
  it('is set for https requests in auto mode, and as configured otherwise', () => {
    expect(secureCookieFor('auto', 'https')).toBe(true);
    expect(secureCookieFor(undefined, 'https')).toBe(true);
    expect(secureCookieFor('auto', 'http')).toBe(false);
    expect(secureCookieFor(true, 'http')).toBe(true);
    expect(secureCookieFor(false, 'https')).toBe(false);
  });
});
