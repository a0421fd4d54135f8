/**
 * The per-instance memory of "is this session active?": an answer read from the store is trusted
 * for at most `ttlMs` (never past the session's own expiry), a revocation made on this instance is
 * remembered at once, and a store read that started before such a revocation can never put the
 * old "active" answer back. Bounded: past `maxEntries` the oldest entries are dropped.
 */

interface Entry {
  active: boolean;
  /** Trusted until this time (ms); dropped from then on. */
  until: number;
  /** Order of writes, to tell whether a revocation happened after a read began. */
  seq: number;
}

export interface ActivityCache {
  /** The trusted answer for `key` at `nowMs`, or `undefined` when the store must be asked. */
  get(key: string, nowMs: number): boolean | undefined;
  /** Take before reading the store; pass to `settle` with what was read. */
  ticket(): number;
  /**
   * Remembers what a store read (begun at `ticket`) found, until `until` at most `ttlMs` from
   * `nowMs`, and returns the answer to give: `false` if this instance revoked the session meanwhile.
   */
  settle(key: string, active: boolean, nowMs: number, ticket: number, until?: number): boolean;
  /** This instance revoked the session: answer `false` from now on (for `ttlMs`, then from the store). */
  revoked(key: string, nowMs: number): void;
  readonly size: number;
}

export const DEFAULT_MAX_CACHE_ENTRIES = 10_000;

/** A map that keeps at most `maxEntries`, dropping the least recently written first. */
export class BoundedMap<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly maxEntries: number) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) {
      throw new RangeError(`maxEntries must be a positive integer, got ${maxEntries}.`);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): V | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: V): void {
    this.entries.delete(key); // re-inserting moves the key to the newest end
    this.entries.set(key, value);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}

/** With `ttlMs` 0 nothing is remembered: every question goes to the store. */
export function createActivityCache(options: { ttlMs: number; maxEntries?: number }): ActivityCache {
  const { ttlMs } = options;
  if (!Number.isInteger(ttlMs) || ttlMs < 0) {
    throw new RangeError(`The cache TTL must be a non-negative integer of ms, got ${ttlMs}.`);
  }
  const entries = new BoundedMap<Entry>(options.maxEntries ?? DEFAULT_MAX_CACHE_ENTRIES);
  let seq = 0;

  return {
    get size() {
      return entries.size;
    },

    get(key, nowMs) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.until <= nowMs) {
        entries.delete(key);
        return undefined;
      }
      return entry.active;
    },

    ticket() {
      return seq;
    },

    settle(key, active, nowMs, ticket, until) {
      const current = entries.get(key);
      // Revoked here after the read began: the read may predate the revocation.
      if (current && !current.active && current.seq > ticket) return false;
      const trustedUntil = Math.min(nowMs + ttlMs, until ?? Number.POSITIVE_INFINITY);
      if (ttlMs > 0 && trustedUntil > nowMs) {
        seq += 1;
        entries.set(key, { active, until: trustedUntil, seq });
      }
      return active;
    },

    revoked(key, nowMs) {
      seq += 1;
      if (ttlMs > 0) entries.set(key, { active: false, until: nowMs + ttlMs, seq });
    },
  };
}
