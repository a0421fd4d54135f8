/**
 * A test service with the flags module on a fake clock, the test authenticator
 * (`Bearer <subject>|<productId>|<roles>`), a memory store unless one is given, an audit sink that
 * keeps what it is given, and an event bus (with the module's events) whose emits are collected.
 */
import { createEventBus, type EventEnvelope } from '@groundwork/events';
import type { ServiceApp } from '@groundwork/http';
import type { DocumentStore } from '@groundwork/store';
import { createFakeClock, createTestService, type FakeClock } from '@groundwork/testing';
import { flagEventDefinitions } from '../src/flag-events.js';
import { createFlagsModule, type FlagsModule } from '../src/module.js';
import type { FlagAuditRecord } from '../src/service.js';

export { bearer } from '@groundwork/testing';

export interface FlagsTestApp {
  service: ServiceApp;
  store: DocumentStore;
  clock: FakeClock;
  flags: FlagsModule;
  audited: FlagAuditRecord[];
  events: EventEnvelope[];
}

export interface FlagsTestAppOptions {
  store?: DocumentStore;
  clock?: FakeClock;
  cacheTtlMs?: number;
}

export async function createFlagsTestApp(options: FlagsTestAppOptions = {}): Promise<FlagsTestApp> {
  const audited: FlagAuditRecord[] = [];
  const events: EventEnvelope[] = [];
  const clock = options.clock ?? createFakeClock(Date.UTC(2026, 10, 26, 6));
  const bus = createEventBus({ definitions: flagEventDefinitions, clock });
  bus.on({ name: 'flags-test', types: '*', handler: (event) => void events.push(event) });
  const flags = createFlagsModule({
    events: bus,
    audit: async (record) => {
      audited.push(record);
    },
    ...(options.cacheTtlMs === undefined ? {} : { cacheTtlMs: options.cacheTtlMs }),
  });
  const built = await createTestService({
    name: 'flags-test',
    modules: [flags.module],
    clock,
    ...(options.store ? { store: options.store } : {}),
  });
  return { ...built, flags, audited, events };
}
