import { describe, expect, it } from 'vitest';
import {
  BUCKETS,
  bucketOf,
  FNV_OFFSET_BASIS,
  fmix32,
  fnv1a32,
  fnv1aUpdate,
  percentageThreshold,
  seedState,
} from './bucketing.js';
import { createFlagEvaluator } from './evaluator.js';
import { defineFlag } from './validation.js';

/** An independent reference: TextEncoder bytes and BigInt arithmetic, as a client SDK would do it. */
function referenceBucket(seed: string, value: string): { hash: number; mixed: number; bucket: number } {
  const M = 2n ** 32n;
  let h = 0x811c9dc5n;
  for (const byte of new TextEncoder().encode(`${seed}:${value}`)) {
    h ^= BigInt(byte);
    h = (h * 0x01000193n) % M;
  }
  let m = h;
  m ^= m >> 16n;
  m = (m * 0x85ebca6bn) % M;
  m ^= m >> 13n;
  m = (m * 0xc2b2ae35n) % M;
  m ^= m >> 16n;
  return { hash: Number(h), mixed: Number(m), bucket: Number((m * 10000n) >> 32n) };
}

/** The vectors published in docs/modules/flags.md: [seed, value, fnv1a32, fmix32, bucket]. */
const VECTORS: [string, string, number, number, number][] = [
  ['new-checkout', 'user-1', 0x6d20ebcf, 0xf4632f31, 9546],
  ['new-checkout', 'user-2', 0x6e20ed62, 0xf9c9b2dc, 9757],
  ['new-checkout', 'user-3', 0x6f20eef5, 0xe04e69af, 8761],
  ['new-checkout', 'usr_01jd3v7c0k8x4m2q9t5w6y7z8a', 0xb4114eee, 0x3f7b9052, 2479],
  ['dark-mode', 'alice@example.com', 0x5978a9e8, 0x878d8cf8, 5295],
  ['dark-mode', '', 0x99f57ba3, 0x1f431a1e, 1221],
  ['pricing-v2', '42', 0x4bb04e24, 0x0b08e10c, 431],
  ['pricing-v2', 'Zoë', 0x4bad67ff, 0xc2d3c160, 7610],
  ['pricing-v2', '用户-7', 0xa43e2536, 0x023a9d17, 87],
  ['emoji', '🙂-1', 0x4069c059, 0xee156a6a, 9300],
];

/** A deterministic pseudo-random generator (mulberry32), so the test is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('FNV-1a bucketing', () => {
  it('matches the FNV-1a 32-bit reference vectors', () => {
    expect(fnv1a32('')).toBe(FNV_OFFSET_BASIS);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
    expect(fmix32(0)).toBe(0);
  });

  it('reproduces the published test vectors', () => {
    for (const [seed, value, hash, mixed, bucket] of VECTORS) {
      expect(fnv1a32(`${seed}:${value}`), `${seed}:${value}`).toBe(hash);
      expect(fmix32(hash)).toBe(mixed);
      expect(bucketOf(seed, value)).toBe(bucket);
      expect(referenceBucket(seed, value)).toEqual({ hash, mixed, bucket });
    }
  });

  it('agrees with an independent UTF-8 + BigInt implementation on random strings, unicode included', () => {
    const next = random(7);
    const alphabet = [
      'a',
      'Z',
      '0',
      '-',
      ':',
      'é',
      'ß',
      '用',
      '🙂',
      '\u{10ffff}',
      '\ud800',
      '\udc00',
      '\u0000',
    ];
    for (let i = 0; i < 2_000; i += 1) {
      let value = '';
      const length = Math.floor(next() * 20);
      for (let j = 0; j < length; j += 1) value += alphabet[Math.floor(next() * alphabet.length)];
      const expected = referenceBucket('seed', value);
      expect(fnv1aUpdate(seedState('seed'), value)).toBe(expected.hash);
      expect(bucketOf('seed', value)).toBe(expected.bucket);
    }
  });

  it('splits 100,000 ids 50/50 within ±1% and spreads them evenly over 100 bins', () => {
    const bins = new Array<number>(100).fill(0);
    let inside = 0;
    let outOfRange = 0;
    for (let i = 0; i < 100_000; i += 1) {
      const bucket = bucketOf('new-checkout', `user-${i}`);
      if (!Number.isInteger(bucket) || bucket < 0 || bucket >= BUCKETS) outOfRange += 1;
      if (bucket < percentageThreshold(50)) inside += 1;
      bins[Math.floor(bucket / 100)] = (bins[Math.floor(bucket / 100)] ?? 0) + 1;
    }
    expect(outOfRange).toBe(0);
    expect(inside).toBeGreaterThan(49_000);
    expect(inside).toBeLessThan(51_000);
    // Chi-square with 99 degrees of freedom: 148.2 is the 0.1 % critical value.
    const chiSquare = bins.reduce((sum, count) => sum + (count - 1_000) ** 2 / 1_000, 0);
    expect(chiSquare).toBeLessThan(148.2);
  });

  it('does not cluster ids that differ in their last character', () => {
    // Plain FNV-1a puts user-1 … user-9 within a few hundred buckets of each other; mixed, they spread.
    let sameHalf = 0;
    for (let i = 0; i < 10_000; i += 1) {
      const a = bucketOf('exp', `user-${i}`) < 5_000;
      const b = bucketOf('exp', `user-${i + 1}`) < 5_000;
      if (a === b) sameHalf += 1;
    }
    expect(sameHalf).toBeGreaterThan(4_700);
    expect(sameHalf).toBeLessThan(5_300);
  });

  it('gives independent flags independent buckets (the seed is hashed in)', () => {
    let both = 0;
    for (let i = 0; i < 20_000; i += 1) {
      if (bucketOf('flag-a', `u${i}`) < 5_000 && bucketOf('flag-b', `u${i}`) < 5_000) both += 1;
    }
    expect(both / 20_000).toBeGreaterThan(0.23);
    expect(both / 20_000).toBeLessThan(0.27);
  });

  it('is stable: separately built evaluators (a restart) serve every id the same variant', () => {
    const definition = () =>
      defineFlag({ key: 'new-checkout', enabled: true, defaultServe: { variant: 'on', percentage: 50 } });
    const first = createFlagEvaluator([definition()]);
    const second = createFlagEvaluator([definition()]);
    for (let i = 0; i < 10_000; i += 1) {
      const context = { userId: `user-${i}` };
      expect(second.evaluate('new-checkout', context).variant).toBe(
        first.evaluate('new-checkout', context).variant,
      );
    }
    // And against the pinned vectors: user-1 (bucket 9546) is out at 50%, usr_01jd… (2479) is in.
    expect(first.evaluate('new-checkout', { userId: 'user-1' }).variant).toBe('off');
    expect(first.evaluate('new-checkout', { userId: 'usr_01jd3v7c0k8x4m2q9t5w6y7z8a' }).variant).toBe('on');
  });

  it('turns percentages into bucket thresholds at 0.01 % resolution', () => {
    expect(percentageThreshold(0)).toBe(0);
    expect(percentageThreshold(0.01)).toBe(1);
    expect(percentageThreshold(33.33)).toBe(3_333);
    expect(percentageThreshold(100)).toBe(BUCKETS);
  });
});
