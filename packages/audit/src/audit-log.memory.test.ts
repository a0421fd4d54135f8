import { createMemoryStore } from '@groundwork/store/memory';
import { createFakeClock } from '@groundwork/testing';
import { describeAuditLog } from '../test/audit-log-suite.js';

describeAuditLog(
  'memory',
  async () => {
    const clock = createFakeClock();
    const store = createMemoryStore({ clock });
    return { store, clock, cleanup: () => store.close() };
  },
  { acme: 2_400, globex: 240, pageSize: 200 },
);
