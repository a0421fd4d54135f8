/**
 * The shape documents take in Cosmos. The port's `etag` is Cosmos's `_etag`; `updatedAt` is written
 * from the store's clock; the document's `ttl` is Cosmos's native per-item TTL; and `_expiresAt`
 * (ms since the epoch, from the same clock) lets the adapter hide expired documents that Cosmos has
 * not removed yet (its expiry is lazy, and the test emulator never expires anything).
 */
import { documentTtl } from '../document.js';
import { computeExpiresAt, isExpired } from '../ttl.js';
import type { StoredDocument } from '../types.js';
import type { RawDocument } from './cosmos-keyset.js';

/** Properties Cosmos adds to every item, never returned to callers. */
export const COSMOS_SYSTEM_PROPERTIES = ['_rid', '_self', '_attachments', '_ts', '_etag', '_lsn'] as const;

/** The adapter's own bookkeeping field: when the document expires, in ms since the epoch. */
export const EXPIRES_AT_FIELD = '_expiresAt';

/** Fields a caller may pass back from a read that the store manages itself. */
const MANAGED_ON_WRITE = ['etag', 'updatedAt', EXPIRES_AT_FIELD, ...COSMOS_SYSTEM_PROPERTIES];

/** The item to write for `doc`, written at `nowMs` into a container whose default TTL is `defaultTtl`. */
export function toCosmosItem(
  doc: Record<string, unknown> & { id: string; pk: string },
  defaultTtl: number | undefined,
  nowMs: number,
): RawDocument {
  const item: Record<string, unknown> = { ...doc };
  for (const field of MANAGED_ON_WRITE) delete item[field];
  item.updatedAt = new Date(nowMs).toISOString();
  const expiresAt = computeExpiresAt(documentTtl(doc), defaultTtl, nowMs);
  if (expiresAt !== undefined) item[EXPIRES_AT_FIELD] = expiresAt;
  return item as RawDocument;
}

/** The port's view of a Cosmos item: system properties stripped, `_etag` exposed as `etag`. */
export function fromCosmosItem<T extends object>(item: RawDocument): StoredDocument<T> {
  const doc: Record<string, unknown> = { ...item };
  for (const field of [...COSMOS_SYSTEM_PROPERTIES, EXPIRES_AT_FIELD]) delete doc[field];
  doc.etag = item._etag;
  return doc as StoredDocument<T>;
}

export function expiresAtOf(item: RawDocument): number | undefined {
  const value = item[EXPIRES_AT_FIELD];
  return typeof value === 'number' ? value : undefined;
}

/** Whether the item is still live at `nowMs` (Cosmos may hold expired items for a while). */
export function isLive(item: RawDocument, nowMs: number): boolean {
  return !isExpired(expiresAtOf(item), nowMs);
}

export function etagOf(item: RawDocument): string {
  return String(item._etag);
}
