/**
 * Rate-limit statistics for the admin dashboard, kept in this instance's memory (seed §2.11: "rate
 * limit stats remain in-memory (ephemeral)"): 429 and IP-deny counts per minute for the last day,
 * and per limited key its refusals per hour for the last day, its latest refusal and how long it
 * stays blocked. Bounded: at most `maxKeys` keys per product (least recently limited dropped).
 */
import type { Clock } from '@groundwork/store';
import type { LimitedKey, RateLimitStats } from './schemas.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

interface KeyStats {
  key: string;
  rule: string;
  hours: Map<number, number>;
  lastLimitedAt: number;
  blockedUntil: number;
}

interface ProductStats {
  limited: Map<number, number>;
  denied: Map<number, number>;
  keys: Map<string, KeyStats>;
}

export interface RateLimitStatsRecorder {
  limited(productId: string, key: string, rule: string, retryAfterMs: number): void;
  ipDenied(productId: string): void;
  stats(productId: string, top: number): RateLimitStats;
  blocked(productId: string): LimitedKey[];
}

function bump(buckets: Map<number, number>, bucket: number): void {
  buckets.set(bucket, (buckets.get(bucket) ?? 0) + 1);
}

function sumSince(buckets: Map<number, number>, fromBucket: number): number {
  let total = 0;
  for (const [bucket, count] of buckets) if (bucket >= fromBucket) total += count;
  return total;
}

function prune(buckets: Map<number, number>, fromBucket: number): void {
  for (const bucket of buckets.keys()) if (bucket < fromBucket) buckets.delete(bucket);
}

export function createStatsRecorder(clock: Clock, maxKeys = 10_000): RateLimitStatsRecorder {
  const products = new Map<string, ProductStats>();
  const productOf = (productId: string) => {
    let stats = products.get(productId);
    if (!stats) {
      stats = { limited: new Map(), denied: new Map(), keys: new Map() };
      products.set(productId, stats);
    }
    return stats;
  };
  const view = (entry: KeyStats, now: number): LimitedKey => ({
    key: entry.key,
    rule: entry.rule,
    limited: sumSince(entry.hours, Math.floor((now - DAY) / HOUR) + 1),
    lastLimitedAt: new Date(entry.lastLimitedAt).toISOString(),
    blockedUntil: new Date(entry.blockedUntil).toISOString(),
  });

  return {
    limited(productId, key, rule, retryAfterMs) {
      const now = clock.now();
      const stats = productOf(productId);
      bump(stats.limited, Math.floor(now / MINUTE));
      prune(stats.limited, Math.floor((now - DAY) / MINUTE));
      const id = `${rule}|${key}`;
      const entry = stats.keys.get(id) ?? {
        key,
        rule,
        hours: new Map(),
        lastLimitedAt: now,
        blockedUntil: now,
      };
      stats.keys.delete(id);
      bump(entry.hours, Math.floor(now / HOUR));
      prune(entry.hours, Math.floor((now - DAY) / HOUR));
      entry.lastLimitedAt = now;
      entry.blockedUntil = Math.max(entry.blockedUntil, now + retryAfterMs);
      stats.keys.set(id, entry);
      while (stats.keys.size > maxKeys) {
        const oldest = stats.keys.keys().next().value;
        if (oldest === undefined) break;
        stats.keys.delete(oldest);
      }
    },

    ipDenied(productId) {
      const now = clock.now();
      const stats = productOf(productId);
      bump(stats.denied, Math.floor(now / MINUTE));
      prune(stats.denied, Math.floor((now - DAY) / MINUTE));
    },

    stats(productId, top) {
      const now = clock.now();
      const stats = productOf(productId);
      const hourFrom = Math.floor((now - HOUR) / MINUTE) + 1;
      const dayFrom = Math.floor((now - DAY) / MINUTE) + 1;
      const keys = [...stats.keys.values()]
        .map((entry) => view(entry, now))
        .filter((entry) => entry.limited > 0)
        .sort((a, b) => b.limited - a.limited || b.lastLimitedAt.localeCompare(a.lastLimitedAt))
        .slice(0, top);
      return {
        scope: 'instance',
        limitedLastHour: sumSince(stats.limited, hourFrom),
        limitedLastDay: sumSince(stats.limited, dayFrom),
        deniedByIpLastHour: sumSince(stats.denied, hourFrom),
        deniedByIpLastDay: sumSince(stats.denied, dayFrom),
        topLimitedKeys: keys,
      };
    },

    blocked(productId) {
      const now = clock.now();
      return [...productOf(productId).keys.values()]
        .filter((entry) => entry.blockedUntil > now)
        .sort((a, b) => b.blockedUntil - a.blockedUntil)
        .map((entry) => view(entry, now));
    },
  };
}
