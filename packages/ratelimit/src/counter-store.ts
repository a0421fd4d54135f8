/**
 * Where the limiter keeps its counters: one interface, two implementations.
 * - `createMemoryCounterStore()` (the default, the seed's choice): counters live in this process.
 *   Fast (no I/O), but each instance counts on its own: behind a load balancer spreading traffic
 *   over N instances, a client gets up to N × limit, and a restart forgets every counter.
 * - `createDocumentCounterStore(store)` (see `document-counter-store.ts`): counters live in the
 *   DocumentStore (SQLite file or Cosmos), shared by every instance on that store, so a limit is
 *   a limit for the whole service; each checked request costs two point reads and one write.
 */
import { fits, type WindowCounts, windowStartOf } from './sliding-window.js';

export interface ConsumeInput {
  /** Opaque, already namespaced key (product, rule, subject). */
  key: string;
  windowMs: number;
  limit: number;
  now: number;
}

export interface ConsumeResult {
  /** True when the hit fit and was counted. */
  allowed: boolean;
  /** The counts after the hit (or as they were, when refused). */
  counts: WindowCounts;
}

export interface CounterStore {
  /** Atomically: counts one hit on `key` if it fits under `limit` (sliding-window estimate). */
  consume(input: ConsumeInput): Promise<ConsumeResult>;
  /** Forgets every counter of `key` (e.g. after a successful login). */
  reset(key: string, windowMs: number, now: number): Promise<void>;
}

export interface MemoryCounterStoreOptions {
  /** Keys kept at most; the least recently used are dropped past it (default 100,000). */
  maxKeys?: number;
}

interface MemoryEntry {
  windowStart: number;
  current: number;
  previous: number;
}

/** Counts of `entry` seen from the window starting at `start`. */
function rolled(entry: MemoryEntry | undefined, start: number, windowMs: number): MemoryEntry {
  if (!entry) return { windowStart: start, current: 0, previous: 0 };
  if (entry.windowStart === start) return entry;
  if (entry.windowStart === start - windowMs)
    return { windowStart: start, current: 0, previous: entry.current };
  return { windowStart: start, current: 0, previous: 0 };
}

export function createMemoryCounterStore(options: MemoryCounterStoreOptions = {}): CounterStore {
  const maxKeys = options.maxKeys ?? 100_000;
  // Map iteration order is insertion order: re-inserting on use makes the first key the least recently used.
  const entries = new Map<string, MemoryEntry>();
  const slot = (key: string, windowMs: number) => `${windowMs}|${key}`;

  return {
    async consume({ key, windowMs, limit, now }) {
      const id = slot(key, windowMs);
      const start = windowStartOf(now, windowMs);
      const entry = rolled(entries.get(id), start, windowMs);
      entries.delete(id);
      const allowed = fits(entry, now, windowMs, limit);
      const next = allowed ? { ...entry, current: entry.current + 1 } : entry;
      entries.set(id, next);
      while (entries.size > maxKeys) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
      return { allowed, counts: { current: next.current, previous: next.previous } };
    },
    async reset(key, windowMs) {
      entries.delete(slot(key, windowMs));
    },
  };
}
