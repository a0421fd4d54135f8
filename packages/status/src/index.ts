/** @groundwork/status: status page data (components, health history, incidents, maintenance), its API and module. */

export { type ComponentService, createComponentService } from './components.js';
export {
  COMPONENTS_CONTAINER,
  type ComponentDocument,
  type CurrentStateDocument,
  currentStateId,
  type DayRollupDocument,
  DEFAULT_HISTORY_DAYS,
  DEFAULT_SAMPLE_RETENTION_HOURS,
  dayRollupId,
  INCIDENTS_CONTAINER,
  type IncidentDocument,
  MAINTENANCE_CONTAINER,
  type MaintenanceDocument,
  SAMPLES_CONTAINER,
  type SampleDocument,
  SERVICE_STATUS_CONTAINER,
  type StatusContainerOptions,
  statusContainers,
} from './containers.js';
export type { StatusLogger } from './deps.js';
export {
  INCIDENT_CREATED,
  INCIDENT_RESOLVED,
  INCIDENT_UPDATED,
  type IncidentEventPayload,
  incidentEventPayloadSchema,
  MAINTENANCE_COMPLETED,
  MAINTENANCE_SCHEDULED,
  MAINTENANCE_STARTED,
  type MaintenanceEventPayload,
  maintenanceEventPayloadSchema,
  statusEvents,
} from './events.js';
export { buildStatusFeed, FEED_ITEM_LIMIT, type StatusFeedInput } from './feed.js';
export { type CurrentStateInput, createHealthRecorder, type HealthRecorder } from './health.js';
export { createIncidentService, type IncidentPage, type IncidentService } from './incidents.js';
export {
  addLatency,
  bucketOf,
  emptyHistogram,
  type LatencyHistogram,
  type LatencySummary,
  mergeHistograms,
  percentile,
  summarizeLatency,
} from './latency.js';
export {
  type AdvanceResult,
  createMaintenanceService,
  type MaintenancePage,
  type MaintenanceService,
} from './maintenance.js';
export {
  createStatusModule,
  MAINTENANCE_TRANSITIONS_EVERY_MS,
  MAINTENANCE_TRANSITIONS_JOB,
  maintenanceTransitionsJob,
  type StatusModule,
  type StatusModuleOptions,
} from './module.js';
export {
  componentStatus,
  overallStatus,
  phaseAt,
  statusOfImpact,
  statusOfState,
} from './overall.js';
export type {
  AdminContext,
  OnMaintenanceWindow,
  StatusAuditRecord,
  StatusAuditSink,
  StatusEventEmitter,
} from './ports.js';
export {
  createPublicStatusService,
  MAX_HISTORY_ITEMS,
  type PublicStatusService,
  publicIncident,
  publicMaintenance,
} from './public-status.js';
export {
  applySample,
  dayOf,
  dayStatus,
  dayView,
  lastDays,
  type RollupCounts,
  uptimePercent,
} from './rollup.js';
export { type StatusRoutesOptions, statusRoutes } from './routes.js';
export * from './schemas.js';
export { type CreateStatusServiceOptions, createStatusService, type StatusService } from './service.js';
export { type StatusEnv, statusEnvSchema } from './status-env.js';
