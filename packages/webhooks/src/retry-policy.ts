/**
 * When a failed delivery is tried again. Seed §2.3: `WEBHOOK_MAX_RETRIES` (default 3) retries at
 * 10 s → 60 s → 300 s (the last step repeats if more retries are configured), each with ±20 %
 * jitter so retries of many deliveries do not arrive together. A `429` or `503` with `Retry-After`
 * (seconds or an HTTP date) stretches the wait to at least what the receiver asked, capped.
 */

export const DEFAULT_RETRY_SCHEDULE_MS: readonly number[] = [10_000, 60_000, 300_000];
export const DEFAULT_MAX_RETRIES = 3;
/** A `Retry-After` longer than this is capped (default 1 hour). */
export const DEFAULT_MAX_RETRY_AFTER_MS = 3_600_000;
export const JITTER_RATIO = 0.2;

export interface RetryPolicy {
  maxRetries: number;
  scheduleMs: readonly number[];
  maxRetryAfterMs: number;
  /** In [0, 1); default `Math.random`. */
  random: () => number;
}

/** The scheduled delay before retry number `retry` (1-based), jitter included. */
export function scheduledDelayMs(policy: RetryPolicy, retry: number): number {
  const schedule = policy.scheduleMs.length > 0 ? policy.scheduleMs : DEFAULT_RETRY_SCHEDULE_MS;
  const base = schedule[Math.min(retry - 1, schedule.length - 1)] ?? 0;
  const factor = 1 - JITTER_RATIO + 2 * JITTER_RATIO * policy.random();
  return Math.round(base * factor);
}

/** `Retry-After` as ms from `nowMs` (seconds or an HTTP date); `undefined` when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

/** The wait before retry `retry`: the schedule, stretched by an honoured `Retry-After`, capped. */
export function retryDelayMs(
  policy: RetryPolicy,
  retry: number,
  response: { status: number; retryAfter?: string | undefined } | undefined,
  nowMs: number,
): number {
  const scheduled = scheduledDelayMs(policy, retry);
  if (!response || (response.status !== 429 && response.status !== 503)) return scheduled;
  const asked = parseRetryAfter(response.retryAfter, nowMs);
  if (asked === undefined) return scheduled;
  return Math.max(scheduled, Math.min(asked, policy.maxRetryAfterMs));
}
