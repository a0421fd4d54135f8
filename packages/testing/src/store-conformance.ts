/**
 * The DocumentStore conformance suite: one set of behaviours every adapter (memory, sqlite,
 * cosmos) must show, run by `describeStoreConformance('<kind>', factory)` from a test file.
 * `factory` gives each test a fresh, empty store and the fake clock that store reads time from.
 */
import type { Clock, DocumentStore, Filter, Lease, Migration, StoredDocument } from '@groundwork/store';
import { createLeaseManager, migrationStatus, rollbackMigration, runMigrations } from '@groundwork/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

export interface StoreConformanceHarness {
  store: DocumentStore;
  /** The clock the store was created with; the suite advances it to expire documents and leases. */
  clock: Clock & { advance(ms: number): void };
  cleanup(): Promise<void>;
  /** The backend deletes expired documents itself (Cosmos): `sweepExpired` is not checked. */
  expiresNatively?: boolean;
}

export type StoreConformanceFactory = () => Promise<StoreConformanceHarness>;

type Doc = Record<string, unknown>;

const ITEMS = { name: 'items', partitionKey: '/tenant' };
const BIG_TEST_TIMEOUT_MS = 180_000;

interface ExpectedError {
  status: number;
  code: string;
  name?: string;
}

/** Awaits `promise`, which must reject with an error carrying these properties; returns the error. */
async function rejection(promise: Promise<unknown>, expected: ExpectedError): Promise<Error> {
  const outcome = await promise.then(
    (value: unknown) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  if (outcome.ok) throw new Error(`Expected a ${expected.status} ${expected.code} rejection, got a result.`);
  expect(outcome.error).toBeInstanceOf(Error);
  expect(outcome.error).toMatchObject(expected);
  return outcome.error as Error;
}

const CONFLICT = { status: 409, code: 'document_exists', name: 'ConflictError' };
const MISMATCH = { status: 412, code: 'etag_mismatch', name: 'PreconditionFailedError' };
const NOT_FOUND = { status: 404, code: 'document_not_found', name: 'NotFoundError' };
const INVALID = { status: 400, code: 'validation_failed', name: 'ValidationError' };

function ids(items: { id: string }[]): string[] {
  return items.map((item) => item.id);
}

/** Splits the outcomes of racing writes into winners and losers. */
function settle<T>(results: PromiseSettledResult<T>[]): { winners: T[]; losers: unknown[] } {
  const winners: T[] = [];
  const losers: unknown[] = [];
  for (const result of results) {
    if (result.status === 'fulfilled') winners.push(result.value);
    else losers.push(result.reason);
  }
  return { winners, losers };
}

/** Creates `docs` a few at a time (fast on every adapter, gentle on a network backend). */
async function createAll(
  store: DocumentStore,
  container: string,
  docs: (Doc & { id: string; pk: string })[],
) {
  const handle = store.container(container);
  for (let start = 0; start < docs.length; start += 50) {
    await Promise.all(docs.slice(start, start + 50).map((doc) => handle.create(doc)));
  }
}

/** Reads every page of a query; bounded by `maxPages`. */
async function readAllPages(
  store: DocumentStore,
  container: string,
  spec: Parameters<ReturnType<DocumentStore['container']>['query']>[0],
  maxPages = 100,
): Promise<{ docs: StoredDocument[]; pages: number[] }> {
  const handle = store.container(container);
  const docs: StoredDocument[] = [];
  const pages: number[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const result = await handle.query({ ...spec, ...(cursor ? { cursor } : {}) });
    docs.push(...result.items);
    pages.push(result.items.length);
    cursor = result.nextCursor;
    if (!cursor) return { docs, pages };
  }
  throw new Error(`Query did not finish within ${maxPages} pages.`);
}

/** Seven documents over three partitions with mixed, missing and nested fields. */
const QUERY_FIXTURE: (Doc & { id: string; pk: string })[] = [
  { id: 'a1', pk: 'p1', status: 'open', n: 1, flag: true, owner: { id: 'u1' }, name: 'alpha' },
  { id: 'a2', pk: 'p1', status: 'closed', n: 2, flag: false, owner: { id: 'u2' }, name: 'alpine' },
  { id: 'a3', pk: 'p2', status: 'open', n: 3, flag: true, owner: { id: 'u1' }, name: 'beta' },
  { id: 'a4', pk: 'p2', status: 'pending', n: 4, owner: { id: 'u3' }, name: 'gamma' },
  { id: 'a5', pk: 'p3', status: 'open', n: '5', flag: false, name: 'alps' },
  { id: 'a6', pk: 'p3', status: null, n: null, flag: true, owner: { id: 'u2' }, name: 'delta' },
  { id: 'a7', pk: 'p3', n: 7.5, flag: false, owner: 'u1', name: 'Alpha' },
];

export function describeStoreConformance(label: string, factory: StoreConformanceFactory): void {
  describe(`store conformance [${label}]`, () => {
    let harness: StoreConformanceHarness;
    let store: DocumentStore;

    beforeEach(async () => {
      harness = await factory();
      store = harness.store;
      await store.ensureContainers([ITEMS]);
    });

    afterEach(async () => {
      await harness?.cleanup();
    });

    describe('store and containers', () => {
      it(`runs on the ${label} adapter`, async () => {
        console.info(`[store conformance] label=${label} adapter kind=${store.kind}`);
        expect(label).toMatch(new RegExp(`^${store.kind}\\b`));
        await expect(store.ping()).resolves.toBeUndefined();
      });

      it('ensureContainers is idempotent and keeps existing documents', async () => {
        await store.container('items').create({ id: 'keep', pk: 't1', value: 1 });
        await store.ensureContainers([ITEMS]);
        await store.ensureContainers([ITEMS, { name: 'other', partitionKey: '/tenant' }]);
        expect((await store.container('items').read('keep', 't1'))?.value).toBe(1);
        expect(store.container('items').spec.name).toBe('items');
        expect(await store.container('other').count()).toBe(0);
      });

      it('refuses an undeclared container with an error naming it', () => {
        expect(() => store.container('never_declared')).toThrow(/never_declared/);
      });

      it('refuses an invalid container name', async () => {
        await expect(store.ensureContainers([{ name: 'Bad Name!', partitionKey: '/x' }])).rejects.toThrow(
          /Bad Name!/,
        );
      });
    });

    describe('point operations', () => {
      it('reads a missing document as undefined', async () => {
        expect(await store.container('items').read('nope', 't1')).toBeUndefined();
      });

      it('creates a document with store-managed etag and updatedAt from the clock', async () => {
        const items = store.container('items');
        const created = await items.create({ id: 'd1', pk: 't1', title: 'hello', nested: { a: [1, 2] } });
        expect(created).toMatchObject({ id: 'd1', pk: 't1', title: 'hello', nested: { a: [1, 2] } });
        expect(typeof created.etag).toBe('string');
        expect(created.etag.length).toBeGreaterThan(0);
        expect(created.updatedAt).toBe(new Date(harness.clock.now()).toISOString());
        expect(await items.read('d1', 't1')).toEqual(created);
      });

      it('rejects a duplicate id in the same partition but allows it in another', async () => {
        const items = store.container('items');
        await items.create({ id: 'dup', pk: 't1', v: 1 });
        await rejection(items.create({ id: 'dup', pk: 't1', v: 2 }), CONFLICT);
        await items.create({ id: 'dup', pk: 't2', v: 3 });
        expect((await items.read('dup', 't1'))?.v).toBe(1);
        expect((await items.read('dup', 't2'))?.v).toBe(3);
      });

      it('upserts: creates, then replaces the whole document', async () => {
        const items = store.container('items');
        const first = await items.upsert({ id: 'u', pk: 't1', a: 1, b: 2 });
        harness.clock.advance(1500);
        const second = await items.upsert({ id: 'u', pk: 't1', a: 10 });
        expect(second.etag).not.toBe(first.etag);
        expect(second.updatedAt).toBe(new Date(harness.clock.now()).toISOString());
        const stored = await items.read('u', 't1');
        expect(stored).toMatchObject({ a: 10 });
        expect(stored).not.toHaveProperty('b');
      });

      it('upsert with ifMatch behaves as replace', async () => {
        const items = store.container('items');
        const doc = await items.create({ id: 'u', pk: 't1', a: 1 });
        await rejection(items.upsert({ id: 'u', pk: 't1', a: 2 }, { ifMatch: 'stale' }), MISMATCH);
        await rejection(items.upsert({ id: 'missing', pk: 't1', a: 2 }, { ifMatch: doc.etag }), NOT_FOUND);
        const next = await items.upsert({ id: 'u', pk: 't1', a: 3 }, { ifMatch: doc.etag });
        expect(next.a).toBe(3);
      });

      it('replaces with and without ifMatch; 412 on a stale etag, 404 when missing', async () => {
        const items = store.container('items');
        const doc = await items.create({ id: 'r', pk: 't1', a: 1, gone: true });
        await rejection(items.replace({ id: 'missing', pk: 't1', a: 1 }), NOT_FOUND);
        await rejection(items.replace({ id: 'r', pk: 't1', a: 2 }, { ifMatch: `${doc.etag}x` }), MISMATCH);
        const replaced = await items.replace({ id: 'r', pk: 't1', a: 2 }, { ifMatch: doc.etag });
        expect(replaced.a).toBe(2);
        expect(replaced).not.toHaveProperty('gone');
        await rejection(items.replace({ id: 'r', pk: 't1', a: 3 }, { ifMatch: doc.etag }), MISMATCH);
        const unconditional = await items.replace({ id: 'r', pk: 't1', a: 4 });
        expect((await items.read('r', 't1'))?.etag).toBe(unconditional.etag);
        // A stored document passed back (with its etag and updatedAt) is accepted as a replacement.
        const again = await items.replace({ ...unconditional, a: 5 }, { ifMatch: unconditional.etag });
        expect(again.a).toBe(5);
      });

      it('patches with set (nested, creating parents), remove and incr', async () => {
        const items = store.container('items');
        const doc = await items.create({
          id: 'p',
          pk: 't1',
          count: 1,
          keep: 'yes',
          drop: 'x',
          meta: { a: 1 },
        });
        const patched = await items.patch('p', 't1', [
          { op: 'incr', path: 'count', value: 2 },
          { op: 'incr', path: 'fresh', value: 5 },
          { op: 'set', path: 'meta.b', value: { deep: true } },
          { op: 'set', path: 'made.up.path', value: 'v' },
          { op: 'remove', path: 'drop' },
        ]);
        expect(patched).toMatchObject({
          count: 3,
          fresh: 5,
          keep: 'yes',
          meta: { a: 1, b: { deep: true } },
          made: { up: { path: 'v' } },
        });
        expect(patched).not.toHaveProperty('drop');
        expect(patched.etag).not.toBe(doc.etag);
        expect(await items.read('p', 't1')).toEqual(patched);
      });

      it('patch honours ifMatch, reports missing documents and protects store-managed fields', async () => {
        const items = store.container('items');
        const doc = await items.create({ id: 'p', pk: 't1', count: 1 });
        await rejection(
          items.patch('p', 't1', [{ op: 'incr', path: 'count', value: 1 }], { ifMatch: 'stale' }),
          MISMATCH,
        );
        await rejection(items.patch('missing', 't1', [{ op: 'set', path: 'a', value: 1 }]), NOT_FOUND);
        await rejection(items.patch('p', 't1', [{ op: 'set', path: 'id', value: 'other' }]), INVALID);
        await rejection(items.patch('p', 't1', [{ op: 'set', path: 'bad path', value: 1 }]), INVALID);
        const ok = await items.patch('p', 't1', [{ op: 'incr', path: 'count', value: 1 }], {
          ifMatch: doc.etag,
        });
        expect(ok.count).toBe(2);
      });

      it('deletes with and without ifMatch; 412 on a stale etag, 404 when missing', async () => {
        const items = store.container('items');
        const doc = await items.create({ id: 'del', pk: 't1' });
        await rejection(items.delete('missing', 't1'), NOT_FOUND);
        await rejection(items.delete('missing', 't1', { ifMatch: doc.etag }), NOT_FOUND);
        await rejection(items.delete('del', 't1', { ifMatch: 'stale' }), MISMATCH);
        await items.delete('del', 't1', { ifMatch: doc.etag });
        expect(await items.read('del', 't1')).toBeUndefined();
        await items.create({ id: 'del2', pk: 't1' });
        await items.delete('del2', 't1');
        expect(await items.read('del2', 't1')).toBeUndefined();
        await rejection(items.delete('del2', 't1'), NOT_FOUND);
      });

      it('changes the etag on every write and takes updatedAt from the clock', async () => {
        const items = store.container('items');
        const etags = new Set<string>();
        const times: string[] = [];
        const record = (doc: StoredDocument) => {
          etags.add(doc.etag);
          times.push(doc.updatedAt);
          harness.clock.advance(1000);
        };
        record(await items.create({ id: 'e', pk: 't1', n: 0 }));
        record(await items.upsert({ id: 'e', pk: 't1', n: 1 }));
        record(await items.replace({ id: 'e', pk: 't1', n: 2 }));
        record(await items.patch('e', 't1', [{ op: 'incr', path: 'n', value: 1 }]));
        record(await items.replace({ id: 'e', pk: 't1', n: 3 }));
        expect(etags.size).toBe(5);
        const start = harness.clock.now() - 5000;
        expect(times).toEqual([0, 1, 2, 3, 4].map((i) => new Date(start + i * 1000).toISOString()));
      });

      it('returns copies: changing a returned document does not change the stored one', async () => {
        const items = store.container('items');
        const created = await items.create({ id: 'c', pk: 't1', list: [1], obj: { a: 1 } });
        (created.list as number[]).push(2);
        (created.obj as Doc).a = 99;
        const read = await items.read('c', 't1');
        expect(read).toMatchObject({ list: [1], obj: { a: 1 } });
      });

      it('rejects invalid ids and ttl values with ValidationError', async () => {
        const items = store.container('items');
        await rejection(items.create({ id: 'a/b', pk: 't1' }), INVALID);
        await rejection(items.create({ id: '', pk: 't1' }), INVALID);
        await rejection(items.create({ id: 'x', pk: 't1', ttl: 0 }), INVALID);
        await rejection(items.create({ id: 'x', pk: 't1', ttl: 1.5 }), INVALID);
        await rejection(items.create({ id: 'x', pk: 't1', ttl: -2 }), INVALID);
        expect(await items.count()).toBe(0);
      });
    });

    describe('queries', () => {
      beforeEach(async () => {
        await createAll(store, 'items', QUERY_FIXTURE);
      });

      const where = async (filter: Parameters<ReturnType<DocumentStore['container']>['query']>[0]) =>
        ids((await store.container('items').query(filter)).items);

      it('returns everything by id when unfiltered', async () => {
        expect(await where({})).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7']);
      });

      it('eq and ne only match values of the same JSON type; missing fields match nothing', async () => {
        expect(await where({ where: { field: 'status', op: 'eq', value: 'open' } })).toEqual([
          'a1',
          'a3',
          'a5',
        ]);
        expect(await where({ where: { field: 'status', op: 'ne', value: 'open' } })).toEqual(['a2', 'a4']);
        expect(await where({ where: { field: 'status', op: 'eq', value: null } })).toEqual(['a6']);
        expect(await where({ where: { field: 'status', op: 'ne', value: null } })).toEqual([]);
        expect(await where({ where: { field: 'n', op: 'eq', value: 5 } })).toEqual([]);
        expect(await where({ where: { field: 'n', op: 'eq', value: '5' } })).toEqual(['a5']);
        expect(await where({ where: { field: 'flag', op: 'eq', value: true } })).toEqual(['a1', 'a3', 'a6']);
        expect(await where({ where: { field: 'flag', op: 'ne', value: true } })).toEqual(['a2', 'a5', 'a7']);
        expect(await where({ where: { field: 'flag', op: 'eq', value: 1 } })).toEqual([]);
      });

      it('lt, lte, gt and gte compare numbers with numbers and strings with strings', async () => {
        expect(await where({ where: { field: 'n', op: 'gt', value: 2 } })).toEqual(['a3', 'a4', 'a7']);
        expect(await where({ where: { field: 'n', op: 'gte', value: 2 } })).toEqual(['a2', 'a3', 'a4', 'a7']);
        expect(await where({ where: { field: 'n', op: 'lt', value: 3 } })).toEqual(['a1', 'a2']);
        expect(await where({ where: { field: 'n', op: 'lte', value: 3 } })).toEqual(['a1', 'a2', 'a3']);
        expect(await where({ where: { field: 'n', op: 'lt', value: 7.6 } })).toEqual([
          'a1',
          'a2',
          'a3',
          'a4',
          'a7',
        ]);
        expect(await where({ where: { field: 'name', op: 'gt', value: 'alpha' } })).toEqual([
          'a2',
          'a3',
          'a4',
          'a5',
          'a6',
        ]);
        expect(await where({ where: { field: 'name', op: 'lt', value: 'alpha' } })).toEqual(['a7']);
        expect(await where({ where: { field: 'n', op: 'gte', value: '0' } })).toEqual(['a5']);
      });

      it('in matches any listed value of the same type', async () => {
        const inList = (values: (string | number | boolean | null)[]) =>
          where({ where: { field: 'status', op: 'in', values } });
        expect(await inList(['open', 'pending'])).toEqual(['a1', 'a3', 'a4', 'a5']);
        expect(await inList([])).toEqual([]);
        expect(await where({ where: { field: 'n', op: 'in', values: [1, '5', null, 4] } })).toEqual([
          'a1',
          'a4',
          'a5',
          'a6',
        ]);
        expect(await where({ where: { field: 'flag', op: 'in', values: [false] } })).toEqual([
          'a2',
          'a5',
          'a7',
        ]);
      });

      it('startsWith is a case-sensitive prefix match on strings only', async () => {
        expect(await where({ where: { field: 'name', op: 'startsWith', value: 'alp' } })).toEqual([
          'a1',
          'a2',
          'a5',
        ]);
        expect(await where({ where: { field: 'name', op: 'startsWith', value: 'Alp' } })).toEqual(['a7']);
        expect(await where({ where: { field: 'n', op: 'startsWith', value: '5' } })).toEqual(['a5']);
        expect(await where({ where: { field: 'name', op: 'startsWith', value: '%' } })).toEqual([]);
      });

      it('filters on nested field paths', async () => {
        expect(await where({ where: { field: 'owner.id', op: 'eq', value: 'u1' } })).toEqual(['a1', 'a3']);
        expect(await where({ where: { field: 'owner.id', op: 'ne', value: 'u1' } })).toEqual([
          'a2',
          'a4',
          'a6',
        ]);
        expect(await where({ where: { field: 'owner.missing.deeper', op: 'eq', value: 'u1' } })).toEqual([]);
      });

      it('combines conditions with and/or', async () => {
        expect(
          await where({
            where: {
              and: [
                { field: 'status', op: 'eq', value: 'open' },
                { field: 'flag', op: 'eq', value: true },
              ],
            },
          }),
        ).toEqual(['a1', 'a3']);
        expect(
          await where({
            where: {
              or: [
                { field: 'status', op: 'eq', value: 'pending' },
                { field: 'n', op: 'gte', value: 7 },
              ],
            },
          }),
        ).toEqual(['a4', 'a7']);
        expect(
          await where({
            where: {
              and: [
                {
                  or: [
                    { field: 'owner.id', op: 'eq', value: 'u1' },
                    { field: 'owner.id', op: 'eq', value: 'u2' },
                  ],
                },
                { field: 'name', op: 'ne', value: 'beta' },
              ],
            },
          }),
        ).toEqual(['a1', 'a2', 'a6']);
        expect(await where({ where: { and: [] } })).toHaveLength(7);
        expect(await where({ where: { or: [] } })).toEqual([]);
      });

      it('orders ascending and descending, with id breaking ties', async () => {
        const numbers = { field: 'n', op: 'gte', value: 0 } as const;
        expect(await where({ where: numbers, orderBy: [{ field: 'n' }] })).toEqual([
          'a1',
          'a2',
          'a3',
          'a4',
          'a7',
        ]);
        expect(await where({ where: numbers, orderBy: [{ field: 'n', direction: 'desc' }] })).toEqual([
          'a7',
          'a4',
          'a3',
          'a2',
          'a1',
        ]);
        const open = { field: 'status', op: 'eq', value: 'open' } as const;
        expect(await where({ where: open, orderBy: [{ field: 'status', direction: 'desc' }] })).toEqual([
          'a1',
          'a3',
          'a5',
        ]);
        expect(await where({ orderBy: [{ field: 'name' }] })).toEqual([
          'a7',
          'a1',
          'a2',
          'a5',
          'a3',
          'a6',
          'a4',
        ]);
      });

      it('orders by several fields with mixed directions', async () => {
        const booleans: Filter = { field: 'flag', op: 'in', values: [true, false] };
        expect(
          await where({
            where: booleans,
            orderBy: [{ field: 'flag', direction: 'desc' }, { field: 'name' }],
          }),
        ).toEqual(['a1', 'a3', 'a6', 'a7', 'a2', 'a5']);
        expect(
          await where({
            where: booleans,
            orderBy: [{ field: 'flag' }, { field: 'owner.id', direction: 'desc' }],
          }),
        ).toEqual(['a2', 'a5', 'a7', 'a6', 'a1', 'a3']);
      });

      it('orders mixed JSON types as missing < null < number < string', async () => {
        expect(await where({ orderBy: [{ field: 'n' }] })).toEqual([
          'a6',
          'a1',
          'a2',
          'a3',
          'a4',
          'a7',
          'a5',
        ]);
        expect(await where({ orderBy: [{ field: 'status' }] })).toEqual([
          'a7',
          'a6',
          'a2',
          'a1',
          'a3',
          'a5',
          'a4',
        ]);
      });

      it('limits pages and continues with a cursor', async () => {
        const items = store.container('items');
        const first = await items.query({ limit: 3 });
        expect(ids(first.items)).toEqual(['a1', 'a2', 'a3']);
        expect(first.nextCursor).toEqual(expect.any(String));
        const second = await items.query({ limit: 3, cursor: first.nextCursor });
        expect(ids(second.items)).toEqual(['a4', 'a5', 'a6']);
        const third = await items.query({ limit: 3, cursor: second.nextCursor });
        expect(ids(third.items)).toEqual(['a7']);
        expect(third.nextCursor).toBeUndefined();
        const all = await items.query({ limit: 7 });
        expect(all.items).toHaveLength(7);
        expect(all.nextCursor).toBeUndefined();
      });

      it('queries one partition or across partitions', async () => {
        expect(await where({ pk: 'p3' })).toEqual(['a5', 'a6', 'a7']);
        expect(await where({ pk: 'p3', where: { field: 'flag', op: 'eq', value: false } })).toEqual([
          'a5',
          'a7',
        ]);
        expect(await where({ pk: 'nobody' })).toEqual([]);
        expect(await where({ where: { field: 'flag', op: 'eq', value: false } })).toEqual(['a2', 'a5', 'a7']);
      });

      it('pages across partitions that reuse the same id, returning each document once', async () => {
        const items = store.container('items');
        await items.create({ id: 'a1', pk: 'p2', status: 'copy' });
        await items.create({ id: 'a1', pk: 'p3', status: 'copy' });
        const { docs } = await readAllPages(store, 'items', { limit: 1 });
        expect(docs.map((doc) => `${doc.id}@${doc.pk}`)).toEqual([
          'a1@p1',
          'a1@p2',
          'a1@p3',
          'a2@p1',
          'a3@p2',
          'a4@p2',
          'a5@p3',
          'a6@p3',
          'a7@p3',
        ]);
      });

      it('counts with and without a filter or partition', async () => {
        const items = store.container('items');
        expect(await items.count()).toBe(7);
        expect(await items.count({ where: { field: 'status', op: 'eq', value: 'open' } })).toBe(3);
        expect(await items.count({ pk: 'p1' })).toBe(2);
        expect(await items.count({ pk: 'p3', where: { field: 'flag', op: 'eq', value: true } })).toBe(1);
      });

      it('rejects invalid field paths, limits and cursors with ValidationError', async () => {
        const items = store.container('items');
        const injection = await rejection(
          items.query({ where: { field: "status') OR 1=1 --", op: 'eq', value: 'x' } }),
          INVALID,
        );
        expect(injection).toMatchObject({ issues: [expect.objectContaining({ path: 'where.field' })] });
        await rejection(items.query({ orderBy: [{ field: 'name; DROP TABLE x' }] }), INVALID);
        await rejection(items.count({ where: { field: '$.status', op: 'eq', value: 'x' } }), INVALID);
        for (const limit of [0, 1001, 1.5, -1]) {
          const error = await rejection(items.query({ limit }), INVALID);
          expect(error).toMatchObject({ issues: [expect.objectContaining({ path: 'limit' })] });
        }
        const cursorIssue = { issues: [expect.objectContaining({ path: 'cursor' })] };
        expect(await rejection(items.query({ cursor: 'not a cursor' }), INVALID)).toMatchObject(cursorIssue);
        expect(await rejection(items.query({ cursor: 'eyJ2IjoxfQ' }), INVALID)).toMatchObject(cursorIssue);
        const page = await items.query({ limit: 2, orderBy: [{ field: 'name' }] });
        const cursor = page.nextCursor as string;
        const tampered = `${cursor.slice(0, 10)}${cursor[10] === 'A' ? 'B' : 'A'}${cursor.slice(11)}`;
        expect(
          await rejection(items.query({ limit: 2, orderBy: [{ field: 'name' }], cursor: tampered }), INVALID),
        ).toMatchObject(cursorIssue);
        // A cursor only continues the query that produced it.
        expect(
          await rejection(items.query({ limit: 2, orderBy: [{ field: 'n' }], cursor }), INVALID),
        ).toMatchObject(cursorIssue);
        const next = await items.query({ limit: 2, orderBy: [{ field: 'name' }], cursor });
        expect(ids(next.items)).toEqual(['a2', 'a5']);
      });
    });

    describe('pagination over more than 1,000 documents', () => {
      const TOTAL = 1200;
      const bigDocs = Array.from({ length: TOTAL }, (_, i) => ({
        id: `d${String(i).padStart(4, '0')}`,
        pk: `t${i % 4}`,
        seq: (i * 7919) % TOTAL,
        group: i % 7,
        label: i % 3 === 0 ? `x${i % 5}` : `y${i % 2}`,
      }));
      type Big = (typeof bigDocs)[number];
      const byId = (a: Big, b: Big) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

      it(
        'visits every document exactly once and in order, for several orders and page sizes',
        async () => {
          await store.ensureContainers([{ name: 'big', partitionKey: '/tenant' }]);
          await createAll(store, 'big', bigDocs);
          expect(await store.container('big').count()).toBe(TOTAL);

          const byIdPages = await readAllPages(store, 'big', { limit: 100 });
          expect(byIdPages.pages).toEqual(Array(12).fill(100));
          expect(ids(byIdPages.docs)).toEqual(ids([...bigDocs].sort(byId)));

          const groupDesc = await readAllPages(store, 'big', {
            orderBy: [{ field: 'group', direction: 'desc' }],
            limit: 250,
          });
          expect(groupDesc.pages).toEqual([250, 250, 250, 250, 200]);
          const expectedGroupDesc = [...bigDocs].sort((a, b) => b.group - a.group || byId(a, b));
          expect(ids(groupDesc.docs)).toEqual(ids(expectedGroupDesc));

          const mixed = await readAllPages(store, 'big', {
            orderBy: [{ field: 'label' }, { field: 'seq', direction: 'desc' }],
            limit: 100,
          });
          const expectedMixed = [...bigDocs].sort(
            (a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0) || b.seq - a.seq || byId(a, b),
          );
          expect(new Set(ids(mixed.docs)).size).toBe(TOTAL);
          expect(ids(mixed.docs)).toEqual(ids(expectedMixed));

          const filtered = await readAllPages(store, 'big', {
            pk: 't1',
            where: { field: 'group', op: 'ne', value: 3 },
            orderBy: [{ field: 'seq', direction: 'desc' }],
            limit: 100,
          });
          const expectedFiltered = bigDocs
            .filter((doc) => doc.pk === 't1' && doc.group !== 3)
            .sort((a, b) => b.seq - a.seq);
          expect(ids(filtered.docs)).toEqual(ids(expectedFiltered));
        },
        BIG_TEST_TIMEOUT_MS,
      );
    });

    describe('time to live', () => {
      it('hides a document once its own ttl has passed, and sweeps it', async () => {
        const items = store.container('items');
        await items.create({ id: 'short', pk: 't1', ttl: 60, kind: 'ttl' });
        await items.create({ id: 'forever', pk: 't1', kind: 'ttl' });
        harness.clock.advance(59_999);
        expect(await items.read('short', 't1')).toBeDefined();
        harness.clock.advance(1);
        expect(await items.read('short', 't1')).toBeUndefined();
        expect(ids((await items.query({ where: { field: 'kind', op: 'eq', value: 'ttl' } })).items)).toEqual([
          'forever',
        ]);
        expect(
          ids((await items.query({ where: { field: 'kind', op: 'ne', value: 'other' } })).items),
        ).toEqual(['forever']);
        expect(await items.count()).toBe(1);
        await rejection(items.replace({ id: 'short', pk: 't1' }), NOT_FOUND);
        await rejection(items.patch('short', 't1', [{ op: 'set', path: 'a', value: 1 }]), NOT_FOUND);
        await rejection(items.delete('short', 't1'), NOT_FOUND);
        if (!harness.expiresNatively) {
          expect(await store.sweepExpired()).toBe(1);
          expect(await store.sweepExpired()).toBe(0);
        }
        expect(await items.count()).toBe(1);
        expect(await items.read('forever', 't1')).toBeDefined();
      });

      it('lets a new document take the id of an expired one', async () => {
        const items = store.container('items');
        await items.create({ id: 'reuse', pk: 't1', ttl: 10, v: 1 });
        harness.clock.advance(10_000);
        const again = await items.create({ id: 'reuse', pk: 't1', v: 2 });
        expect(again.v).toBe(2);
        harness.clock.advance(100_000);
        expect((await items.read('reuse', 't1'))?.v).toBe(2);
      });

      it('applies the container defaultTtl unless the document sets its own (-1 = never)', async () => {
        await store.ensureContainers([{ name: 'cache', partitionKey: '/tenant', defaultTtl: 10 }]);
        const cache = store.container('cache');
        await cache.create({ id: 'default', pk: 't1' });
        await cache.create({ id: 'longer', pk: 't1', ttl: 100 });
        await cache.create({ id: 'never', pk: 't1', ttl: -1 });
        harness.clock.advance(9_999);
        expect(await cache.count()).toBe(3);
        harness.clock.advance(1);
        expect(await cache.read('default', 't1')).toBeUndefined();
        expect(ids((await cache.query()).items)).toEqual(['longer', 'never']);
        harness.clock.advance(90_000);
        expect(ids((await cache.query()).items)).toEqual(['never']);
        expect(await cache.count()).toBe(1);
        if (!harness.expiresNatively) expect(await store.sweepExpired()).toBe(2);
        harness.clock.advance(10 * 365 * 24 * 3600 * 1000);
        expect(await cache.read('never', 't1')).toBeDefined();
      });

      it('counts the ttl from the last write', async () => {
        const items = store.container('items');
        const doc = await items.create({ id: 'renewed', pk: 't1', ttl: 60 });
        harness.clock.advance(50_000);
        await items.replace({ ...doc, note: 'touched' });
        harness.clock.advance(50_000);
        expect((await items.read('renewed', 't1'))?.note).toBe('touched');
        await items.patch('renewed', 't1', [{ op: 'set', path: 'note', value: 'patched' }]);
        harness.clock.advance(59_000);
        expect((await items.read('renewed', 't1'))?.note).toBe('patched');
        harness.clock.advance(1_000);
        expect(await items.read('renewed', 't1')).toBeUndefined();
      });
    });

    describe('concurrency', () => {
      it('two replaces racing on one etag: exactly one wins, the other gets 412', async () => {
        const items = store.container('items');
        const doc = await items.create({ id: 'race', pk: 't1', writer: 'none' });
        const results = await Promise.allSettled([
          items.replace({ id: 'race', pk: 't1', writer: 'A' }, { ifMatch: doc.etag }),
          items.replace({ id: 'race', pk: 't1', writer: 'B' }, { ifMatch: doc.etag }),
        ]);
        const { winners, losers } = settle(results);
        expect(winners).toHaveLength(1);
        expect(losers).toHaveLength(1);
        expect(losers[0]).toMatchObject(MISMATCH);
        expect((await items.read('race', 't1'))?.writer).toBe(winners[0]?.writer);
      });

      it('patches racing on one etag: exactly one wins, the others get 412', async () => {
        const items = store.container('items');
        const doc = await items.create({ id: 'race', pk: 't1', n: 0 });
        const results = await Promise.allSettled(
          Array.from({ length: 5 }, (_, i) =>
            items.patch('race', 't1', [{ op: 'set', path: 'n', value: i + 1 }], { ifMatch: doc.etag }),
          ),
        );
        const { winners, losers } = settle(results);
        expect(winners).toHaveLength(1);
        expect(losers).toHaveLength(4);
        for (const loser of losers) expect(loser).toMatchObject(MISMATCH);
        expect((await items.read('race', 't1'))?.n).toBe(winners[0]?.n);
      });

      it('a replace and a patch racing on one etag: exactly one wins', async () => {
        const items = store.container('items');
        const doc = await items.create({ id: 'race', pk: 't1', n: 0 });
        const results = await Promise.allSettled([
          items.patch('race', 't1', [{ op: 'incr', path: 'n', value: 1 }], { ifMatch: doc.etag }),
          items.replace({ id: 'race', pk: 't1', n: 100 }, { ifMatch: doc.etag }),
        ]);
        const { winners, losers } = settle(results);
        expect(winners).toHaveLength(1);
        expect(losers[0]).toMatchObject(MISMATCH);
      });

      it('deletes racing on one etag: exactly one wins, the other finds it gone', async () => {
        const items = store.container('items');
        const doc = await items.create({ id: 'race', pk: 't1' });
        const results = await Promise.allSettled([
          items.delete('race', 't1', { ifMatch: doc.etag }),
          items.delete('race', 't1', { ifMatch: doc.etag }),
        ]);
        const { winners, losers } = settle(results);
        expect(winners).toHaveLength(1);
        expect(losers[0]).toMatchObject(NOT_FOUND);
        expect(await items.read('race', 't1')).toBeUndefined();
      });

      it('a delete and a replace racing on one etag: exactly one wins', async () => {
        const items = store.container('items');
        const doc = await items.create({ id: 'race', pk: 't1' });
        const results = await Promise.allSettled<unknown>([
          items.delete('race', 't1', { ifMatch: doc.etag }),
          items.replace({ id: 'race', pk: 't1', v: 1 }, { ifMatch: doc.etag }),
        ]);
        const { winners, losers } = settle(results);
        expect(winners).toHaveLength(1);
        expect([404, 412]).toContain((losers[0] as { status?: number }).status);
      });

      it('concurrent creates of one id: exactly one wins, the others get 409', async () => {
        const items = store.container('items');
        const results = await Promise.allSettled(
          Array.from({ length: 8 }, (_, i) => items.create({ id: 'once', pk: 't1', writer: i })),
        );
        const { winners, losers } = settle(results);
        expect(winners).toHaveLength(1);
        expect(losers).toHaveLength(7);
        for (const loser of losers) expect(loser).toMatchObject(CONFLICT);
        expect((await items.read('once', 't1'))?.writer).toBe(winners[0]?.writer);
      });

      it('patch without ifMatch is atomic: concurrent increments all count', async () => {
        const items = store.container('items');
        await items.create({ id: 'counter', pk: 't1', n: 0 });
        await Promise.all(
          Array.from({ length: 10 }, () =>
            items.patch('counter', 't1', [{ op: 'incr', path: 'n', value: 1 }]),
          ),
        );
        expect((await items.read('counter', 't1'))?.n).toBe(10);
      });
    });

    describe('leases', () => {
      it('acquires, renews and releases', async () => {
        const leases = createLeaseManager({ store, clock: harness.clock });
        const lease = (await leases.acquire('job-a', 'owner-1', 30_000)) as Lease;
        expect(lease).toMatchObject({
          name: 'job-a',
          owner: 'owner-1',
          expiresAt: harness.clock.now() + 30_000,
        });
        expect(await leases.read('job-a')).toEqual(lease);
        harness.clock.advance(10_000);
        const renewed = (await leases.renew(lease)) as Lease;
        expect(renewed.expiresAt).toBe(harness.clock.now() + 30_000);
        expect(renewed.etag).not.toBe(lease.etag);
        expect(renewed.token).toBe(lease.token);
        expect(await leases.renew(lease)).toBeUndefined();
        expect(await leases.release(lease)).toBe(false);
        expect(await leases.release(renewed)).toBe(true);
        expect(await leases.read('job-a')).toBeUndefined();
        expect(await leases.release(renewed)).toBe(false);
        expect(await leases.acquire('job-a', 'owner-2', 30_000)).toMatchObject({ owner: 'owner-2' });
      });

      it('blocks a second owner until the lease expires; the old holder then cannot renew', async () => {
        const leases = createLeaseManager({ store, clock: harness.clock });
        const first = (await leases.acquire('leader', 'one', 5_000)) as Lease;
        expect(first).toBeDefined();
        expect(await leases.acquire('leader', 'two', 5_000)).toBeUndefined();
        const again = (await leases.acquire('leader', 'one', 5_000)) as Lease;
        expect(again).toMatchObject({ owner: 'one', token: first.token });
        harness.clock.advance(4_999);
        expect(await leases.acquire('leader', 'two', 5_000)).toBeUndefined();
        harness.clock.advance(1);
        expect(await leases.read('leader')).toBeUndefined();
        const second = (await leases.acquire('leader', 'two', 5_000)) as Lease;
        expect(second).toMatchObject({ owner: 'two' });
        expect(second.token).not.toBe(first.token);
        expect(await leases.renew(again)).toBeUndefined();
        expect(await leases.release(again)).toBe(false);
        expect((await leases.read('leader'))?.owner).toBe('two');
      });

      it('a race of acquirers has exactly one winner, also over an expired lease', async () => {
        const leases = createLeaseManager({ store, clock: harness.clock });
        const race = () =>
          Promise.all(Array.from({ length: 8 }, (_, i) => leases.acquire('contended', `owner-${i}`, 1_000)));
        const firstRound = (await race()).filter((lease) => lease !== undefined);
        expect(firstRound).toHaveLength(1);
        expect((await leases.read('contended'))?.owner).toBe(firstRound[0]?.owner);
        harness.clock.advance(1_000);
        const secondRound = (await race()).filter((lease) => lease !== undefined);
        expect(secondRound).toHaveLength(1);
        expect((await leases.read('contended'))?.token).toBe(secondRound[0]?.token);
      });
    });

    describe('migrations', () => {
      interface Probe {
        calls: string[];
        failOn?: string;
      }
      const makeMigrations = (probe: Probe): Migration[] =>
        [1, 2, 3].map((version) => ({
          version,
          id: `m${version}`,
          description: `migration ${version}`,
          reversible: version === 3,
          async up(ctx) {
            probe.calls.push(`up:m${version}`);
            if (probe.failOn === `m${version}`) throw new Error(`boom in m${version}`);
            await ctx.store.ensureContainers([{ name: `made_by_m${version}`, partitionKey: '/tenant' }]);
          },
          ...(version === 3
            ? {
                async down() {
                  probe.calls.push(`down:m${version}`);
                },
              }
            : {}),
        }));

      it('runs pending migrations in order and is idempotent', async () => {
        const probe: Probe = { calls: [] };
        const migrations = makeMigrations(probe);
        const before = await migrationStatus({ store, migrations });
        expect(before.pending.map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);
        expect(before.ok).toBe(false);
        const report = await runMigrations({ store, migrations, clock: harness.clock });
        expect(probe.calls).toEqual(['up:m1', 'up:m2', 'up:m3']);
        expect(report).toMatchObject({ ok: true, ranNow: ['m1', 'm2', 'm3'], pending: [] });
        expect(report.failed).toBeUndefined();
        expect(report.applied.map((record) => [record.id, record.version, record.status])).toEqual([
          ['m1', 1, 'applied'],
          ['m2', 2, 'applied'],
          ['m3', 3, 'applied'],
        ]);
        expect(report.applied[0]).toMatchObject({
          productId: 'platform',
          description: 'migration 1',
          appliedAt: new Date(harness.clock.now()).toISOString(),
          reversible: false,
        });
        expect(report.applied[2]?.reversible).toBe(true);
        const second = await runMigrations({ store, migrations, clock: harness.clock });
        expect(second).toMatchObject({ ok: true, ranNow: [], pending: [] });
        expect(probe.calls).toHaveLength(3);
        expect((await migrationStatus({ store, migrations })).applied).toHaveLength(3);
        // Records are per product.
        expect((await migrationStatus({ store, migrations, productId: 'other' })).pending).toHaveLength(3);
      });

      it('records a failure, stops, and retries the failed migration on the next run', async () => {
        const probe: Probe = { calls: [], failOn: 'm2' };
        const migrations = makeMigrations(probe);
        const report = await runMigrations({ store, migrations, clock: harness.clock });
        expect(probe.calls).toEqual(['up:m1', 'up:m2']);
        expect(report.ok).toBe(false);
        expect(report.ranNow).toEqual(['m1']);
        expect(report.failed).toMatchObject({ id: 'm2', status: 'failed', error: 'boom in m2' });
        expect(report.failed?.durationMs).toBeGreaterThanOrEqual(0);
        expect(report.pending.map((m) => m.id)).toEqual(['m2', 'm3']);
        const status = await migrationStatus({ store, migrations });
        expect(status.failed).toMatchObject({ id: 'm2', status: 'failed' });
        expect(status.pending.map((m) => m.id)).toEqual(['m2', 'm3']);

        probe.failOn = undefined;
        const retry = await runMigrations({ store, migrations, clock: harness.clock });
        expect(probe.calls).toEqual(['up:m1', 'up:m2', 'up:m2', 'up:m3']);
        expect(retry).toMatchObject({ ok: true, ranNow: ['m2', 'm3'], pending: [] });
        expect(retry.applied.find((record) => record.id === 'm2')).not.toHaveProperty('error');
      });

      it('refuses an invalid migration list', async () => {
        const up = async () => {};
        const bad: Migration[][] = [
          [
            { version: 1, id: 'a', description: '', up },
            { version: 1, id: 'b', description: '', up },
          ],
          [
            { version: 2, id: 'a', description: '', up },
            { version: 1, id: 'b', description: '', up },
          ],
          [
            { version: 1, id: 'a', description: '', up },
            { version: 2, id: 'a', description: '', up },
          ],
          [{ version: 1, id: 'a', description: '', reversible: true, up }],
        ];
        for (const migrations of bad) {
          await expect(runMigrations({ store, migrations, clock: harness.clock })).rejects.toThrow(Error);
        }
      });

      it('lets only one of two concurrent runners apply migrations', async () => {
        const counts = new Map<string, number>();
        let openGate: () => void = () => {};
        const gate = new Promise<void>((resolve) => {
          openGate = resolve;
        });
        const migrations: Migration[] = [1, 2, 3].map((version) => ({
          version,
          id: `m${version}`,
          description: `migration ${version}`,
          async up() {
            counts.set(`m${version}`, (counts.get(`m${version}`) ?? 0) + 1);
            if (version === 1) await gate;
          },
        }));
        let signalWaiting: () => void = () => {};
        const someoneWaits = new Promise<void>((resolve) => {
          signalWaiting = resolve;
        });
        const log = (message: string) => {
          if (message.includes('waiting')) signalWaiting();
        };
        const options = {
          store,
          migrations,
          clock: harness.clock,
          log,
          pollIntervalMs: 5,
          waitTimeoutMs: 60_000,
        };
        const runs = Promise.all([runMigrations(options), runMigrations(options)]);
        await someoneWaits;
        openGate();
        const [a, b] = await runs;
        expect(Object.fromEntries(counts)).toEqual({ m1: 1, m2: 1, m3: 1 });
        expect([...a.ranNow, ...b.ranNow].sort()).toEqual(['m1', 'm2', 'm3']);
        expect([a.ranNow.length, b.ranNow.length].sort()).toEqual([0, 3]);
        expect(a.ok && b.ok).toBe(true);
      });

      it('reports skippedBecauseLocked when another holder keeps the lock, and takes over once it lapses', async () => {
        const probe: Probe = { calls: [] };
        const migrations = makeMigrations(probe);
        const leases = createLeaseManager({ store, clock: harness.clock });
        expect(await leases.acquire('migrations', 'crashed-instance', 10_000)).toBeDefined();
        const skipped = await runMigrations({ store, migrations, clock: harness.clock, waitTimeoutMs: 0 });
        expect(skipped).toMatchObject({ ok: false, skippedBecauseLocked: true, ranNow: [] });
        expect(skipped.pending).toHaveLength(3);
        expect(probe.calls).toEqual([]);
        harness.clock.advance(10_000);
        const taken = await runMigrations({ store, migrations, clock: harness.clock, waitTimeoutMs: 0 });
        expect(taken).toMatchObject({ ok: true, ranNow: ['m1', 'm2', 'm3'] });
        expect(await leases.read('migrations')).toBeUndefined();
      });

      it('rolls back the latest reversible migration and refuses irreversible ones', async () => {
        const probe: Probe = { calls: [] };
        const migrations = makeMigrations(probe);
        await runMigrations({ store, migrations, clock: harness.clock });
        const notLatest = rollbackMigration({ store, migrations, clock: harness.clock, id: 'm2' });
        await rejection(notLatest, { status: 409, code: 'migration_not_latest' });
        const report = await rollbackMigration({ store, migrations, clock: harness.clock });
        expect(probe.calls).toEqual(['up:m1', 'up:m2', 'up:m3', 'down:m3']);
        expect(report.rolledBack).toMatchObject({ id: 'm3', status: 'rolled_back' });
        expect(report.pending.map((m) => m.id)).toEqual(['m3']);
        expect(report.applied.map((record) => record.id)).toEqual(['m1', 'm2']);
        const refused = rollbackMigration({ store, migrations, clock: harness.clock });
        const error = await rejection(refused, { status: 409, code: 'migration_not_reversible' });
        expect(error.message).toMatch(/m2/);
        expect(probe.calls).toHaveLength(4);
        const rerun = await runMigrations({ store, migrations, clock: harness.clock });
        expect(rerun.ranNow).toEqual(['m3']);
        expect(probe.calls.at(-1)).toBe('up:m3');
      });
    });
  });
}
