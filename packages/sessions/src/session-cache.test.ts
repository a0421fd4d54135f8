import { describe, expect, it } from 'vitest';
import { BoundedMap, createActivityCache } from './session-cache.js';

describe('activity cache', () => {
  it('trusts an answer for the TTL, and never past the given end', () => {
    const cache = createActivityCache({ ttlMs: 1_000 });
    expect(cache.get('k', 0)).toBeUndefined();
    expect(cache.settle('k', true, 0, cache.ticket())).toBe(true);
    expect(cache.get('k', 999)).toBe(true);
    expect(cache.get('k', 1_000)).toBeUndefined();
    cache.settle('k', true, 2_000, cache.ticket(), 2_500);
    expect(cache.get('k', 2_499)).toBe(true);
    expect(cache.get('k', 2_500)).toBeUndefined();
  });

  it('answers "revoked" at once, and a read begun before the revocation cannot restore "active"', () => {
    const cache = createActivityCache({ ttlMs: 1_000 });
    cache.settle('k', true, 0, cache.ticket());
    const ticket = cache.ticket(); // a store read begins
    cache.revoked('k', 10);
    expect(cache.get('k', 10)).toBe(false);
    expect(cache.settle('k', true, 20, ticket)).toBe(false); // the read saw the old version
    expect(cache.get('k', 20)).toBe(false);
    // A read begun after the revocation is believed (e.g. the revocation was undone by a new write).
    expect(cache.settle('k', true, 30, cache.ticket())).toBe(true);
    expect(cache.get('k', 30)).toBe(true);
  });

  it('remembers nothing with a TTL of 0, and rejects a bad TTL', () => {
    const cache = createActivityCache({ ttlMs: 0 });
    cache.settle('k', true, 0, cache.ticket());
    cache.revoked('j', 0);
    expect(cache.get('k', 0)).toBeUndefined();
    expect(cache.get('j', 0)).toBeUndefined();
    expect(cache.size).toBe(0);
    expect(() => createActivityCache({ ttlMs: -1 })).toThrow(RangeError);
    expect(() => createActivityCache({ ttlMs: 1.5 })).toThrow(RangeError);
  });

  it('keeps at most maxEntries, dropping the least recently written', () => {
    const cache = createActivityCache({ ttlMs: 1_000, maxEntries: 3 });
    for (const key of ['a', 'b', 'c']) cache.settle(key, true, 0, cache.ticket());
    cache.settle('a', true, 0, cache.ticket()); // rewritten: now the newest
    cache.settle('d', true, 0, cache.ticket());
    expect(cache.size).toBe(3);
    expect(cache.get('b', 0)).toBeUndefined();
    expect(['a', 'c', 'd'].map((key) => cache.get(key, 0))).toEqual([true, true, true]);
  });
});

describe('bounded map', () => {
  it('evicts the oldest entry past its bound and rejects a bad bound', () => {
    const map = new BoundedMap<number>(2);
    map.set('a', 1);
    map.set('b', 2);
    map.set('c', 3);
    expect([map.get('a'), map.get('b'), map.get('c')]).toEqual([undefined, 2, 3]);
    map.delete('b');
    expect(map.size).toBe(1);
    expect(() => new BoundedMap(0)).toThrow(RangeError);
  });
});
