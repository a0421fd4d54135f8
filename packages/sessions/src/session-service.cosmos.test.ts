/**
 * The sessions suite on the Cosmos adapter, against one local Cosmos wire-protocol server for this
 * file (every harness gets a fresh database): sessions, revocation, the cache bound, cleanup.
 */
import { useCosmosTestStores } from '@groundwork/testing';
import { describeSessionService } from '../test/session-service-suite.js';

describeSessionService('cosmos', useCosmosTestStores());
