import { afterEach, describe, expect, it } from 'vitest';
import { type AuthTestApp, createAuthTestApp } from '../test/auth-app.js';
import { createUserRepository, type UserRole } from './users.js';

const apps: AuthTestApp[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.stop()));
});

const password = 'correct horse battery';
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Registers users with roles and returns their access tokens and ids. */
async function setup(roles: Record<string, UserRole>, productId = 'acme') {
  const t = await createAuthTestApp();
  apps.push(t);
  const users = createUserRepository(t.store, t.clock);
  const people: Record<string, { id: string; token: string }> = {};
  for (const [name, role] of Object.entries(roles)) {
    const email = `${name}@example.com`;
    const created = await t.service.app.inject({
      method: 'POST',
      url: '/v1/auth/register',
      payload: { email, password, productId },
    });
    const id = created.json().user.id as string;
    if (role !== 'user') await users.replace({ ...(await users.mustGet(productId, id)), role });
    const login = await t.service.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email, password, productId },
    });
    people[name] = { id, token: login.json().tokens.accessToken };
  }
  const person = (name: string) => {
    const found = people[name];
    if (!found) throw new Error(`no ${name}`);
    return found;
  };
  return { t, person };
}

function impersonate(t: AuthTestApp, token: string, body: Record<string, unknown>) {
  return t.service.app.inject({
    method: 'POST',
    url: '/v1/auth/impersonate',
    headers: bearer(token),
    payload: body,
  });
}

describe('impersonation', () => {
  it('gives an admin a read-only, audited, 15-minute token for a user', async () => {
    const { t, person } = await setup({ ann: 'admin', bob: 'user' });
    const started = await impersonate(t, person('ann').token, {
      targetUserId: person('bob').id,
      reason: 'support ticket 42',
    });
    expect(started.statusCode).toBe(201);
    expect(started.json()).toMatchObject({ readOnly: true, expiresIn: 900, user: { id: person('bob').id } });
    expect(started.json()).not.toHaveProperty('refreshToken');
    const token = started.json().accessToken as string;

    const me = await t.service.app.inject({ method: 'GET', url: '/v1/auth/me', headers: bearer(token) });
    expect(me.statusCode).toBe(200);
    expect(me.json().id).toBe(person('bob').id);
    const write = await t.service.app.inject({
      method: 'PATCH',
      url: '/v1/auth/me',
      headers: bearer(token),
      payload: { name: 'Hacked' },
    });
    expect(write.statusCode).toBe(403);
    expect(write.json()).toMatchObject({ code: 'impersonation_read_only' });

    const chain = t.audits.filter((entry) => entry.action === 'auth.impersonated_request');
    expect(
      chain.map((entry) => [entry.actor, entry.summary?.after?.method, entry.summary?.after?.status]),
    ).toEqual([
      [{ type: 'user', id: person('bob').id, impersonatedBy: person('ann').id }, 'GET', 200],
      [{ type: 'user', id: person('bob').id, impersonatedBy: person('ann').id }, 'PATCH', 403],
    ]);
    expect(
      t.audits.find((entry) => entry.action === 'auth.impersonation_started')?.summary?.after,
    ).toMatchObject({
      reason: 'support ticket 42',
      readOnly: true,
    });

    const stopped = await t.service.app.inject({
      method: 'POST',
      url: '/v1/auth/impersonate/stop',
      headers: bearer(token),
    });
    expect(stopped.statusCode).toBe(204);
    expect(
      (await t.service.app.inject({ method: 'GET', url: '/v1/auth/me', headers: bearer(token) })).statusCode,
    ).toBe(401);

    t.clock.advance(0);
    const again = await impersonate(t, person('ann').token, {
      targetUserId: person('bob').id,
      reason: 'second look',
    });
    t.clock.advance(15 * 60_000 + 6_000);
    const expired = await t.service.app.inject({
      method: 'GET',
      url: '/v1/auth/me',
      headers: bearer(again.json().accessToken),
    });
    expect(expired.statusCode).toBe(401);
  });

  it('keeps impersonation within product, role and write bounds', async () => {
    const { t, person } = await setup({ root: 'super_admin', ann: 'admin', ada: 'admin', bob: 'user' });
    const asAdminOnAdmin = await impersonate(t, person('ann').token, {
      targetUserId: person('ada').id,
      reason: 'check',
    });
    expect(asAdminOnAdmin.statusCode).toBe(403);
    const writesByAdmin = await impersonate(t, person('ann').token, {
      targetUserId: person('bob').id,
      reason: 'fix',
      allowWrites: true,
    });
    expect(writesByAdmin.statusCode).toBe(403);
    const byUser = await impersonate(t, person('bob').token, {
      targetUserId: person('ann').id,
      reason: 'nope',
    });
    expect(byUser.statusCode).toBe(403);
    const self = await impersonate(t, person('ann').token, { targetUserId: person('ann').id, reason: 'me' });
    expect(self.statusCode).toBe(400);
    const noReason = await impersonate(t, person('ann').token, { targetUserId: person('bob').id });
    expect(noReason.statusCode).toBe(400);

    const writable = await impersonate(t, person('root').token, {
      targetUserId: person('bob').id,
      reason: 'data fix',
      allowWrites: true,
    });
    expect(writable.statusCode).toBe(201);
    const token = writable.json().accessToken as string;
    const write = await t.service.app.inject({
      method: 'PATCH',
      url: '/v1/auth/me',
      headers: bearer(token),
      payload: { name: 'Bob B.' },
    });
    expect(write.statusCode).toBe(200);
    const chained = await impersonate(t, token, { targetUserId: person('ann').id, reason: 'chain' });
    expect(chained.statusCode).toBe(403);

    const other = await createAuthTestApp({ store: t.store, clock: t.clock });
    apps.push(other);
    const foreign = await other.service.app.inject({
      method: 'POST',
      url: '/v1/auth/register',
      payload: { email: 'gus@example.com', password, productId: 'globex' },
    });
    const crossProduct = await impersonate(t, person('root').token, {
      targetUserId: foreign.json().user.id,
      reason: 'cross',
    });
    expect(crossProduct.statusCode).toBe(404);
  });

  it('lets only a super admin see or end an admin’s sessions through /v1/sessions/user', async () => {
    const { t, person } = await setup({ root: 'super_admin', ann: 'admin', ada: 'admin', bob: 'user' });
    const sessionsOf = (token: string, userId: string, method: 'GET' | 'DELETE' = 'GET') =>
      t.service.app.inject({ method, url: `/v1/sessions/user/${userId}`, headers: bearer(token) });
    expect((await sessionsOf(person('ann').token, person('bob').id)).statusCode).toBe(200);
    const onAdmin = await sessionsOf(person('ann').token, person('ada').id);
    expect(onAdmin.statusCode).toBe(403);
    expect(onAdmin.json()).toMatchObject({ code: 'super_admin_required' });
    expect((await sessionsOf(person('ann').token, person('root').id, 'DELETE')).statusCode).toBe(403);
    expect((await sessionsOf(person('root').token, person('ada').id)).statusCode).toBe(200);
    // The super admin is still signed in: the refused logout ended nothing.
    expect(
      (
        await t.service.app.inject({
          method: 'GET',
          url: '/v1/auth/me',
          headers: bearer(person('root').token),
        })
      ).statusCode,
    ).toBe(200);
  });
});
