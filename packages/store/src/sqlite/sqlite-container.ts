/**
 * One container on SQLite. Its statements are prepared once, when the container is declared, and
 * reused. Etag checks are atomic: a conditional write is a single `UPDATE/DELETE … WHERE etag = ?`
 * (or `INSERT … ON CONFLICT … WHERE expired`), and patch runs read-modify-write inside an
 * IMMEDIATE transaction, so another process sharing the file cannot interleave.
 */
import { isAppError, ValidationError } from '@groundwork/errors';
import type Database from 'better-sqlite3';
import {
  cursorPositionOf,
  decodeCursor,
  encodeCursor,
  invalidCursorError,
  queryFingerprint,
} from '../cursor.js';
import { assertValidDocument, assertValidKeys, buildStoredDocument, documentTtl } from '../document.js';
import { newEtag } from '../etag.js';
import { applyPatch } from '../patch-apply.js';
import { type ValidatedQuery, validateCountSpec, validateQuerySpec } from '../query-validate.js';
import { documentExistsError, documentNotFoundError, etagMismatchError } from '../store-errors.js';
import { computeExpiresAt } from '../ttl.js';
import type {
  BatchItemResult,
  Clock,
  Container,
  ContainerSpec,
  MatchedUpdate,
  NewDocument,
  Page,
  PatchOperation,
  QuerySpec,
  ReplaceItem,
  StoredDocument,
  UpdateMatchingSpec,
  WriteOptions,
} from '../types.js';
import type { SqlParam } from './sql-filter.js';
import { compileCountQuery, compileMatchQuery, compilePageQuery } from './sql-query.js';
import { tableName } from './sqlite-schema.js';

type JsonObject = Record<string, unknown>;
type Statement<P extends unknown[], R = unknown> = Database.Statement<P, R>;

/** Prepared-statement cache shared by the containers of one store (query text → plucked statement). */
export interface StatementCache {
  get(sql: string): Statement<SqlParam[]>;
}

interface Row {
  etag: string;
  body: string;
}

interface Written {
  etag: string;
  expiresAt: number | null;
  json: string;
  stored: JsonObject;
}

type Update<T extends object> = (doc: StoredDocument<T>) => NewDocument<T> | undefined;

/** An item's own failure (validation, 404, 409, 412) becomes its result; anything else aborts the batch. */
function itemFailure<T extends object>(error: unknown): BatchItemResult<T> {
  if (!isAppError(error)) throw error;
  return { ok: false, error };
}

const LIVE = '(expires_at IS NULL OR expires_at > ?)';

export class SqliteContainer<T extends object> implements Container<T> {
  private currentSpec: ContainerSpec;
  private readonly table: string;
  private readonly readBody: Statement<[string, string, number], string>;
  private readonly readRow: Statement<[string, string, number], Row>;
  private readonly exists: Statement<[string, string, number], number>;
  private readonly insert: Statement<[string, string, string, number | null, string, number]>;
  private readonly upsertRow: Statement<[string, string, string, number | null, string]>;
  private readonly update: Statement<[string, number | null, string, string, string, number]>;
  private readonly updateIfMatch: Statement<[string, number | null, string, string, string, number, string]>;
  private readonly remove: Statement<[string, string, number]>;
  private readonly removeIfMatch: Statement<[string, string, number, string]>;
  private readonly patchTransaction: Database.Transaction<
    (id: string, pk: string, operations: PatchOperation[], ifMatch: string | undefined) => string
  >;
  private readonly updateMatchingTransaction: Database.Transaction<
    (query: ValidatedQuery, update: Update<T>) => MatchedUpdate<T>[]
  >;
  private readonly createManyTransaction: Database.Transaction<
    (docs: NewDocument<T>[]) => BatchItemResult<T>[]
  >;
  private readonly replaceManyTransaction: Database.Transaction<
    (items: ReplaceItem<T>[]) => BatchItemResult<T>[]
  >;

  constructor(
    db: Database.Database,
    spec: ContainerSpec,
    private readonly clock: Clock,
    private readonly statements: StatementCache,
    private readonly assertOpen: () => void,
  ) {
    this.currentSpec = { ...spec };
    const t = tableName(spec.name);
    this.table = t;
    this.readBody = db
      .prepare<[string, string, number], string>(`SELECT body FROM ${t} WHERE pk = ? AND id = ? AND ${LIVE}`)
      .pluck();
    this.readRow = db.prepare<[string, string, number], Row>(
      `SELECT etag, body FROM ${t} WHERE pk = ? AND id = ? AND ${LIVE}`,
    );
    this.exists = db
      .prepare<[string, string, number], number>(`SELECT 1 FROM ${t} WHERE pk = ? AND id = ? AND ${LIVE}`)
      .pluck();
    this.insert = db.prepare(
      `INSERT INTO ${t} (pk, id, etag, expires_at, body) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (pk, id) DO UPDATE SET etag = excluded.etag, expires_at = excluded.expires_at, body = excluded.body
       WHERE ${t}.expires_at IS NOT NULL AND ${t}.expires_at <= ?`,
    );
    this.upsertRow = db.prepare(
      `INSERT INTO ${t} (pk, id, etag, expires_at, body) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (pk, id) DO UPDATE SET etag = excluded.etag, expires_at = excluded.expires_at, body = excluded.body`,
    );
    this.update = db.prepare(
      `UPDATE ${t} SET etag = ?, expires_at = ?, body = ? WHERE pk = ? AND id = ? AND ${LIVE}`,
    );
    this.updateIfMatch = db.prepare(
      `UPDATE ${t} SET etag = ?, expires_at = ?, body = ? WHERE pk = ? AND id = ? AND ${LIVE} AND etag = ?`,
    );
    this.remove = db.prepare(`DELETE FROM ${t} WHERE pk = ? AND id = ? AND ${LIVE}`);
    this.removeIfMatch = db.prepare(`DELETE FROM ${t} WHERE pk = ? AND id = ? AND ${LIVE} AND etag = ?`);
    this.patchTransaction = db.transaction((id, pk, operations, ifMatch) =>
      this.patchInTransaction(id, pk, operations, ifMatch),
    );
    this.updateMatchingTransaction = db.transaction((query, update) =>
      this.updateMatchingInTransaction(query, update),
    );
    this.createManyTransaction = db.transaction((docs) => {
      const now = this.clock.now();
      return docs.map((doc) => {
        try {
          return { ok: true, document: this.createNow(doc, now) };
        } catch (error) {
          return itemFailure<T>(error);
        }
      });
    });
    this.replaceManyTransaction = db.transaction((items) => {
      const now = this.clock.now();
      return items.map((item) => {
        try {
          return { ok: true, document: this.replaceNow(item.doc, item.ifMatch, now) };
        } catch (error) {
          return itemFailure<T>(error);
        }
      });
    });
  }

  get spec(): ContainerSpec {
    return this.currentSpec;
  }

  /** Redeclaring updates the spec (a new `defaultTtl` applies to later writes). */
  redeclare(spec: ContainerSpec): void {
    this.currentSpec = { ...spec };
  }

  private prepareWrite(doc: JsonObject, now: number): Written {
    const etag = newEtag();
    const { json, stored } = buildStoredDocument(doc, { etag, updatedAtMs: now });
    const expiresAt = computeExpiresAt(documentTtl(stored), this.currentSpec.defaultTtl, now) ?? null;
    return { etag, expiresAt, json, stored };
  }

  /** After a conditional write changed nothing: 404 if the document is gone, else 412. */
  private missOrMismatch(id: string, pk: string, now: number): Error {
    return this.exists.get(pk, id, now) === undefined
      ? documentNotFoundError(this.currentSpec.name, id)
      : etagMismatchError(this.currentSpec.name, id);
  }

  private parse(json: string): StoredDocument<T> {
    return JSON.parse(json) as StoredDocument<T>;
  }

  async read(id: string, pk: string): Promise<StoredDocument<T> | undefined> {
    this.assertOpen();
    assertValidKeys(id, pk);
    const body = this.readBody.get(pk, id, this.clock.now());
    return body === undefined ? undefined : this.parse(body);
  }

  private createNow(doc: NewDocument<T>, now: number): StoredDocument<T> {
    assertValidDocument(doc);
    const written = this.prepareWrite(doc, now);
    // Inserts, or takes over the row of an expired (not yet swept) document; a live one is a conflict.
    const result = this.insert.run(doc.pk, doc.id, written.etag, written.expiresAt, written.json, now);
    if (result.changes === 0) throw documentExistsError(this.currentSpec.name, doc.id);
    return written.stored as StoredDocument<T>;
  }

  async create(doc: NewDocument<T>): Promise<StoredDocument<T>> {
    this.assertOpen();
    return this.createNow(doc, this.clock.now());
  }

  async createMany(docs: NewDocument<T>[]): Promise<BatchItemResult<T>[]> {
    this.assertOpen();
    return this.createManyTransaction.immediate(docs);
  }

  async upsert(doc: NewDocument<T>, options?: WriteOptions): Promise<StoredDocument<T>> {
    if (options?.ifMatch !== undefined) return this.replace(doc, options);
    this.assertOpen();
    assertValidDocument(doc);
    const written = this.prepareWrite(doc, this.clock.now());
    this.upsertRow.run(doc.pk, doc.id, written.etag, written.expiresAt, written.json);
    return this.parse(written.json);
  }

  private replaceNow(doc: NewDocument<T>, ifMatch: string | undefined, now: number): StoredDocument<T> {
    assertValidDocument(doc);
    const { etag, expiresAt, json, stored } = this.prepareWrite(doc, now);
    const result =
      ifMatch === undefined
        ? this.update.run(etag, expiresAt, json, doc.pk, doc.id, now)
        : this.updateIfMatch.run(etag, expiresAt, json, doc.pk, doc.id, now, ifMatch);
    if (result.changes === 0) throw this.missOrMismatch(doc.id, doc.pk, now);
    return stored as StoredDocument<T>;
  }

  async replace(doc: NewDocument<T>, options?: WriteOptions): Promise<StoredDocument<T>> {
    this.assertOpen();
    return this.replaceNow(doc, options?.ifMatch, this.clock.now());
  }

  async replaceMany(items: ReplaceItem<T>[]): Promise<BatchItemResult<T>[]> {
    this.assertOpen();
    return this.replaceManyTransaction.immediate(items);
  }

  private updateMatchingInTransaction(query: ValidatedQuery, update: Update<T>): MatchedUpdate<T>[] {
    const now = this.clock.now();
    const { sql, params } = compileMatchQuery(this.table, query, now);
    const bodies = this.statements.get(sql).all(...params) as string[];
    return bodies.map((body) => {
      const before = this.parse(body);
      const next = update(before);
      if (next === undefined) return { before };
      if (next.id !== before.id || next.pk !== before.pk) {
        const message = "updateMatching: an update must keep the document's id and pk.";
        throw new ValidationError([{ path: 'id', message, code: 'invalid_id' }], message);
      }
      return { before, after: this.replaceNow(next, before.etag, now) };
    });
  }

  async updateMatching(spec: UpdateMatchingSpec, update: Update<T>): Promise<MatchedUpdate<T>[]> {
    this.assertOpen();
    const { pk, where, orderBy, limit } = spec;
    const query = validateQuerySpec({
      ...(pk === undefined ? {} : { pk }),
      ...(where === undefined ? {} : { where }),
      ...(orderBy === undefined ? {} : { orderBy }),
      ...(limit === undefined ? {} : { limit }),
    });
    return this.updateMatchingTransaction.immediate(query, update);
  }

  private patchInTransaction(
    id: string,
    pk: string,
    operations: PatchOperation[],
    ifMatch: string | undefined,
  ): string {
    const now = this.clock.now();
    const row = this.readRow.get(pk, id, now);
    if (!row) throw documentNotFoundError(this.currentSpec.name, id);
    if (ifMatch !== undefined && row.etag !== ifMatch) throw etagMismatchError(this.currentSpec.name, id);
    const next = applyPatch(JSON.parse(row.body) as JsonObject, operations);
    assertValidDocument(next);
    const { etag, expiresAt, json } = this.prepareWrite(next, now);
    const result = this.updateIfMatch.run(etag, expiresAt, json, pk, id, now, row.etag);
    if (result.changes === 0) throw this.missOrMismatch(id, pk, now);
    return json;
  }

  async patch(
    id: string,
    pk: string,
    operations: PatchOperation[],
    options?: WriteOptions,
  ): Promise<StoredDocument<T>> {
    this.assertOpen();
    assertValidKeys(id, pk);
    return this.parse(this.patchTransaction.immediate(id, pk, operations, options?.ifMatch));
  }

  async delete(id: string, pk: string, options?: WriteOptions): Promise<void> {
    this.assertOpen();
    assertValidKeys(id, pk);
    const now = this.clock.now();
    const result =
      options?.ifMatch === undefined
        ? this.remove.run(pk, id, now)
        : this.removeIfMatch.run(pk, id, now, options.ifMatch);
    if (result.changes === 0) throw this.missOrMismatch(id, pk, now);
  }

  async query(spec?: QuerySpec): Promise<Page<StoredDocument<T>>> {
    this.assertOpen();
    const query = validateQuerySpec(spec);
    const fingerprint = queryFingerprint(query);
    let after: ReturnType<typeof cursorPositionOf> | undefined;
    if (query.cursor !== undefined) {
      const state = decodeCursor(query.cursor, { fingerprint, sortFields: query.orderBy.length });
      if (!('after' in state)) throw invalidCursorError();
      after = state.after;
    }
    const { sql, params } = compilePageQuery(this.table, query, this.clock.now(), after);
    const bodies = this.statements.get(sql).all(...params) as string[];
    const items = bodies.slice(0, query.limit).map((body) => this.parse(body));
    const page: Page<StoredDocument<T>> = { items };
    const last = items[items.length - 1];
    if (bodies.length > query.limit && last) {
      page.nextCursor = encodeCursor({ fingerprint, after: cursorPositionOf(last, query.orderBy) });
    }
    return page;
  }

  async count(spec?: Pick<QuerySpec, 'pk' | 'where'>): Promise<number> {
    this.assertOpen();
    const query = validateCountSpec(spec);
    const { sql, params } = compileCountQuery(this.table, query, this.clock.now());
    return this.statements.get(sql).get(...params) as number;
  }
}
