/**
 * A test service with the audit module (and any other modules) on a fake clock, the test
 * authenticator (`Bearer <subject>|<productId>|<roles>`), and a memory store unless one is given.
 */
import {
  type Authenticator,
  createServiceApp,
  type ModuleExtension,
  type PlatformModule,
  type Principal,
  type ServiceApp,
  serviceConfigFromEnv,
} from '@groundwork/http';
import { createLogger } from '@groundwork/logger';
import type { DocumentStore } from '@groundwork/store';
import { createMemoryStore } from '@groundwork/store/memory';
import { createFakeClock, type FakeClock } from '@groundwork/testing';
import { type AuditModuleOptions, type AuditRecorder, createAuditModule } from '../src/module.js';

/**
 * Test tokens are `Bearer <subject>|<productId>|<roles comma-separated>[|<impersonatedBy>]`, e.g.
 * `Bearer ann|acme|admin`. Anything else is unauthenticated.
 */
export const testAuthenticator: Authenticator = async (request) => {
  const match = /^Bearer ([^|\s]+)\|([^|\s]+)\|([^|\s]*)(?:\|([^|\s]+))?$/.exec(
    request.headers.authorization ?? '',
  );
  if (!match) return null;
  const principal: Principal = {
    subject: match[1] as string,
    productId: match[2] as string,
    roles: (match[3] as string).split(',').filter(Boolean),
    scopes: [],
    kind: 'user',
    ...(match[4] ? { impersonatedBy: match[4] } : {}),
  };
  return principal;
};

export function bearer(subject: string, productId: string, roles: string[], impersonatedBy?: string) {
  const token = [subject, productId, roles.join(','), ...(impersonatedBy ? [impersonatedBy] : [])].join('|');
  return { authorization: `Bearer ${token}` };
}

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
  const clock = options.clock ?? createFakeClock();
  const store = options.store ?? createMemoryStore({ clock });
  const { module, audit } = createAuditModule(
    options.retentionDays === undefined ? {} : { retentionDays: options.retentionDays },
  );
  const service = await createServiceApp({
    name: 'audit-test',
    version: '0.0.0',
    config: serviceConfigFromEnv({
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'silent',
      STORE_SWEEP_INTERVAL_MS: '0',
      SHUTDOWN_TIMEOUT_MS: '5000',
    }),
    store,
    modules: [...(options.modules?.(audit) ?? []), module],
    extensions: options.extensions ?? [],
    logger: createLogger({ name: 'audit-test', level: 'silent' }),
    authenticator: testAuthenticator,
    clock,
  });
  return { service, store, clock, audit };
}
