/** A test service with the ratelimit module, its extension and a probe module counting handler runs. */
import type { AuditRecordInput } from '@groundwork/audit';
import { defineModule, type PlatformModule, publicRoute } from '@groundwork/http';
import type { DocumentStore } from '@groundwork/store';
import { bearer, createFakeClock, createTestService, type FakeClock } from '@groundwork/testing';
import { z } from 'zod';
import { createRateLimitModule, type RateLimitModuleOptions } from '../src/module.js';

export { bearer };

/** What `app.inject()` resolves to (light-my-request's response). */
export type LightResponse = Awaited<
  ReturnType<Awaited<ReturnType<typeof createTestService>>['service']['app']['inject']>
>;

export function probeModule(calls: { count: number }): PlatformModule {
  return defineModule({
    name: 'probe',
    routes: async (app) => {
      app.get(
        '/probe/public',
        { ...publicRoute, schema: { response: { 200: z.object({ ok: z.boolean() }) } } },
        async () => {
          calls.count += 1;
          return { ok: true };
        },
      );
      app.post(
        '/probe/public',
        {
          ...publicRoute,
          schema: { body: z.object({ n: z.number() }), response: { 200: z.object({ ok: z.boolean() }) } },
        },
        async () => {
          calls.count += 1;
          return { ok: true };
        },
      );
      app.get(
        '/probe/private',
        { schema: { response: { 200: z.object({ ok: z.boolean() }) } } },
        async () => {
          calls.count += 1;
          return { ok: true };
        },
      );
    },
  });
}

export interface RateTestApp {
  inject: (options: {
    method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
    url: string;
    headers?: Record<string, string>;
    payload?: unknown;
    remoteAddress?: string;
  }) => Promise<LightResponse>;
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
    inject: ({ method = 'GET', url, headers = {}, payload, remoteAddress = '198.51.100.7' }) =>
      service.app.inject({
        method,
        url,
        headers,
        remoteAddress,
        ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
      }),
    calls,
    clock,
    store,
    audits,
    ratelimit,
    stop: () => service.stop(),
  };
}
