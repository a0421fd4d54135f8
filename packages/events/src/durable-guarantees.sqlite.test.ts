import { createTempSqliteStore } from '@groundwork/testing';
import { describeDurableDelivery } from './durable-guarantees.js';

describeDurableDelivery('sqlite', async (clock) => {
  const { store, cleanup } = createTempSqliteStore({ clock });
  return { store, cleanup: async () => cleanup() };
});
