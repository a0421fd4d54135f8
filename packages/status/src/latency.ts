/**
 * A compact latency histogram that merges across days and yields nearest-rank percentiles:
 * latencies below 1 s are kept to the millisecond (percentiles exact), larger ones to three
 * significant digits (within 1%). A day at one check every 15 s has at most a few hundred keys.
 */

export interface LatencyHistogram {
  /** Bucket lower bound in ms (as a string key) → number of samples. */
  buckets: Record<string, number>;
  count: number;
  sum: number;
  min: number;
  max: number;
}

export interface LatencySummary {
  p50: number;
  p95: number;
  p99: number;
  min: number;
  max: number;
  mean: number;
}

export function emptyHistogram(): LatencyHistogram {
  return { buckets: {}, count: 0, sum: 0, min: 0, max: 0 };
}

/** The bucket of a latency: itself below 1000 ms, else rounded down to three significant digits. */
export function bucketOf(latencyMs: number): number {
  const value = Math.max(0, Math.round(latencyMs));
  if (value < 1_000) return value;
  const step = 10 ** (Math.floor(Math.log10(value)) - 2);
  return Math.floor(value / step) * step;
}

/** A new histogram with `latencyMs` added (the input is not modified). */
export function addLatency(histogram: LatencyHistogram, latencyMs: number): LatencyHistogram {
  const value = Math.max(0, Math.round(latencyMs));
  const key = String(bucketOf(value));
  return {
    buckets: { ...histogram.buckets, [key]: (histogram.buckets[key] ?? 0) + 1 },
    count: histogram.count + 1,
    sum: histogram.sum + value,
    min: histogram.count === 0 ? value : Math.min(histogram.min, value),
    max: histogram.count === 0 ? value : Math.max(histogram.max, value),
  };
}

export function mergeHistograms(histograms: readonly LatencyHistogram[]): LatencyHistogram {
  const merged = emptyHistogram();
  for (const histogram of histograms) {
    if (histogram.count === 0) continue;
    for (const [key, count] of Object.entries(histogram.buckets))
      merged.buckets[key] = (merged.buckets[key] ?? 0) + count;
    merged.min = merged.count === 0 ? histogram.min : Math.min(merged.min, histogram.min);
    merged.max = merged.count === 0 ? histogram.max : Math.max(merged.max, histogram.max);
    merged.count += histogram.count;
    merged.sum += histogram.sum;
  }
  return merged;
}

/** Nearest-rank percentile (`p` in 0..100): the smallest bucket holding at least p% of the samples. */
export function percentile(histogram: LatencyHistogram, p: number): number {
  if (histogram.count === 0) throw new RangeError('percentile of an empty histogram');
  const rank = Math.max(1, Math.ceil((p / 100) * histogram.count));
  const keys = Object.keys(histogram.buckets)
    .map(Number)
    .sort((a, b) => a - b);
  let seen = 0;
  for (const key of keys) {
    seen += histogram.buckets[String(key)] ?? 0;
    if (seen >= rank) return Math.min(Math.max(key, histogram.min), histogram.max);
  }
  return histogram.max;
}

export function summarizeLatency(histogram: LatencyHistogram): LatencySummary | null {
  if (histogram.count === 0) return null;
  return {
    p50: percentile(histogram, 50),
    p95: percentile(histogram, 95),
    p99: percentile(histogram, 99),
    min: histogram.min,
    max: histogram.max,
    mean: Math.round((histogram.sum / histogram.count) * 100) / 100,
  };
}
