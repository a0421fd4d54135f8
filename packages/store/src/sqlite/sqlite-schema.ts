/**
 * The SQLite layout: one table per container (`c_<name>`), keyed (pk, id), holding the document's
 * JSON text, its etag and its expiry (ms since the epoch, NULL = never). A small catalog table
 * remembers every container's spec so `sweepExpired` reaches containers this process has not declared.
 */
import type Database from 'better-sqlite3';
import { assertValidContainerName } from '../container-name.js';
import type { IndexSpec } from '../types.js';
import { inlineSortExpressions, inlineValueExpression } from './sql-query.js';

export const CATALOG_TABLE = 'groundwork_containers';
const SCHEMA_VERSION = 1;

/** The quoted table name of a container (names are validated, so quoting is only for `-`). */
export function tableName(container: string): string {
  assertValidContainerName(container);
  return `"c_${container}"`;
}

export function createCatalog(db: Database.Database): void {
  db.exec(
    `CREATE TABLE IF NOT EXISTS ${CATALOG_TABLE} (name TEXT PRIMARY KEY, spec TEXT NOT NULL, declared_at INTEGER NOT NULL) STRICT`,
  );
  if (db.pragma('user_version', { simple: true }) === 0) db.pragma(`user_version = ${SCHEMA_VERSION}`);
}

export function createContainerTable(db: Database.Database, container: string): void {
  const table = tableName(container);
  const index = (suffix: string): string => `"c_${container}__${suffix}"`;
  db.exec(`
    CREATE TABLE IF NOT EXISTS ${table} (
      pk TEXT NOT NULL,
      id TEXT NOT NULL,
      etag TEXT NOT NULL,
      expires_at INTEGER,
      body TEXT NOT NULL,
      PRIMARY KEY (pk, id)
    ) STRICT;
    CREATE INDEX IF NOT EXISTS ${index('id')} ON ${table} (id, pk);
    CREATE INDEX IF NOT EXISTS ${index('expires')} ON ${table} (expires_at) WHERE expires_at IS NOT NULL;
  `);
}

/**
 * One expression index per declared `IndexSpec`: the equality fields' values, then the sort
 * field's rank and value, then `id` and `pk` — the exact expressions `compileMatchQuery` writes,
 * so SQLite walks the index in order and stops at the limit. Paths are validated identifiers.
 */
export function createContainerIndexes(db: Database.Database, container: string, indexes: IndexSpec[]): void {
  const table = tableName(container);
  for (const index of indexes) {
    const columns = index.equal.map(inlineValueExpression);
    if (index.sort !== undefined) columns.push(...inlineSortExpressions(index.sort));
    const name = `"c_${container}__ix_${[...index.equal, index.sort ?? ''].join('_')}"`;
    db.exec(`CREATE INDEX IF NOT EXISTS ${name} ON ${table} (${[...columns, 'id', 'pk'].join(', ')})`);
  }
}
