/**
 * The sliding-window counter (the approximation Cloudflare and many gateways use): time is cut in
 * fixed windows of `windowMs`; a key keeps the count of its current window and of the previous
 * one, and the rate over the last `windowMs` is estimated as
 *
 *     estimate = previous × (1 − elapsed / windowMs) + current
 *
 * where `elapsed` is how far `now` is into the current window. A hit is allowed when
 * `estimate + 1 ≤ limit`; a refused hit is not counted (a client that backs off recovers).
 *
 * Accuracy: the estimate assumes the previous window's hits were spread evenly. It is exact
 * when they were; when they bunched at the end of the previous window it under-counts them, so
 * in the worst case a client gets `limit` hits at the very end of one window and about `limit`
 * more spread over the next (never more than `limit` counted in any one fixed window, so never
 * more than 2 × limit in any span of `windowMs`). When they bunched at its start it over-counts
 * (the client waits a little longer than a true sliding log would make it). Real traffic sits in
 * between; the test suite pins the behaviour at window edges with a fake clock.
 */

export interface WindowCounts {
  /** Hits counted in the current fixed window. */
  current: number;
  /** Hits counted in the fixed window before it (0 when it was not the immediately preceding one). */
  previous: number;
}

/** The start (ms) of the fixed window holding `now`. */
export function windowStartOf(now: number, windowMs: number): number {
  return now - (now % windowMs);
}

/** The estimated hits over the `windowMs` ending at `now`. */
export function estimate(counts: WindowCounts, now: number, windowMs: number): number {
  const elapsed = now - windowStartOf(now, windowMs);
  return counts.previous * (1 - elapsed / windowMs) + counts.current;
}

/** Whether one more hit fits under `limit`. */
export function fits(counts: WindowCounts, now: number, windowMs: number, limit: number): boolean {
  return estimate(counts, now, windowMs) + 1 <= limit;
}

/**
 * Ms from `now` until one more hit would fit, assuming no other hit arrives meanwhile (0 when it
 * fits now). Used for `Retry-After`.
 */
export function msUntilFits(counts: WindowCounts, now: number, windowMs: number, limit: number): number {
  if (fits(counts, now, windowMs, limit)) return 0;
  const start = windowStartOf(now, windowMs);
  const end = start + windowMs;
  if (counts.current + 1 <= limit && counts.previous > 0) {
    // In this window: previous × (1 − e/W) + current + 1 ≤ limit  ⇔  e ≥ W × (1 − (limit − 1 − current)/previous).
    const elapsedNeeded = windowMs * (1 - (limit - 1 - counts.current) / counts.previous);
    return Math.max(1, Math.ceil(start + elapsedNeeded - now));
  }
  // Only in the next window, where this window's count becomes `previous` and `current` is 0.
  if (counts.current === 0 || limit - 1 >= counts.current) return Math.max(1, end - now);
  const elapsedNeeded = windowMs * (1 - (limit - 1) / counts.current);
  return Math.max(1, Math.ceil(end + elapsedNeeded - now));
}

/** Whole hits left after this one (for `RateLimit-Remaining`). */
export function remainingAfter(counts: WindowCounts, now: number, windowMs: number, limit: number): number {
  return Math.max(0, Math.floor(limit - estimate(counts, now, windowMs)));
}
