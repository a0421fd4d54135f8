import { createFakeClock, createTempSqliteStore } from '@groundwork/testing';
import { describeStatusService } from '../test/status-suite.js';

describeStatusService('sqlite', async () => {
  const clock = createFakeClock();
  const { store, cleanup } = createTempSqliteStore({ clock });
  return { store, clock, cleanup };
});
