/**
 * The scheduler guarantees on the Cosmos adapter, against one local Cosmos wire-protocol server
 * for this file; every test gets a fresh database. The three-instance test uses 100 slots here
 * (every slot is several HTTPS round trips per instance).
 */
import { useCosmosTestStores } from '@groundwork/testing';
import { describeSchedulerGuarantees } from './scheduler-guarantees.js';

describeSchedulerGuarantees('cosmos', useCosmosTestStores(), { slots: 100 });
