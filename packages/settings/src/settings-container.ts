/**
 * The `settings` container (pk `/productId`, the seed's existing container): per product, one
 * document per user (`user:<userId>`) and per device (`device:<userId>:<deviceId>`) holding their
 * settings, the kill switch (`kill-switch`), the maintenance config (`maintenance`, field
 * `maintenanceConfig`, seed §2.10) and the scheduled maintenance windows (`mw_…`).
 */
import type { ContainerSpec } from '@groundwork/store';

export const SETTINGS_CONTAINER: ContainerSpec = {
  name: 'settings',
  partitionKey: '/productId',
  description: 'User and device settings, kill switch, maintenance config and windows, per product.',
  indexes: [{ equal: ['kind', 'state'], sort: 'startAtMs' }],
};

export const KILL_SWITCH_ID = 'kill-switch';
export const MAINTENANCE_ID = 'maintenance';
