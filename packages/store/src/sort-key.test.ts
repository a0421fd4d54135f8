import { describe, expect, it } from 'vitest';
import { compareSortKeys, compareStrings, isSortKey, SORT_RANK, sortKeyOf } from './sort-key.js';
import { computeExpiresAt, isExpired, isValidTtl } from './ttl.js';

describe('sort keys', () => {
  it('rank missing < null < boolean < number < string < structured', () => {
    const values = [{ a: 1 }, 'b', 'a', 10, -1, true, false, null, undefined, [1]];
    // Sort positions: Array.prototype.sort never passes `undefined` to the comparator.
    const order = values
      .map((_, index) => index)
      .sort((x, y) => compareSortKeys(sortKeyOf(values[x]), sortKeyOf(values[y])) || x - y);
    expect(order.map((index) => values[index])).toEqual([
      undefined,
      null,
      false,
      true,
      -1,
      10,
      'a',
      'b',
      { a: 1 },
      [1],
    ]);
  });

  it('compares strings by code point', () => {
    const words = ['\u{1F600}', '\uFFFD', 'b', 'B', 'a', 'ab', ''];
    expect([...words].sort(compareStrings)).toEqual(['', 'B', 'a', 'ab', 'b', '\uFFFD', '\u{1F600}']);
    expect(compareStrings('x', 'x')).toBe(0);
  });

  it('recognizes well-formed keys only', () => {
    expect(isSortKey([SORT_RANK.string, 'x'])).toBe(true);
    expect(isSortKey([SORT_RANK.boolean, 1])).toBe(true);
    expect(isSortKey([SORT_RANK.boolean, 2])).toBe(false);
    expect(isSortKey([SORT_RANK.number, 'x'])).toBe(false);
    expect(isSortKey([SORT_RANK.null, 1])).toBe(false);
    expect(isSortKey([9, 0])).toBe(false);
    expect(isSortKey([SORT_RANK.string, 'x', 1])).toBe(false);
  });
});

describe('ttl', () => {
  it('prefers the document ttl over the container default; -1 never expires', () => {
    expect(computeExpiresAt(10, 100, 1_000)).toBe(11_000);
    expect(computeExpiresAt(undefined, 100, 1_000)).toBe(101_000);
    expect(computeExpiresAt(-1, 100, 1_000)).toBeUndefined();
    expect(computeExpiresAt(undefined, -1, 1_000)).toBeUndefined();
    expect(computeExpiresAt(undefined, undefined, 1_000)).toBeUndefined();
  });

  it('expires at the instant, validates values', () => {
    expect(isExpired(5, 4)).toBe(false);
    expect(isExpired(5, 5)).toBe(true);
    expect(isExpired(undefined, Number.MAX_SAFE_INTEGER)).toBe(false);
    expect([1, -1, 3600].every(isValidTtl)).toBe(true);
    expect([0, -2, 1.5, '5', null, Number.POSITIVE_INFINITY].some(isValidTtl)).toBe(false);
  });
});
