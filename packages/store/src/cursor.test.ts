import { describe, expect, it } from 'vitest';
import { cursorPositionOf, decodeCursor, encodeCursor, queryFingerprint } from './cursor.js';
import { SORT_RANK } from './sort-key.js';

const orderBy = [
  { field: 'score', direction: 'desc' as const },
  { field: 'owner.name', direction: 'asc' as const },
];
const fingerprint = queryFingerprint({ pk: 't1', orderBy });

function cursorIssue(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    expect(error).toMatchObject({ status: 400, code: 'validation_failed', name: 'ValidationError' });
    expect(error).toMatchObject({ issues: [expect.objectContaining({ path: 'cursor' })] });
    return;
  }
  throw new Error('expected a ValidationError');
}

describe('cursor', () => {
  it('round-trips a keyset position as an opaque base64url string', () => {
    const after = cursorPositionOf({ id: 'd1', pk: 't1', score: 7, owner: { name: 'ann' } }, orderBy);
    expect(after).toEqual({
      keys: [
        [SORT_RANK.number, 7],
        [SORT_RANK.string, 'ann'],
      ],
      id: 'd1',
      pk: 't1',
    });
    const cursor = encodeCursor({ fingerprint, after });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, { fingerprint, sortFields: 2 })).toEqual({ fingerprint, after });
  });

  it('round-trips a native continuation token', () => {
    const cursor = encodeCursor({ fingerprint, token: '{"token":"+RID:abc"}' });
    expect(decodeCursor(cursor, { fingerprint })).toEqual({ fingerprint, token: '{"token":"+RID:abc"}' });
  });

  it('records missing, null, boolean and structured values by rank', () => {
    const position = cursorPositionOf({ id: 'x', pk: 'p', a: null, b: true, c: [1] }, [
      { field: 'a', direction: 'asc' },
      { field: 'b', direction: 'asc' },
      { field: 'c', direction: 'asc' },
      { field: 'd', direction: 'asc' },
    ]);
    expect(position.keys).toEqual([
      [SORT_RANK.null, 0],
      [SORT_RANK.boolean, 1],
      [SORT_RANK.structured, 0],
      [SORT_RANK.missing, 0],
    ]);
  });

  it('fingerprints equal queries equally regardless of key order, and different ones differently', () => {
    const a = queryFingerprint({ where: { field: 's', op: 'eq', value: 1 }, orderBy: [] });
    const b = queryFingerprint({ where: { value: 1, op: 'eq', field: 's' }, orderBy: [] });
    expect(a).toBe(b);
    expect(queryFingerprint({ where: { field: 's', op: 'eq', value: '1' }, orderBy: [] })).not.toBe(a);
    expect(queryFingerprint({ pk: 't2', orderBy })).not.toBe(fingerprint);
  });

  it('rejects garbage, tampering, foreign queries and wrong shapes', () => {
    const good = encodeCursor({
      fingerprint,
      after: {
        keys: [
          [3, 1],
          [4, 'a'],
        ],
        id: 'd',
        pk: 't1',
      },
    });
    cursorIssue(() => decodeCursor('', { fingerprint }));
    cursorIssue(() => decodeCursor('not a cursor!', { fingerprint }));
    cursorIssue(() => decodeCursor(42, { fingerprint }));
    cursorIssue(() => decodeCursor(Buffer.from('[1,2]').toString('base64url'), { fingerprint }));
    cursorIssue(() => decodeCursor(Buffer.from('{"v":1}').toString('base64url'), { fingerprint }));
    cursorIssue(() => decodeCursor(good.slice(0, -3), { fingerprint }));
    cursorIssue(() => decodeCursor(good, { fingerprint: 'another-query' }));
    cursorIssue(() => decodeCursor(good, { fingerprint, sortFields: 1 }));
    // Edit the payload but keep it well-formed JSON: the checksum no longer matches.
    const payload = JSON.parse(Buffer.from(good, 'base64url').toString('utf8')) as Record<string, unknown>;
    const edited = Buffer.from(JSON.stringify({ ...payload, i: 'other' })).toString('base64url');
    cursorIssue(() => decodeCursor(edited, { fingerprint }));
  });

  it('rejects sort keys whose value does not fit the rank', () => {
    const bad = encodeCursor({
      fingerprint,
      after: { keys: [[3, 'not a number'] as unknown as [3, number], [4, 'a']], id: 'd', pk: 't1' },
    });
    cursorIssue(() => decodeCursor(bad, { fingerprint }));
  });
});
