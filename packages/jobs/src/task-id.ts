/** Task ids: time-sortable random ids, or deterministic ones derived from an idempotency key. */
import { createHash, randomBytes } from 'node:crypto';

/** `task_<12 hex digits of ms><16 hex random>`: sorts by creation time. */
export function newTaskId(nowMs: number): string {
  return `task_${Math.floor(nowMs).toString(16).padStart(12, '0')}${randomBytes(8).toString('hex')}`;
}

/** The same type, product and key always give the same id, so the store's 409 deduplicates. */
export function idempotentTaskId(type: string, productId: string, idempotencyKey: string): string {
  const digest = createHash('sha256')
    .update(`${type}\u0000${productId}\u0000${idempotencyKey}`)
    .digest('hex');
  return `task_idem_${digest.slice(0, 40)}`;
}
