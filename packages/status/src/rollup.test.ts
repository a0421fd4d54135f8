import { describe, expect, it } from 'vitest';
import {
  addLatency,
  bucketOf,
  emptyHistogram,
  mergeHistograms,
  percentile,
  summarizeLatency,
} from './latency.js';
import {
  applySample,
  dayOf,
  dayStatus,
  dayView,
  emptyCounts,
  lastDays,
  sumCounts,
  uptimePercent,
} from './rollup.js';

/** Nearest-rank percentile over raw values, the reference the histogram must match below 1 s. */
function reference(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1] as number;
}

function histogramOf(values: number[]) {
  return values.reduce(addLatency, emptyHistogram());
}

describe('latency histogram', () => {
  it('gives exact nearest-rank percentiles below one second', () => {
    // A deterministic, skewed set: 1..100 once each, plus a slow tail.
    const values = [...Array.from({ length: 100 }, (_, i) => i + 1), 450, 460, 470, 999, 998];
    const histogram = histogramOf(values);
    for (const p of [1, 25, 50, 90, 95, 99, 100]) expect(percentile(histogram, p)).toBe(reference(values, p));
    expect(summarizeLatency(histogram)).toEqual({
      p50: reference(values, 50),
      p95: reference(values, 95),
      p99: reference(values, 99),
      min: 1,
      max: 999,
      mean: Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100,
    });
  });

  it('keeps three significant digits above one second (within 1%)', () => {
    expect(bucketOf(999)).toBe(999);
    expect(bucketOf(1_234)).toBe(1_230);
    expect(bucketOf(12_345)).toBe(12_300);
    expect(bucketOf(-5)).toBe(0);
    const values = Array.from({ length: 200 }, (_, i) => 1_000 + i * 137);
    const histogram = histogramOf(values);
    for (const p of [50, 95, 99]) {
      const exact = reference(values, p);
      const approx = percentile(histogram, p);
      expect(approx).toBeLessThanOrEqual(exact);
      expect(approx).toBeGreaterThanOrEqual(exact * 0.99);
    }
  });

  it('merges days into the same percentiles as one histogram of all values', () => {
    const a = [5, 10, 15, 300];
    const b = [7, 700, 20];
    const merged = mergeHistograms([histogramOf(a), emptyHistogram(), histogramOf(b)]);
    expect(merged).toEqual(histogramOf([...a, ...b]));
    expect(summarizeLatency(emptyHistogram())).toBeNull();
    expect(() => percentile(emptyHistogram(), 50)).toThrow(RangeError);
  });
});

describe('daily rollups', () => {
  it('counts states, keeps latency of answered checks and leaves maintenance out of uptime', () => {
    let counts = emptyCounts();
    const samples = [
      ...Array.from({ length: 90 }, (_, i) => ({
        state: 'up' as const,
        latencyMs: 10 + (i % 10),
        inMaintenance: false,
      })),
      ...Array.from({ length: 6 }, () => ({
        state: 'degraded' as const,
        latencyMs: 800,
        inMaintenance: false,
      })),
      ...Array.from({ length: 4 }, () => ({
        state: 'down' as const,
        latencyMs: 5_000,
        inMaintenance: false,
      })),
      ...Array.from({ length: 10 }, () => ({
        state: 'down' as const,
        latencyMs: 5_000,
        inMaintenance: true,
      })),
    ];
    for (const sample of samples) counts = applySample(counts, sample);
    expect(counts).toMatchObject({ samples: 110, up: 90, degraded: 6, down: 4, maintenance: 10 });
    expect(counts.latency.count).toBe(96); // down checks carry no response time
    expect(uptimePercent(counts)).toBe(96);
    const view = dayView('2026-01-01', counts);
    expect(view).toMatchObject({ day: '2026-01-01', status: 'degraded', uptimePercent: 96 });
    expect(view.latencyMs).toMatchObject({ p50: 15, p95: 800, p99: 800, min: 10, max: 800 });
  });

  it('colours a day by its failures', () => {
    expect(dayStatus({ up: 0, degraded: 0, down: 0 })).toBe('no_data');
    expect(dayStatus({ up: 10, degraded: 0, down: 0 })).toBe('operational');
    expect(dayStatus({ up: 99, degraded: 1, down: 0 })).toBe('degraded');
    expect(dayStatus({ up: 96, degraded: 0, down: 4 })).toBe('degraded');
    expect(dayStatus({ up: 95, degraded: 0, down: 5 })).toBe('major_outage');
    expect(dayView('2026-01-02', undefined)).toMatchObject({
      status: 'no_data',
      uptimePercent: null,
      latencyMs: null,
    });
  });

  it('sums days for the period and lists UTC days', () => {
    const one = applySample(emptyCounts(), { state: 'up', latencyMs: 10, inMaintenance: false });
    const two = applySample(one, { state: 'down', latencyMs: 0, inMaintenance: false });
    expect(uptimePercent(sumCounts([one, two]))).toBeCloseTo(66.667, 3);
    expect(dayOf(Date.UTC(2026, 0, 1, 23, 59, 59, 999))).toBe('2026-01-01');
    expect(lastDays(Date.UTC(2026, 2, 1, 12), 3)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
    expect(lastDays(Date.UTC(2026, 0, 1), 90)).toHaveLength(90);
  });
});
