/**
 * The scheduler guarantees on the Cosmos adapter, against one local Cosmos wire-protocol server
 * for this file; every test gets a fresh database. The three-instance test uses 100 slots here
 * (every slot is several HTTPS round trips per instance).
 */
import {
  type CosmosEmulator,
  createCosmosTestStore,
  createFakeClock,
  startCosmosEmulator,
} from '@groundwork/testing';
import { afterAll } from 'vitest';
import { describeSchedulerGuarantees } from './scheduler-guarantees.js';

let emulator: Promise<CosmosEmulator> | undefined;

afterAll(async () => {
  await (await emulator)?.stop();
});

describeSchedulerGuarantees(
  'cosmos',
  async () => {
    emulator ??= startCosmosEmulator();
    const clock = createFakeClock();
    const store = createCosmosTestStore(await emulator, { clock });
    return { store, clock, cleanup: () => store.close() };
  },
  { slots: 100 },
);
