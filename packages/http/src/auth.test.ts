import { TooManyRequestsError } from '@groundwork/errors';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bearer, createTestApp, testAuthenticator } from '../test/support.js';
import { type Authenticator, guard, isAllowed, type Principal, publicRoute } from './auth.js';
import type { ServiceApp } from './create-service-app.js';
import { defineModule } from './module.js';

const probeModule = defineModule({
  name: 'probe',
  routes: async (app) => {
    app.get('/probe/undeclared', async (request) => ({ subject: request.principal?.subject }));
    app.get('/probe/public', publicRoute, async (request) => ({ principal: request.principal ?? null }));
    app.get('/probe/scoped', guard({ scopes: ['notes:read', 'notes:write'] }), async () => ({ ok: true }));
    app.get('/probe/staff', guard({ roles: ['support', 'admin'] }), async () => ({ ok: true }));
    app.post(
      '/probe/echo',
      { schema: { body: z.object({ x: z.number() }) } },
      async (request) => request.body,
    );
  },
});

describe('authorization', () => {
  let service: ServiceApp;
  afterEach(async () => {
    await service.stop();
  });

  async function start(authenticator?: Authenticator) {
    service = await createTestApp({ modules: [probeModule], authenticator });
    return service.app;
  }

  it('without an authenticator every protected route is 401 with a Bearer challenge', async () => {
    const app = await start(undefined);
    for (const url of ['/v1/probe/undeclared', '/v1/probe/staff']) {
      const response = await app.inject({ method: 'GET', url, headers: bearer('ann', 'acme', ['admin']) });
      expect(response.statusCode).toBe(401);
      expect(response.headers['www-authenticate']).toBe('Bearer');
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({ code: 'unauthorized', status: 401 });
    }
  });

  it('a route that declares nothing requires authentication (secure by default)', async () => {
    const app = await start(testAuthenticator);
    const anonymous = await app.inject({ method: 'GET', url: '/v1/probe/undeclared' });
    expect(anonymous.statusCode).toBe(401);
    const signedIn = await app.inject({
      method: 'GET',
      url: '/v1/probe/undeclared',
      headers: bearer('ann', 'acme', []),
    });
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json()).toEqual({ subject: 'ann' });
  });

  it('401 when the authenticator returns null', async () => {
    const app = await start(async () => null);
    const response = await app.inject({
      method: 'GET',
      url: '/v1/probe/staff',
      headers: { authorization: 'Bearer x' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'unauthorized' });
  });

  it('403 for a principal without any of the roles, 200 with one of them', async () => {
    const app = await start(testAuthenticator);
    const member = await app.inject({
      method: 'GET',
      url: '/v1/probe/staff',
      headers: bearer('ann', 'acme', ['member']),
    });
    expect(member.statusCode).toBe(403);
    expect(member.json()).toMatchObject({ code: 'forbidden', status: 403 });
    const support = await app.inject({
      method: 'GET',
      url: '/v1/probe/staff',
      headers: bearer('sam', 'acme', ['support']),
    });
    expect(support.statusCode).toBe(200);
  });

  it('scopes must all be present', async () => {
    const app = await start(testAuthenticator);
    const one = await app.inject({
      method: 'GET',
      url: '/v1/probe/scoped',
      headers: bearer('svc', 'acme', [], ['notes:read']),
    });
    expect(one.statusCode).toBe(403);
    const both = await app.inject({
      method: 'GET',
      url: '/v1/probe/scoped',
      headers: bearer('svc', 'acme', [], ['notes:write', 'notes:read']),
    });
    expect(both.statusCode).toBe(200);
  });

  it('public routes skip authentication entirely', async () => {
    let calls = 0;
    const app = await start(async (request) => {
      calls += 1;
      return testAuthenticator(request);
    });
    const response = await app.inject({
      method: 'GET',
      url: '/v1/probe/public',
      headers: bearer('ann', 'acme', []),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ principal: null });
    expect(calls).toBe(0);
    for (const url of ['/health', '/ready', '/metrics', '/documentation/json']) {
      expect((await app.inject({ method: 'GET', url })).statusCode, url).toBe(200);
    }
    expect(calls).toBe(0);
  });

  it('an authenticator that throws an AppError sends that error', async () => {
    const app = await start(async () => {
      throw new TooManyRequestsError(5, 'Too many login attempts.');
    });
    const response = await app.inject({ method: 'GET', url: '/v1/probe/undeclared' });
    expect(response.statusCode).toBe(429);
    expect(response.headers['retry-after']).toBe('5');
  });

  it('an authenticator that throws anything else is a 401, not a 500', async () => {
    const app = await start(async () => {
      throw new Error('jwks endpoint unreachable');
    });
    const response = await app.inject({ method: 'GET', url: '/v1/probe/undeclared' });
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer');
    expect(response.body).not.toContain('jwks');
  });

  it('does not parse the body of an unauthenticated request', async () => {
    const app = await start(testAuthenticator);
    const response = await app.inject({
      method: 'POST',
      url: '/v1/probe/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{not json',
    });
    expect(response.statusCode).toBe(401);
    const signedIn = await app.inject({
      method: 'POST',
      url: '/v1/probe/echo',
      headers: bearer('ann', 'acme', []),
      payload: { x: 1 },
    });
    expect(signedIn.json()).toEqual({ x: 1 });
  });
});

describe('isAllowed', () => {
  const principal: Principal = {
    subject: 's',
    productId: 'p',
    roles: ['member'],
    scopes: ['a', 'b'],
    kind: 'user',
  };
  it('applies any-of roles and all-of scopes', () => {
    expect(isAllowed(principal, {})).toBe(true);
    expect(isAllowed(principal, { roles: ['admin', 'member'] })).toBe(true);
    expect(isAllowed(principal, { roles: ['admin'] })).toBe(false);
    expect(isAllowed(principal, { scopes: ['a', 'b'] })).toBe(true);
    expect(isAllowed(principal, { scopes: ['a', 'c'] })).toBe(false);
    expect(isAllowed(principal, { roles: ['member'], scopes: ['c'] })).toBe(false);
    expect(isAllowed(principal, { roles: [] })).toBe(true);
  });
});
