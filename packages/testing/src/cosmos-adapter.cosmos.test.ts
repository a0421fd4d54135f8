/**
 * Cosmos-only behaviour of the adapter. TTL as in production: containers carry a native `defaultTtl` (the spec's,
 * or -1 so per-item `ttl` works), and a document past its expiry is never returned by read, query or
 * count — even though the emulator (like Cosmos, lazily) still holds it, as the raw SDK shows.
 */
import { randomUUID } from 'node:crypto';
import { Agent } from 'node:https';
import { CosmosClient } from '@azure/cosmos';
import type { DocumentStore } from '@groundwork/store';
import { createCosmosStore } from '@groundwork/store/cosmos';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type CosmosEmulator, createCosmosTestStore, startCosmosEmulator } from './cosmos-emulator.js';
import { createFakeClock } from './fake-clock.js';

const START = Date.UTC(2026, 0, 1);

describe('cosmos adapter TTL', () => {
  let emulator: CosmosEmulator;
  let sdk: CosmosClient;
  let store: DocumentStore;
  const clock = createFakeClock(START);
  let databaseId: string;

  beforeAll(async () => {
    emulator = await startCosmosEmulator();
    sdk = new CosmosClient({
      endpoint: emulator.endpoint,
      key: emulator.key,
      agent: new Agent({ rejectUnauthorized: false }),
    });
  });

  beforeEach(async () => {
    clock.set(START);
    databaseId = `ttl-${randomUUID()}`;
    store = createCosmosTestStore(emulator, { clock, database: databaseId });
    await store.ensureContainers([
      { name: 'sessions', partitionKey: '/userId', defaultTtl: 3600 },
      { name: 'users', partitionKey: '/productId' },
    ]);
  });

  afterAll(async () => {
    await store?.close();
    sdk?.dispose();
    await emulator?.stop();
  });

  const rawContainer = (name: string) => sdk.database(databaseId).container(name);

  it('creates containers partitioned on /pk with the spec defaultTtl, or -1 for per-item ttl', async () => {
    const { resource: sessions } = await rawContainer('sessions').read();
    const { resource: users } = await rawContainer('users').read();
    expect(sessions?.defaultTtl).toBe(3600);
    expect(sessions?.partitionKey?.paths).toEqual(['/pk']);
    expect(users?.defaultTtl).toBe(-1);
    expect(users?.partitionKey?.paths).toEqual(['/pk']);
  });

  it('updates the native defaultTtl when a container is redeclared with another one', async () => {
    await store.ensureContainers([{ name: 'sessions', partitionKey: '/userId', defaultTtl: 60 }]);
    expect((await rawContainer('sessions').read()).resource?.defaultTtl).toBe(60);
    await store.ensureContainers([{ name: 'sessions', partitionKey: '/userId' }]);
    expect((await rawContainer('sessions').read()).resource?.defaultTtl).toBe(-1);
  });

  it('stores the document ttl natively and hides the document once expired, though Cosmos still holds it', async () => {
    const users = store.container('users');
    await users.create({ id: 'u1', pk: 'prod', name: 'short-lived', ttl: 60 });
    await users.create({ id: 'u2', pk: 'prod', name: 'forever' });

    const raw = (await rawContainer('users').item('u1', 'prod').read()).resource;
    expect(raw?.ttl).toBe(60);
    expect(raw?._expiresAt).toBe(START + 60_000);

    clock.set(START + 59_999);
    expect((await users.read('u1', 'prod'))?.name).toBe('short-lived');
    expect(await users.count()).toBe(2);

    clock.set(START + 60_000);
    expect(await users.read('u1', 'prod')).toBeUndefined();
    expect((await users.query()).items.map((doc) => doc.id)).toEqual(['u2']);
    expect(
      (await users.query({ pk: 'prod', where: { field: 'name', op: 'eq', value: 'short-lived' } })).items,
    ).toEqual([]);
    expect(await users.count()).toBe(1);
    expect(await users.count({ pk: 'prod', where: { field: 'name', op: 'eq', value: 'short-lived' } })).toBe(
      0,
    );

    // The filter is what hides it: the emulator (like Cosmos, until its background expiry runs) still has it.
    const stillThere = await rawContainer('users').item('u1', 'prod').read();
    expect(stillThere.statusCode).toBe(200);
    expect(stillThere.resource?.name).toBe('short-lived');
  });

  it('applies the container defaultTtl to documents without their own ttl', async () => {
    const sessions = store.container('sessions');
    await sessions.create({ id: 's1', pk: 'user-1' });
    await sessions.create({ id: 's2', pk: 'user-1', ttl: -1 });
    clock.set(START + 3_600_000);
    expect(await sessions.read('s1', 'user-1')).toBeUndefined();
    expect((await sessions.read('s2', 'user-1'))?.id).toBe('s2');
    expect((await sessions.query({ pk: 'user-1' })).items.map((doc) => doc.id)).toEqual(['s2']);
  });

  it('treats an expired document as missing for every write', async () => {
    const users = store.container('users');
    const written = await users.create({ id: 'gone', pk: 'prod', ttl: 10 });
    clock.set(START + 10_000);
    await expect(users.replace({ id: 'gone', pk: 'prod' })).rejects.toMatchObject({
      code: 'document_not_found',
    });
    await expect(users.patch('gone', 'prod', [{ op: 'set', path: 'x', value: 1 }])).rejects.toMatchObject({
      code: 'document_not_found',
    });
    await expect(users.delete('gone', 'prod', { ifMatch: written.etag })).rejects.toMatchObject({
      code: 'document_not_found',
    });
    const recreated = await users.create({ id: 'gone', pk: 'prod', name: 'again' });
    expect(recreated.name).toBe('again');
    expect(recreated.ttl).toBeUndefined();
    const raw = (await rawContainer('users').item('gone', 'prod').read()).resource;
    expect(raw?._expiresAt).toBeUndefined();
    expect(raw?.ttl).toBeUndefined();
  });

  it('restarts the expiry on every write, patch included', async () => {
    const users = store.container('users');
    await users.create({ id: 'u', pk: 'prod', ttl: 30, visits: 0 });
    clock.set(START + 20_000);
    await users.patch('u', 'prod', [{ op: 'incr', path: 'visits', value: 1 }]);
    clock.set(START + 45_000);
    expect((await users.read('u', 'prod'))?.visits).toBe(1);
    const raw = (await rawContainer('users').item('u', 'prod').read()).resource;
    expect(raw?._expiresAt).toBe(START + 50_000);
    clock.set(START + 50_000);
    expect(await users.read('u', 'prod')).toBeUndefined();
  });

  it('returns documents without Cosmos system properties, with _etag as etag', async () => {
    const users = store.container('users');
    const created = await users.create({ id: 'plain', pk: 'prod', ttl: 100 });
    const read = await users.read('plain', 'prod');
    const raw = (await rawContainer('users').item('plain', 'prod').read()).resource;
    for (const doc of [created, read, (await users.query()).items[0]]) {
      expect(Object.keys(doc ?? {}).sort()).toEqual(['etag', 'id', 'pk', 'ttl', 'updatedAt']);
      expect(doc?.etag).toBe(raw?._etag);
      expect(doc?.updatedAt).toBe(new Date(START).toISOString());
    }
    expect(await store.sweepExpired()).toBe(0);
  });

  it('refuses a container that exists with another partition key', async () => {
    await sdk
      .database(databaseId)
      .containers.create({ id: 'legacy', partitionKey: { paths: ['/productId'] } });
    await expect(store.ensureContainers([{ name: 'legacy', partitionKey: '/productId' }])).rejects.toThrow(
      /"legacy" is partitioned on \["\/productId"\]; the store needs "\/pk"/,
    );
  });

  it('verifies the server certificate unless told not to, without touching process-wide TLS settings', async () => {
    const strict = createCosmosStore({
      endpoint: emulator.endpoint,
      key: emulator.key,
      database: databaseId,
    });
    await expect(strict.ping()).rejects.toThrow(/certificate/i);
    await strict.close();
    expect(process.env.NODE_TLS_REJECT_UNAUTHORIZED).toBeUndefined();
    await expect(store.ping()).resolves.toBeUndefined();
  });
});
