/**
 * A test service with the sessions module (and any other modules) on a fake clock and a memory
 * store unless given (`createTestService`), with the test authenticator, whose tokens may name
 * a session (`bearer(subject, productId, roles, sessionId)`), checked through
 * `withSessionCheck` (so a revoked session's token is refused, as in a real service).
 */
import type { ModuleExtension, PlatformModule, ServiceApp } from '@groundwork/http';
import type { DocumentStore } from '@groundwork/store';
import { createMemoryStore } from '@groundwork/store/memory';
import {
  createFakeClock,
  createTestService,
  type FakeClock,
  testAuthenticator,
  bearer as testBearer,
} from '@groundwork/testing';
import { createSessionsModule, type SessionsModuleOptions } from '../src/module.js';
import { withSessionCheck } from '../src/session-check.js';
import type { SessionService } from '../src/session-service.js';

/** The `authorization` header of a test token, naming `sessionId` when given. */
export function bearer(subject: string, productId: string, roles: string[], sessionId?: string) {
  return testBearer(subject, productId, roles, undefined, sessionId);
}

export interface SessionsTestApp {
  service: ServiceApp;
  store: DocumentStore;
  clock: FakeClock;
  sessions: SessionService;
  /** The mounted sessions module (its `jobs.handlers` run the cleanup in a test worker). */
  module: PlatformModule;
}

export interface SessionsTestAppOptions extends Partial<SessionsModuleOptions> {
  store?: DocumentStore;
  clock?: FakeClock;
  /** Mounted before the sessions module (e.g. the jobs and events modules). */
  modules?: PlatformModule[];
  extensions?: ModuleExtension[];
}

export async function createSessionsTestApp(options: SessionsTestAppOptions = {}): Promise<SessionsTestApp> {
  const { store: givenStore, clock: givenClock, modules = [], extensions = [], ...moduleOptions } = options;
  const clock = givenClock ?? createFakeClock();
  const store = givenStore ?? createMemoryStore({ clock });
  const { module, sessions } = createSessionsModule({ productId: 'acme', ...moduleOptions });
  const { service } = await createTestService({
    name: 'sessions-test',
    modules: [...modules, module],
    extensions,
    authenticator: withSessionCheck(testAuthenticator, sessions),
    clock,
    store,
  });
  return { service, store, clock, sessions, module };
}
