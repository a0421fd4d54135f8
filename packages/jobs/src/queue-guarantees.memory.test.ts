import { createMemoryStore } from '@groundwork/store/memory';
import { createFakeClock } from '@groundwork/testing';
import { describeQueueGuarantees } from './queue-guarantees.js';

describeQueueGuarantees('memory', async () => {
  const clock = createFakeClock();
  const store = createMemoryStore({ clock });
  return { store, clock, cleanup: () => store.close() };
});
