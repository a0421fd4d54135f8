/**
 * Daily rollups, as pure functions: which UTC day a time falls in, how a sample changes a day's
 * counts, and the public view of a day (uptime, latency percentiles, the bar's colour).
 */
import type { DayRollupDocument } from './containers.js';
import { addLatency, emptyHistogram, mergeHistograms, summarizeLatency } from './latency.js';
import type { CheckState, DayRollup } from './schemas.js';

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of the UTC day `atMs` falls in. */
export function dayOf(atMs: number): string {
  return new Date(atMs).toISOString().slice(0, 10);
}

/** Start of the UTC day (ms). */
export function dayStartMs(atMs: number): number {
  return Math.floor(atMs / DAY_MS) * DAY_MS;
}

/** The `count` UTC days ending with the day of `nowMs`, oldest first. */
export function lastDays(nowMs: number, count: number): string[] {
  const today = dayStartMs(nowMs);
  return Array.from({ length: count }, (_, i) => dayOf(today - (count - 1 - i) * DAY_MS));
}

export type RollupCounts = Pick<
  DayRollupDocument,
  'samples' | 'up' | 'degraded' | 'down' | 'maintenance' | 'latency'
>;

export function emptyCounts(): RollupCounts {
  return { samples: 0, up: 0, degraded: 0, down: 0, maintenance: 0, latency: emptyHistogram() };
}

/**
 * The counts with one sample added. A sample during maintenance counts only as `maintenance`
 * (neither for nor against uptime); its latency is kept when it answered.
 */
export function applySample(
  counts: RollupCounts,
  sample: { state: CheckState; latencyMs: number; inMaintenance: boolean },
): RollupCounts {
  const next: RollupCounts = { ...counts, samples: counts.samples + 1 };
  if (sample.inMaintenance) next.maintenance += 1;
  else next[sample.state] += 1;
  if (sample.state !== 'down') next.latency = addLatency(counts.latency, sample.latencyMs);
  return next;
}

/** Up or degraded checks over checks outside maintenance, in percent (3 decimals); null without any. */
export function uptimePercent(counts: Pick<RollupCounts, 'up' | 'degraded' | 'down'>): number | null {
  const counted = counts.up + counts.degraded + counts.down;
  if (counted === 0) return null;
  return Math.round(((counts.up + counts.degraded) / counted) * 100_000) / 1_000;
}

/** The bar's colour: a down share of 5% or more is a major outage; a single failure makes it degraded. */
export function dayStatus(counts: Pick<RollupCounts, 'up' | 'degraded' | 'down'>): DayRollup['status'] {
  const counted = counts.up + counts.degraded + counts.down;
  if (counted === 0) return 'no_data';
  if (counts.down === 0 && counts.degraded === 0) return 'operational';
  if (counts.down / counted >= 0.05) return 'major_outage';
  return 'degraded';
}

export function dayView(day: string, counts: RollupCounts | undefined): DayRollup {
  const c = counts ?? emptyCounts();
  return {
    day,
    status: dayStatus(c),
    uptimePercent: uptimePercent(c),
    samples: c.samples,
    up: c.up,
    degraded: c.degraded,
    down: c.down,
    maintenance: c.maintenance,
    latencyMs: summarizeLatency(c.latency),
  };
}

/** Counts over several days (for the period's uptime). */
export function sumCounts(all: readonly RollupCounts[]): RollupCounts {
  const total = emptyCounts();
  for (const c of all) {
    total.samples += c.samples;
    total.up += c.up;
    total.degraded += c.degraded;
    total.down += c.down;
    total.maintenance += c.maintenance;
  }
  total.latency = mergeHistograms(all.map((c) => c.latency));
  return total;
}
