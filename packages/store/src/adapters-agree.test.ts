/**
 * The memory and SQLite adapters implement filtering and ordering separately (JavaScript vs SQL);
 * here both answer the same generated queries over the same generated documents, page by page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStore } from './memory/memory-store.js';
import { createSqliteStore } from './sqlite/sqlite-store.js';
import type { DocumentStore, Filter, OrderBy, QuerySpec, Scalar } from './types.js';

const VALUES: unknown[] = [
  'a',
  'b',
  'ab',
  'B',
  '',
  '\u{1F600}',
  '\uFFFD',
  0,
  1,
  2.5,
  -3,
  true,
  false,
  null,
  [1],
  { k: 1 },
];

/** mulberry32: a small deterministic PRNG; returns an integer in [0, n). */
function random(seed: number) {
  let state = seed >>> 0;
  return (n: number) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % 4294967296) % n;
  };
}

async function allPages(store: DocumentStore, spec: QuerySpec): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 200; page++) {
    const result = await store.container('docs').query({ ...spec, ...(cursor ? { cursor } : {}) });
    seen.push(...result.items.map((doc) => `${doc.id}@${doc.pk}`));
    cursor = result.nextCursor;
    if (!cursor) return seen;
  }
  throw new Error('too many pages');
}

describe('memory and sqlite adapters agree', () => {
  const memory = createMemoryStore();
  const sqlite = createSqliteStore({ path: ':memory:' });
  const pick = random(42);

  beforeAll(async () => {
    for (const store of [memory, sqlite])
      await store.ensureContainers([{ name: 'docs', partitionKey: '/p' }]);
    for (let i = 0; i < 240; i++) {
      const doc: Record<string, unknown> = { id: `d${pick(60)}`, pk: `p${pick(4)}` };
      if (pick(4) > 0) doc.a = VALUES[pick(VALUES.length)];
      if (pick(4) > 0) doc.b = VALUES[pick(VALUES.length)];
      if (pick(3) > 0) doc.nested = { c: VALUES[pick(VALUES.length)] };
      for (const store of [memory, sqlite])
        await store.container('docs').upsert({ ...doc, id: doc.id as string, pk: doc.pk as string });
    }
  });

  afterAll(async () => {
    await memory.close();
    await sqlite.close();
  });

  it('return the same documents in the same order for generated queries', async () => {
    const fields = ['a', 'b', 'nested.c', 'missing'];
    const scalars = VALUES.filter((value): value is Scalar => value === null || typeof value !== 'object');
    const ops = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte'] as const;
    const condition = (): Filter => {
      const field = fields[pick(fields.length)] as string;
      const roll = pick(8);
      if (roll === 0)
        return {
          field,
          op: 'in',
          values: [scalars[pick(scalars.length)] as Scalar, scalars[pick(scalars.length)] as Scalar],
        };
      if (roll === 1) return { field, op: 'startsWith', value: ['a', '', 'B'][pick(3)] as string };
      return {
        field,
        op: ops[pick(ops.length)] as (typeof ops)[number],
        value: scalars[pick(scalars.length)] as Scalar,
      };
    };
    for (let round = 0; round < 60; round++) {
      const orderBy: OrderBy[] = Array.from({ length: pick(3) }, () => ({
        field: fields[pick(fields.length)] as string,
        direction: pick(2) === 0 ? 'asc' : 'desc',
      }));
      const spec: QuerySpec = { orderBy, limit: 1 + pick(40) };
      const shape = pick(4);
      if (shape === 1) spec.where = condition();
      if (shape === 2) spec.where = { or: [condition(), condition()] };
      if (shape === 3) spec.where = { and: [condition(), { or: [condition(), condition()] }] };
      if (pick(3) === 0) spec.pk = `p${pick(4)}`;
      const expected = await allPages(memory, spec);
      expect(await allPages(sqlite, spec), JSON.stringify(spec)).toEqual(expected);
      expect(new Set(expected).size).toBe(expected.length);
      const count = await sqlite
        .container('docs')
        .count({ ...(spec.pk ? { pk: spec.pk } : {}), ...(spec.where ? { where: spec.where } : {}) });
      expect(count).toBe(expected.length);
    }
  });
});
