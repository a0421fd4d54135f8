/**
 * The status service suite on the Cosmos adapter, against one local Cosmos wire-protocol server
 * for this file (every harness gets a fresh database).
 */
import { useCosmosTestStores } from '@groundwork/testing';
import { describeStatusService } from '../test/status-suite.js';

describeStatusService('cosmos', useCosmosTestStores());
