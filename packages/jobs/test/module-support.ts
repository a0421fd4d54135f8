import type { ModuleExtension, PlatformModule } from '@groundwork/http';
import { createTestService, type TestService } from '@groundwork/testing';
import type { JobsAdminAction } from '../src/admin.js';
import { createJobsModule, type JobsModuleOptions } from '../src/module.js';
import { createQueue, type Queue } from '../src/queue.js';

export { bearer } from '@groundwork/testing';

export interface JobsTestApp extends TestService {
  /** A queue on the same store and clock, to enqueue and run tasks as another instance would. */
  queue: Queue;
  actions: JobsAdminAction[];
}

/** A test service (`createTestService`: memory store, fake clock, test tokens) with the given modules. */
export async function createJobsTestService(
  modules: PlatformModule[],
  extensions: ModuleExtension[] = [],
): Promise<Omit<JobsTestApp, 'actions'>> {
  const built = await createTestService({ name: 'jobs-test', modules, extensions });
  return { ...built, queue: createQueue({ store: built.store, clock: built.clock }) };
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
