/**
 * What the auth service needs from its neighbours, as narrow interfaces: the sessions service
 * (`@groundwork/sessions` satisfies it), the event bus and the audit recorder (both optional).
 */
import type { AuditRecordInput } from '@groundwork/audit';
import type { EventBus } from '@groundwork/events';

export interface SessionInfo {
  id: string;
  userId: string;
  productId: string;
  expiresAt: number;
  revokedAt: number | null;
}

export interface SessionsPort {
  create(input: {
    /** Chosen by the caller (`newSessionId()`) so tokens can be signed while the session is written. */
    id?: string | undefined;
    userId: string;
    productId: string;
    platform?: string | undefined;
    deviceId?: string | undefined;
    deviceName?: string | undefined;
    ip?: string | undefined;
    userAgent?: string | undefined;
    impersonatedBy?: string | undefined;
  }): Promise<{ session: SessionInfo; newDevice: boolean }>;
  get(userId: string, sessionId: string): Promise<SessionInfo | undefined>;
  revoke(userId: string, sessionId: string, reason: string): Promise<unknown>;
  revokeAll(
    userId: string,
    options: { productId: string; exceptSessionId?: string | undefined; reason: string },
  ): Promise<number>;
}

/** One admin action or security event for the audit log: what `@groundwork/audit` records. */
export type AuditRecord = AuditRecordInput;

export type AuditSink = (record: AuditRecord) => Promise<unknown>;

export type EventEmitterPort = Pick<EventBus, 'emit'>;

/** Records `record` with where the request came from; nothing without a sink. */
export async function recordAudit(
  sink: AuditSink | undefined,
  record: AuditRecord,
  meta: { ip?: string | undefined; userAgent?: string | undefined; requestId?: string | undefined } = {},
): Promise<void> {
  if (!sink) return;
  await sink({
    ...record,
    ...(meta.ip ? { ip: meta.ip } : {}),
    ...(meta.userAgent ? { userAgent: meta.userAgent } : {}),
    ...(meta.requestId ? { requestId: meta.requestId } : {}),
  });
}
