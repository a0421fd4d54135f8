/**
 * The in-process adapter: unit tests and examples. Documents live as JSON text (so what comes out
 * is always a fresh copy with JSON semantics, exactly as from SQLite or Cosmos) beside their parsed
 * form for filtering. Every operation runs synchronously inside its promise, so each is atomic.
 */
import { assertValidContainerSpec } from '../container-name.js';
import {
  cursorPositionOf,
  decodeCursor,
  encodeCursor,
  invalidCursorError,
  queryFingerprint,
} from '../cursor.js';
import { assertValidDocument, assertValidKeys, buildStoredDocument, documentTtl } from '../document.js';
import { newEtag } from '../etag.js';
import { readField } from '../field-path.js';
import { matchesFilter } from '../filter-eval.js';
import { applyPatch } from '../patch-apply.js';
import { type SortField, validateCountSpec, validateQuerySpec } from '../query-validate.js';
import { compareSortKeys, compareStrings, type SortKey, sortKeyOf } from '../sort-key.js';
import {
  declaredContainer,
  documentExistsError,
  documentNotFoundError,
  etagMismatchError,
  storeClosedError,
} from '../store-errors.js';
import { computeExpiresAt, isExpired } from '../ttl.js';
import type {
  Clock,
  Container,
  ContainerSpec,
  DocumentStore,
  NewDocument,
  Page,
  PatchOperation,
  QuerySpec,
  StoredDocument,
  WriteOptions,
} from '../types.js';
import { systemClock } from '../types.js';

type JsonObject = Record<string, unknown>;

interface Entry {
  json: string;
  doc: JsonObject;
  etag: string;
  expiresAt: number | undefined;
}

interface MemoryContainerState {
  spec: ContainerSpec;
  /** pk → id → entry */
  partitions: Map<string, Map<string, Entry>>;
}

export interface MemoryStoreOptions {
  clock?: Clock;
}

interface Ranked {
  entry: Entry;
  keys: SortKey[];
}

function compareRanked(a: Ranked, b: Ranked, orderBy: SortField[]): number {
  for (let i = 0; i < orderBy.length; i++) {
    const order = compareSortKeys(a.keys[i] as SortKey, b.keys[i] as SortKey);
    if (order !== 0) return orderBy[i]?.direction === 'desc' ? -order : order;
  }
  const byId = compareStrings(a.entry.doc.id as string, b.entry.doc.id as string);
  if (byId !== 0) return byId;
  return compareStrings(a.entry.doc.pk as string, b.entry.doc.pk as string);
}

function output<T extends object>(entry: Entry): StoredDocument<T> {
  return JSON.parse(entry.json) as StoredDocument<T>;
}

class MemoryContainer<T extends object> implements Container<T> {
  constructor(
    private readonly state: MemoryContainerState,
    private readonly clock: Clock,
    private readonly assertOpen: () => void,
  ) {}

  get spec(): ContainerSpec {
    return this.state.spec;
  }

  /** Redeclaring updates the spec (a new `defaultTtl` applies to later writes). */
  redeclare(spec: ContainerSpec): void {
    this.state.spec = { ...spec };
  }

  private live(id: string, pk: string, now: number): Entry | undefined {
    const entry = this.state.partitions.get(pk)?.get(id);
    return entry && !isExpired(entry.expiresAt, now) ? entry : undefined;
  }

  private write(doc: JsonObject, now: number): Entry {
    const etag = newEtag();
    const { json, stored } = buildStoredDocument(doc, { etag, updatedAtMs: now });
    const entry: Entry = {
      json,
      doc: stored,
      etag,
      expiresAt: computeExpiresAt(documentTtl(stored), this.state.spec.defaultTtl, now),
    };
    const pk = stored.pk as string;
    let partition = this.state.partitions.get(pk);
    if (!partition) {
      partition = new Map();
      this.state.partitions.set(pk, partition);
    }
    partition.set(stored.id as string, entry);
    return entry;
  }

  /** The live entry an `ifMatch` write may change, or the typed error why not. */
  private target(id: string, pk: string, options: WriteOptions | undefined, now: number): Entry {
    const entry = this.live(id, pk, now);
    if (!entry) throw documentNotFoundError(this.state.spec.name, id);
    if (options?.ifMatch !== undefined && entry.etag !== options.ifMatch) {
      throw etagMismatchError(this.state.spec.name, id);
    }
    return entry;
  }

  async read(id: string, pk: string): Promise<StoredDocument<T> | undefined> {
    this.assertOpen();
    assertValidKeys(id, pk);
    const entry = this.live(id, pk, this.clock.now());
    return entry ? output<T>(entry) : undefined;
  }

  async create(doc: NewDocument<T>): Promise<StoredDocument<T>> {
    this.assertOpen();
    assertValidDocument(doc);
    const now = this.clock.now();
    if (this.live(doc.id, doc.pk, now)) throw documentExistsError(this.state.spec.name, doc.id);
    return output<T>(this.write(doc, now));
  }

  async upsert(doc: NewDocument<T>, options?: WriteOptions): Promise<StoredDocument<T>> {
    if (options?.ifMatch !== undefined) return this.replace(doc, options);
    this.assertOpen();
    assertValidDocument(doc);
    return output<T>(this.write(doc, this.clock.now()));
  }

  async replace(doc: NewDocument<T>, options?: WriteOptions): Promise<StoredDocument<T>> {
    this.assertOpen();
    assertValidDocument(doc);
    const now = this.clock.now();
    this.target(doc.id, doc.pk, options, now);
    return output<T>(this.write(doc, now));
  }

  async patch(
    id: string,
    pk: string,
    operations: PatchOperation[],
    options?: WriteOptions,
  ): Promise<StoredDocument<T>> {
    this.assertOpen();
    assertValidKeys(id, pk);
    const now = this.clock.now();
    const entry = this.target(id, pk, options, now);
    const next = applyPatch(entry.doc, operations);
    assertValidDocument(next);
    return output<T>(this.write(next, now));
  }

  async delete(id: string, pk: string, options?: WriteOptions): Promise<void> {
    this.assertOpen();
    assertValidKeys(id, pk);
    this.target(id, pk, options, this.clock.now());
    this.state.partitions.get(pk)?.delete(id);
  }

  /** Live entries of the partition (or all partitions) that match `where`. */
  private *matching(pk: string | undefined, where: QuerySpec['where'], now: number): Generator<Entry> {
    const partitions =
      pk === undefined ? [...this.state.partitions.values()] : [this.state.partitions.get(pk) ?? new Map()];
    for (const partition of partitions) {
      for (const entry of partition.values()) {
        if (isExpired(entry.expiresAt, now)) continue;
        if (where && !matchesFilter(entry.doc, where)) continue;
        yield entry;
      }
    }
  }

  async query(spec?: QuerySpec): Promise<Page<StoredDocument<T>>> {
    this.assertOpen();
    const query = validateQuerySpec(spec);
    const fingerprint = queryFingerprint(query);
    let after: Ranked | undefined;
    if (query.cursor !== undefined) {
      const state = decodeCursor(query.cursor, { fingerprint, sortFields: query.orderBy.length });
      if (!('after' in state)) throw invalidCursorError();
      const doc = { id: state.after.id, pk: state.after.pk };
      after = { entry: { json: '', doc, etag: '', expiresAt: undefined }, keys: state.after.keys };
    }
    const ranked: Ranked[] = [];
    for (const entry of this.matching(query.pk, query.where, this.clock.now())) {
      const candidate = {
        entry,
        keys: query.orderBy.map((sort) => sortKeyOf(readField(entry.doc, sort.field))),
      };
      if (after && compareRanked(candidate, after, query.orderBy) <= 0) continue;
      ranked.push(candidate);
    }
    ranked.sort((a, b) => compareRanked(a, b, query.orderBy));
    const pageEntries = ranked.slice(0, query.limit);
    const page: Page<StoredDocument<T>> = { items: pageEntries.map((item) => output<T>(item.entry)) };
    const last = pageEntries[pageEntries.length - 1];
    if (ranked.length > query.limit && last) {
      page.nextCursor = encodeCursor({ fingerprint, after: cursorPositionOf(last.entry.doc, query.orderBy) });
    }
    return page;
  }

  async count(spec?: Pick<QuerySpec, 'pk' | 'where'>): Promise<number> {
    this.assertOpen();
    const query = validateCountSpec(spec);
    let total = 0;
    for (const _ of this.matching(query.pk, query.where, this.clock.now())) total += 1;
    return total;
  }

  /** Removes expired entries; returns how many. */
  sweep(now: number): number {
    let removed = 0;
    for (const [pk, partition] of this.state.partitions) {
      for (const [id, entry] of partition) {
        if (isExpired(entry.expiresAt, now)) {
          partition.delete(id);
          removed += 1;
        }
      }
      if (partition.size === 0) this.state.partitions.delete(pk);
    }
    return removed;
  }
}

export function createMemoryStore(options: MemoryStoreOptions = {}): DocumentStore {
  const clock = options.clock ?? systemClock;
  const containers = new Map<string, MemoryContainer<JsonObject>>();
  let closed = false;
  const assertOpen = (): void => {
    if (closed) throw storeClosedError('memory');
  };

  return {
    kind: 'memory',
    async ensureContainers(specs: ContainerSpec[]): Promise<void> {
      assertOpen();
      for (const spec of specs) assertValidContainerSpec(spec);
      for (const spec of specs) {
        const existing = containers.get(spec.name);
        if (existing) {
          existing.redeclare(spec);
          continue;
        }
        const state: MemoryContainerState = { spec: { ...spec }, partitions: new Map() };
        containers.set(spec.name, new MemoryContainer<JsonObject>(state, clock, assertOpen));
      }
    },
    container<T extends object = JsonObject>(name: string): Container<T> {
      assertOpen();
      return declaredContainer<T>(containers, name);
    },
    async ping(): Promise<void> {
      assertOpen();
    },
    async sweepExpired(): Promise<number> {
      assertOpen();
      const now = clock.now();
      let removed = 0;
      for (const container of containers.values()) removed += container.sweep(now);
      return removed;
    },
    async close(): Promise<void> {
      closed = true;
    },
  };
}
