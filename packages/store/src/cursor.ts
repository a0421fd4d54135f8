/**
 * Opaque continuation cursors: base64url of a small JSON payload with a version, a fingerprint of
 * the query it belongs to, the position of the last returned document (its sort keys, id and pk)
 * or an adapter's native continuation token, and a checksum. Decoding checks every part, so a
 * truncated, edited or foreign cursor fails with `ValidationError` (`validation_failed`, issue on
 * `cursor`) instead of silently returning the wrong page.
 */
import { createHash } from 'node:crypto';
import { ValidationError } from '@groundwork/errors';
import { readField } from './field-path.js';
import type { SortField } from './query-validate.js';
import { isSortKey, type SortKey, sortKeyOf } from './sort-key.js';
import type { Filter } from './types.js';

/** Where the previous page ended: the last document's sort keys (one per orderBy field), id and pk. */
export interface CursorPosition {
  keys: SortKey[];
  id: string;
  pk: string;
}

export type CursorState =
  | { fingerprint: string; after: CursorPosition }
  | { fingerprint: string; token: string };

const CURSOR_VERSION = 1;
const MAX_CURSOR_LENGTH = 16_384;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

function digest(text: string, length: number): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, length);
}

type CanonicalFilter = unknown[];

/** A key-order-independent form of a filter, so equal filters always fingerprint equally. */
function canonicalFilter(filter: Filter): CanonicalFilter {
  if ('and' in filter) return ['and', filter.and.map(canonicalFilter)];
  if ('or' in filter) return ['or', filter.or.map(canonicalFilter)];
  if (filter.op === 'in') return [filter.field, 'in', filter.values];
  return [filter.field, filter.op, filter.value];
}

/** Identifies a query (partition, filter, order) so a cursor is only accepted by the query that made it. */
export function queryFingerprint(query: { pk?: string; where?: Filter; orderBy: SortField[] }): string {
  const canonical = [
    query.pk ?? null,
    query.where === undefined ? null : canonicalFilter(query.where),
    query.orderBy.map((sort) => [sort.field, sort.direction]),
  ];
  return digest(JSON.stringify(canonical), 16);
}

/** The cursor position of a document in a query ordered by `orderBy`. */
export function cursorPositionOf(doc: object, orderBy: SortField[]): CursorPosition {
  const record = doc as Record<string, unknown>;
  return {
    keys: orderBy.map((sort) => sortKeyOf(readField(record, sort.field))),
    id: String(record.id),
    pk: String(record.pk),
  };
}

export function encodeCursor(state: CursorState): string {
  const body =
    'after' in state
      ? { v: CURSOR_VERSION, f: state.fingerprint, k: state.after.keys, i: state.after.id, p: state.after.pk }
      : { v: CURSOR_VERSION, f: state.fingerprint, t: state.token };
  const json = JSON.stringify(body);
  const payload = { ...body, s: digest(json, 12) };
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

export function invalidCursorError(reason = 'The cursor is not valid for this query.'): ValidationError {
  return new ValidationError([{ path: 'cursor', message: reason, code: 'invalid_cursor' }], reason);
}

function parsePayload(raw: string): Record<string, unknown> {
  if (raw.length === 0 || raw.length > MAX_CURSOR_LENGTH || !BASE64URL.test(raw)) throw invalidCursorError();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursorError();
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalidCursorError();
  return parsed as Record<string, unknown>;
}

/**
 * Decodes and checks a cursor against the query it is used with. `sortFields` is the number of
 * orderBy fields the query has (checked for position cursors).
 */
export function decodeCursor(
  raw: unknown,
  expected: { fingerprint: string; sortFields?: number },
): CursorState {
  if (typeof raw !== 'string') throw invalidCursorError();
  const { s, ...body } = parsePayload(raw);
  if (typeof s !== 'string' || s !== digest(JSON.stringify(body), 12)) throw invalidCursorError();
  if (body.v !== CURSOR_VERSION) throw invalidCursorError();
  if (body.f !== expected.fingerprint) throw invalidCursorError('The cursor belongs to a different query.');
  if (typeof body.t === 'string' && body.t.length > 0 && !('k' in body)) {
    return { fingerprint: body.f, token: body.t };
  }
  const { k: keys, i: id, p: pk } = body;
  if (
    !Array.isArray(keys) ||
    !keys.every(isSortKey) ||
    (expected.sortFields !== undefined && keys.length !== expected.sortFields) ||
    typeof id !== 'string' ||
    id.length === 0 ||
    typeof pk !== 'string'
  ) {
    throw invalidCursorError();
  }
  return { fingerprint: body.f, after: { keys, id, pk } };
}
