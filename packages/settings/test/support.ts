/** A test service with the settings module, its maintenance extension and a probe module counting handler runs. */
import type { AuditRecordInput } from '@groundwork/audit';
import type { ModuleExtension, PlatformModule } from '@groundwork/http';
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
import { createSettingsModule, type SettingsModuleOptions } from '../src/module.js';

export { bearer };

export const acmeAdmin = bearer('ann', 'acme', ['admin']);
export const acmeMember = bearer('bob', 'acme', ['member']);
export const globexAdmin = bearer('gus', 'globex', ['admin']);

export interface SettingsTestApp {
  inject: (request: ProbeRequest) => Promise<LightResponse>;
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
    inject: injectFrom(service),
    calls,
    clock,
    store,
    audits,
    settings,
    stop: () => service.stop(),
  };
}
