/**
 * A service for module tests: `createServiceApp` over a memory store (unless one is given), a fake
 * clock, silent logs, and the test authenticator, whose tokens are
 * `Bearer <subject>|<productId>|<roles comma-separated>[|<impersonatedBy>[|<sessionId>]]` (e.g. `Bearer ann|acme|admin`;
 * anything else is unauthenticated). `bearer(...)` builds the header.
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
import { createFakeClock, type FakeClock } from './fake-clock.js';

const TOKEN = /^Bearer ([^|\s]+)\|([^|\s]+)\|([^|\s]*)(?:\|([^|\s]*))?(?:\|([^|\s]+))?$/;

export const testAuthenticator: Authenticator = async (request) => {
  const match = TOKEN.exec(request.headers.authorization ?? '');
  if (!match) return null;
  const [, subject, productId, roles, impersonatedBy, sessionId] = match;
  const principal: Principal = {
    subject: subject as string,
    productId: productId as string,
    roles: (roles as string).split(',').filter(Boolean),
    scopes: [],
    kind: 'user',
    ...(impersonatedBy ? { impersonatedBy } : {}),
    ...(sessionId ? { sessionId } : {}),
  };
  return principal;
};

/**
 * The `authorization` header of a test token: `Bearer <subject>|<productId>|<roles>` and, when
 * given, `|<impersonatedBy>` and `|<sessionId>` (an empty impersonatedBy when only a session is named).
 */
export function bearer(
  subject: string,
  productId: string,
  roles: string[],
  impersonatedBy?: string,
  sessionId?: string,
): { authorization: string } {
  const parts = [subject, productId, roles.join(',')];
  if (impersonatedBy !== undefined || sessionId !== undefined) parts.push(impersonatedBy ?? '');
  if (sessionId !== undefined) parts.push(sessionId);
  return { authorization: `Bearer ${parts.join('|')}` };
}

export interface TestServiceOptions {
  modules: readonly PlatformModule[];
  extensions?: readonly ModuleExtension[];
  /** Default: a fake clock at its default start. */
  clock?: FakeClock;
  /** Default: a memory store on `clock`. */
  store?: DocumentStore;
  name?: string;
  /** Default: `testAuthenticator`. */
  authenticator?: Authenticator;
}

export interface TestService {
  service: ServiceApp;
  store: DocumentStore;
  clock: FakeClock;
}

export async function createTestService(options: TestServiceOptions): Promise<TestService> {
  const clock = options.clock ?? createFakeClock();
  const store = options.store ?? createMemoryStore({ clock });
  const name = options.name ?? 'test-service';
  const service = await createServiceApp({
    name,
    version: '0.0.0',
    config: serviceConfigFromEnv({
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'silent',
      STORE_SWEEP_INTERVAL_MS: '0',
      SHUTDOWN_TIMEOUT_MS: '5000',
    }),
    store,
    modules: options.modules,
    extensions: [...(options.extensions ?? [])],
    logger: createLogger({ name, level: 'silent' }),
    authenticator: options.authenticator ?? testAuthenticator,
    clock,
  });
  return { service, store, clock };
}
