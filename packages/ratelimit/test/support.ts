/** A test service with the ratelimit module, its extension and a probe module counting handler runs. */
import type { AuditRecordInput } from '@groundwork/audit';
import type { DocumentStore } from '@groundwork/store';
import {
  bearer,
  createFakeClock,
  createTestService,
  type FakeClock,
  injectFrom,
  type LightResponse,
  type ProbeRequest,
  probeModule,
} from '@groundwork/testing';
import { createRateLimitModule, type RateLimitModuleOptions } from '../src/module.js';

export { bearer };

export interface RateTestApp {
  inject: (request: ProbeRequest) => Promise<LightResponse>;
  calls: { count: number };
  clock: FakeClock;
  store: DocumentStore;
  audits: AuditRecordInput[];
  ratelimit: ReturnType<typeof createRateLimitModule>;
  stop: () => Promise<unknown>;
}

export async function createRateTestApp(
  options: Partial<RateLimitModuleOptions> & { clock?: FakeClock; store?: DocumentStore } = {},
): Promise<RateTestApp> {
  const calls = { count: 0 };
  const audits: AuditRecordInput[] = [];
  const { clock: givenClock, store: givenStore, ...moduleOptions } = options;
  const ratelimit = createRateLimitModule({
    productId: 'acme',
    audit: async (record) => {
      audits.push(record);
    },
    ...moduleOptions,
  });
  const clock = givenClock ?? createFakeClock();
  const { service, store } = await createTestService({
    modules: [ratelimit.module, probeModule(calls)],
    extensions: [ratelimit.extension],
    clock,
    ...(givenStore ? { store: givenStore } : {}),
  });
  return {
    inject: injectFrom(service),
    calls,
    clock,
    store,
    audits,
    ratelimit,
    stop: () => service.stop(),
  };
}
