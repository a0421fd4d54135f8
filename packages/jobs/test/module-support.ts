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
import type { JobsAdminAction } from '../src/admin.js';
import { createJobsModule, type JobsModuleOptions } from '../src/module.js';
import { createQueue, type Queue } from '../src/queue.js';

/**
 * Test tokens are `Bearer <subject>|<productId>|<roles comma-separated>`, e.g. `Bearer ann|acme|admin`
 * (as in @groundwork/http's tests). Anything else is unauthenticated.
 */
export const testAuthenticator: Authenticator = async (request) => {
  const match = /^Bearer ([^|\s]+)\|([^|\s]+)\|([^|\s]*)$/.exec(request.headers.authorization ?? '');
  if (!match) return null;
  const principal: Principal = {
    subject: match[1] as string,
    productId: match[2] as string,
    roles: (match[3] as string).split(',').filter(Boolean),
    scopes: [],
    kind: 'user',
  };
  return principal;
};

export function bearer(subject: string, productId: string, roles: string[]) {
  return { authorization: `Bearer ${subject}|${productId}|${roles.join(',')}` };
}

export interface JobsTestApp {
  service: ServiceApp;
  store: DocumentStore;
  clock: FakeClock;
  /** A queue on the same store and clock, to enqueue and run tasks as another instance would. */
  queue: Queue;
  actions: JobsAdminAction[];
}

/** A service on a memory store, a fake clock and the test authenticator, with the given modules. */
export async function createJobsTestService(
  modules: PlatformModule[],
  extensions: ModuleExtension[] = [],
): Promise<Omit<JobsTestApp, 'actions'>> {
  const clock = createFakeClock();
  const store = createMemoryStore({ clock });
  const service = await createServiceApp({
    name: 'jobs-test',
    version: '0.0.0',
    config: serviceConfigFromEnv({
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'silent',
      STORE_SWEEP_INTERVAL_MS: '0',
      SHUTDOWN_TIMEOUT_MS: '5000',
    }),
    store,
    modules,
    extensions,
    logger: createLogger({ name: 'jobs-test', level: 'silent' }),
    authenticator: testAuthenticator,
    clock,
  });
  return { service, store, clock, queue: createQueue({ store, clock }) };
}

/** The jobs module alone in a service (see `createJobsTestService`), recording its admin actions. */
export async function createJobsTestApp(options: Partial<JobsModuleOptions> = {}): Promise<JobsTestApp> {
  const actions: JobsAdminAction[] = [];
  const module = createJobsModule({
    runnerEnabled: false,
    tickIntervalMs: 60_000,
    onAdminAction: (action) => {
      actions.push(action);
    },
    ...options,
  });
  return { ...(await createJobsTestService([module])), actions };
}
