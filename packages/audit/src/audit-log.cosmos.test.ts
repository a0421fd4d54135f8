/**
 * The audit log suite on the Cosmos adapter, against one local Cosmos wire-protocol server for
 * this file (every harness gets a fresh database). The server is slow, so the seeded log is
 * smaller than on SQLite, still many pages and many same-time ties.
 */
import { useCosmosTestStores } from '@groundwork/testing';
import { describeAuditLog } from '../test/audit-log-suite.js';

describeAuditLog('cosmos', useCosmosTestStores(), {
  acme: 1_100,
  globex: 110,
  pageSize: 100,
});
