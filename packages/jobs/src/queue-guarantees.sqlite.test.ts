import { createFakeClock, createTempSqliteStore } from '@groundwork/testing';
import { describeQueueGuarantees } from './queue-guarantees.js';

describeQueueGuarantees('sqlite', async () => {
  const clock = createFakeClock();
  const { store, cleanup } = createTempSqliteStore({ clock });
  return { store, clock, cleanup };
});
