export type { SqliteStoreOptions } from './sqlite/sqlite-store.js';
export { createSqliteStore } from './sqlite/sqlite-store.js';
