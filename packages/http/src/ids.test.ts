import { describe, expect, it } from 'vitest';
import { idPattern, idTimestamp, newId } from './ids.js';

describe('newId', () => {
  it('is the prefix, an underscore and 26 lowercase Crockford base32 characters', () => {
    const id = newId('note');
    expect(id).toMatch(/^note_[0-9a-hjkmnp-tv-z]{26}$/);
    expect(idPattern('note').test(id)).toBe(true);
    expect(idPattern('usr').test(id)).toBe(false);
  });

  it('encodes the creation time and sorts by it', () => {
    const times = [0, 1, 1_700_000_000_000, 1_700_000_000_001, 2 ** 48 - 1];
    const ids = times.map((time) => newId('evt', time));
    expect(ids.map(idTimestamp)).toEqual(times);
    expect([...ids].reverse().sort()).toEqual(ids);
    expect(newId('evt', 0).slice(4, 14)).toBe('0000000000');
    expect(newId('evt', 2 ** 48 - 1).slice(4, 14)).toBe('7zzzzzzzzz');
  });

  it('is random within the same millisecond', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newId('x', 42)));
    expect(ids.size).toBe(1000);
  });

  it('spreads 80 random bits over every base32 character of the random part', () => {
    const ids = Array.from({ length: 20_000 }, () => newId('x', 42));
    expect(new Set(ids).size).toBe(ids.length);
    for (let position = 12; position < 28; position++) {
      const seen = new Set(ids.map((id) => id[position]));
      expect(seen.size).toBe(32); // each of the 16 characters takes all 32 values
    }
  });

  it('rejects bad prefixes and timestamps', () => {
    expect(() => newId('Note')).toThrow(TypeError);
    expect(() => newId('no_te')).toThrow(TypeError);
    expect(() => newId('')).toThrow(TypeError);
    expect(() => newId('x', -1)).toThrow(RangeError);
    expect(() => newId('x', 2 ** 48)).toThrow(RangeError);
    expect(() => idTimestamp('nounderscore')).toThrow(TypeError);
    expect(() => idTimestamp('x_iiiiiiiiii')).toThrow(TypeError);
  });
});
