/**
 * The settings platform module: composition only. It declares the `settings` container, mounts the
 * settings, kill-switch and maintenance routes, declares the scheduled-window job and its handler
 * (`jobs` member; needs `createJobsModule` + `jobsExtension` in the service), and hands the service
 * an `extension` installing the maintenance `onRequest` hook on the whole app.
 */
import {
  defineModule,
  type ModuleContext,
  type ModuleExtension,
  type PlatformModule,
} from '@groundwork/http';
import type {} from '@groundwork/jobs';
import { MAINTENANCE_WINDOWS_TASK, maintenanceWindowsHandler, maintenanceWindowsJob } from './jobs.js';
import { createMaintenanceService, type MaintenanceService, type SettingsAuditSink } from './maintenance.js';
import { installMaintenanceHook, type MaintenanceRequest } from './maintenance-hook.js';
import { createSettingsRegistry, type SettingsRegistry } from './registry.js';
import { settingsModuleRoutes } from './routes.js';
import type { MaintenanceMode } from './schemas.js';
import { SETTINGS_CONTAINER } from './settings-container.js';
import { createUserSettings, type UserSettings } from './user-settings.js';

export interface SettingsModuleOptions {
  /** The service's own product: public reads without `?productId=`, requests without a principal, the window job. */
  productId: string;
  /** This service's name, matched against `affectedServices` (default `api`). */
  serviceName?: string;
  /** Known setting keys and their schemas (default: an empty registry accepting small JSON values). */
  registry?: SettingsRegistry;
  /** `MAINTENANCE_MODE`. */
  maintenanceMode?: MaintenanceMode | undefined;
  /** `MAINTENANCE_BYPASS_IPS`. */
  bypassIps?: readonly string[];
  /** `MAINTENANCE_CACHE_TTL_MS` (default 5000). */
  cacheTtlMs?: number;
  /** `MAINTENANCE_RETRY_AFTER_SECONDS` (default 300). */
  retryAfterSeconds?: number;
  /** `MAINTENANCE_SCHEDULE_INTERVAL_MS` (default 60000). */
  scheduleIntervalMs?: number;
  /** `KILL_SWITCH_MAX_AGE_SECONDS` (default 30). */
  publicMaxAgeSeconds?: number;
  /** Paths reachable in every mode (default `DEFAULT_MAINTENANCE_EXEMPT_PATHS`). */
  exemptPaths?: readonly string[];
  /** The client address for IP bypass (e.g. `ratelimit.service().clientIp`); default `request.ip`. */
  clientIp?: (request: MaintenanceRequest) => string;
  /** Records admin changes and window transitions (`audit.audit.record`). */
  audit?: SettingsAuditSink;
}

export interface SettingsModule {
  module: PlatformModule;
  /** Pass in `createServiceApp({ extensions })` (after the ratelimit extension): enforces maintenance. */
  extension: ModuleExtension;
  /** The maintenance and kill-switch service once mounted (throws before): `setMaintenance(...)`. */
  maintenance(): MaintenanceService;
  settings(): UserSettings;
}

export function createSettingsModule(options: SettingsModuleOptions): SettingsModule {
  let bound: { maintenance: MaintenanceService; settings: UserSettings } | undefined;
  const registry = options.registry ?? createSettingsRegistry();

  function bind(ctx: ModuleContext) {
    if (bound) return bound;
    bound = {
      maintenance: createMaintenanceService({
        store: ctx.store,
        clock: ctx.clock,
        envMode: options.maintenanceMode,
        envBypassIps: options.bypassIps ?? [],
        ...(options.cacheTtlMs !== undefined ? { cacheTtlMs: options.cacheTtlMs } : {}),
        ...(options.retryAfterSeconds !== undefined
          ? { defaultRetryAfterSeconds: options.retryAfterSeconds }
          : {}),
        audit: options.audit,
        onError: (error, productId) =>
          ctx.logger.error(
            { err: error, productId },
            'cannot read the maintenance state; serving the last known one',
          ),
      }),
      settings: createUserSettings({ store: ctx.store, clock: ctx.clock, registry }),
    };
    return bound;
  }

  const maintenance = (): MaintenanceService => {
    if (!bound) throw new Error('The settings module is not mounted in a service yet.');
    return bound.maintenance;
  };

  const module = defineModule({
    name: 'settings',
    containers: [SETTINGS_CONTAINER],
    routes: async (app, { ctx }) => {
      const runtime = bind(ctx);
      await app.register(
        settingsModuleRoutes({
          ...runtime,
          defaultProductId: options.productId,
          publicMaxAgeSeconds: options.publicMaxAgeSeconds ?? 30,
        }),
        { ctx },
      );
    },
    jobs: {
      definitions: [
        maintenanceWindowsJob({
          productId: options.productId,
          ...(options.scheduleIntervalMs ? { everyMs: options.scheduleIntervalMs } : {}),
        }),
      ],
      handlers: { [MAINTENANCE_WINDOWS_TASK]: maintenanceWindowsHandler(maintenance) },
    },
    start(ctx) {
      bind(ctx);
    },
  });

  const extension: ModuleExtension = (_modules, ctx) => {
    installMaintenanceHook(ctx.app, {
      service: bind(ctx).maintenance,
      defaultProductId: options.productId,
      serviceName: options.serviceName ?? 'api',
      ...(options.exemptPaths ? { exemptPaths: options.exemptPaths } : {}),
      ...(options.clientIp ? { clientIp: options.clientIp } : {}),
    });
  };

  return {
    module,
    extension,
    maintenance,
    settings() {
      if (!bound) throw new Error('The settings module is not mounted in a service yet.');
      return bound.settings;
    },
  };
}
