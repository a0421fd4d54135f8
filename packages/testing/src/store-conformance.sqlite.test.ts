import { createFakeClock } from './fake-clock.js';
import { describeStoreConformance } from './store-conformance.js';
import { createTempSqliteStore } from './temp-sqlite.js';

describeStoreConformance('sqlite', async () => {
  const clock = createFakeClock();
  const { store, cleanup } = createTempSqliteStore({ clock });
  return { store, clock, cleanup };
});
