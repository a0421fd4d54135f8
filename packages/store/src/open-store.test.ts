import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openStore, type StoreOptions, storeEnvSchema, storeOptionsFromEnv } from './open-store.js';

describe('openStore', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
    vi.doUnmock('./sqlite.js');
    vi.doUnmock('./cosmos.js');
    vi.resetModules();
  });

  it('opens the memory adapter with the given clock', async () => {
    let now = Date.UTC(2026, 0, 1);
    const store = await openStore({ kind: 'memory' }, { clock: { now: () => now } });
    expect(store.kind).toBe('memory');
    await store.ensureContainers([{ name: 'notes', partitionKey: '/pk' }]);
    const note = await store.container('notes').create({ id: 'n1', pk: 'p', ttl: 5 });
    expect(note.updatedAt).toBe('2026-01-01T00:00:00.000Z');
    now += 5000;
    expect(await store.container('notes').read('n1', 'p')).toBeUndefined();
    await store.close();
  });

  it('opens the sqlite adapter on a file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'open-store-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const store = await openStore({ kind: 'sqlite', path: path.join(dir, 'nested', 'store.db') });
    expect(store.kind).toBe('sqlite');
    await store.ensureContainers([{ name: 'notes', partitionKey: '/pk' }]);
    await store.container('notes').create({ id: 'n1', pk: 'p' });
    expect(await store.container('notes').count()).toBe(1);
    await store.close();
  });

  it('opens the cosmos adapter with a key, or with an Entra ID credential when there is none', async () => {
    const withKey = await openStore({
      kind: 'cosmos',
      endpoint: 'https://127.0.0.1:8081',
      key: 'a2V5',
      database: 'app',
      tlsRejectUnauthorized: false,
    });
    expect(withKey.kind).toBe('cosmos');
    await withKey.close();
    const getToken = vi.fn(async () => ({ token: 't', expiresOnTimestamp: Date.now() + 60_000 }));
    const withCredential = await openStore(
      { kind: 'cosmos', endpoint: 'https://example.documents.azure.com:443/', database: 'app' },
      { credential: { getToken } },
    );
    expect(withCredential.kind).toBe('cosmos');
    await withCredential.close();
  });

  it('loads only the chosen adapter module', async () => {
    const loaded: string[] = [];
    vi.resetModules();
    vi.doMock('./sqlite.js', async (importOriginal) => {
      loaded.push('sqlite');
      return importOriginal();
    });
    vi.doMock('./cosmos.js', async (importOriginal) => {
      loaded.push('cosmos');
      return importOriginal();
    });
    const fresh = await import('./open-store.js');
    await (await fresh.openStore({ kind: 'memory' })).close();
    expect(loaded).toEqual([]);
    await (await fresh.openStore({ kind: 'sqlite', path: ':memory:' })).close();
    expect(loaded).toEqual(['sqlite']);
    await (
      await fresh.openStore({ kind: 'cosmos', endpoint: 'https://127.0.0.1:1', key: 'k', database: 'd' })
    ).close();
    expect(loaded).toEqual(['sqlite', 'cosmos']);
  });

  it.each([
    [{ kind: 'cosmos', endpoint: 'not a url', database: 'app' }, /endpoint/],
    [{ kind: 'cosmos', endpoint: 'https://x.example', database: '' }, /database/],
    [{ kind: 'sqlite', path: '' }, /path/],
    [{ kind: 'postgres' }, /kind/],
  ])('rejects invalid options %j', async (options, problem) => {
    await expect(openStore(options as unknown as StoreOptions)).rejects.toThrow(problem);
    await expect(openStore(options as unknown as StoreOptions)).rejects.toThrow(/Invalid store options/);
  });
});

describe('storeOptionsFromEnv', () => {
  it('defaults to sqlite under ./data', () => {
    expect(storeOptionsFromEnv({})).toEqual({ kind: 'sqlite', path: './data/groundwork.db' });
  });

  it('defaults to cosmos when an endpoint is set, verifying TLS, signing in with Entra ID', () => {
    expect(storeOptionsFromEnv({ COSMOS_ENDPOINT: 'https://acct.documents.azure.com:443/' })).toEqual({
      kind: 'cosmos',
      endpoint: 'https://acct.documents.azure.com:443/',
      database: 'groundwork',
      tlsRejectUnauthorized: true,
    });
  });

  it('reads every cosmos variable', () => {
    expect(
      storeOptionsFromEnv({
        STORE_KIND: 'cosmos',
        COSMOS_ENDPOINT: 'https://127.0.0.1:8081',
        COSMOS_KEY: 'c2VjcmV0',
        COSMOS_DATABASE: 'tenant-a',
        COSMOS_TLS_REJECT_UNAUTHORIZED: 'false',
      }),
    ).toEqual({
      kind: 'cosmos',
      endpoint: 'https://127.0.0.1:8081',
      key: 'c2VjcmV0',
      database: 'tenant-a',
      tlsRejectUnauthorized: false,
    });
  });

  it('lets STORE_KIND win over a set endpoint and treats empty values as unset', () => {
    expect(storeOptionsFromEnv({ STORE_KIND: 'memory', COSMOS_ENDPOINT: 'https://x.example' })).toEqual({
      kind: 'memory',
    });
    expect(storeOptionsFromEnv({ STORE_KIND: '', SQLITE_PATH: ' ', COSMOS_ENDPOINT: '' })).toEqual({
      kind: 'sqlite',
      path: './data/groundwork.db',
    });
    expect(storeOptionsFromEnv({ STORE_KIND: 'sqlite', SQLITE_PATH: '/var/lib/gw/store.db' })).toEqual({
      kind: 'sqlite',
      path: '/var/lib/gw/store.db',
    });
  });

  it.each([
    [{ STORE_KIND: 'cosmos' }, /COSMOS_ENDPOINT is required/],
    [{ STORE_KIND: 'mongo' }, /STORE_KIND/],
    [{ COSMOS_ENDPOINT: 'acct.documents.azure.com' }, /COSMOS_ENDPOINT/],
    [
      { COSMOS_ENDPOINT: 'https://x.example', COSMOS_TLS_REJECT_UNAUTHORIZED: 'maybe' },
      /COSMOS_TLS_REJECT_UNAUTHORIZED/,
    ],
  ])('rejects %j', (env, problem) => {
    expect(() => storeOptionsFromEnv(env)).toThrow(problem);
  });

  it('never echoes the key in an error', () => {
    const key = 'super-secret-key';
    expect(() =>
      storeOptionsFromEnv({ COSMOS_KEY: key, COSMOS_ENDPOINT: 'bad', COSMOS_TLS_REJECT_UNAUTHORIZED: 'x' }),
    ).toThrow(expect.objectContaining({ message: expect.not.stringContaining(key) }));
  });

  it('describes every variable', () => {
    for (const [name, schema] of Object.entries(storeEnvSchema.shape)) {
      expect(schema.description, name).toMatch(/\w{3,}/);
    }
  });
});
