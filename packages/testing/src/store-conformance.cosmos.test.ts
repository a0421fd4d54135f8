/**
 * The DocumentStore conformance suite on the Cosmos adapter, against one local Cosmos
 * wire-protocol server for this file; every test gets a fresh database on it.
 */
import { afterAll } from 'vitest';
import { type CosmosEmulator, createCosmosTestStore, startCosmosEmulator } from './cosmos-emulator.js';
import { createFakeClock } from './fake-clock.js';
import { describeStoreConformance } from './store-conformance.js';

let emulator: Promise<CosmosEmulator> | undefined;

afterAll(async () => {
  await (await emulator)?.stop();
});

describeStoreConformance('cosmos', async () => {
  emulator ??= startCosmosEmulator();
  const clock = createFakeClock();
  const store = createCosmosTestStore(await emulator, { clock });
  return { store, clock, cleanup: () => store.close(), expiresNatively: true };
});
