/**
 * `jobsExtension`: the `ModuleExtension` (decision 0004) that hands every module's declared jobs
 * and handlers to the jobs module of the same service, once at startup, before anything runs.
 */
import type { ModuleContext, ModuleExtension, PlatformModule } from '@groundwork/http';
import { type CollectedJobs, collectModuleJobs } from './module-contract.js';

/** How a jobs module takes the collected jobs for the service whose context it is given. */
export type CollectedJobsReceiver = (ctx: ModuleContext, collected: CollectedJobs) => void;

const receivers = new WeakMap<PlatformModule, CollectedJobsReceiver>();

/** Called by `createJobsModule`: marks `module` as a jobs module that takes collected jobs. */
export function receiveCollectedJobs(module: PlatformModule, receiver: CollectedJobsReceiver): void {
  receivers.set(module, receiver);
}

/**
 * Pass in `createServiceApp({ extensions: [jobsExtension] })`. Fails startup on a duplicate job or
 * task type across modules, and when modules declare jobs but no `createJobsModule` is mounted.
 */
export const jobsExtension: ModuleExtension = (modules, ctx) => {
  const collected = collectModuleJobs(modules);
  const jobsModules = modules.filter((module) => receivers.has(module));
  if (jobsModules.length === 0) {
    const declaring = modules.filter((module) => module.jobs !== undefined).map((module) => module.name);
    if (declaring.length > 0) {
      throw new TypeError(
        `Modules ${declaring.map((name) => `"${name}"`).join(', ')} declare jobs, but no jobs module (createJobsModule) is mounted.`,
      );
    }
    return;
  }
  for (const module of jobsModules) receivers.get(module)?.(ctx, collected);
};
