/**
 * A clock tests move by hand, so TTLs, leases and backoff are tested without sleeping. Pass the
 * same instance to the store (`clock` option) and to whatever else reads time.
 */
import type { Clock } from '@groundwork/store';

export interface FakeClock extends Clock {
  /** Moves time forward by `ms` (must not be negative). */
  advance(ms: number): void;
  /** Jumps to an absolute time (ms since the epoch). */
  set(ms: number): void;
}

/** Starts at `startMs` (default 2026-01-01T00:00:00.000Z). */
export function createFakeClock(startMs = Date.UTC(2026, 0, 1)): FakeClock {
  let current = startMs;
  return {
    now: () => current,
    advance(ms: number) {
      if (!Number.isFinite(ms) || ms < 0)
        throw new Error(`advance() needs a non-negative number of ms, got ${ms}.`);
      current += ms;
    },
    set(ms: number) {
      if (!Number.isFinite(ms)) throw new Error(`set() needs a finite time in ms, got ${ms}.`);
      current = ms;
    },
  };
}
