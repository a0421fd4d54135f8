/** @groundwork/audit: the append-only audit log, its admin API and its platform module. */

export {
  auditEntryViewSchema,
  auditPageSchema,
  exportAuditQuerySchema,
  listAuditQuerySchema,
} from './admin-schemas.js';
export type { AuditDocument } from './audit-container.js';
export {
  AUDIT_LOG_CONTAINER,
  AUDIT_LOG_CONTAINER_NAME,
  auditLogContainer,
  DEFAULT_RETENTION_DAYS,
} from './audit-container.js';
export type {
  AuditEntry,
  AuditRecordInput,
  AuditTarget,
} from './audit-entry.js';
export {
  ACTION_PATTERN,
  AUDIT_ID_PREFIX,
  auditEntrySchema,
  auditIdForEvent,
  auditRecordInputSchema,
  MAX_IP_LENGTH,
  MAX_REQUEST_ID_LENGTH,
  MAX_USER_AGENT_LENGTH,
  targetSchema,
} from './audit-entry.js';
export type { AuditFilters } from './audit-filters.js';
export { auditFiltersSchema } from './audit-filters.js';
export type {
  AuditLog,
  AuditPage,
  AuditPageOptions,
  CreateAuditLogOptions,
} from './audit-log.js';
export {
  createAuditLog,
  DEFAULT_PAGE_SIZE,
  EXPORT_PAGE_SIZE,
  MAX_PAGE_SIZE,
} from './audit-log.js';
export {
  recordInputOfEvent,
  TARGET_ID_FIELDS,
  targetOfEvent,
} from './event-entry.js';
export type { AuditEntryView, ExportFormat } from './export-format.js';
export {
  CSV_COLUMNS,
  csvCell,
  csvHeader,
  csvLine,
  EXPORT_CONTENT_TYPES,
  EXPORT_FORMATS,
  entryView,
  formatExport,
  ndjsonLine,
} from './export-format.js';
export type {
  AuditModule,
  AuditModuleOptions,
  AuditRecorder,
} from './module.js';
export {
  auditEventSubscriber,
  createAuditModule,
  jobsAdminActionInput,
} from './module.js';
export type {
  AuditableRequest,
  AuditRequestContext,
} from './request-context.js';
export { auditRequestContext } from './request-context.js';
export { AUDIT_EXPORT_ACTION, auditAdminRoutes } from './routes.js';
export type {
  AuditSummary,
  JsonObject,
  JsonValue,
  TruncatedSummary,
} from './summary.js';
export {
  MAX_SUMMARY_BYTES,
  REDACTED,
  redact,
  SECRET_KEY_PATTERN,
  summarize,
} from './summary.js';
