import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchesFilter } from '../filter-eval.js';
import type { Filter, Scalar } from '../types.js';
import { compileFilter } from './sql-filter.js';

describe('compileFilter', () => {
  it('binds every value and path as a parameter', () => {
    const { sql, params } = compileFilter({
      and: [
        { field: 'status', op: 'eq', value: "x' OR '1'='1" },
        { field: 'owner.id', op: 'in', values: ['a', 2, true, null] },
        { field: 'name', op: 'startsWith', value: 'pre' },
      ],
    });
    expect(sql).not.toContain("x'");
    expect(sql).not.toContain('owner');
    expect(sql).not.toContain('pre');
    expect(params).toEqual([
      '$.status',
      '$.status',
      "x' OR '1'='1",
      '$.owner.id',
      '$.owner.id',
      'a',
      '$.owner.id',
      '$.owner.id',
      2,
      '$.owner.id',
      '$.owner.id',
      '$.name',
      '$.name',
      'pre',
      'pre',
    ]);
    expect(sql.split('?').length - 1).toBe(params.length);
  });

  it('refuses a field path that is not a dotted identifier', () => {
    for (const field of ["status') OR 1=1 --", 'a"]', '$.a', 'a b']) {
      expect(() => compileFilter({ field, op: 'eq', value: 1 })).toThrow(
        expect.objectContaining({
          code: 'validation_failed',
          issues: [expect.objectContaining({ path: 'where.field' })],
        }),
      );
    }
    expect(() =>
      compileFilter({
        or: [
          { field: 'ok', op: 'eq', value: 1 },
          { field: "x')--", op: 'ne', value: 1 },
        ],
      }),
    ).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ path: 'where.or.1.field' })] }));
  });

  it('refuses an unsafe column name', () => {
    expect(() => compileFilter({ field: 'a', op: 'eq', value: 1 }, 'body; DROP TABLE t')).toThrow(
      /Unsafe column/,
    );
  });

  it('compiles empty and/or to constants', () => {
    expect(compileFilter({ and: [] })).toEqual({ sql: '1', params: [] });
    expect(compileFilter({ or: [] })).toEqual({ sql: '0', params: [] });
    expect(compileFilter({ field: 'a', op: 'in', values: [] })).toEqual({ sql: '0', params: [] });
  });
});

describe('compileFilter against SQLite', () => {
  let db: Database.Database;
  const docs: Record<string, unknown>[] = [];

  beforeAll(() => {
    db = new Database(':memory:');
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    // A deterministic spread of values of every JSON type, including missing fields and nesting.
    const values: unknown[] = [
      'a',
      'b',
      'ab',
      'B',
      '',
      '10',
      '9',
      0,
      1,
      9,
      10,
      -1.5,
      true,
      false,
      null,
      [1],
      { k: 1 },
    ];
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed >>> 8;
    };
    const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
    for (let i = 0; i < 300; i++) {
      const doc: Record<string, unknown> = { n: i };
      if (next() % 5 !== 0) doc.x = values[next() % values.length];
      if (next() % 3 !== 0) doc.o = { y: values[next() % values.length] };
      docs.push(doc);
      insert.run(JSON.stringify(doc));
    }
  });

  afterAll(() => db.close());

  const sqlMatches = (filter: Filter): number[] => {
    const { sql, params } = compileFilter(filter);
    return db
      .prepare(`SELECT json_extract(body, '$.n') FROM t WHERE ${sql} ORDER BY id`)
      .pluck()
      .all(...params) as number[];
  };
  const jsMatches = (filter: Filter): number[] =>
    docs.filter((doc) => matchesFilter(doc, filter)).map((doc) => doc.n as number);

  it('matches exactly what the in-memory evaluator matches, for every operator and operand type', () => {
    const operands: Scalar[] = ['a', 'ab', 'B', '', '10', 0, 1, 9.5, -1.5, true, false, null];
    const ops = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte'] as const;
    let checked = 0;
    for (const field of ['x', 'o.y', 'missing', 'x.deeper']) {
      for (const op of ops) {
        for (const value of operands) {
          const filter: Filter = { field, op, value };
          expect(sqlMatches(filter), JSON.stringify(filter)).toEqual(jsMatches(filter));
          checked += 1;
        }
      }
      for (const values of [['a', 1], [true, null], ['10', 10, false], []] as Scalar[][]) {
        const filter: Filter = { field, op: 'in', values };
        expect(sqlMatches(filter), JSON.stringify(filter)).toEqual(jsMatches(filter));
      }
      for (const prefix of ['a', '', '1', 'A', '%', '_']) {
        const filter: Filter = { field, op: 'startsWith', value: prefix };
        expect(sqlMatches(filter), JSON.stringify(filter)).toEqual(jsMatches(filter));
      }
    }
    expect(checked).toBe(4 * 6 * 12);
    const combined: Filter = {
      or: [
        {
          and: [
            { field: 'x', op: 'gte', value: 'a' },
            { field: 'o.y', op: 'ne', value: 1 },
          ],
        },
        { field: 'x', op: 'lt', value: 1 },
      ],
    };
    expect(sqlMatches(combined)).toEqual(jsMatches(combined));
    expect(jsMatches(combined).length).toBeGreaterThan(0);
  });

  it('treats an injection attempt in a value as plain data', () => {
    const before = db.prepare('SELECT count(*) FROM t').pluck().get();
    expect(sqlMatches({ field: 'x', op: 'eq', value: "a' OR 1=1; DROP TABLE t; --" })).toEqual([]);
    expect(sqlMatches({ field: 'x', op: 'startsWith', value: "') OR 1=1 --" })).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(before);
  });
});
