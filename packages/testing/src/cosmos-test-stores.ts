import type { DocumentStore } from '@groundwork/store';
import { afterAll } from 'vitest';
import { type CosmosEmulator, createCosmosTestStore, startCosmosEmulator } from './cosmos-emulator.js';
import { createFakeClock, type FakeClock } from './fake-clock.js';

export interface CosmosTestStore {
  store: DocumentStore;
  clock: FakeClock;
  cleanup(): Promise<void>;
}

/**
 * For one test file: a factory of Cosmos stores, each on a fresh database with its own fake
 * clock, all on one emulator started on first use and stopped after the file's tests.
 * Call it at the top level of the file (it registers an `afterAll`).
 */
export function useCosmosTestStores(): () => Promise<CosmosTestStore> {
  let emulator: Promise<CosmosEmulator> | undefined;
  afterAll(async () => {
    await (await emulator)?.stop();
  });
  return async () => {
    emulator ??= startCosmosEmulator();
    const clock = createFakeClock();
    const store = createCosmosTestStore(await emulator, { clock });
    return { store, clock, cleanup: () => store.close() };
  };
}
