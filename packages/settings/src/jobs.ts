/**
 * The scheduled-window job: every `everyMs` (default a minute), switch due maintenance windows on
 * and over windows off, for every product on the store. One job (defined in the service's product)
 * does it for all products; cron slots are deduplicated by the jobs engine and each transition is
 * claimed with an etag, so several instances never switch a window twice.
 */
import type { JobDefinitionInput, TaskHandler } from '@groundwork/jobs';
import type { MaintenanceService } from './maintenance.js';

export const MAINTENANCE_WINDOWS_TASK = 'settings.maintenance-windows';

export function maintenanceWindowsJob(options: { productId: string; everyMs?: number }): JobDefinitionInput {
  return {
    name: MAINTENANCE_WINDOWS_TASK,
    type: MAINTENANCE_WINDOWS_TASK,
    productId: options.productId,
    schedule: { everyMs: options.everyMs ?? 60_000 },
    catchUp: { policy: 'latest' },
    taskOptions: { maxAttempts: 3, timeoutMs: 60_000 },
  };
}

export function maintenanceWindowsHandler(service: () => MaintenanceService): TaskHandler {
  return async (_task, { logger }) => {
    const result = await service().applyDueWindows();
    if (result.started.length + result.ended.length + result.skipped.length > 0)
      logger.info({ ...result }, 'maintenance windows switched');
    return { started: result.started, ended: result.ended, skipped: result.skipped };
  };
}
