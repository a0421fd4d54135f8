/**
 * A test service with the audit module (and any other modules) on a fake clock, the test
 * authenticator (`Bearer <subject>|<productId>|<roles>`), and a memory store unless one is given.
 */
import type { ModuleExtension, PlatformModule, ServiceApp } from '@groundwork/http';
import type { DocumentStore } from '@groundwork/store';
import { createTestService, type FakeClock } from '@groundwork/testing';
import { type AuditModuleOptions, type AuditRecorder, createAuditModule } from '../src/module.js';

export { bearer } from '@groundwork/testing';

export interface AuditTestApp {
  service: ServiceApp;
  store: DocumentStore;
  clock: FakeClock;
  audit: AuditRecorder;
}

export interface AuditTestAppOptions extends AuditModuleOptions {
  store?: DocumentStore;
  clock?: FakeClock;
  /** Mounted before the audit module, e.g. the jobs module wired to `audit.onJobsAdminAction`. */
  modules?: (audit: AuditRecorder) => PlatformModule[];
  extensions?: ModuleExtension[];
}

export async function createAuditTestApp(options: AuditTestAppOptions = {}): Promise<AuditTestApp> {
  const { module, audit } = createAuditModule(
    options.retentionDays === undefined ? {} : { retentionDays: options.retentionDays },
  );
  const built = await createTestService({
    name: 'audit-test',
    modules: [...(options.modules?.(audit) ?? []), module],
    extensions: options.extensions ?? [],
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.store ? { store: options.store } : {}),
  });
  return { ...built, audit };
}
