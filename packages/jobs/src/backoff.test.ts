import { describe, expect, it } from 'vitest';
import { backoffCapMs, backoffDelayMs } from './backoff.js';
import type { Backoff } from './schemas.js';

const backoff: Backoff = { type: 'exponential', baseMs: 1_000, maxMs: 10_000 };

describe('backoffDelayMs (exponential, full jitter)', () => {
  it('doubles the cap per attempt up to maxMs', () => {
    expect([1, 2, 3, 4, 5, 60].map((attempt) => backoffCapMs(backoff, attempt))).toEqual([
      1_000, 2_000, 4_000, 8_000, 10_000, 10_000,
    ]);
  });

  it('spreads delays uniformly over [0, cap]', () => {
    expect(backoffDelayMs(backoff, 3, () => 0)).toBe(0);
    expect(backoffDelayMs(backoff, 3, () => 0.5)).toBe(2_000);
    expect(backoffDelayMs(backoff, 3, () => 0.999_999_9)).toBe(4_000);
    for (let i = 0; i < 200; i++) {
      const delay = backoffDelayMs(backoff, 4);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThanOrEqual(8_000);
    }
  });
});
