import { describe, expect, it } from 'vitest';
import { jsonValueIssues } from './json-value.js';

describe('jsonValueIssues', () => {
  it('accepts plain JSON', () => {
    expect(jsonValueIssues({ a: [1, 'x', true, null, { b: -0.5 }] }, 'payload', 1_000)).toEqual([]);
    expect(jsonValueIssues(Object.create(null), 'payload', 1_000)).toEqual([]);
  });

  it('names each value that is not JSON', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const paths = (value: unknown) => jsonValueIssues(value, 'payload', 1_000).map((issue) => issue.path);
    expect(paths({ a: undefined, b: [Symbol('s')], c: new Map(), d: Number.POSITIVE_INFINITY })).toEqual([
      'payload.a',
      'payload.b.0',
      'payload.c',
      'payload.d',
    ]);
    expect(paths(cyclic)).toEqual(['payload.self']);
    expect(paths(10n)).toEqual(['payload']);
  });

  it('limits the size in UTF-8 bytes', () => {
    expect(jsonValueIssues('é'.repeat(10), 'result', 22)).toEqual([]); // 20 bytes of é plus two quotes;
    expect(jsonValueIssues('é'.repeat(10), 'result', 21)).toEqual([
      expect.objectContaining({ path: 'result', code: 'too_big' }),
    ]);
  });
});
