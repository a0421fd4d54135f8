import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { acmeMember, bearer, createSettingsTestApp, type SettingsTestApp } from '../test/support.js';
import { createSettingsRegistry } from './registry.js';
import { mergePatch } from './user-settings.js';

const apps: SettingsTestApp[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.stop()));
});

function registry(unknownKeys: 'allow' | 'reject' = 'allow') {
  return createSettingsRegistry({ unknownKeys })
    .define('both', 'theme', { schema: z.enum(['light', 'dark', 'system']), default: 'system' })
    .define('user', 'notifications', {
      schema: z
        .object({ email: z.boolean(), push: z.boolean(), digest: z.enum(['daily', 'weekly']).optional() })
        .strict(),
      default: { email: true, push: true },
    })
    .define('device', 'fontScale', { schema: z.number().min(0.5).max(3) });
}

async function setup(unknownKeys: 'allow' | 'reject' = 'allow') {
  const app = await createSettingsTestApp({ registry: registry(unknownKeys) });
  apps.push(app);
  return app;
}

describe('user settings', () => {
  it('returns defaults, then stored values; put, get, patch and delete one key', async () => {
    const app = await setup();
    const initial = await app.inject({ url: '/v1/settings/user', headers: acmeMember });
    expect(initial.statusCode).toBe(200);
    expect(initial.json()).toEqual({
      values: { theme: 'system', notifications: { email: true, push: true } },
    });

    const put = await app.inject({
      method: 'PUT',
      url: '/v1/settings/user/theme',
      headers: acmeMember,
      payload: { value: 'dark' },
    });
    expect(put.json()).toEqual({ key: 'theme', value: 'dark' });
    expect((await app.inject({ url: '/v1/settings/user/theme', headers: acmeMember })).json()).toEqual({
      key: 'theme',
      value: 'dark',
    });

    const patched = await app.inject({
      method: 'PATCH',
      url: '/v1/settings/user/notifications',
      headers: acmeMember,
      payload: { value: { push: false, digest: 'weekly' } },
    });
    expect(patched.json()).toEqual({
      key: 'notifications',
      value: { email: true, push: false, digest: 'weekly' },
    });
    const unset = await app.inject({
      method: 'PATCH',
      url: '/v1/settings/user/notifications',
      headers: acmeMember,
      payload: { value: { digest: null } },
    });
    expect(unset.json().value).toEqual({ email: true, push: false });

    expect(
      (await app.inject({ method: 'DELETE', url: '/v1/settings/user/theme', headers: acmeMember }))
        .statusCode,
    ).toBe(204);
    expect((await app.inject({ url: '/v1/settings/user/theme', headers: acmeMember })).json().value).toBe(
      'system',
    );
    const missing = await app.inject({
      method: 'DELETE',
      url: '/v1/settings/user/theme',
      headers: acmeMember,
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'setting_not_found' });
    expect((await app.inject({ url: '/v1/settings/user/nothing', headers: acmeMember })).statusCode).toBe(
      404,
    );
  });

  it('validates values by their key’s schema and never loses the stored value on bad input', async () => {
    const app = await setup();
    await app.inject({
      method: 'PUT',
      url: '/v1/settings/user/theme',
      headers: acmeMember,
      payload: { value: 'dark' },
    });
    for (const [method, key, value] of [
      ['PUT', 'theme', 'purple'],
      ['PUT', 'notifications', { email: 'yes', push: true }],
      ['PATCH', 'notifications', { sms: true }],
      ['PUT', 'big', 'x'.repeat(5_000)],
    ] as const) {
      const response = await app.inject({
        method,
        url: `/v1/settings/user/${key}`,
        headers: acmeMember,
        payload: { value },
      });
      expect(response.statusCode, key).toBe(400);
      expect(response.json()).toMatchObject({ code: 'validation_failed' });
      expect(response.json().errors[0].path).toMatch(/^body\.value/);
    }
    const bad = await app.inject({
      method: 'PUT',
      url: '/v1/settings/user/9lives',
      headers: acmeMember,
      payload: { value: 1 },
    });
    expect(bad.statusCode).toBe(400);
    expect((await app.inject({ url: '/v1/settings/user', headers: acmeMember })).json().values).toMatchObject(
      {
        theme: 'dark',
        notifications: { email: true, push: true },
      },
    );
  });

  it('accepts small unknown keys by default, refuses them with `reject`', async () => {
    const allow = await setup();
    const stored = await allow.inject({
      method: 'PUT',
      url: '/v1/settings/user/lastSeenVersion',
      headers: acmeMember,
      payload: { value: '2.4.1' },
    });
    expect(stored.statusCode).toBe(200);
    const strict = await setup('reject');
    const refused = await strict.inject({
      method: 'PUT',
      url: '/v1/settings/user/lastSeenVersion',
      headers: acmeMember,
      payload: { value: '2.4.1' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({ code: 'unknown_setting' });
  });

  it('keeps device settings apart from user settings and per device', async () => {
    const app = await setup();
    const put = await app.inject({
      method: 'PUT',
      url: '/v1/settings/devices/ipad-1/fontScale',
      headers: acmeMember,
      payload: { value: 1.5 },
    });
    expect(put.statusCode).toBe(200);
    expect(
      (await app.inject({ url: '/v1/settings/devices/ipad-1', headers: acmeMember })).json().values,
    ).toEqual({
      theme: 'system',
      fontScale: 1.5,
    });
    expect(
      (await app.inject({ url: '/v1/settings/devices/phone-2', headers: acmeMember })).json().values,
    ).toEqual({
      theme: 'system',
    });
    expect(
      (await app.inject({ url: '/v1/settings/user', headers: acmeMember })).json().values.fontScale,
    ).toBeUndefined();
    // The device key keeps its schema.
    const outOfRange = await app.inject({
      method: 'PUT',
      url: '/v1/settings/devices/ipad-1/fontScale',
      headers: acmeMember,
      payload: { value: 9 },
    });
    expect(outOfRange.statusCode).toBe(400);
    expect((await app.inject({ url: '/v1/settings/devices/bad%20id', headers: acmeMember })).statusCode).toBe(
      400,
    );
  });

  it('is per user and per product, and requires authentication', async () => {
    const app = await setup();
    await app.inject({
      method: 'PUT',
      url: '/v1/settings/user/theme',
      headers: acmeMember,
      payload: { value: 'dark' },
    });
    const sameIdOtherProduct = bearer('bob', 'globex', ['member']);
    expect(
      (await app.inject({ url: '/v1/settings/user/theme', headers: sameIdOtherProduct })).json().value,
    ).toBe('system');
    expect(
      (await app.inject({ url: '/v1/settings/user/theme', headers: bearer('cat', 'acme', []) })).json().value,
    ).toBe('system');
    for (const [method, url] of [
      ['GET', '/v1/settings/user'],
      ['PUT', '/v1/settings/user/theme'],
      ['PATCH', '/v1/settings/user/theme'],
      ['DELETE', '/v1/settings/user/theme'],
      ['GET', '/v1/settings/devices/d1'],
    ] as const) {
      const response = await app.inject({
        method,
        url,
        ...(method === 'PUT' || method === 'PATCH' ? { payload: { value: 'dark' } } : {}),
      });
      expect(response.statusCode, url).toBe(401);
    }
  });
});

describe('registry and merge patch', () => {
  it('refuses a default that fails its schema and a key defined twice', () => {
    expect(() => createSettingsRegistry().define('user', 'a', { schema: z.number(), default: 'x' })).toThrow(
      /default/,
    );
    expect(() =>
      createSettingsRegistry()
        .define('user', 'a', { schema: z.number() })
        .define('both', 'a', { schema: z.number() }),
    ).toThrow(/twice/);
  });

  it('follows RFC 7396', () => {
    expect(mergePatch({ a: 'b' }, { a: 'c' })).toEqual({ a: 'c' });
    expect(mergePatch({ a: 'b' }, { b: 'c' })).toEqual({ a: 'b', b: 'c' });
    expect(mergePatch({ a: 'b' }, { a: null })).toEqual({});
    expect(mergePatch({ a: [{ b: 'c' }] }, { a: [1] })).toEqual({ a: [1] });
    expect(mergePatch({ e: null }, { a: 1 })).toEqual({ e: null, a: 1 });
    expect(mergePatch([1, 2], { a: 'b', c: null })).toEqual({ a: 'b' });
    expect(mergePatch({}, { a: { bb: { ccc: null } } })).toEqual({ a: { bb: {} } });
    expect(mergePatch('x', 'y')).toBe('y');
  });
});
