/**
 * Glue between two modules: a status maintenance window with `maintenanceMode` switches its
 * product's maintenance mode (settings) while it is in progress. Idempotent, since the status
 * job may retry a transition, and it never undoes what a person set:
 * - started: the mode becomes `maintenance` unless it already is, or is `emergency`;
 * - completed: the mode goes back to `off` only if the status module set it last (an admin's
 *   change since then stands) and no other maintenance-mode window is still in progress.
 */
import type { SettingsModule } from '@groundwork/settings';
import type { MaintenanceWindow, StatusService } from '@groundwork/status';

const STATUS_ACTOR = { type: 'system', id: 'status' } as const;
const SET_BY_STATUS = `${STATUS_ACTOR.type}:${STATUS_ACTOR.id}`;

export function maintenanceModeForWindows(settings: SettingsModule, status: StatusService) {
  return async (window: MaintenanceWindow, phase: 'started' | 'completed'): Promise<void> => {
    if (!window.maintenanceMode) return;
    const maintenance = settings.maintenance();
    const { config } = await maintenance.effective(window.productId);
    if (phase === 'started') {
      if (config.mode === 'maintenance' || config.mode === 'emergency') return;
      await maintenance.setMaintenance(
        window.productId,
        {
          mode: 'maintenance',
          message: window.title,
          scheduledStart: window.startsAt,
          scheduledEnd: window.endsAt,
        },
        STATUS_ACTOR,
      );
      return;
    }
    if (config.mode === 'off' || config.updatedBy !== SET_BY_STATUS) return;
    const overlapping = await status.maintenance.between(
      window.productId,
      Date.parse(window.startsAt),
      Date.parse(window.endsAt),
    );
    const stillOn = overlapping.find(
      (other) => other.id !== window.id && other.maintenanceMode && other.phase === 'in_progress',
    );
    if (stillOn) {
      await maintenance.setMaintenance(
        window.productId,
        { message: stillOn.title, scheduledStart: stillOn.startsAt, scheduledEnd: stillOn.endsAt },
        STATUS_ACTOR,
      );
      return;
    }
    await maintenance.setMaintenance(
      window.productId,
      { mode: 'off', scheduledStart: null, scheduledEnd: null },
      STATUS_ACTOR,
    );
  };
}
