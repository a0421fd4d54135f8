import { PROBLEM_CONTENT_TYPE } from '@groundwork/errors';
import type { DocumentStore } from '@groundwork/store';
import { createMemoryStore } from '@groundwork/store/memory';
import { createFakeClock } from '@groundwork/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { bearer, createSessionsTestApp, type SessionsTestApp } from '../test/module-support.js';
import { REVOKE_REASONS } from './routes.js';
import type { Session } from './session.js';

const apps: SessionsTestApp[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map(({ service }) => service.stop()));
});

type Method = 'GET' | 'DELETE';

async function setup(options: { store?: DocumentStore; clock?: ReturnType<typeof createFakeClock> } = {}) {
  const app = await createSessionsTestApp(options);
  apps.push(app);
  const inject = (method: Method, url: string, headers: Record<string, string> = {}) =>
    app.service.app.inject({ method, url, headers });
  /** Signs `userId` in to `productId` on a device; returns the session and its token. */
  const signIn = async (userId: string, productId = 'acme', roles: string[] = [], deviceId = 'dev') => {
    const { session } = await app.sessions.create({
      userId,
      productId,
      deviceId,
      platform: 'web',
      ip: '203.0.113.9',
      userAgent: 'Mozilla/5.0',
    });
    return { session, token: bearer(userId, productId, roles, session.id) };
  };
  return { ...app, inject, signIn };
}

const ROUTES: [Method, string, boolean][] = [
  ['GET', '/v1/sessions', false],
  ['DELETE', '/v1/sessions/ses_01kg0000000000000000000000', false],
  ['DELETE', '/v1/sessions?scope=all', false],
  ['GET', '/v1/sessions/user/usr_ann', true],
  ['DELETE', '/v1/sessions/user/usr_ann', true],
];

const ids = (body: { items: { id: string }[] }) => body.items.map((item) => item.id);

describe('sessions API: access', () => {
  it('answers 401 without a principal on every route, and 403 on the admin routes without an admin role', async () => {
    const { inject } = await setup();
    const member = bearer('usr_bob', 'acme', ['member']);
    for (const [method, url, admin] of ROUTES) {
      const anonymous = await inject(method, url);
      expect(anonymous.statusCode, `${method} ${url}`).toBe(401);
      expect(anonymous.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
      expect(anonymous.json()).toMatchObject({ code: 'unauthorized' });
      if (!admin) continue;
      const forbidden = await inject(method, url, member);
      expect(forbidden.statusCode, `${method} ${url}`).toBe(403);
      expect(forbidden.json()).toMatchObject({ code: 'forbidden' });
    }
  });

  it('refuses the token of an ended session with 401 session_ended at once', async () => {
    const { inject, signIn, sessions } = await setup();
    const { session, token } = await signIn('usr_ann');
    expect((await inject('GET', '/v1/sessions', token)).statusCode).toBe(200);
    await sessions.revoke('usr_ann', session.id, 'logout');
    const refused = await inject('GET', '/v1/sessions', token);
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['www-authenticate']).toBe('Bearer');
    expect(refused.json()).toMatchObject({ code: 'session_ended' });
  });

  it('documents every route in OpenAPI under the sessions tag', async () => {
    const { service } = await setup();
    const document = (await service.app.inject({ method: 'GET', url: '/documentation/json' })).json();
    for (const [method, url] of ROUTES) {
      const path = url
        .replace(/\?.*$/, '')
        .replace(/ses_\w+/, '{id}')
        .replace('usr_ann', '{userId}');
      const operation = document.paths[path]?.[method.toLowerCase()];
      expect(operation, `${method} ${path}`).toBeDefined();
      expect(operation.tags).toEqual(['sessions']);
      expect(operation.security).toEqual([{ bearerAuth: [] }]);
    }
  });
});

describe('sessions API: my sessions', () => {
  it('lists my active sessions newest first, marking the current one, without store fields', async () => {
    const { inject, signIn, clock } = await setup();
    const laptop = await signIn('usr_ann', 'acme', [], 'laptop');
    clock.advance(60_000);
    const phone = await signIn('usr_ann', 'acme', [], 'phone');
    await signIn('usr_ann', 'globex');
    await signIn('usr_bob');
    const response = await inject('GET', '/v1/sessions', laptop.token);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(ids(body)).toEqual([phone.session.id, laptop.session.id]);
    expect(body.items[1]).toEqual({
      id: laptop.session.id,
      userId: 'usr_ann',
      productId: 'acme',
      platform: 'web',
      deviceId: 'laptop',
      deviceName: null,
      ip: '203.0.113.9',
      userAgent: 'Mozilla/5.0',
      impersonatedBy: null,
      createdAt: new Date(laptop.session.createdAt).toISOString(),
      lastActiveAt: new Date(laptop.session.lastActiveAt).toISOString(),
      expiresAt: new Date(laptop.session.expiresAt).toISOString(),
      current: true,
    });
    expect(body.items[0].current).toBe(false);
    // A token without a session (e.g. an older one) still lists, with no current session.
    const sessionless = await inject('GET', '/v1/sessions', bearer('usr_ann', 'acme', []));
    expect(sessionless.json().items.map((item: { current: boolean }) => item.current)).toEqual([
      false,
      false,
    ]);
  });

  it('ends one of my sessions (204), again too, and 404 for anyone else’s or another product’s', async () => {
    const { inject, signIn, sessions } = await setup();
    const ann = await signIn('usr_ann', 'acme', [], 'laptop');
    const annPhone = await signIn('usr_ann', 'acme', [], 'phone');
    const annGlobex = await signIn('usr_ann', 'globex');
    const bob = await signIn('usr_bob');

    const ended = await inject('DELETE', `/v1/sessions/${annPhone.session.id}`, ann.token);
    expect(ended.statusCode).toBe(204);
    expect(ended.body).toBe('');
    expect((await sessions.get('usr_ann', annPhone.session.id))?.revokedReason).toBe(
      REVOKE_REASONS.revokedByUser,
    );
    expect((await inject('DELETE', `/v1/sessions/${annPhone.session.id}`, ann.token)).statusCode).toBe(204);
    expect((await inject('GET', '/v1/sessions', annPhone.token)).statusCode).toBe(401);

    for (const id of [bob.session.id, annGlobex.session.id, 'ses_01kg0000000000000000000000']) {
      const missing = await inject('DELETE', `/v1/sessions/${id}`, ann.token);
      expect(missing.statusCode, id).toBe(404);
      expect(missing.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
      expect(missing.json()).toMatchObject({ status: 404, code: 'session_not_found' });
    }
    expect(await sessions.isActive('usr_bob', bob.session.id)).toBe(true);
    expect(await sessions.isActive('usr_ann', annGlobex.session.id)).toBe(true);

    // Ending the current session signs this token out.
    expect((await inject('DELETE', `/v1/sessions/${ann.session.id}`, ann.token)).statusCode).toBe(204);
    expect((await inject('GET', '/v1/sessions', ann.token)).statusCode).toBe(401);
  });

  it('signs out everywhere else (scope=others) or everywhere (scope=all), in my product only', async () => {
    const { inject, signIn, sessions } = await setup();
    const current = await signIn('usr_ann', 'acme', [], 'laptop');
    const others: Session[] = [];
    for (const device of ['phone', 'tablet', 'tv'])
      others.push((await signIn('usr_ann', 'acme', [], device)).session);
    const globex = await signIn('usr_ann', 'globex');

    const response = await inject('DELETE', '/v1/sessions?scope=others', current.token);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ revoked: 3 });
    expect(ids((await inject('GET', '/v1/sessions', current.token)).json())).toEqual([current.session.id]);
    expect((await sessions.get('usr_ann', others[0]?.id as string))?.revokedReason).toBe(
      REVOKE_REASONS.signedOutOthers,
    );

    const all = await inject('DELETE', '/v1/sessions?scope=all', current.token);
    expect(all.json()).toEqual({ revoked: 1 });
    expect((await inject('GET', '/v1/sessions', current.token)).statusCode).toBe(401);
    expect(await sessions.isActive('usr_ann', globex.session.id)).toBe(true);
  });

  it('rejects malformed ids and scopes with 400 problem+json naming the field', async () => {
    const { inject, signIn } = await setup();
    const { token } = await signIn('usr_ann', 'acme', ['admin']);
    const cases: [Method, string, string][] = [
      ['DELETE', '/v1/sessions/not-a-session', 'params.id'],
      ['DELETE', '/v1/sessions/ses_TOOSHORT', 'params.id'],
      ['DELETE', '/v1/sessions', 'query.scope'],
      ['DELETE', '/v1/sessions?scope=everything', 'query.scope'],
      ['GET', '/v1/sessions/user/usr%20ann', 'params.userId'],
      ['DELETE', '/v1/sessions/user/usr%23ann', 'params.userId'],
    ];
    for (const [method, url, path] of cases) {
      const response = await inject(method, url, token);
      expect(response.statusCode, url).toBe(400);
      expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
      const problem = response.json();
      expect(problem).toMatchObject({ status: 400, code: 'validation_failed' });
      expect(
        problem.errors.map((issue: { path: string }) => issue.path),
        url,
      ).toContain(path);
      expect(JSON.stringify(problem)).not.toMatch(/\bat .*\.ts:\d+/);
    }
  });
});

describe('sessions API: admin', () => {
  it('lists and ends a user’s sessions in the admin’s product (admin and super_admin)', async () => {
    const { inject, signIn, sessions } = await setup();
    const admin = bearer('usr_root', 'acme', ['admin']);
    const superAdmin = bearer('usr_su', 'acme', ['super_admin']);
    const laptop = await signIn('usr_ann', 'acme', [], 'laptop');
    const phone = await signIn('usr_ann', 'acme', [], 'phone');
    const globex = await signIn('usr_ann', 'globex');

    for (const token of [admin, superAdmin]) {
      const listed = await inject('GET', '/v1/sessions/user/usr_ann', token);
      expect(listed.statusCode).toBe(200);
      expect(ids(listed.json()).sort()).toEqual([laptop.session.id, phone.session.id].sort());
    }
    const forced = await inject('DELETE', '/v1/sessions/user/usr_ann', admin);
    expect(forced.json()).toEqual({ revoked: 2 });
    expect((await sessions.get('usr_ann', laptop.session.id))?.revokedReason).toBe(
      REVOKE_REASONS.adminForcedLogout,
    );
    expect((await inject('GET', '/v1/sessions', laptop.token)).statusCode).toBe(401);
    expect((await inject('GET', '/v1/sessions/user/usr_ann', admin)).json()).toEqual({ items: [] });
    expect(await sessions.isActive('usr_ann', globex.session.id)).toBe(true);
  });

  it('never shows or ends a session of another product to an admin (empty list, nothing revoked)', async () => {
    const { inject, signIn, sessions } = await setup();
    const ann = await signIn('usr_ann', 'acme');
    const globexAdmin = bearer('usr_gus', 'globex', ['admin']);
    expect((await inject('GET', '/v1/sessions/user/usr_ann', globexAdmin)).json()).toEqual({ items: [] });
    expect((await inject('DELETE', '/v1/sessions/user/usr_ann', globexAdmin)).json()).toEqual({ revoked: 0 });
    const own = await inject(
      'DELETE',
      `/v1/sessions/${ann.session.id}`,
      bearer('usr_ann', 'globex', ['admin']),
    );
    expect(own.statusCode).toBe(404);
    expect(await sessions.isActive('usr_ann', ann.session.id)).toBe(true);
    expect((await inject('GET', '/v1/sessions', ann.token)).statusCode).toBe(200);
  });
});

describe('sessions API: two instances on one store', () => {
  it('a token revoked on one instance is refused there at once, and on the other after the cache bound', async () => {
    const clock = createFakeClock();
    const store = createMemoryStore({ clock });
    const first = await setup({ store, clock });
    const second = await setup({ store, clock });
    const laptop = await first.signIn('usr_ann', 'acme', [], 'laptop');
    const phone = await first.signIn('usr_ann', 'acme', [], 'phone');
    expect((await second.inject('GET', '/v1/sessions', phone.token)).statusCode).toBe(200);

    expect((await first.inject('DELETE', '/v1/sessions?scope=others', laptop.token)).json()).toEqual({
      revoked: 1,
    });
    expect((await first.inject('GET', '/v1/sessions', phone.token)).statusCode).toBe(401);
    expect((await second.inject('GET', '/v1/sessions', phone.token)).statusCode).toBe(200);
    clock.advance(30_000);
    expect((await second.inject('GET', '/v1/sessions', phone.token)).statusCode).toBe(401);
  });
});
