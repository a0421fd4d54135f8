import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Clock, DocumentStore } from '../types.js';
import { createSqliteStore } from './sqlite-store.js';

const items = { name: 'items', partitionKey: '/tenant' };

function manualClock(start = Date.UTC(2026, 0, 1)): Clock & { advance(ms: number): void } {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

describe('createSqliteStore', () => {
  let dir: string;
  const opened: DocumentStore[] = [];
  const open = (file: string, clock?: Clock) => {
    const store = createSqliteStore(clock ? { path: file, clock } : { path: file });
    opened.push(store);
    return store;
  };

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'gw-sqlite-'));
  });

  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates the parent directory and uses WAL with synchronous=NORMAL', async () => {
    const file = path.join(dir, 'nested', 'deeper', 'store.db');
    const store = open(file);
    await store.ensureContainers([items]);
    expect(store.kind).toBe('sqlite');
    expect(existsSync(file)).toBe(true);
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('keeps documents across close and reopen', async () => {
    const file = path.join(dir, 'store.db');
    const first = open(file);
    await first.ensureContainers([items]);
    const created = await first.container('items').create({ id: 'a', pk: 't', value: 1 });
    await first.close();
    const second = open(file);
    await second.ensureContainers([items]);
    expect(await second.container('items').read('a', 't')).toEqual(created);
  });

  it('checks etags across two connections to one file', async () => {
    const file = path.join(dir, 'store.db');
    const a = open(file);
    const b = open(file);
    await a.ensureContainers([items]);
    await b.ensureContainers([items]);
    const doc = await a.container('items').create({ id: 'shared', pk: 't', n: 0 });
    await b.container('items').replace({ id: 'shared', pk: 't', n: 1 }, { ifMatch: doc.etag });
    await expect(
      a.container('items').replace({ id: 'shared', pk: 't', n: 2 }, { ifMatch: doc.etag }),
    ).rejects.toMatchObject({
      status: 412,
      code: 'etag_mismatch',
    });
    await expect(
      a.container('items').patch('shared', 't', [{ op: 'incr', path: 'n', value: 1 }], { ifMatch: doc.etag }),
    ).rejects.toMatchObject({ status: 412 });
    await a.container('items').patch('shared', 't', [{ op: 'incr', path: 'n', value: 10 }]);
    expect((await b.container('items').read('shared', 't'))?.n).toBe(11);
    await expect(b.container('items').create({ id: 'shared', pk: 't' })).rejects.toMatchObject({
      status: 409,
    });
  });

  it('keeps expiry in an expires_at column: reads skip expired rows, sweep deletes them', async () => {
    const file = path.join(dir, 'store.db');
    const clock = manualClock();
    const store = open(file, clock);
    await store.ensureContainers([items, { name: 'sessions', partitionKey: '/userId', defaultTtl: 60 }]);
    await store.container('items').create({ id: 'short', pk: 't', ttl: 5 });
    await store.container('items').create({ id: 'forever', pk: 't' });
    await store.container('sessions').create({ id: 's1', pk: 'u1' });
    const raw = new Database(file, { readonly: true });
    const rows = () => raw.prepare('SELECT id, expires_at FROM "c_items" ORDER BY id').all();
    expect(rows()).toEqual([
      { id: 'forever', expires_at: null },
      { id: 'short', expires_at: clock.now() + 5000 },
    ]);
    clock.advance(60_000);
    expect(await store.container('items').read('short', 't')).toBeUndefined();
    expect(rows()).toHaveLength(2);
    // Another process that never declared these containers still sweeps them (via the catalog).
    const other = open(file, clock);
    expect(await other.sweepExpired()).toBe(2);
    expect(rows()).toEqual([{ id: 'forever', expires_at: null }]);
    raw.close();
  });

  it('works in memory and refuses use after close', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    await store.ensureContainers([items]);
    await store.container('items').create({ id: 'a', pk: 't' });
    expect(await store.container('items').count()).toBe(1);
    await store.close();
    await expect(store.ping()).rejects.toThrow(/closed/);
    expect(() => store.container('items')).toThrow(/closed/);
  });

  it('stores container names with dashes and underscores as distinct tables', async () => {
    const store = open(path.join(dir, 'store.db'));
    await store.ensureContainers([
      { name: 'a-b', partitionKey: '/x' },
      { name: 'a_b', partitionKey: '/x' },
    ]);
    await store.container('a-b').create({ id: '1', pk: 'p' });
    expect(await store.container('a_b').count()).toBe(0);
    expect(await store.container('a-b').count()).toBe(1);
  });
});
