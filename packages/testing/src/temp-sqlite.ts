/** A SQLite store on a fresh file in the OS temp directory, removed again by `cleanup()`. */
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Clock, DocumentStore } from '@groundwork/store';
import { createSqliteStore } from '@groundwork/store/sqlite';

export interface TempSqliteStore {
  store: DocumentStore;
  /** The database file. */
  path: string;
  /** Closes the store and deletes its directory (safe to call twice). */
  cleanup(): Promise<void>;
}

/** Synchronous, so it also works in a plain `beforeEach`; `await` on it is harmless. */
export function createTempSqliteStore(options: { clock?: Clock } = {}): TempSqliteStore {
  const directory = mkdtempSync(path.join(tmpdir(), 'groundwork-store-'));
  const file = path.join(directory, 'store.db');
  const store = createSqliteStore(options.clock ? { path: file, clock: options.clock } : { path: file });
  return {
    store,
    path: file,
    async cleanup() {
      await store.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
