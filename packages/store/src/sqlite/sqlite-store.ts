/**
 * The embedded default adapter: a SQLite file (better-sqlite3) in WAL mode. Durable, zero setup,
 * and safe to share between processes on one machine (busy timeout, atomic etag checks).
 * Expired documents are filtered by every read and query in SQL and deleted by `sweepExpired()`.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { assertValidContainerSpec } from '../container-name.js';
import { declaredContainer, storeClosedError } from '../store-errors.js';
import type { Clock, Container, ContainerSpec, DocumentStore } from '../types.js';
import { systemClock } from '../types.js';
import { SqliteContainer } from './sqlite-container.js';
import {
  CATALOG_TABLE,
  createCatalog,
  createContainerIndexes,
  createContainerTable,
  tableName,
} from './sqlite-schema.js';
import { createStatementCache } from './statement-cache.js';

export interface SqliteStoreOptions {
  /** Database file (its directory is created), or `:memory:`. */
  path: string;
  clock?: Clock;
  /** How long a write waits for another process's lock before failing (default 5000 ms). */
  busyTimeoutMs?: number;
}

type JsonObject = Record<string, unknown>;

function isInMemory(file: string): boolean {
  return file === ':memory:' || file === '';
}

export function createSqliteStore(options: SqliteStoreOptions): DocumentStore {
  const clock = options.clock ?? systemClock;
  if (!isInMemory(options.path)) mkdirSync(path.dirname(path.resolve(options.path)), { recursive: true });
  const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
  const db = new Database(options.path, { timeout: busyTimeoutMs });
  if (!isInMemory(options.path)) db.pragma('journal_mode = WAL');
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  db.pragma('synchronous = NORMAL');
  createCatalog(db);

  const statements = createStatementCache(db);
  const containers = new Map<string, SqliteContainer<JsonObject>>();
  const sweeps = new Map<string, Database.Statement<[number]>>();
  const recordSpec = db.prepare<[string, string, number]>(
    `INSERT INTO ${CATALOG_TABLE} (name, spec, declared_at) VALUES (?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET spec = excluded.spec, declared_at = excluded.declared_at`,
  );
  const catalogNames = db.prepare<[], string>(`SELECT name FROM ${CATALOG_TABLE} ORDER BY name`).pluck();
  const ping = db.prepare<[], number>('SELECT 1').pluck();
  let closed = false;
  const assertOpen = (): void => {
    if (closed) throw storeClosedError('sqlite');
  };

  const declare = db.transaction((specs: ContainerSpec[]) => {
    for (const spec of specs) {
      createContainerTable(db, spec.name);
      createContainerIndexes(db, spec.name, spec.indexes ?? []);
      recordSpec.run(spec.name, JSON.stringify(spec), clock.now());
    }
  });

  const sweepStatement = (name: string): Database.Statement<[number]> => {
    let statement = sweeps.get(name);
    if (!statement) {
      statement = db.prepare<[number]>(
        `DELETE FROM ${tableName(name)} WHERE expires_at IS NOT NULL AND expires_at <= ?`,
      );
      sweeps.set(name, statement);
    }
    return statement;
  };

  return {
    kind: 'sqlite',
    async ensureContainers(specs: ContainerSpec[]): Promise<void> {
      assertOpen();
      for (const spec of specs) assertValidContainerSpec(spec);
      declare.immediate(specs);
      for (const spec of specs) {
        const existing = containers.get(spec.name);
        if (existing) existing.redeclare(spec);
        else
          containers.set(spec.name, new SqliteContainer<JsonObject>(db, spec, clock, statements, assertOpen));
      }
    },
    container<T extends object = JsonObject>(name: string): Container<T> {
      assertOpen();
      return declaredContainer<T>(containers, name);
    },
    async ping(): Promise<void> {
      assertOpen();
      ping.get();
    },
    async sweepExpired(): Promise<number> {
      assertOpen();
      const now = clock.now();
      let removed = 0;
      for (const name of catalogNames.all()) removed += sweepStatement(name).run(now).changes;
      return removed;
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}
