import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RETRY_SCHEDULE_MS,
  parseRetryAfter,
  type RetryPolicy,
  retryDelayMs,
  scheduledDelayMs,
} from './retry-policy.js';

const policy = (random: number): RetryPolicy => ({
  maxRetries: 3,
  scheduleMs: DEFAULT_RETRY_SCHEDULE_MS,
  maxRetryAfterMs: 3_600_000,
  random: () => random,
});

describe('retry policy', () => {
  it('follows 10 s → 60 s → 300 s with ±20 % jitter, repeating the last step', () => {
    expect([1, 2, 3, 4].map((retry) => scheduledDelayMs(policy(0.5), retry))).toEqual([
      10_000, 60_000, 300_000, 300_000,
    ]);
    expect(scheduledDelayMs(policy(0), 1)).toBe(8_000);
    expect(scheduledDelayMs(policy(0.999999), 1)).toBe(12_000);
    expect(scheduledDelayMs(policy(0), 3)).toBe(240_000);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.UTC(2026, 0, 1);
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(new Date(now + 90_000).toUTCString(), now)).toBe(90_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it('stretches the schedule for 429/503 with Retry-After, capped, and ignores it otherwise', () => {
    const now = Date.UTC(2026, 0, 1);
    expect(retryDelayMs(policy(0.5), 1, { status: 429, retryAfter: '120' }, now)).toBe(120_000);
    expect(retryDelayMs(policy(0.5), 1, { status: 503, retryAfter: '2' }, now)).toBe(10_000);
    expect(retryDelayMs(policy(0.5), 1, { status: 503, retryAfter: '999999' }, now)).toBe(3_600_000);
    expect(retryDelayMs(policy(0.5), 1, { status: 500, retryAfter: '120' }, now)).toBe(10_000);
    expect(retryDelayMs(policy(0.5), 2, undefined, now)).toBe(60_000);
  });
});
