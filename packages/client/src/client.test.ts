/**
 * The client against a loopback HTTP server that answers like the platform's auth routes: bearer
 * tokens that expire, single-use refresh tokens, problem+json errors. (The admin console's e2e tests
 * run the same client against the real platform.)
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, isApiError } from './api-error.js';
import { createGroundworkClient, unwrap } from './client.js';
import { CSRF_HEADER, createCookieSession } from './cookie-session.js';
import { createTokenSession } from './session.js';

interface FakePlatform {
  url: string;
  /** Access tokens the server accepts. */
  valid: Set<string>;
  refreshes: number;
  refreshBodies: unknown[];
  requests: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[];
  /** Refresh token the server accepts next (single use). */
  nextRefresh: string;
  failRefresh: boolean;
  server: Server;
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((server) => new Promise<void>((resolve) => server.close(() => resolve()))),
  );
});

function problem(res: ServerResponse, status: number, body: Record<string, unknown>, headers = {}) {
  res.writeHead(status, { 'content-type': 'application/problem+json', 'x-request-id': 'req-1', ...headers });
  res.end(JSON.stringify({ status, ...body }));
}

async function fakePlatform(): Promise<FakePlatform> {
  let issued = 0;
  const state = {
    valid: new Set<string>(['token-0']),
    refreshes: 0,
    refreshBodies: [] as unknown[],
    requests: [] as FakePlatform['requests'],
    nextRefresh: 'refresh-0',
    failRefresh: false,
  };
  const server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    state.requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    const newPair = () => {
      issued += 1;
      const accessToken = `token-${issued}`;
      state.valid.add(accessToken);
      state.nextRefresh = `refresh-${issued}`;
      return { accessToken, tokenType: 'Bearer', expiresIn: 900, sessionId: 'ses_1' };
    };
    if (req.url === '/v1/auth/refresh' || req.url === '/v1/auth/session/refresh') {
      state.refreshes += 1;
      state.refreshBodies.push(body ? JSON.parse(body) : null);
      // Let concurrent requests pile up behind one renewal.
      await new Promise((resolve) => setTimeout(resolve, 20));
      const presented = req.url === '/v1/auth/refresh' ? JSON.parse(body).refreshToken : 'cookie';
      if (state.failRefresh || (presented !== 'cookie' && presented !== state.nextRefresh)) {
        return problem(res, 401, { code: 'refresh_token_invalid', title: 'Unauthorized' });
      }
      const pair = newPair();
      return json(200, req.url === '/v1/auth/refresh' ? { ...pair, refreshToken: state.nextRefresh } : pair);
    }
    if (req.url === '/v1/auth/session/login') {
      if (req.headers[CSRF_HEADER] !== '1') return problem(res, 403, { code: 'csrf_rejected' });
      return json(200, { ...newPair(), user: { id: 'usr_1', email: 'ann@example.com' } });
    }
    if (req.url === '/v1/auth/session/logout') return json(204, null);
    if (req.url === '/v1/broken')
      return problem(
        res,
        503,
        { code: 'maintenance', title: 'Unavailable', detail: 'Back soon.' },
        { 'retry-after': '30' },
      );
    if (req.url === '/v1/not-json') {
      res.writeHead(502, { 'content-type': 'text/html' });
      return res.end('<html>bad gateway</html>');
    }
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!token || !state.valid.has(token)) {
      return problem(res, 401, {
        code: 'unauthorized',
        title: 'Unauthorized',
        detail: 'Authentication is required.',
      });
    }
    if (req.url?.startsWith('/v1/auth/users') && req.method === 'PATCH') {
      return problem(res, 400, {
        code: 'validation_failed',
        title: 'Bad Request',
        detail: 'The request is invalid.',
        errors: [{ path: 'body.role', message: 'Invalid option' }],
      });
    }
    if (req.url === '/v1/jobs/nightly/run') return json(202, { id: 'tsk_1', echoed: body });
    return json(200, { items: [{ name: 'nightly' }], token });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  servers.push(server);
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, { url: `http://127.0.0.1:${port}`, server });
}

describe('client: tokens and renewal', () => {
  it('sends the access token and answers typed data', async () => {
    const platform = await fakePlatform();
    const session = createTokenSession({
      baseUrl: platform.url,
      accessToken: 'token-0',
      refreshToken: 'refresh-0',
    });
    const { api } = createGroundworkClient({ baseUrl: platform.url, session });
    const jobs = await unwrap(api.GET('/v1/jobs'));
    expect(jobs.items).toEqual([{ name: 'nightly' }]);
    expect(platform.requests[0]?.headers.authorization).toBe('Bearer token-0');
    expect(platform.refreshes).toBe(0);
  });

  it('renews once for many requests that answer 401 together, then retries each with its body', async () => {
    const platform = await fakePlatform();
    const tokens: unknown[] = [];
    const session = createTokenSession({
      baseUrl: platform.url,
      accessToken: 'stale',
      refreshToken: 'refresh-0',
      onTokens: (pair) => tokens.push(pair?.refreshToken ?? null),
    });
    const { api } = createGroundworkClient({ baseUrl: platform.url, session });
    const results = await Promise.all([
      unwrap(api.GET('/v1/jobs')),
      unwrap(api.GET('/v1/jobs')),
      unwrap(api.POST('/v1/jobs/{name}/run', { params: { path: { name: 'nightly' } } })),
      unwrap(api.GET('/v1/tasks', { params: { query: { limit: 5 } } })),
    ]);
    expect(platform.refreshes).toBe(1);
    expect(platform.refreshBodies).toEqual([{ refreshToken: 'refresh-0' }]);
    expect(tokens).toEqual(['refresh-1']);
    expect(results[0]).toMatchObject({ token: 'token-1' });
    expect(results[2]).toMatchObject({ id: 'tsk_1' });
    // The next renewal presents the rotated refresh token.
    platform.valid.clear();
    await unwrap(api.GET('/v1/jobs'));
    expect(platform.refreshBodies.at(-1)).toEqual({ refreshToken: 'refresh-1' });
  });

  it('renews before sending when the token is about to expire', async () => {
    const platform = await fakePlatform();
    let clock = Date.now();
    const session = createTokenSession({
      baseUrl: platform.url,
      accessToken: 'token-0',
      expiresIn: 60,
      refreshToken: 'refresh-0',
    });
    const { api } = createGroundworkClient({ baseUrl: platform.url, session, now: () => clock });
    await unwrap(api.GET('/v1/jobs'));
    expect(platform.refreshes).toBe(0);
    clock += 50_000;
    const jobs = await unwrap(api.GET('/v1/jobs'));
    expect(platform.refreshes).toBe(1);
    expect(jobs).toMatchObject({ token: 'token-1' });
    // Only the request itself reached a protected route: no wasted 401.
    expect(platform.requests.filter((r) => r.url === '/v1/jobs').map((r) => r.headers.authorization)).toEqual(
      ['Bearer token-0', 'Bearer token-1'],
    );
  });

  it('ends the session once when renewal fails and surfaces the 401 as an ApiError', async () => {
    const platform = await fakePlatform();
    platform.failRefresh = true;
    const ended = vi.fn();
    const session = createTokenSession({
      baseUrl: platform.url,
      accessToken: 'stale',
      refreshToken: 'refresh-0',
    });
    const { api } = createGroundworkClient({ baseUrl: platform.url, session, onSessionEnded: ended });
    const failures = await Promise.allSettled([unwrap(api.GET('/v1/jobs')), unwrap(api.GET('/v1/jobs'))]);
    for (const failure of failures) {
      expect(failure.status).toBe('rejected');
      const reason = failure.status === 'rejected' ? failure.reason : undefined;
      expect(isApiError(reason)).toBe(true);
      expect(reason).toMatchObject({ status: 401, code: 'unauthorized' });
    }
    expect(ended).toHaveBeenCalledTimes(1);
    expect(platform.refreshes).toBe(1);
    expect(session.current()).toBeNull();
  });

  it('leaves a request that brings its own Authorization alone', async () => {
    const platform = await fakePlatform();
    const session = createTokenSession({
      baseUrl: platform.url,
      accessToken: 'token-0',
      refreshToken: 'refresh-0',
    });
    const { api } = createGroundworkClient({ baseUrl: platform.url, session });
    const error = await unwrap(api.GET('/v1/jobs', { headers: { authorization: 'Bearer other' } })).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ status: 401 });
    expect(platform.refreshes).toBe(0);
    expect(session.current()?.accessToken).toBe('token-0');
  });
});

describe('client: errors', () => {
  it('turns problem+json into an ApiError with code, detail, field errors, request id and Retry-After', async () => {
    const platform = await fakePlatform();
    const session = createTokenSession({ baseUrl: platform.url, accessToken: 'token-0' });
    const { api } = createGroundworkClient({ baseUrl: platform.url, session });
    const invalid = await unwrap(
      api.PATCH('/v1/auth/users/{userId}', {
        params: { path: { userId: 'usr_01jabcdefghjkmnpqrstvwxyz0' } },
        body: { role: 'admin' },
      }),
    ).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(ApiError);
    expect(invalid).toMatchObject({
      status: 400,
      code: 'validation_failed',
      detail: 'The request is invalid.',
      errors: [{ path: 'body.role', message: 'Invalid option' }],
      requestId: 'req-1',
    });
    const response = await fetch(`${platform.url}/v1/broken`);
    const unavailable = await ApiError.fromResponse(response);
    expect(unavailable).toMatchObject({
      status: 503,
      code: 'maintenance',
      retryAfterSeconds: 30,
      message: 'Back soon.',
    });
    const html = await ApiError.fromResponse(await fetch(`${platform.url}/v1/not-json`));
    expect(html).toMatchObject({ status: 502, code: 'http_502' });
  });

  it('reports an unreachable platform as a network ApiError', async () => {
    const platform = await fakePlatform();
    await new Promise<void>((resolve) => platform.server.close(() => resolve()));
    servers.splice(servers.indexOf(platform.server), 1);
    const { api } = createGroundworkClient({ baseUrl: platform.url });
    const error = await unwrap(api.GET('/health')).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, code: 'network_error' });
  });
});

describe('cookie session', () => {
  it('signs in with the CSRF header, keeps the access token in memory and renews from the cookie', async () => {
    const platform = await fakePlatform();
    const session = createCookieSession({ baseUrl: platform.url });
    const { api } = createGroundworkClient({ baseUrl: platform.url, session });
    const user = await session.signIn({ email: 'ann@example.com', password: 'pw', productId: 'acme' });
    expect(user).toMatchObject({ email: 'ann@example.com' });
    const login = platform.requests.find((r) => r.url === '/v1/auth/session/login');
    expect(login?.headers[CSRF_HEADER]).toBe('1');
    expect(JSON.parse(login?.body ?? '{}')).toEqual({
      email: 'ann@example.com',
      password: 'pw',
      productId: 'acme',
    });
    const token = session.current()?.accessToken;
    expect(token).toBe('token-1');
    platform.valid.delete('token-1');
    await unwrap(api.GET('/v1/jobs'));
    const refresh = platform.requests.find((r) => r.url === '/v1/auth/session/refresh');
    expect(refresh?.headers[CSRF_HEADER]).toBe('1');
    expect(refresh?.body).toBe('');
    expect(session.current()?.accessToken).toBe('token-2');
    await session.signOut();
    const logout = platform.requests.find((r) => r.url === '/v1/auth/session/logout');
    expect(logout?.headers.authorization).toBe('Bearer token-2');
    expect(logout?.headers[CSRF_HEADER]).toBe('1');
    expect(session.current()).toBeNull();
  });

  it('resume() reports whether the cookie still holds a session', async () => {
    const platform = await fakePlatform();
    const session = createCookieSession({ baseUrl: platform.url });
    expect(await session.resume()).toBe(true);
    platform.failRefresh = true;
    expect(await session.resume()).toBe(false);
    expect(session.current()).toBeNull();
  });

  it('surfaces a refused sign-in as an ApiError', async () => {
    const platform = await fakePlatform();
    const session = createCookieSession({
      baseUrl: platform.url,
      // Strip the CSRF header, as a cross-site form would.
      fetch: (input, init) => {
        const headers = new Headers(init?.headers);
        headers.delete(CSRF_HEADER);
        return fetch(input, { ...init, headers });
      },
    });
    const error = await session.signIn({ email: 'a@example.com', password: 'x' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 403, code: 'csrf_rejected' });
  });
});
