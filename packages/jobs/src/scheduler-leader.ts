/**
 * Leader election for the scheduler: one store lease (`jobs:scheduler-leader`) taken for
 * `leaseMs` and renewed every `renewMs`. It only keeps instances from doing the same work twice;
 * correctness never depends on it (slots become tasks with deterministic ids).
 */
import type { Clock, DocumentStore, Lease } from '@groundwork/store';
import { createLeaseManager } from '@groundwork/store';

export const SCHEDULER_LEADER_LEASE = 'jobs:scheduler-leader';

export interface LeaderElection {
  /** Acquires the lease, or renews it when held; returns whether this instance leads now. */
  maintain(): Promise<boolean>;
  /** Whether this instance holds an unexpired lease (by the clock), without a store round trip. */
  isLeader(): boolean;
  /** Gives the lease up (on stop), so another instance can lead at once. */
  release(): Promise<void>;
}

export function createLeaderElection(options: {
  store: DocumentStore;
  clock: Clock;
  owner: string;
  leaseMs: number;
}): LeaderElection {
  const { clock, owner, leaseMs } = options;
  const leases = createLeaseManager({ store: options.store, clock });
  let lease: Lease | undefined;

  return {
    async maintain() {
      if (lease && lease.expiresAt > clock.now()) lease = await leases.renew(lease, leaseMs);
      else lease = undefined;
      lease ??= await leases.acquire(SCHEDULER_LEADER_LEASE, owner, leaseMs);
      return lease !== undefined;
    },
    isLeader() {
      return lease !== undefined && lease.expiresAt > clock.now();
    },
    async release() {
      const held = lease;
      lease = undefined;
      if (held) await leases.release(held);
    },
  };
}
