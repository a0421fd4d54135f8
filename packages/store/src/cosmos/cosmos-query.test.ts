import type { Container as SdkContainer } from '@azure/cosmos';
import { ValidationError } from '@groundwork/errors';
import { describe, expect, it } from 'vitest';
import { validateQuerySpec } from '../query-validate.js';
import { SORT_RANK } from '../sort-key.js';
import type { Filter } from '../types.js';
import { CosmosContainer } from './cosmos-container.js';
import { afterCondition, equalsCondition, planOrder, scalarLevelQuery } from './cosmos-keyset.js';
import { baseConditions, compileCount, compileFilter } from './cosmos-query.js';
import { fieldAccessor, SqlParameters } from './cosmos-sql.js';

function compile(filter: Filter) {
  const params = new SqlParameters();
  return { sql: compileFilter(filter, params), params: params.list };
}

describe('fieldAccessor', () => {
  it('turns dotted paths into bracket accessors', () => {
    expect(fieldAccessor('status')).toBe('c["status"]');
    expect(fieldAccessor('owner.id')).toBe('c["owner"]["id"]');
  });

  it('maps the port etag onto Cosmos _etag', () => {
    expect(fieldAccessor('etag')).toBe('c["_etag"]');
    expect(fieldAccessor('meta.etag')).toBe('c["meta"]["etag"]');
  });

  it.each(['a"] OR true OR c["b', 'a) OR (1=1', "name' --", 'a..b', '', 'a.b ', 'a[0]', 'x; DROP'])(
    'refuses %j',
    (field) => {
      expect(() => fieldAccessor(field)).toThrow(/Invalid field path/);
    },
  );
});

describe('compileFilter', () => {
  it('passes every value as a parameter', () => {
    const hostile = `x" OR 1=1 --`;
    const { sql, params } = compile({
      and: [
        { field: 'status', op: 'eq', value: hostile },
        { field: 'age', op: 'gte', value: 18 },
        { field: 'tag', op: 'in', values: ['a', `b') OR true --`, 3, null] },
        { field: 'name', op: 'startsWith', value: `O'Brien` },
      ],
    });
    expect(sql).toBe(
      '((IS_STRING(c["status"]) AND c["status"] = @p0) AND (IS_NUMBER(c["age"]) AND c["age"] >= @p1) AND ' +
        'c["tag"] IN (@p2, @p3, @p4, @p5) AND (IS_STRING(c["name"]) AND STARTSWITH(c["name"], @p6)))',
    );
    expect(sql).not.toContain('1=1');
    expect(sql).not.toContain("O'Brien");
    expect(params).toEqual([
      { name: '@p0', value: hostile },
      { name: '@p1', value: 18 },
      { name: '@p2', value: 'a' },
      { name: '@p3', value: `b') OR true --` },
      { name: '@p4', value: 3 },
      { name: '@p5', value: null },
      { name: '@p6', value: `O'Brien` },
    ]);
  });

  it('guards ne and ranges by the operand type, so other types and missing fields never match', () => {
    expect(compile({ field: 'n', op: 'ne', value: 1 }).sql).toBe('(IS_NUMBER(c["n"]) AND c["n"] != @p0)');
    expect(compile({ field: 'n', op: 'lt', value: 'm' }).sql).toBe('(IS_STRING(c["n"]) AND c["n"] < @p0)');
    expect(compile({ field: 'n', op: 'gt', value: false }).sql).toBe('(IS_BOOL(c["n"]) AND c["n"] > @p0)');
  });

  it('gives null no order: eq, lte and gte match null, the rest nothing', () => {
    for (const op of ['eq', 'lte', 'gte'] as const) {
      expect(compile({ field: 'n', op, value: null })).toEqual({ sql: 'IS_NULL(c["n"])', params: [] });
    }
    for (const op of ['ne', 'lt', 'gt'] as const) {
      expect(compile({ field: 'n', op, value: null }).sql).toBe('false');
    }
  });

  it('compiles empty combinators and empty in-lists to constants', () => {
    expect(compile({ and: [] }).sql).toBe('true');
    expect(compile({ or: [] }).sql).toBe('false');
    expect(compile({ field: 'x', op: 'in', values: [] }).sql).toBe('false');
    expect(compile({ or: [{ field: 'a', op: 'eq', value: 1 }, { and: [] }] }).sql).toBe(
      '((IS_NUMBER(c["a"]) AND c["a"] = @p0) OR true)',
    );
  });

  it('throws on a field path that was not validated', () => {
    expect(() => compile({ field: 'a"] OR true --', op: 'eq', value: 1 })).toThrow(/Invalid field path/);
  });
});

describe('baseConditions and compileCount', () => {
  it('filters expired documents and the partition with parameters', () => {
    const query = compileCount(
      { pk: `t1" OR true`, where: { field: 'status', op: 'eq', value: 'open' } },
      1234,
    );
    expect(query.query).toBe(
      'SELECT VALUE COUNT(1) FROM c WHERE (NOT IS_DEFINED(c._expiresAt) OR c._expiresAt > @p0) AND c.pk = @p1 ' +
        'AND (IS_STRING(c["status"]) AND c["status"] = @p2)',
    );
    expect(query.parameters).toEqual([
      { name: '@p0', value: 1234 },
      { name: '@p1', value: `t1" OR true` },
      { name: '@p2', value: 'open' },
    ]);
  });

  it('has only the expiry condition for a bare cross-partition query', () => {
    const params = new SqlParameters();
    expect(baseConditions({}, 5, params)).toEqual(['(NOT IS_DEFINED(c._expiresAt) OR c._expiresAt > @p0)']);
  });
});

describe('keyset queries', () => {
  it('appends id, then pk across partitions, as tie-breakers and drops repeated fields', () => {
    expect(planOrder([{ field: 'a', direction: 'desc' }], false).keys).toEqual([
      { field: 'a', descending: true, alwaysString: false },
      { field: 'id', descending: false, alwaysString: true },
      { field: 'pk', descending: false, alwaysString: true },
    ]);
    expect(planOrder([{ field: 'a', direction: 'asc' }], true).keys.map((key) => key.field)).toEqual([
      'a',
      'id',
    ]);
    expect(
      planOrder(
        [
          { field: 'id', direction: 'desc' },
          { field: 'id', direction: 'asc' },
        ],
        true,
      ).keys,
    ).toEqual([{ field: 'id', descending: true, alwaysString: true }]);
  });

  it('sorts on a single property per query, with TOP and every value as a parameter', () => {
    const plan = planOrder([{ field: 'score', direction: 'desc' }], false);
    const query = scalarLevelQuery(
      { plan, base: (params) => baseConditions({ pk: 'p' }, 10, params) },
      0,
      [],
      [SORT_RANK.number, 42],
      25,
    );
    expect(query.query).toBe(
      'SELECT TOP @p3 * FROM c WHERE (NOT IS_DEFINED(c._expiresAt) OR c._expiresAt > @p0) AND c.pk = @p1 AND ' +
        'IS_PRIMITIVE(c["score"]) AND ((IS_NUMBER(c["score"]) AND c["score"] < @p2) OR IS_NULL(c["score"]) OR ' +
        'IS_BOOL(c["score"])) ORDER BY c["score"] DESC',
    );
    expect(query.parameters?.map((parameter) => parameter.value)).toEqual([10, 'p', 42, 25]);
  });

  it('continues a tie group with equality on the previous keys', () => {
    const plan = planOrder(
      [{ field: 'a' }, { field: 'b' }].map((s) => ({ ...s, direction: 'asc' as const })),
      true,
    );
    const query = scalarLevelQuery(
      { plan, base: () => [] },
      2,
      [
        [SORT_RANK.missing, 0],
        [SORT_RANK.string, 'x'],
      ],
      undefined,
      3,
    );
    expect(query.query).toBe(
      'SELECT TOP @p1 * FROM c WHERE NOT IS_DEFINED(c["a"]) AND c["b"] = @p0 ORDER BY c["id"] ASC',
    );
  });

  it('expresses "after" across JSON types in Cosmos type order', () => {
    const params = new SqlParameters();
    expect(afterCondition('x', [SORT_RANK.null, 0], false, params)).toBe(
      '(IS_BOOL(x) OR IS_NUMBER(x) OR IS_STRING(x))',
    );
    expect(afterCondition('x', [SORT_RANK.boolean, 0], false, params)).toBe(
      '((IS_BOOL(x) AND x > @p0) OR IS_NUMBER(x) OR IS_STRING(x))',
    );
    expect(params.list[0]).toEqual({ name: '@p0', value: false });
    expect(afterCondition('x', [SORT_RANK.string, 'm'], false, params)).toBe('((IS_STRING(x) AND x > @p1))');
    expect(afterCondition('x', [SORT_RANK.null, 0], true, params)).toBe('false');
    expect(equalsCondition('x', [SORT_RANK.structured, 0], params)).toBe('(IS_ARRAY(x) OR IS_OBJECT(x))');
    expect(equalsCondition('x', [SORT_RANK.boolean, 1], params)).toBe('x = @p2');
    expect(params.list[2]).toEqual({ name: '@p2', value: true });
  });
});

describe('CosmosContainer query validation', () => {
  /** An SDK container that fails the test if anything reaches Cosmos. */
  const unreachable = new Proxy(
    {},
    {
      get() {
        throw new Error('the query reached Cosmos');
      },
    },
  ) as SdkContainer;
  const container = new CosmosContainer(
    { name: 'things', partitionKey: '/pk' },
    unreachable,
    { now: () => 0 },
    () => {},
  );

  it.each([
    ['a filter field', { where: { field: 'a"] OR true OR c["b', op: 'eq', value: 1 } }],
    [
      'a nested filter field',
      {
        where: {
          or: [
            { field: 'ok', op: 'eq', value: 1 },
            { field: '1=1 --', op: 'eq', value: 1 },
          ],
        },
      },
    ],
  ] as const)('rejects an injection attempt in %s before any request', async (_label, spec) => {
    expect(() => validateQuerySpec(spec as never)).toThrow(ValidationError);
    await expect(container.query(spec as never)).rejects.toBeInstanceOf(ValidationError);
    await expect(container.count(spec as never)).rejects.toBeInstanceOf(ValidationError);
  });

  it('rejects an injection attempt in a sort field before any request', async () => {
    await expect(container.query({ orderBy: [{ field: 'x ASC, c._rid' }] })).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  it('rejects a tampered cursor before any request', async () => {
    await expect(container.query({ cursor: 'eyJ2IjoxfQ' })).rejects.toMatchObject({
      code: 'validation_failed',
    });
  });
});
