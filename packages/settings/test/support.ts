/** A test service with the settings module, its maintenance extension and a probe module counting handler runs. */
import type { AuditRecordInput } from '@groundwork/audit';
import { defineModule, type ModuleExtension, type PlatformModule, publicRoute } from '@groundwork/http';
import type { DocumentStore } from '@groundwork/store';
import { bearer, createFakeClock, createTestService, type FakeClock } from '@groundwork/testing';
import { z } from 'zod';
import { createSettingsModule, type SettingsModuleOptions } from '../src/module.js';

export { bearer };

/** What `app.inject()` resolves to (light-my-request's response). */
export type LightResponse = Awaited<
  ReturnType<Awaited<ReturnType<typeof createTestService>>['service']['app']['inject']>
>;

export const acmeAdmin = bearer('ann', 'acme', ['admin']);
export const acmeMember = bearer('bob', 'acme', ['member']);
export const globexAdmin = bearer('gus', 'globex', ['admin']);

export function probeModule(calls: { count: number }): PlatformModule {
  const ok = z.object({ ok: z.boolean() });
  const handler = async () => {
    calls.count += 1;
    return { ok: true };
  };
  return defineModule({
    name: 'probe',
    routes: async (app) => {
      app.get('/probe/public', { ...publicRoute, schema: { response: { 200: ok } } }, handler);
      app.post(
        '/probe/public',
        { ...publicRoute, schema: { body: z.object({ n: z.number() }), response: { 200: ok } } },
        handler,
      );
      app.get('/probe/private', { schema: { response: { 200: ok } } }, handler);
      app.post(
        '/probe/private',
        { schema: { body: z.object({ n: z.number() }), response: { 200: ok } } },
        handler,
      );
    },
  });
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

export interface SettingsTestApp {
  inject: (options: {
    method?: Method;
    url: string;
    headers?: Record<string, string>;
    payload?: unknown;
    remoteAddress?: string;
  }) => Promise<LightResponse>;
  calls: { count: number };
  clock: FakeClock;
  store: DocumentStore;
  audits: AuditRecordInput[];
  settings: ReturnType<typeof createSettingsModule>;
  stop: () => Promise<unknown>;
}

export async function createSettingsTestApp(
  options: Partial<SettingsModuleOptions> & {
    clock?: FakeClock;
    store?: DocumentStore;
    modules?: PlatformModule[];
    extensions?: ModuleExtension[];
  } = {},
): Promise<SettingsTestApp> {
  const calls = { count: 0 };
  const audits: AuditRecordInput[] = [];
  const { clock: givenClock, store: givenStore, modules = [], extensions = [], ...moduleOptions } = options;
  const settings = createSettingsModule({
    productId: 'acme',
    audit: async (record) => {
      audits.push(record);
    },
    ...moduleOptions,
  });
  const clock = givenClock ?? createFakeClock();
  const { service, store } = await createTestService({
    modules: [settings.module, probeModule(calls), ...modules],
    extensions: [settings.extension, ...extensions],
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
    settings,
    stop: () => service.stop(),
  };
}
