import { createMemoryStore } from '@groundwork/store/memory';
import { createFakeClock } from '@groundwork/testing';
import { describeStatusService } from '../test/status-suite.js';

describeStatusService('memory', async () => {
  const clock = createFakeClock();
  const store = createMemoryStore({ clock });
  return { store, clock, cleanup: () => store.close() };
});
