/**
 * The status platform module: composition only. It declares the status containers, adds the
 * `incident.*` and `maintenance.*` events to the catalog (emitted on the given bus), mounts the
 * public and admin routes, and declares the `status.maintenance-transitions` job (every minute)
 * that moves maintenance windows through their phases. Other code (the monitoring poller, tests)
 * uses the `status` handle, bound to the service's store and clock once the module is mounted.
 */
import { defineModule, type ModuleContext, type PlatformModule } from '@groundwork/http';
import type { JobDefinitionInput } from '@groundwork/jobs';
import type { OutboundPolicy, Resolver } from '@groundwork/outbound';
import { statusContainers } from './containers.js';
import { statusEvents } from './events.js';
import type { OnMaintenanceWindow, StatusAuditSink, StatusEventEmitter } from './ports.js';
import { statusRoutes } from './routes.js';
import { createStatusService, type StatusService } from './service.js';

export const MAINTENANCE_TRANSITIONS_JOB = 'status.maintenance-transitions';
export const MAINTENANCE_TRANSITIONS_EVERY_MS = 60_000;

export interface StatusModuleOptions {
  /** The product of public requests without `?product=`, and of the transition job's tasks. */
  productId: string;
  /** `STATUS_HISTORY_DAYS` (default 90). */
  historyDays?: number;
  /** `STATUS_SAMPLE_RETENTION_HOURS` (default 48). */
  sampleRetentionHours?: number;
  /** `STATUS_PUBLIC_MAX_AGE_SECONDS` (default 15). */
  publicMaxAgeSeconds?: number;
  /** `STATUS_PAGE_URL`: the public page, linked from the feeds. */
  pageUrl?: string;
  /** Where `incident.*` and `maintenance.*` events go (the service's bus). */
  bus?: StatusEventEmitter;
  /** Records every admin change: `(record) => audit.audit.record(record)`. */
  audit?: StatusAuditSink;
  /** Turns maintenance mode on/off for windows with `maintenanceMode: true` (the settings module). */
  onMaintenanceWindow?: OnMaintenanceWindow;
  /** The policy admin-supplied check URLs must pass (`outboundPolicyFromEnv(env)`; default https + public only). */
  outboundPolicy?: OutboundPolicy;
  /** Replaces DNS for the check-URL validation (tests). */
  resolver?: Resolver;
}

export interface StatusModule {
  /** Pass to `createServiceApp({ modules })`, once per service. */
  module: PlatformModule;
  /** The service's status; every call throws until the module is mounted. */
  status: StatusService;
}

export function maintenanceTransitionsJob(productId: string): JobDefinitionInput {
  return {
    name: MAINTENANCE_TRANSITIONS_JOB,
    type: MAINTENANCE_TRANSITIONS_JOB,
    productId,
    schedule: { everyMs: MAINTENANCE_TRANSITIONS_EVERY_MS },
    overlap: 'skip',
    catchUp: { policy: 'latest' },
    taskOptions: { maxAttempts: 3, timeoutMs: 60_000 },
  };
}

function unbound(): never {
  throw new Error(
    'The status module is not mounted yet: pass `module` to createServiceApp before using status.',
  );
}

export function createStatusModule(options: StatusModuleOptions): StatusModule {
  let bound: StatusService | undefined;

  function bind(ctx: ModuleContext): StatusService {
    bound ??= createStatusService({
      store: ctx.store,
      clock: ctx.clock,
      logger: ctx.logger,
      ...(options.bus ? { events: options.bus } : {}),
      ...(options.audit ? { audit: options.audit } : {}),
      ...(options.onMaintenanceWindow ? { onMaintenanceWindow: options.onMaintenanceWindow } : {}),
      ...(options.outboundPolicy ? { checkPolicy: options.outboundPolicy } : {}),
      ...(options.resolver ? { resolver: options.resolver } : {}),
    });
    return bound;
  }
  const service = (): StatusService => bound ?? unbound();

  const module = defineModule({
    name: 'status',
    containers: statusContainers({
      ...(options.historyDays === undefined ? {} : { historyDays: options.historyDays }),
      ...(options.sampleRetentionHours === undefined
        ? {}
        : { sampleRetentionHours: options.sampleRetentionHours }),
    }),
    events: { definitions: statusEvents },
    jobs: {
      definitions: [maintenanceTransitionsJob(options.productId)],
      handlers: {
        [MAINTENANCE_TRANSITIONS_JOB]: async () => {
          const result = await service().maintenance.advance();
          if (result.failed.length > 0)
            throw new Error(
              `Maintenance transitions failed for ${result.failed.join(', ')}; retried next run.`,
            );
          return { started: result.started, completed: result.completed };
        },
      },
    },
    routes: async (app, { ctx }) => {
      await app.register(
        statusRoutes(bind(ctx), {
          defaultProductId: options.productId,
          ...(options.publicMaxAgeSeconds === undefined
            ? {}
            : { maxAgeSeconds: options.publicMaxAgeSeconds }),
          ...(options.pageUrl ? { pageUrl: options.pageUrl } : {}),
        }),
        { ctx },
      );
    },
    start(ctx) {
      bind(ctx);
    },
  });

  // A facade that forwards to the bound service, so the handle can be passed around before mounting.
  const status: StatusService = {
    get clock() {
      return service().clock;
    },
    get components() {
      return service().components;
    },
    get health() {
      return service().health;
    },
    get incidents() {
      return service().incidents;
    },
    get maintenance() {
      return service().maintenance;
    },
    get public() {
      return service().public;
    },
  };
  return { module, status };
}
