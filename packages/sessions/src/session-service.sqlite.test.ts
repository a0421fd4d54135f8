import { createFakeClock, createTempSqliteStore } from '@groundwork/testing';
import { describeSessionService } from '../test/session-service-suite.js';

describeSessionService('sqlite', async () => {
  const clock = createFakeClock();
  const { store, cleanup } = createTempSqliteStore({ clock });
  return { store, clock, cleanup };
});
