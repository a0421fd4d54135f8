/** Retry delays: exponential with full jitter (AWS architecture blog, "Exponential Backoff and Jitter"). */
import type { Backoff } from './schemas.js';

/**
 * Delay before the retry that follows failed attempt number `attempt` (1-based): uniform in
 * `[0, min(maxMs, baseMs * 2^(attempt-1))]`. `random` returns a number in [0, 1).
 */
export function backoffDelayMs(
  backoff: Backoff,
  attempt: number,
  random: () => number = Math.random,
): number {
  const exponent = Math.max(0, Math.min(attempt - 1, 52));
  const cap = Math.min(backoff.maxMs, backoff.baseMs * 2 ** exponent);
  return Math.floor(random() * (cap + 1));
}

/** The largest delay `backoffDelayMs` can return for `attempt`: how far a test must move its clock. */
export function backoffCapMs(backoff: Backoff, attempt: number): number {
  const exponent = Math.max(0, Math.min(attempt - 1, 52));
  return Math.min(backoff.maxMs, backoff.baseMs * 2 ** exponent);
}
