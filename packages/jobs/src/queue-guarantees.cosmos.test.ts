/**
 * The queue guarantees on the Cosmos adapter, against one local Cosmos wire-protocol server for
 * this file; every test gets a fresh database. The server never deletes TTL documents itself;
 * the adapter hides expired ones, which is all the TTL test relies on.
 */
import { useCosmosTestStores } from '@groundwork/testing';
import { describeQueueGuarantees } from './queue-guarantees.js';

describeQueueGuarantees('cosmos', useCosmosTestStores());
