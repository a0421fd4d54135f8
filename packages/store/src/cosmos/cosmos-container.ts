/**
 * One declared container on Cosmos DB. Point operations map onto the SDK's item API with
 * `accessCondition: { type: 'IfMatch' }` for optimistic concurrency; queries are compiled to
 * parameterized SQL and paged by keyset (see `cosmos-keyset.ts`).
 *
 * Writes to an existing document first read it, because a document past its `_expiresAt` must act
 * as missing even while Cosmos still holds it. The write then carries the etag it read as `IfMatch`,
 * so it is atomic: when another writer got in between, the write is retried from the read — unless
 * the caller gave its own `ifMatch`, in which case the mismatch is the caller's answer.
 * `patch` is such a read-modify-write, applied with the shared `applyPatch` so that its semantics
 * (parents created by `set`, `remove` of a missing field is a no-op, `ttl` restarts) and the
 * recomputed `updatedAt`/`_expiresAt` are the same as on every adapter. (The SDK's native patch
 * was not used: Cosmos patch fails where the port's succeeds — `remove` of a missing field, `set`
 * below a missing parent — and keeping `_expiresAt` right needs a conditional patch, whose filter
 * predicate the emulator lowercases, so a `c._expiresAt` condition silently tests nothing there.)
 */
import type { RequestOptions, Container as SdkContainer, SqlQuerySpec } from '@azure/cosmos';
import type { CursorPosition } from '../cursor.js';
import {
  cursorPositionOf,
  decodeCursor,
  encodeCursor,
  invalidCursorError,
  queryFingerprint,
} from '../cursor.js';
import { assertValidDocument, assertValidKeys } from '../document.js';
import { applyPatch, assertValidPatchOperations } from '../patch-apply.js';
import { type SortField, validateCountSpec, validateQuerySpec } from '../query-validate.js';
import { SORT_RANK, type SortKey, sortKeyOf } from '../sort-key.js';
import { documentExistsError, documentNotFoundError, etagMismatchError } from '../store-errors.js';
import type {
  Clock,
  Container,
  ContainerSpec,
  NewDocument,
  Page,
  PatchOperation,
  QuerySpec,
  StoredDocument,
  WriteOptions,
} from '../types.js';
import { etagOf, fromCosmosItem, isLive, toCosmosItem } from './cosmos-documents.js';
import { cosmosStatusOf, toStoreError } from './cosmos-errors.js';
import {
  fetchKeysetPage,
  type KeysetPosition,
  type OrderPlan,
  planOrder,
  type RawDocument,
} from './cosmos-keyset.js';
import { baseConditions, compileCount } from './cosmos-query.js';

/** How often a write without `ifMatch` is retried when concurrent writers keep changing the document. */
const MAX_WRITE_ATTEMPTS = 40;
/** Upper bound of the random pause before a retry, in ms; grows with each attempt up to this. */
const MAX_RETRY_PAUSE_MS = 50;
/** Rows per round trip; every query has its own `TOP` (at most 1001), so a page takes one or two. */
const MAX_ITEMS_PER_FETCH = 1000;

/** A short random pause so that writers racing on one document do not collide again in lockstep. */
function pauseBeforeRetry(attempt: number): Promise<void> {
  const ceiling = Math.min(MAX_RETRY_PAUSE_MS, 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
}

function ifMatch(etag: string): RequestOptions {
  return { accessCondition: { type: 'IfMatch', condition: etag } };
}

/** The keyset position of a decoded cursor, in the order of the plan's keys. */
function keysetPositionOf(plan: OrderPlan, orderBy: SortField[], after: CursorPosition): KeysetPosition {
  return plan.keys.map((key): SortKey => {
    const index = orderBy.findIndex((sort) => sort.field === key.field);
    if (index >= 0) return after.keys[index]!;
    if (key.field === 'id') return [SORT_RANK.string, after.id];
    if (key.field === 'pk') return [SORT_RANK.string, after.pk];
    return sortKeyOf(undefined);
  });
}

export class CosmosContainer<T extends object> implements Container<T> {
  constructor(
    readonly spec: ContainerSpec,
    private readonly sdk: SdkContainer,
    private readonly clock: Clock,
    private readonly assertOpen: () => void,
  ) {}

  private get name(): string {
    return this.spec.name;
  }

  /** The item as Cosmos holds it, expired or not; `undefined` when absent. */
  async readItem(id: string, pk: string): Promise<RawDocument | undefined> {
    try {
      const response = await this.sdk.item(id, pk).read<RawDocument>();
      return response.statusCode === 404 ? undefined : response.resource;
    } catch (error) {
      if (cosmosStatusOf(error) === 404) return undefined;
      throw error;
    }
  }

  async read(id: string, pk: string): Promise<StoredDocument<T> | undefined> {
    this.assertOpen();
    assertValidKeys(id, pk);
    const item = await this.readItem(id, pk);
    return item && isLive(item, this.clock.now()) ? fromCosmosItem<T>(item) : undefined;
  }

  async create(doc: NewDocument<T>): Promise<StoredDocument<T>> {
    this.assertOpen();
    assertValidDocument(doc);
    for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt += 1) {
      if (attempt > 0) await pauseBeforeRetry(attempt);
      const now = this.clock.now();
      const item = toCosmosItem(doc, this.spec.defaultTtl, now);
      try {
        const { resource } = await this.sdk.items.create<RawDocument>(item);
        return fromCosmosItem<T>(resource as RawDocument);
      } catch (error) {
        if (cosmosStatusOf(error) !== 409) throw toStoreError(error, this.name, doc.id);
      }
      // The id exists; if only an expired item holds it, take its place.
      const existing = await this.readItem(doc.id, doc.pk);
      if (existing === undefined) continue;
      if (isLive(existing, now)) throw documentExistsError(this.name, doc.id);
      try {
        const { resource } = await this.sdk
          .item(doc.id, doc.pk)
          .replace<RawDocument>(item, ifMatch(etagOf(existing)));
        return fromCosmosItem<T>(resource as RawDocument);
      } catch (error) {
        const status = cosmosStatusOf(error);
        if (status !== 412 && status !== 404) throw toStoreError(error, this.name, doc.id);
      }
    }
    throw documentExistsError(this.name, doc.id);
  }

  async upsert(doc: NewDocument<T>, options?: WriteOptions): Promise<StoredDocument<T>> {
    if (options?.ifMatch !== undefined) return this.replace(doc, options);
    this.assertOpen();
    assertValidDocument(doc);
    try {
      const { resource } = await this.sdk.items.upsert<RawDocument>(
        toCosmosItem(doc, this.spec.defaultTtl, this.clock.now()),
      );
      return fromCosmosItem<T>(resource as RawDocument);
    } catch (error) {
      throw toStoreError(error, this.name, doc.id);
    }
  }

  async replace(doc: NewDocument<T>, options?: WriteOptions): Promise<StoredDocument<T>> {
    this.assertOpen();
    assertValidDocument(doc);
    return this.rewrite(doc.id, doc.pk, options, () => doc);
  }

  async patch(
    id: string,
    pk: string,
    operations: PatchOperation[],
    options?: WriteOptions,
  ): Promise<StoredDocument<T>> {
    this.assertOpen();
    assertValidKeys(id, pk);
    assertValidPatchOperations(operations);
    return this.rewrite(id, pk, options, (current) => {
      const next = applyPatch(fromCosmosItem(current), operations);
      assertValidDocument(next);
      return next;
    });
  }

  /** Replaces a live document with `next(current)`, atomically against its etag. */
  private async rewrite(
    id: string,
    pk: string,
    options: WriteOptions | undefined,
    next: (current: RawDocument) => Record<string, unknown> & { id: string; pk: string },
  ): Promise<StoredDocument<T>> {
    for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt += 1) {
      if (attempt > 0) await pauseBeforeRetry(attempt);
      const now = this.clock.now();
      const current = await this.readItem(id, pk);
      if (current === undefined || !isLive(current, now)) throw documentNotFoundError(this.name, id);
      if (options?.ifMatch !== undefined && options.ifMatch !== etagOf(current)) {
        throw etagMismatchError(this.name, id);
      }
      const item = toCosmosItem(next(current), this.spec.defaultTtl, now);
      try {
        const { resource } = await this.sdk.item(id, pk).replace<RawDocument>(item, ifMatch(etagOf(current)));
        return fromCosmosItem<T>(resource as RawDocument);
      } catch (error) {
        const status = cosmosStatusOf(error);
        // Changed (412) or deleted (404) since the read: the caller's etag is stale, or read again.
        if (status === 412 && options?.ifMatch !== undefined) throw etagMismatchError(this.name, id);
        if (status !== 412 && status !== 404) throw toStoreError(error, this.name, id);
      }
    }
    throw etagMismatchError(this.name, id);
  }

  async delete(id: string, pk: string, options?: WriteOptions): Promise<void> {
    this.assertOpen();
    assertValidKeys(id, pk);
    const current = await this.readItem(id, pk);
    if (current === undefined || !isLive(current, this.clock.now()))
      throw documentNotFoundError(this.name, id);
    if (options?.ifMatch !== undefined && options.ifMatch !== etagOf(current)) {
      throw etagMismatchError(this.name, id);
    }
    try {
      await this.sdk
        .item(id, pk)
        .delete(options?.ifMatch === undefined ? undefined : ifMatch(options.ifMatch));
    } catch (error) {
      throw toStoreError(error, this.name, id);
    }
  }

  private async runQuery(query: SqlQuerySpec, pk: string | undefined): Promise<RawDocument[]> {
    const options =
      pk === undefined
        ? { maxItemCount: MAX_ITEMS_PER_FETCH }
        : { maxItemCount: MAX_ITEMS_PER_FETCH, partitionKey: pk };
    const { resources } = await this.sdk.items.query<RawDocument>(query, options).fetchAll();
    return resources;
  }

  async query(spec?: QuerySpec): Promise<Page<StoredDocument<T>>> {
    this.assertOpen();
    const query = validateQuerySpec(spec);
    const fingerprint = queryFingerprint(query);
    const plan = planOrder(query.orderBy, query.pk !== undefined);
    let after: KeysetPosition | undefined;
    if (query.cursor !== undefined) {
      const state = decodeCursor(query.cursor, { fingerprint, sortFields: query.orderBy.length });
      if (!('after' in state)) throw invalidCursorError();
      after = keysetPositionOf(plan, query.orderBy, state.after);
    }
    const now = this.clock.now();
    const { items, hasMore } = await fetchKeysetPage(
      {
        plan,
        base: (params) => baseConditions(query, now, params),
        run: (sql) => this.runQuery(sql, query.pk),
      },
      query.limit,
      after,
    );
    const docs = items.map((item) => fromCosmosItem<T>(item));
    const page: Page<StoredDocument<T>> = { items: docs };
    const last = items[items.length - 1];
    if (hasMore && last) {
      const position = cursorPositionOf(fromCosmosItem<Record<string, unknown>>(last), query.orderBy);
      page.nextCursor = encodeCursor({ fingerprint, after: position });
    }
    return page;
  }

  async count(spec?: Pick<QuerySpec, 'pk' | 'where'>): Promise<number> {
    this.assertOpen();
    const query = validateCountSpec(spec);
    const sql = compileCount(query, this.clock.now());
    const options = query.pk === undefined ? {} : { partitionKey: query.pk };
    const { resources } = await this.sdk.items.query<number>(sql, options).fetchAll();
    return resources.reduce((total, value) => total + value, 0);
  }
}
