import { createAuditModule } from '@groundwork/audit';
import { createEventBus, createEventsModule } from '@groundwork/events';
import type { PlatformModule } from '@groundwork/http';
import { createJobsModule, deadLetterReportJob } from '@groundwork/jobs';
import type { PlatformConfig } from './env.js';

/**
 * The platform, at a glance: every capability it serves is one module in this list, configured
 * from the environment. Each issue that adds a capability adds its module here; the kernel
 * (health, readiness, metrics, OpenAPI, migrations) comes with `createServiceApp`.
 * A module declares its scheduled jobs and task handlers in its own `jobs` member, and its events
 * and subscribers in its own `events` member; the jobs and events modules run them (through
 * `jobsExtension` and `eventsExtension`, passed in platform.ts).
 */
export function platformModules({ env }: PlatformConfig): readonly PlatformModule[] {
  // One bus per service: modules that emit get it from here; it binds to the store at startup.
  const bus = createEventBus();
  // Records every event (durably) and every admin action of the modules below.
  const audit = createAuditModule();
  return [
    createJobsModule({
      runnerEnabled: env.JOB_RUNNER_ENABLED,
      tickIntervalMs: env.JOB_TICK_INTERVAL_MS,
      // Every 15 minutes: count the product's dead-letter tasks and warn in the logs when there are any.
      jobs: [deadLetterReportJob({ productId: env.PRODUCT_ID })],
      onAdminAction: audit.audit.onJobsAdminAction,
    }),
    createEventsModule({ bus, productId: env.PRODUCT_ID }),
    audit.module,
  ];
}
