import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isAppError } from '@groundwork/errors';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Container, DocumentStore, UpdateMatchingSpec } from '../types.js';
import { compileMatchQuery } from './sql-query.js';
import { createSqliteStore } from './sqlite-store.js';

interface Job {
  state: string;
  rank: number | string | boolean | null;
  owner?: string;
}

const jobs = {
  name: 'jobs',
  partitionKey: '/tenant',
  indexes: [{ equal: ['state'], sort: 'rank' }],
};

describe('SQLite batch capabilities', () => {
  let dir: string;
  let store: DocumentStore;
  let container: Container<Job>;

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'gw-sqlite-batch-'));
    store = createSqliteStore({ path: path.join(dir, 'store.db') });
    await store.ensureContainers([jobs]);
    container = store.container<Job>('jobs');
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('updateMatching selects like query() (filter, order, limit) and writes what update returns', async () => {
    const ranks: Job['rank'][] = [3, 'b', 1, null, true, 2, 'a'];
    for (const [i, rank] of ranks.entries())
      await container.create({ id: `j${i}`, pk: i % 2 ? 't1' : 't2', state: 'open', rank });
    await container.create({ id: 'closed', pk: 't1', state: 'done', rank: 0 });
    const spec = {
      where: { field: 'state', op: 'eq', value: 'open' },
      orderBy: [{ field: 'rank' }],
      limit: 5,
    } satisfies UpdateMatchingSpec;
    const expected = (await container.query(spec)).items.map((doc) => doc.id);

    const matched = await container.updateMatching?.(spec, (doc) =>
      doc.id === 'j3' ? undefined : { ...doc, state: 'taken', owner: 'w1' },
    );
    expect(matched?.map((m) => m.before.id)).toEqual(expected);
    for (const m of matched ?? []) {
      if (m.before.id === 'j3') {
        expect(m.after).toBeUndefined();
        expect((await container.read('j3', m.before.pk))?.etag).toBe(m.before.etag);
      } else {
        expect(m.after).toMatchObject({ id: m.before.id, state: 'taken', owner: 'w1' });
        expect(m.after?.etag).not.toBe(m.before.etag);
        expect(await container.read(m.before.id, m.before.pk)).toEqual(m.after);
      }
    }
    // Taken documents no longer match; the next call gets the rest.
    const rest = await container.updateMatching?.(spec, (doc) => ({ ...doc, state: 'taken' }));
    expect(rest?.map((m) => m.before.id).sort()).toEqual(
      ['j3', ...ranks.map((_, i) => `j${i}`).filter((id) => !expected.includes(id))].sort(),
    );
  });

  it('updateMatching writes nothing when update throws, and refuses a changed id or pk', async () => {
    await container.create({ id: 'a', pk: 't1', state: 'open', rank: 1 });
    await container.create({ id: 'b', pk: 't1', state: 'open', rank: 2 });
    const spec = {
      where: { field: 'state', op: 'eq', value: 'open' },
      orderBy: [{ field: 'rank' }],
    } satisfies UpdateMatchingSpec;
    await expect(
      container.updateMatching?.(spec, (doc) => {
        if (doc.id === 'b') throw new Error('boom');
        return { ...doc, state: 'taken' };
      }),
    ).rejects.toThrow('boom');
    await expect(container.updateMatching?.(spec, (doc) => ({ ...doc, pk: 't2' }))).rejects.toMatchObject({
      status: 400,
    });
    expect(await container.count({ where: { field: 'state', op: 'eq', value: 'open' } })).toBe(2);
  });

  it('updateMatching on the declared index walks it in order instead of sorting the table', async () => {
    const db = new Database(path.join(dir, 'store.db'), { readonly: true });
    try {
      const { sql, params } = compileMatchQuery(
        '"c_jobs"',
        {
          where: { field: 'state', op: 'eq', value: 'open' },
          orderBy: [{ field: 'rank', direction: 'asc' }],
          limit: 10,
        },
        Date.now(),
      );
      const plan = db
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...params)
        .map((row) => (row as { detail: string }).detail)
        .join('\n');
      expect(plan).toContain('c_jobs__ix_state_rank');
      expect(plan).not.toContain('TEMP B-TREE');
    } finally {
      db.close();
    }
  });

  it('createMany creates each document; a taken id fails alone with a 409', async () => {
    await container.create({ id: 'taken', pk: 't1', state: 'open', rank: 0 });
    const results = await container.createMany?.([
      { id: 'n1', pk: 't1', state: 'open', rank: 1 },
      { id: 'taken', pk: 't1', state: 'open', rank: 2 },
      { id: 'bad/id', pk: 't1', state: 'open', rank: 3 },
      { id: 'n2', pk: 't2', state: 'open', rank: 4 },
    ]);
    expect(results?.map((r) => r.ok)).toEqual([true, false, false, true]);
    const failures = (results ?? []).flatMap((r) => (r.ok ? [] : [r.error]));
    expect(failures.map((e) => (isAppError(e) ? e.status : 0))).toEqual([409, 400]);
    expect(await container.read('n2', 't2')).toEqual(results?.[3]?.ok ? results[3].document : undefined);
    expect((await container.read('taken', 't1'))?.rank).toBe(0);
  });

  it('replaceMany replaces each item with its own ifMatch; a stale etag or a missing document fails alone', async () => {
    const a = await container.create({ id: 'a', pk: 't1', state: 'open', rank: 1 });
    const b = await container.create({ id: 'b', pk: 't1', state: 'open', rank: 2 });
    await container.replace({ ...b, rank: 20 });
    const results = await container.replaceMany?.([
      { doc: { ...a, state: 'done' }, ifMatch: a.etag },
      { doc: { ...b, state: 'done' }, ifMatch: b.etag },
      { doc: { id: 'gone', pk: 't1', state: 'done', rank: 0 } },
    ]);
    expect(results?.map((r) => (r.ok ? 200 : isAppError(r.error) ? r.error.status : 0))).toEqual([
      200, 412, 404,
    ]);
    expect((await container.read('a', 't1'))?.state).toBe('done');
    expect(await container.read('b', 't1')).toMatchObject({ state: 'open', rank: 20 });
  });

  it('refuses an index on a field path that is not a dotted identifier', async () => {
    await expect(
      store.ensureContainers([{ name: 'bad', partitionKey: '/tenant', indexes: [{ equal: ["x') --"] }] }]),
    ).rejects.toThrow('dotted field paths');
  });
});
