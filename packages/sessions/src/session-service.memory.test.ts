import { createMemoryStore } from '@groundwork/store/memory';
import { createFakeClock } from '@groundwork/testing';
import { describeSessionService } from '../test/session-service-suite.js';

describeSessionService('memory', async () => {
  const clock = createFakeClock();
  const store = createMemoryStore({ clock });
  return { store, clock, cleanup: () => store.close() };
});
