/**
 * The DocumentStore port (ARCHITECTURE §3). Shaped after Cosmos DB's NoSQL API: containers are
 * declared up front with a partition key; every document has `id`, a partition key value `pk`,
 * and a store-managed `etag` and `updatedAt`. Adapters: sqlite (embedded default), cosmos, memory.
 */

/** Milliseconds since the epoch. Injected so tests drive TTLs and leases without sleeping. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export interface ContainerSpec {
  /** Container name, e.g. `migrations`. Lowercase letters, digits, `_` and `-`. */
  name: string;
  /**
   * The Cosmos partition key path this container is modelled on, e.g. `/productId` or
   * `/productId:jobName`. Documentation only: every adapter partitions on the document's `pk`.
   */
  partitionKey: string;
  /** Default time-to-live in seconds for documents that set no `ttl`. Omit for no expiry. */
  defaultTtl?: number;
  /** One line on what the container holds. */
  description?: string;
  /**
   * Secondary indexes for adapters that need them (SQLite builds one expression index each; Cosmos
   * indexes every path already; memory scans). They speed up `updateMatching`; results never
   * depend on them.
   */
  indexes?: IndexSpec[];
}

/**
 * An index serving queries that compare `equal` fields with `eq` and sort by `sort` (then `id`,
 * `pk`), e.g. `{ equal: ['state'], sort: 'dueKey' }` for "the first N queued items by dueKey".
 */
export interface IndexSpec {
  equal: string[];
  sort?: string;
}

/** What a caller writes: its own fields plus `id` and `pk`, and optionally a `ttl` in seconds. */
export type NewDocument<T extends object = Record<string, unknown>> = T & {
  id: string;
  pk: string;
  /** Seconds until the document expires, counted from its last write. `-1` = never. */
  ttl?: number;
};

/** Fields the store manages on every stored document. */
export interface StoredMeta {
  id: string;
  pk: string;
  /** Opaque version tag; changes on every write. Pass it as `ifMatch` for optimistic concurrency. */
  etag: string;
  /** ISO-8601 time of the last write (from the store's clock). */
  updatedAt: string;
  ttl?: number;
}

export type StoredDocument<T extends object = Record<string, unknown>> = T & StoredMeta;

export interface WriteOptions {
  /** Only write if the stored document's etag equals this (else `PreconditionFailedError`). */
  ifMatch?: string;
}

/** JSON scalar a filter can compare against. */
export type Scalar = string | number | boolean | null;

/**
 * Field names are dotted paths into the document (`status`, `owner.id`). Comparisons only match
 * values of the same JSON type; a missing field matches nothing (not even `ne`).
 */
export type Filter =
  | { field: string; op: 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte'; value: Scalar }
  | { field: string; op: 'in'; values: Scalar[] }
  | { field: string; op: 'startsWith'; value: string }
  | { and: Filter[] }
  | { or: Filter[] };

export interface OrderBy {
  field: string;
  direction?: 'asc' | 'desc';
}

export interface QuerySpec {
  /** Restrict to one partition. Omit for a cross-partition query. */
  pk?: string;
  where?: Filter;
  /** Sort keys; `id` then `pk` (ascending) are always appended as the final tie-breakers. */
  orderBy?: OrderBy[];
  /** Page size, 1..1000 (default 100). */
  limit?: number;
  /** Opaque continuation from a previous page's `nextCursor`, for the same query. */
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  /** Present when more results may follow. */
  nextCursor?: string;
}

export type PatchOperation =
  | { op: 'set'; path: string; value: unknown }
  | { op: 'remove'; path: string }
  | { op: 'incr'; path: string; value: number };

/** `updateMatching` selects like `query` does: partition, filter, order, and at most `limit` (1..1000). */
export type UpdateMatchingSpec = Pick<QuerySpec, 'pk' | 'where' | 'orderBy' | 'limit'>;

/** One document `updateMatching` selected: as read, and as written (absent when left untouched). */
export interface MatchedUpdate<T extends object> {
  before: StoredDocument<T>;
  after?: StoredDocument<T>;
}

/** The outcome of one item of a batch write: each item succeeds or fails on its own. */
export type BatchItemResult<T extends object> =
  | { ok: true; document: StoredDocument<T> }
  | { ok: false; error: Error };

export interface ReplaceItem<T extends object> {
  doc: NewDocument<T>;
  ifMatch?: string;
}

/**
 * Batch primitives an adapter may offer (the SQLite adapter does). Callers check for them and
 * fall back to the one-document methods, which every adapter has: same results, more round trips.
 */
export interface BatchCapabilities<T extends object> {
  /**
   * Atomic select-and-update: in one transaction that no other writer interleaves with, selects
   * the live documents `query(spec)` would return on its first page, calls `update` on each in
   * order, and writes each document it returns (same `id` and `pk`; a new etag). `update` must be
   * synchronous; if it throws, nothing is written. Returns every selected document.
   */
  updateMatching?(
    spec: UpdateMatchingSpec,
    update: (doc: StoredDocument<T>) => NewDocument<T> | undefined,
  ): Promise<MatchedUpdate<T>[]>;
  /** `create` for each document, in one transaction; items fail independently (e.g. 409). */
  createMany?(docs: NewDocument<T>[]): Promise<BatchItemResult<T>[]>;
  /** `replace` (with optional `ifMatch`) for each item, in one transaction; items fail independently. */
  replaceMany?(items: ReplaceItem<T>[]): Promise<BatchItemResult<T>[]>;
}

export interface Container<T extends object = Record<string, unknown>> extends BatchCapabilities<T> {
  readonly spec: ContainerSpec;
  /** Point read; `undefined` when missing or expired. */
  read(id: string, pk: string): Promise<StoredDocument<T> | undefined>;
  /** Creates the document; `ConflictError` (`document_exists`) if the id exists in the partition. */
  create(doc: NewDocument<T>): Promise<StoredDocument<T>>;
  /** Creates or replaces. With `ifMatch`, behaves as `replace`. */
  upsert(doc: NewDocument<T>, options?: WriteOptions): Promise<StoredDocument<T>>;
  /** Replaces an existing document; `NotFoundError` if missing, `PreconditionFailedError` on etag mismatch. */
  replace(doc: NewDocument<T>, options?: WriteOptions): Promise<StoredDocument<T>>;
  /** Applies partial updates atomically; same errors as `replace`. */
  patch(
    id: string,
    pk: string,
    operations: PatchOperation[],
    options?: WriteOptions,
  ): Promise<StoredDocument<T>>;
  /** Deletes; `NotFoundError` if missing, `PreconditionFailedError` on etag mismatch. */
  delete(id: string, pk: string, options?: WriteOptions): Promise<void>;
  query(spec?: QuerySpec): Promise<Page<StoredDocument<T>>>;
  count(spec?: Pick<QuerySpec, 'pk' | 'where'>): Promise<number>;
}

export type StoreKind = 'sqlite' | 'cosmos' | 'memory';

export interface DocumentStore {
  readonly kind: StoreKind;
  /** Creates missing containers (idempotent) and records their specs. */
  ensureContainers(specs: ContainerSpec[]): Promise<void>;
  /** A handle on a declared container; throws if `ensureContainers` has not declared it. */
  container<T extends object = Record<string, unknown>>(name: string): Container<T>;
  /** Throws if the backing store cannot be reached. */
  ping(): Promise<void>;
  /** Deletes expired documents; returns how many. Cosmos expires natively and returns 0. */
  sweepExpired(): Promise<number>;
  close(): Promise<void>;
}
