/**
 * A test service with the sessions module (and any other modules) on a fake clock and a memory
 * store unless given (`createTestService`), with an authenticator whose tokens name
 * a session: `Bearer <subject>|<productId>|<roles comma-separated>[|<sessionId>]`, checked through
 * `withSessionCheck` (so a revoked session's token is refused, as in a real service).
 */
import type { Authenticator, ModuleExtension, PlatformModule, Principal, ServiceApp } from '@groundwork/http';
import type { DocumentStore } from '@groundwork/store';
import { createMemoryStore } from '@groundwork/store/memory';
import { createFakeClock, createTestService, type FakeClock } from '@groundwork/testing';
import { createSessionsModule, type SessionsModuleOptions } from '../src/module.js';
import { withSessionCheck } from '../src/session-check.js';
import type { SessionService } from '../src/session-service.js';

const TOKEN = /^Bearer ([^|\s]+)\|([^|\s]+)\|([^|\s]*)(?:\|([^|\s]+))?$/;

export const sessionTokenAuthenticator: Authenticator = async (request) => {
  const match = TOKEN.exec(request.headers.authorization ?? '');
  if (!match) return null;
  const [, subject, productId, roles, sessionId] = match;
  const principal: Principal = {
    subject: subject as string,
    productId: productId as string,
    roles: (roles as string).split(',').filter(Boolean),
    scopes: [],
    kind: 'user',
    ...(sessionId ? { sessionId } : {}),
  };
  return principal;
};

/** The `authorization` header of a test token, naming `sessionId` when given. */
export function bearer(
  subject: string,
  productId: string,
  roles: string[],
  sessionId?: string,
): { authorization: string } {
  const parts = [subject, productId, roles.join(','), ...(sessionId ? [sessionId] : [])];
  return { authorization: `Bearer ${parts.join('|')}` };
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
    authenticator: withSessionCheck(sessionTokenAuthenticator, sessions),
    clock,
    store,
  });
  return { service, store, clock, sessions, module };
}
