/**
 * The jobs member of the module contract (decision 0004): every platform module may declare the
 * scheduled jobs it owns and the task handlers it runs. `jobsExtension` collects them at startup.
 */
import type { PlatformModule } from '@groundwork/http';
import type { JobDefinitionInput } from './job-definitions.js';
import type { TaskHandler } from './task-execution.js';

/** What a module declares under `jobs`. */
export interface ModuleJobs {
  /** Scheduled jobs this module owns (validated at startup: a bad one fails `createServiceApp`). */
  definitions?: JobDefinitionInput[];
  /** Handler per task type this module runs; a type may have one handler in the whole service. */
  handlers?: Record<string, TaskHandler>;
}

declare module '@groundwork/http' {
  interface PlatformModule {
    /** Jobs and task handlers this module brings (needs `createJobsModule` and `jobsExtension`). */
    jobs?: ModuleJobs;
  }
}

/** Every module's jobs, merged. */
export interface CollectedJobs {
  definitions: JobDefinitionInput[];
  handlers: Record<string, TaskHandler>;
}

/**
 * Merges the `jobs` every module declares. Two handlers for one task type, or two definitions of
 * one job (same name and product), fail with a TypeError naming both modules.
 */
export function collectModuleJobs(modules: readonly PlatformModule[]): CollectedJobs {
  const definitions: JobDefinitionInput[] = [];
  const handlers: Record<string, TaskHandler> = {};
  const jobOwners = new Map<string, string>();
  const handlerOwners = new Map<string, string>();
  for (const module of modules) {
    for (const job of module.jobs?.definitions ?? []) {
      const key = JSON.stringify([job.productId, job.name]);
      const owner = jobOwners.get(key);
      if (owner !== undefined) {
        throw new TypeError(
          `Job "${job.name}" (product "${job.productId}") is declared by both module "${owner}" and module "${module.name}".`,
        );
      }
      jobOwners.set(key, module.name);
      definitions.push(job);
    }
    for (const [type, handler] of Object.entries(module.jobs?.handlers ?? {})) {
      const owner = handlerOwners.get(type);
      if (owner !== undefined) {
        throw new TypeError(
          `Task type "${type}" has a handler in both module "${owner}" and module "${module.name}".`,
        );
      }
      handlerOwners.set(type, module.name);
      handlers[type] = handler;
    }
  }
  return { definitions, handlers };
}
