import { describe, expect, it } from 'vitest';
import {
  DEFAULT_QUERY_LIMIT,
  FIELD_PATH_PATTERN,
  MAX_FILTER_CONDITIONS,
  validateCountSpec,
  validateQuerySpec,
} from './query-validate.js';
import type { Filter, QuerySpec } from './types.js';

function issuesOf(spec: unknown): { path: string; code: string }[] {
  try {
    validateQuerySpec(spec as QuerySpec);
  } catch (error) {
    expect(error).toMatchObject({ status: 400, code: 'validation_failed' });
    return (error as { issues: { path: string; code: string }[] }).issues;
  }
  return [];
}

describe('validateQuerySpec', () => {
  it('applies defaults', () => {
    expect(validateQuerySpec()).toEqual({ orderBy: [], limit: DEFAULT_QUERY_LIMIT });
    expect(validateQuerySpec({ pk: 'p', orderBy: [{ field: 'a.b' }], limit: 1000, cursor: 'c' })).toEqual({
      pk: 'p',
      orderBy: [{ field: 'a.b', direction: 'asc' }],
      limit: 1000,
      cursor: 'c',
    });
  });

  it('accepts only dotted identifiers as field paths', () => {
    for (const ok of ['a', '_a', 'a1.b_2', 'A.B.C']) expect(FIELD_PATH_PATTERN.test(ok)).toBe(true);
    for (const bad of [
      '',
      '1a',
      'a.',
      '.a',
      'a..b',
      'a-b',
      'a b',
      "a']",
      'a;DROP',
      '$.a',
      'a[0]',
      'a/b',
      'é',
    ]) {
      expect(FIELD_PATH_PATTERN.test(bad)).toBe(false);
      expect(issuesOf({ where: { field: bad, op: 'eq', value: 1 } })).toEqual([
        expect.objectContaining({ path: 'where.field', code: 'invalid_field_path' }),
      ]);
    }
    expect(issuesOf({ where: { field: 'a'.repeat(300), op: 'eq', value: 1 } })[0]?.path).toBe('where.field');
  });

  it('checks limit, pk, orderBy and cursor', () => {
    for (const limit of [0, -1, 1001, 1.5, Number.NaN, '10']) {
      expect(issuesOf({ limit })).toEqual([expect.objectContaining({ path: 'limit' })]);
    }
    expect(issuesOf({ pk: 5 })[0]?.path).toBe('pk');
    expect(issuesOf({ orderBy: [{ field: 'ok' }, { field: 'x y' }] })[0]?.path).toBe('orderBy.1.field');
    expect(issuesOf({ orderBy: [{ field: 'ok', direction: 'up' }] })[0]?.path).toBe('orderBy.0.direction');
    expect(issuesOf({ orderBy: 'a' })[0]?.path).toBe('orderBy');
    expect(issuesOf({ orderBy: Array.from({ length: 9 }, () => ({ field: 'a' })) })[0]?.code).toBe(
      'too_many',
    );
    expect(issuesOf({ cursor: '' })[0]?.path).toBe('cursor');
  });

  it('checks every node of the filter tree and lists each issue', () => {
    const issues = issuesOf({
      where: {
        and: [
          { field: 'a', op: 'eq', value: { nested: true } },
          {
            or: [
              { field: 'b', op: 'like', value: 'x' },
              { field: 'c', op: 'in', values: 'x' },
            ],
          },
          { field: 'd', op: 'startsWith', value: 1 },
          { field: 'e', op: 'gt', value: Number.POSITIVE_INFINITY },
          'nonsense',
        ],
      },
      limit: 0,
    });
    expect(issues.map((issue) => issue.path)).toEqual([
      'limit',
      'where.and.0.value',
      'where.and.1.or.0.op',
      'where.and.1.or.1.values',
      'where.and.2.value',
      'where.and.3.value',
      'where.and.4',
    ]);
  });

  it('bounds filter size and depth', () => {
    let deep: Filter = { field: 'a', op: 'eq', value: 1 };
    for (let i = 0; i < 20; i++) deep = { and: [deep] };
    expect(issuesOf({ where: deep })[0]?.code).toBe('too_deep');
    const wide: Filter = {
      or: Array.from({ length: MAX_FILTER_CONDITIONS + 1 }, (_, i) => ({
        field: 'a',
        op: 'eq' as const,
        value: i,
      })),
    };
    expect(issuesOf({ where: wide })[0]?.code).toBe('too_many');
  });
});

describe('validateCountSpec', () => {
  it('validates pk and where only', () => {
    expect(validateCountSpec({ pk: 'p' })).toEqual({ pk: 'p' });
    expect(() => validateCountSpec({ where: { field: '1', op: 'eq', value: 1 } })).toThrow(
      expect.objectContaining({ code: 'validation_failed' }),
    );
  });
});
