/**
 * Prepared statements for generated query text, reused across calls. Bounded: the least recently
 * used statement is dropped once `capacity` distinct queries have been seen.
 */
import type Database from 'better-sqlite3';
import type { SqlParam } from './sql-filter.js';
import type { StatementCache } from './sqlite-container.js';

export function createStatementCache(db: Database.Database, capacity = 256): StatementCache {
  const statements = new Map<string, Database.Statement<SqlParam[]>>();
  return {
    get(sql: string): Database.Statement<SqlParam[]> {
      const cached = statements.get(sql);
      if (cached) {
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = db.prepare<SqlParam[]>(sql).pluck();
      statements.set(sql, statement);
      if (statements.size > capacity) {
        const oldest = statements.keys().next().value;
        if (oldest !== undefined) statements.delete(oldest);
      }
      return statement;
    },
  };
}
