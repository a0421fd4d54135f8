/**
 * The queue guarantees on the Cosmos adapter, against one local Cosmos wire-protocol server for
 * this file; every test gets a fresh database. The server never deletes TTL documents itself;
 * the adapter hides expired ones, which is all the TTL test relies on.
 */
import {
  type CosmosEmulator,
  createCosmosTestStore,
  createFakeClock,
  startCosmosEmulator,
} from '@groundwork/testing';
import { afterAll } from 'vitest';
import { describeQueueGuarantees } from './queue-guarantees.js';

let emulator: Promise<CosmosEmulator> | undefined;

afterAll(async () => {
  await (await emulator)?.stop();
});

describeQueueGuarantees('cosmos', async () => {
  emulator ??= startCosmosEmulator();
  const clock = createFakeClock();
  const store = createCosmosTestStore(await emulator, { clock });
  return { store, clock, cleanup: () => store.close() };
});
