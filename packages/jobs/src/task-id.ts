/** Task ids: time-sortable random ids, or deterministic ones derived from an idempotency key. */
import { createHash, randomFillSync } from 'node:crypto';

// Random bytes are drawn from the CSPRNG 4 KiB at a time: one call per 512 ids, not one per id.
const pool = Buffer.alloc(4096);
let poolOffset = pool.length;

function randomHex8(): string {
  if (poolOffset + 8 > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  poolOffset += 8;
  return pool.toString('hex', poolOffset - 8, poolOffset);
}

/** `task_<12 hex digits of ms><16 hex random>`: sorts by creation time. */
export function newTaskId(nowMs: number): string {
  return `task_${Math.floor(nowMs).toString(16).padStart(12, '0')}${randomHex8()}`;
}

/** The same type, product and key always give the same id, so the store's 409 deduplicates. */
export function idempotentTaskId(type: string, productId: string, idempotencyKey: string): string {
  const digest = createHash('sha256')
    .update(`${type}\u0000${productId}\u0000${idempotencyKey}`)
    .digest('hex');
  return `task_idem_${digest.slice(0, 40)}`;
}
