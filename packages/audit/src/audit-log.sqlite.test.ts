import { createFakeClock, createTempSqliteStore } from '@groundwork/testing';
import { describeAuditLog } from '../test/audit-log-suite.js';

describeAuditLog(
  'sqlite',
  async () => {
    const clock = createFakeClock();
    const { store, cleanup } = createTempSqliteStore({ clock });
    return { store, clock, cleanup };
  },
  { acme: 2_400, globex: 240, pageSize: 200 },
);
