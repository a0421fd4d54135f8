/** @groundwork/settings: user and device settings, the kill switch and maintenance mode (seed §1.1, §2.10). */
export { MAINTENANCE_WINDOWS_TASK, maintenanceWindowsHandler, maintenanceWindowsJob } from './jobs.js';
export type {
  ApplyResult,
  ChangeMeta,
  EffectiveMaintenance,
  MaintenanceService,
  MaintenanceServiceOptions,
  SettingsAuditSink,
} from './maintenance.js';
export {
  createMaintenanceService,
  DEFAULT_BYPASS_ROLES,
  defaultMaintenanceConfig,
  SCHEDULE_ACTOR,
} from './maintenance.js';
export type { MaintenanceHookOptions, MaintenanceRequest } from './maintenance-hook.js';
export {
  DEFAULT_MAINTENANCE_EXEMPT_PATHS,
  installMaintenanceHook,
  isExempt,
  maintenanceRefusal,
  SAFE_METHODS,
} from './maintenance-hook.js';
export type { SettingsModule, SettingsModuleOptions } from './module.js';
export { createSettingsModule } from './module.js';
export type {
  SettingDefinition,
  SettingScope,
  SettingsRegistry,
  SettingsRegistryOptions,
} from './registry.js';
export { createSettingsRegistry, MAX_DOCUMENT_BYTES } from './registry.js';
export type { SettingsRouteOptions } from './routes.js';
export { settingsModuleRoutes } from './routes.js';
export type {
  CreateWindowInput,
  CreateWindowRequest,
  KillSwitchView,
  MaintenanceConfig,
  MaintenanceMode,
  MaintenanceUpdate,
  MaintenanceWindow,
} from './schemas.js';
export {
  adminMaintenanceSchema,
  createWindowSchema,
  killSwitchSchema,
  MAINTENANCE_MODES,
  maintenanceConfigSchema,
  maintenanceModeSchema,
  maintenanceUpdateSchema,
  maintenanceWindowSchema,
  publicMaintenanceSchema,
} from './schemas.js';
export { KILL_SWITCH_ID, MAINTENANCE_ID, SETTINGS_CONTAINER } from './settings-container.js';
export type { SettingsEnv } from './settings-env.js';
export { settingsEnvSchema } from './settings-env.js';
export type { SettingsOwner, SettingsSnapshot, UserSettings } from './user-settings.js';
export { createUserSettings, mergePatch } from './user-settings.js';
