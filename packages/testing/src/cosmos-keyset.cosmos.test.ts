/**
 * Cross-checks the Cosmos adapter's keyset pagination against the memory adapter: the same
 * documents (mixed JSON types, missing fields, ids repeated across partitions, heavy ties) paged
 * through with several sort orders, filters and page sizes must come back in exactly the same
 * order on both, each document once.
 */
import type { DocumentStore, QuerySpec } from '@groundwork/store';
import { createMemoryStore } from '@groundwork/store/memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CosmosEmulator, createCosmosTestStore, startCosmosEmulator } from './cosmos-emulator.js';
import { createFakeClock } from './fake-clock.js';

const clock = createFakeClock();
const spec = { name: 'items', partitionKey: '/tenant' };

/** A deterministic pseudo-random sequence (no Math.random, so failures reproduce). */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function makeDocs(count: number): Array<Record<string, unknown> & { id: string; pk: string }> {
  const random = sequence(7);
  const mixed: unknown[] = [null, true, false, 0, 1, 2, 2.5, -3, 'a', 'b', 'B', 'ab', '', { x: 1 }, [1, 2]];
  return Array.from({ length: count }, (_, index) => {
    const doc: Record<string, unknown> & { id: string; pk: string } = {
      // ids repeat across partitions, so `pk` must break their ties
      id: `doc-${String(index % Math.ceil(count / 3)).padStart(4, '0')}`,
      pk: `tenant-${index % 3}`,
      rank: Math.floor(random() * 4),
      word: ['alpha', 'beta', 'gamma'][Math.floor(random() * 3)],
      nested: { level: Math.floor(random() * 3) },
    };
    const pick = Math.floor(random() * (mixed.length + 3));
    if (pick < mixed.length) doc.mixed = mixed[pick];
    if (random() < 0.2) delete doc.rank;
    return doc;
  });
}

async function walk(store: DocumentStore, query: QuerySpec): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 500; page += 1) {
    const result = await store.container(spec.name).query({ ...query, ...(cursor ? { cursor } : {}) });
    expect(result.items.length).toBeLessThanOrEqual(query.limit ?? 100);
    seen.push(...result.items.map((doc) => `${doc.pk}/${doc.id}`));
    cursor = result.nextCursor;
    if (!cursor) return seen;
  }
  throw new Error('pagination did not finish');
}

const queries: Array<[string, QuerySpec]> = [
  ['no order, small pages', { limit: 7 }],
  ['one key with many ties', { orderBy: [{ field: 'rank' }], limit: 9 }],
  ['one key descending', { orderBy: [{ field: 'rank', direction: 'desc' }], limit: 13 }],
  ['mixed JSON types', { orderBy: [{ field: 'mixed' }], limit: 5 }],
  ['mixed JSON types descending', { orderBy: [{ field: 'mixed', direction: 'desc' }], limit: 6 }],
  [
    'three keys, mixed directions',
    {
      orderBy: [{ field: 'word' }, { field: 'rank', direction: 'desc' }, { field: 'nested.level' }],
      limit: 11,
    },
  ],
  ['id descending', { orderBy: [{ field: 'id', direction: 'desc' }], limit: 17 }],
  ['one partition', { pk: 'tenant-1', orderBy: [{ field: 'mixed' }, { field: 'rank' }], limit: 4 }],
  [
    'filtered',
    {
      where: {
        or: [
          { field: 'rank', op: 'gte', value: 2 },
          { field: 'word', op: 'startsWith', value: 'al' },
        ],
      },
      orderBy: [{ field: 'word', direction: 'desc' }],
      limit: 8,
    },
  ],
  ['one page holds everything', { orderBy: [{ field: 'rank' }], limit: 1000 }],
];

describe('cosmos keyset pagination matches the memory adapter', () => {
  let emulator: CosmosEmulator;
  let cosmos: DocumentStore;
  const memory = createMemoryStore({ clock });
  const docs = makeDocs(240);

  beforeAll(async () => {
    emulator = await startCosmosEmulator();
    cosmos = createCosmosTestStore(emulator, { clock });
    for (const store of [cosmos, memory]) {
      await store.ensureContainers([spec]);
      for (const doc of docs) await store.container(spec.name).create(doc);
    }
  });

  afterAll(async () => {
    await cosmos?.close();
    await emulator?.stop();
  });

  it.each(queries)('%s', async (_label, query) => {
    const expected = await walk(memory, query);
    const actual = await walk(cosmos, query);
    expect(expected.length).toBeGreaterThan(
      query.where ? 0 : query.pk ? docs.length / 3 - 1 : docs.length - 1,
    );
    expect(new Set(actual).size).toBe(actual.length);
    expect(actual).toEqual(expected);
    expect(await cosmos.container(spec.name).count(query)).toBe(expected.length);
  });
});
