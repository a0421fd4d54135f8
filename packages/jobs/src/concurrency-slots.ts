/**
 * Per-`concurrencyKey` limits across all workers and instances. One document per key in the
 * `job_concurrency` container lists the key's holders (`owner`, `expiresAt`); a task with key K
 * and limit L may only be claimed while fewer than L unexpired holders are listed. The worker adds
 * its claim as a holder before the claim write, renews it with the task's heartbeat, removes it
 * when the attempt ends, and a dead worker's holding lapses with the task's lease (a lapsed holder
 * is dropped by the next acquire on its key).
 *
 * Every change is a read-modify-write of that one document: `updateMatching` where the store has
 * it (one transaction, no lost race), else `replace` + `ifMatch` retried on a lost race, so
 * concurrent takers never list more than L live holders. The acquires, renewals and releases a
 * worker makes on one key in the same turn of the event loop share one write: taking the slots of
 * a whole claim batch, or giving back the slots of attempts that ended together, is one store
 * write instead of one lease read and write per slot.
 */
import { isAppError } from '@groundwork/errors';
import type { Clock, Container, ContainerSpec, DocumentStore, StoredDocument } from '@groundwork/store';

export const CONCURRENCY_CONTAINER: ContainerSpec = {
  name: 'job_concurrency',
  partitionKey: '/id',
  description: 'Per-concurrencyKey slot holders (worker claim, expiry); one small document per key.',
};

/** A held slot of `key`; pass it back to `renew` and `release`. */
export interface Slot {
  key: string;
  owner: string;
  /** When the holding lapses unless renewed, ms since the epoch (store clock). */
  expiresAt: number;
  ttlMs: number;
  /** The limit it was taken under (a worker reuses it only for a task whose limit is at least this). */
  limit: number;
}

export interface ConcurrencySlots {
  /** A slot of `key` for `owner`, or `undefined` when `limit` unexpired holders are listed already. */
  acquire(key: string, limit: number, owner: string, ttlMs: number): Promise<Slot | undefined>;
  /** `undefined` when the slot was lost meanwhile (it lapsed and another taker dropped it). */
  renew(slot: Slot): Promise<Slot | undefined>;
  release(slot: Slot): Promise<void>;
}

interface Holder {
  owner: string;
  expiresAt: number;
}

interface SlotsDocument {
  key: string;
  holders: Holder[];
}

export type SlotOperation =
  | { kind: 'acquire'; limit: number; owner: string; ttlMs: number }
  | { kind: 'renew'; slot: Slot }
  | { kind: 'release'; slot: Slot };

interface Pending {
  operation: SlotOperation;
  resolve(value: Slot | undefined): void;
  reject(error: unknown): void;
}

/** Rounds of read-modify-write before the pending operations fail (only without `updateMatching`). */
const MAX_WRITE_ROUNDS = 50;
/** The key's document is kept a day past its last change (heartbeats change it while tasks run). */
const DOCUMENT_TTL_SECONDS = 86_400;

/** The id of the document that lists the holders of `key`. */
export function concurrencyDocumentId(key: string): string {
  return `jobs:ck:${key}`;
}

function isRace(error: unknown): boolean {
  return isAppError(error) && (error.status === 409 || error.status === 412 || error.status === 404);
}

/**
 * Applies `operations` in order to `holders` at `now`: the new holder list (`undefined` when
 * nothing changed) and each operation's result. Pure, so a lost race simply applies them again.
 */
export function applySlotOperations(
  key: string,
  holders: readonly Holder[],
  operations: readonly SlotOperation[],
  now: number,
): { holders: Holder[] | undefined; results: Array<Slot | undefined> } {
  let next = [...holders];
  let changed = false;
  let acquired = false;
  const results = operations.map((operation): Slot | undefined => {
    switch (operation.kind) {
      case 'acquire': {
        acquired = true;
        const { owner, ttlMs, limit } = operation;
        const expiresAt = now + ttlMs;
        const mine = next.findIndex((holder) => holder.owner === owner && holder.expiresAt > now);
        const live = next.filter((holder) => holder.expiresAt > now).length;
        if (mine < 0 && live >= limit) return undefined;
        next = next.filter((holder) => holder.owner !== owner);
        next.push({ owner, expiresAt });
        changed = true;
        return { key, owner, expiresAt, ttlMs, limit };
      }
      case 'renew': {
        const { slot } = operation;
        const index = next.findIndex((holder) => holder.owner === slot.owner);
        if (index < 0) return undefined;
        const expiresAt = now + slot.ttlMs;
        next[index] = { owner: slot.owner, expiresAt };
        changed = true;
        return { ...slot, expiresAt };
      }
      case 'release': {
        const before = next.length;
        next = next.filter((holder) => holder.owner !== operation.slot.owner);
        if (next.length !== before) changed = true;
        return undefined;
      }
    }
    return undefined;
  });
  if (acquired) {
    // Lapsed holders (a dead worker's) are dropped when someone needs the room.
    const live = next.filter((holder) => holder.expiresAt > now);
    if (live.length !== next.length) {
      next = live;
      changed = true;
    }
  }
  return { holders: changed ? next : undefined, results };
}

export function createConcurrencySlots(store: DocumentStore, clock: Clock): ConcurrencySlots {
  let ready: Promise<void> | undefined;
  const slotsContainer = async (): Promise<Container<SlotsDocument>> => {
    ready ??= store.ensureContainers([CONCURRENCY_CONTAINER]).catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    await ready;
    return store.container<SlotsDocument>(CONCURRENCY_CONTAINER.name);
  };

  const pending = new Map<string, Pending[]>();

  function documentOf(id: string, key: string, holders: Holder[]) {
    return { id, pk: id, key, holders, ttl: DOCUMENT_TTL_SECONDS };
  }

  /** Writes `operations` on `key`'s document; returns each operation's result. */
  async function write(key: string, operations: SlotOperation[]): Promise<Array<Slot | undefined>> {
    const container = await slotsContainer();
    const id = concurrencyDocumentId(key);
    for (let round = 0; round < MAX_WRITE_ROUNDS; round++) {
      const now = clock.now();
      if (container.updateMatching) {
        let outcome: ReturnType<typeof applySlotOperations> | undefined;
        const matched = await container.updateMatching(
          { pk: id, where: { field: 'id', op: 'eq', value: id }, limit: 1 },
          (doc: StoredDocument<SlotsDocument>) => {
            outcome = applySlotOperations(key, doc.holders, operations, now);
            return outcome.holders ? documentOf(id, key, outcome.holders) : undefined;
          },
        );
        if (matched.length > 0 && outcome) return outcome.results;
      } else {
        const current = await container.read(id, id);
        if (current) {
          const outcome = applySlotOperations(key, current.holders, operations, now);
          if (!outcome.holders) return outcome.results;
          try {
            await container.replace(documentOf(id, key, outcome.holders), { ifMatch: current.etag });
            return outcome.results;
          } catch (error) {
            if (!isRace(error)) throw error;
            continue;
          }
        }
      }
      // No document for the key yet.
      const outcome = applySlotOperations(key, [], operations, now);
      if (!outcome.holders) return outcome.results;
      try {
        await container.create(documentOf(id, key, outcome.holders));
        return outcome.results;
      } catch (error) {
        if (!isRace(error)) throw error;
      }
    }
    throw new Error(
      `The concurrency slots of "${key}" kept changing; gave up after ${MAX_WRITE_ROUNDS} rounds.`,
    );
  }

  async function flush(key: string): Promise<void> {
    const batch = pending.get(key) ?? [];
    pending.delete(key);
    try {
      const results = await write(
        key,
        batch.map((entry) => entry.operation),
      );
      for (const [index, entry] of batch.entries()) entry.resolve(results[index]);
    } catch (error) {
      for (const entry of batch) entry.reject(error);
    }
  }

  function submit(key: string, operation: SlotOperation): Promise<Slot | undefined> {
    return new Promise((resolve, reject) => {
      const entry = { operation, resolve, reject };
      const list = pending.get(key);
      if (list) {
        list.push(entry);
        return;
      }
      pending.set(key, [entry]);
      setImmediate(() => void flush(key));
    });
  }

  return {
    acquire(key, limit, owner, ttlMs) {
      return submit(key, { kind: 'acquire', limit, owner, ttlMs });
    },
    renew(slot) {
      return submit(slot.key, { kind: 'renew', slot });
    },
    async release(slot) {
      await submit(slot.key, { kind: 'release', slot });
    },
  };
}
