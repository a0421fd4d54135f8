import { createFakeClock, createTempSqliteStore, type TempSqliteStore } from '@groundwork/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { acmeAdmin, acmeMember, createSettingsTestApp, type SettingsTestApp } from '../test/support.js';

const apps: SettingsTestApp[] = [];
const stores: TempSqliteStore[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.stop()));
  await Promise.all(stores.splice(0).map((store) => store.cleanup()));
});

describe('a change on one instance reaches the others within MAINTENANCE_CACHE_TTL_MS', () => {
  it('applies at once where it was made and within the bound on another instance on the same store', async () => {
    const clock = createFakeClock();
    const temp = createTempSqliteStore({ clock });
    stores.push(temp);
    const a = await createSettingsTestApp({ clock, store: temp.store, cacheTtlMs: 3_000 });
    const b = await createSettingsTestApp({ clock, store: temp.store, cacheTtlMs: 3_000 });
    apps.push(a, b);
    const probe = async (app: SettingsTestApp) =>
      (await app.inject({ url: '/v1/probe/private', headers: acmeMember })).statusCode;
    expect(await probe(a)).toBe(200);
    expect(await probe(b)).toBe(200); // b caches "off"
    const put = await a.inject({
      method: 'PUT',
      url: '/v1/settings/maintenance',
      headers: acmeAdmin,
      payload: { mode: 'maintenance' },
    });
    expect(put.statusCode).toBe(200);
    expect(await probe(a)).toBe(503);
    clock.advance(2_999);
    expect(await probe(b)).toBe(200); // within the bound, b may still serve its cached state
    clock.advance(1);
    expect(await probe(b)).toBe(503); // past the bound it must have refreshed
    // The kill switch follows the same bound.
    await b.inject({
      method: 'PUT',
      url: '/v1/settings/kill-switch',
      headers: acmeAdmin,
      payload: { enabled: true },
    });
    expect((await b.inject({ url: '/v1/settings/kill-switch' })).json()).toMatchObject({ enabled: true });
    clock.advance(3_000);
    expect((await a.inject({ url: '/v1/settings/kill-switch' })).json()).toMatchObject({ enabled: true });
  });

  it('user settings written through one instance are read by another at once (no cache)', async () => {
    const clock = createFakeClock();
    const temp = createTempSqliteStore({ clock });
    stores.push(temp);
    const a = await createSettingsTestApp({ clock, store: temp.store });
    const b = await createSettingsTestApp({ clock, store: temp.store });
    apps.push(a, b);
    await a.inject({
      method: 'PUT',
      url: '/v1/settings/user/theme',
      headers: acmeMember,
      payload: { value: 'dark' },
    });
    expect((await b.inject({ url: '/v1/settings/user/theme', headers: acmeMember })).json().value).toBe(
      'dark',
    );
  });
});
