/**
 * Per-`concurrencyKey` limits across all workers and instances: a task with key K and limit L
 * may only run while its worker holds one of the L store leases `jobs:ck:K:0` … `jobs:ck:K:L-1`.
 * The slot is taken before the claim write, renewed with the task's heartbeat, released when the
 * attempt ends, and lapses with the task's lease if the worker dies.
 */
import { type Clock, createLeaseManager, type DocumentStore, type Lease } from '@groundwork/store';

export interface ConcurrencySlots {
  /** The first free slot for `key`, or `undefined` when all `limit` slots are held. */
  acquire(key: string, limit: number, owner: string, ttlMs: number): Promise<Lease | undefined>;
  /** `undefined` when the slot was lost meanwhile. */
  renew(slot: Lease): Promise<Lease | undefined>;
  release(slot: Lease): Promise<void>;
}

export function slotName(key: string, index: number): string {
  return `jobs:ck:${key}:${index}`;
}

export function createConcurrencySlots(store: DocumentStore, clock: Clock): ConcurrencySlots {
  const leases = createLeaseManager({ store, clock });
  return {
    async acquire(key, limit, owner, ttlMs) {
      for (let index = 0; index < limit; index++) {
        const slot = await leases.acquire(slotName(key, index), owner, ttlMs);
        if (slot) return slot;
      }
      return undefined;
    },
    renew(slot) {
      return leases.renew(slot);
    },
    async release(slot) {
      await leases.release(slot);
    },
  };
}
