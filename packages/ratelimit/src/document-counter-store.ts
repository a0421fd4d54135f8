/**
 * Counters in the DocumentStore, shared by every instance on the store. One document per key and
 * fixed window (`id` = window, `pk` = SHA-256 of the key, so no personal data such as an IP or an
 * email is stored in clear). A hit reads the current and previous window documents and writes the
 * current one with `create` (409 on a race) or `replace` + `ifMatch` (412 on a race), retrying a
 * few times: concurrent instances never push a window past its limit. Under extreme contention on
 * one key (more than `maxRounds` lost races in a row) the hit is allowed without being counted:
 * the limiter fails open rather than failing the request. Documents expire two windows after
 * their last write (TTL).
 */
import { createHash } from 'node:crypto';
import { isAppError } from '@groundwork/errors';
import { atomicUpdate, type ContainerSpec, type DocumentStore } from '@groundwork/store';
import type { CounterStore } from './counter-store.js';
import { fits, type WindowCounts, windowStartOf } from './sliding-window.js';

export const RATELIMIT_COUNTERS_CONTAINER: ContainerSpec = {
  name: 'ratelimit_counters',
  partitionKey: '/key',
  description: 'Sliding-window rate-limit counters per hashed key and fixed window; they expire.',
};

interface CounterDocument {
  windowStart: number;
  windowMs: number;
  count: number;
}

export interface DocumentCounterStoreOptions {
  /** Lost write races tolerated per hit before it is let through uncounted (default 8). */
  maxRounds?: number;
}

/** The partition of a key's counters. */
export function counterPartition(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** Needs `RATELIMIT_COUNTERS_CONTAINER` ensured on `store` (the module declares it). */
export function createDocumentCounterStore(
  store: DocumentStore,
  options: DocumentCounterStoreOptions = {},
): CounterStore {
  const maxRounds = options.maxRounds ?? 8;
  const counters = () => store.container<CounterDocument>(RATELIMIT_COUNTERS_CONTAINER.name);
  const idOf = (windowMs: number, start: number) => `w:${windowMs}:${start}`;
  const ttlOf = (windowMs: number) => Math.ceil((2 * windowMs) / 1000) + 60;

  return {
    async consume({ key, windowMs, limit, now }) {
      const pk = counterPartition(key);
      const start = windowStartOf(now, windowMs);
      const previousDoc = await counters().read(idOf(windowMs, start - windowMs), pk);
      const previous = previousDoc?.count ?? 0;
      let refused: WindowCounts | undefined;
      const outcome = await atomicUpdate(
        counters(),
        idOf(windowMs, start),
        pk,
        (currentDoc) => {
          const counts = { current: currentDoc?.count ?? 0, previous };
          refused = fits(counts, now, windowMs, limit) ? undefined : counts;
          if (refused) return undefined;
          return { windowStart: start, windowMs, count: counts.current + 1, ttl: ttlOf(windowMs) };
        },
        { maxRounds },
      );
      if (outcome.status === 'written')
        return { allowed: true, counts: { current: outcome.document.count, previous } };
      if (outcome.status === 'unchanged' && refused) return { allowed: false, counts: refused };
      return { allowed: true, counts: { current: limit, previous } };
    },

    async reset(key, windowMs, now) {
      const pk = counterPartition(key);
      const start = windowStartOf(now, windowMs);
      for (const id of [idOf(windowMs, start), idOf(windowMs, start - windowMs)]) {
        await counters()
          .delete(id, pk)
          .catch((error: unknown) => {
            if (!(isAppError(error) && error.status === 404)) throw error;
          });
      }
    },
  };
}
