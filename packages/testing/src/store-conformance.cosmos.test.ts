/**
 * The DocumentStore conformance suite on the Cosmos adapter, against one local Cosmos
 * wire-protocol server for this file; every test gets a fresh database on it.
 */
import { useCosmosTestStores } from './cosmos-test-stores.js';
import { describeStoreConformance } from './store-conformance.js';

const cosmosStore = useCosmosTestStores();

describeStoreConformance('cosmos', async () => ({ ...(await cosmosStore()), expiresNatively: true }));
