import { createMemoryStore } from '@groundwork/store/memory';
import { createFakeClock } from './fake-clock.js';
import { describeStoreConformance } from './store-conformance.js';

describeStoreConformance('memory', async () => {
  const clock = createFakeClock();
  const store = createMemoryStore({ clock });
  return { store, clock, cleanup: () => store.close() };
});
