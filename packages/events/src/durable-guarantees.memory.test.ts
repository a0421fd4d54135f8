import { createMemoryStore } from '@groundwork/store/memory';
import { describeDurableDelivery } from './durable-guarantees.js';

describeDurableDelivery('memory', async (clock) => ({
  store: createMemoryStore({ clock }),
  cleanup: async () => {},
}));
