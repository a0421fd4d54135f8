/**
 * What the status service needs from its neighbours, as narrow optional ports: the event bus, the
 * audit recorder (shaped like auth's `audit` option) and the maintenance-mode switch (the settings
 * module, wired by the service that composes both).
 */
import type { AuditRecordInput } from '@groundwork/audit';
import type { Actor, EventBus } from '@groundwork/events';
import type { MaintenanceWindow } from './schemas.js';

/** One admin action or security event for the audit log: what `@groundwork/audit` records. */
export type StatusAuditRecord = AuditRecordInput;

export type StatusAuditSink = (record: StatusAuditRecord) => Promise<unknown>;

export type StatusEventEmitter = Pick<EventBus, 'emit'>;

/**
 * Called when a window with `maintenanceMode: true` starts and when it completes (or is canceled
 * while in progress: `completed`). Must be idempotent: a transition whose callback throws is
 * retried on the next tick, and two instances may both run it.
 */
export type OnMaintenanceWindow = (
  window: MaintenanceWindow,
  phase: 'started' | 'completed',
) => Promise<void>;

/** Who changes what, and from where (an HTTP request's `auditRequestContext`, or a system actor). */
export interface AdminContext {
  productId: string;
  actor: Actor;
  ip?: string | undefined;
  userAgent?: string | undefined;
  requestId?: string | undefined;
}
