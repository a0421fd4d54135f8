export type { CosmosConnectionOptions, CosmosCredential } from './cosmos/cosmos-client.js';
export type { CosmosStoreOptions } from './cosmos/cosmos-store.js';
export { COSMOS_PARTITION_KEY_PATH, cosmosDefaultTtl, createCosmosStore } from './cosmos/cosmos-store.js';
