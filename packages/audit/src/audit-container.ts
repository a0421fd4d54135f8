/**
 * The `audit_log` container: partitioned by product, entries expire after the retention period
 * through the container's default TTL (entries are never rewritten, so that counts from the time
 * they were recorded), and the conversion from a stored document back to an `AuditEntry`.
 */
import type { ContainerSpec, StoredDocument } from '@groundwork/store';
import type { AuditEntry } from './audit-entry.js';

export const AUDIT_LOG_CONTAINER_NAME = 'audit_log';
export const DEFAULT_RETENTION_DAYS = 365;
const SECONDS_PER_DAY = 86_400;

/** The container spec with entries kept `retentionDays` days (a positive integer; default 365). */
export function auditLogContainer(retentionDays: number = DEFAULT_RETENTION_DAYS): ContainerSpec {
  if (!Number.isInteger(retentionDays) || retentionDays < 1 || retentionDays > 36_500) {
    throw new RangeError(`retentionDays must be an integer from 1 to 36500, got ${retentionDays}.`);
  }
  return {
    name: AUDIT_LOG_CONTAINER_NAME,
    // The document's `pk` is its productId: every query is confined to one product.
    partitionKey: '/productId',
    defaultTtl: retentionDays * SECONDS_PER_DAY,
    description: `Audit log: admin actions and security events, append-only, kept ${retentionDays} days.`,
    // No declared indexes: on SQLite only `updateMatching` uses them (page queries scan the
    // product's partition and sort), so they would cost a write per entry for nothing. Cosmos
    // indexes every path.
  };
}

/** With the default retention of 365 days. */
export const AUDIT_LOG_CONTAINER: ContainerSpec = auditLogContainer();

/** What is stored: the entry and its partition key. */
export type AuditDocument = AuditEntry & { pk: string };

export function toAuditEntry(doc: StoredDocument<AuditDocument>): AuditEntry {
  const { pk: _pk, etag: _etag, updatedAt: _updatedAt, ttl: _ttl, ...entry } = doc;
  return entry;
}
