import { describe, expect, it } from 'vitest';
import { compareSameType, matchesFilter } from './filter-eval.js';
import type { Filter } from './types.js';

const doc = {
  status: 'open',
  n: 3,
  zero: 0,
  flag: false,
  nothing: null,
  text: '3',
  owner: { id: 'u1', tags: ['a'] },
  list: [1, 2],
};

const match = (filter: Filter) => matchesFilter(doc, filter);

describe('compareSameType', () => {
  it('compares only values of one JSON type', () => {
    expect(compareSameType('b', 'a')).toBe(1);
    expect(compareSameType(2, 10)).toBe(-1);
    expect(compareSameType(true, false)).toBe(1);
    expect(compareSameType(null, null)).toBe(0);
    expect(compareSameType('1', 1)).toBeUndefined();
    expect(compareSameType(1, true)).toBeUndefined();
    expect(compareSameType(0, null)).toBeUndefined();
    expect(compareSameType([1], 1)).toBeUndefined();
    expect(compareSameType({}, 'x')).toBeUndefined();
  });

  it('orders strings by code point, not UTF-16 unit', () => {
    // U+1F600 (surrogate pair) is above U+FFFD in code point order.
    expect(compareSameType('\u{1F600}', '\uFFFD')).toBe(1);
  });
});

describe('matchesFilter', () => {
  it('eq and ne need the same type; a missing field matches nothing, not even ne', () => {
    expect(match({ field: 'status', op: 'eq', value: 'open' })).toBe(true);
    expect(match({ field: 'status', op: 'ne', value: 'closed' })).toBe(true);
    expect(match({ field: 'n', op: 'eq', value: '3' })).toBe(false);
    expect(match({ field: 'n', op: 'ne', value: '3' })).toBe(false);
    expect(match({ field: 'text', op: 'eq', value: '3' })).toBe(true);
    expect(match({ field: 'zero', op: 'eq', value: false })).toBe(false);
    expect(match({ field: 'flag', op: 'eq', value: false })).toBe(true);
    expect(match({ field: 'missing', op: 'ne', value: 'x' })).toBe(false);
    expect(match({ field: 'missing', op: 'eq', value: null })).toBe(false);
  });

  it('null equals only null and has no order', () => {
    expect(match({ field: 'nothing', op: 'eq', value: null })).toBe(true);
    expect(match({ field: 'nothing', op: 'lte', value: null })).toBe(true);
    expect(match({ field: 'nothing', op: 'gte', value: null })).toBe(true);
    expect(match({ field: 'nothing', op: 'ne', value: null })).toBe(false);
    expect(match({ field: 'nothing', op: 'lt', value: null })).toBe(false);
    expect(match({ field: 'status', op: 'ne', value: null })).toBe(false);
    expect(match({ field: 'nothing', op: 'ne', value: 'x' })).toBe(false);
  });

  it('ranges', () => {
    expect(match({ field: 'n', op: 'gt', value: 2 })).toBe(true);
    expect(match({ field: 'n', op: 'gt', value: 3 })).toBe(false);
    expect(match({ field: 'n', op: 'gte', value: 3 })).toBe(true);
    expect(match({ field: 'n', op: 'lt', value: 3.5 })).toBe(true);
    expect(match({ field: 'n', op: 'lte', value: 2.9 })).toBe(false);
    expect(match({ field: 'status', op: 'lt', value: 'p' })).toBe(true);
    expect(match({ field: 'flag', op: 'lt', value: true })).toBe(true);
    expect(match({ field: 'list', op: 'gt', value: 0 })).toBe(false);
  });

  it('in, startsWith and nested paths', () => {
    expect(match({ field: 'status', op: 'in', values: ['closed', 'open'] })).toBe(true);
    expect(match({ field: 'n', op: 'in', values: ['3'] })).toBe(false);
    expect(match({ field: 'nothing', op: 'in', values: [null] })).toBe(true);
    expect(match({ field: 'status', op: 'in', values: [] })).toBe(false);
    expect(match({ field: 'status', op: 'startsWith', value: 'op' })).toBe(true);
    expect(match({ field: 'status', op: 'startsWith', value: 'Op' })).toBe(false);
    expect(match({ field: 'n', op: 'startsWith', value: '3' })).toBe(false);
    expect(match({ field: 'owner.id', op: 'eq', value: 'u1' })).toBe(true);
    expect(match({ field: 'owner.tags', op: 'eq', value: 'a' })).toBe(false);
    expect(match({ field: 'status.length', op: 'eq', value: 4 })).toBe(false);
    expect(match({ field: 'owner.constructor', op: 'ne', value: 'x' })).toBe(false);
  });

  it('and / or, including empty ones', () => {
    const open: Filter = { field: 'status', op: 'eq', value: 'open' };
    const big: Filter = { field: 'n', op: 'gt', value: 10 };
    expect(match({ and: [open, big] })).toBe(false);
    expect(match({ or: [open, big] })).toBe(true);
    expect(match({ and: [open, { or: [big, { field: 'flag', op: 'eq', value: false }] }] })).toBe(true);
    expect(match({ and: [] })).toBe(true);
    expect(match({ or: [] })).toBe(false);
  });
});
