export type { CosmosEmulator, CosmosTestStoreOptions } from './cosmos-emulator.js';
export { COSMOS_EMULATOR_KEY, createCosmosTestStore, startCosmosEmulator } from './cosmos-emulator.js';
export { type CosmosTestStore, useCosmosTestStores } from './cosmos-test-stores.js';
export { drainWorker, dumpContainers } from './drain.js';
export type { FakeClock } from './fake-clock.js';
export { createFakeClock } from './fake-clock.js';
export type {
  HttpReceiver,
  HttpReceiverOptions,
  ReceivedRequest,
  ReceiverResponse,
  Responder,
} from './http-receiver.js';
export { startHttpReceiver } from './http-receiver.js';
export type { InterceptedCall } from './intercept-store.js';
export { interceptStore } from './intercept-store.js';
export {
  DEFAULT_PROBE_ADDRESS,
  injectFrom,
  type LightResponse,
  type ProbeRequest,
  probeModule,
} from './probe-module.js';
export type { StoreConformanceFactory, StoreConformanceHarness } from './store-conformance.js';
export { describeStoreConformance } from './store-conformance.js';
export type { TempSqliteStore } from './temp-sqlite.js';
export { createTempSqliteStore } from './temp-sqlite.js';
export type { TestService, TestServiceOptions } from './test-service.js';
export { bearer, createTestService, testAuthenticator } from './test-service.js';
export { selfSignedCertificate, type TestCertificate } from './tls-certificate.js';
