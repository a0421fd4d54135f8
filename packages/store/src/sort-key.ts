/**
 * A total order over JSON values for `orderBy`, shared by every adapter and by cursors:
 * missing < null < booleans (false < true) < numbers < strings (code point order) < arrays/objects
 * (which all sort equal). A sort key is `[rank, value]`; within one rank values share one type.
 */

export const SORT_RANK = {
  missing: 0,
  null: 1,
  boolean: 2,
  number: 3,
  string: 4,
  structured: 5,
} as const;

export type SortRank = (typeof SORT_RANK)[keyof typeof SORT_RANK];

/** `[rank, value]`: value is 0/1 for booleans, the number, the string, or 0 for the other ranks. */
export type SortKey = [rank: SortRank, value: number | string];

export function sortKeyOf(value: unknown): SortKey {
  if (value === undefined) return [SORT_RANK.missing, 0];
  if (value === null) return [SORT_RANK.null, 0];
  if (typeof value === 'boolean') return [SORT_RANK.boolean, value ? 1 : 0];
  if (typeof value === 'number') return [SORT_RANK.number, value];
  if (typeof value === 'string') return [SORT_RANK.string, value];
  return [SORT_RANK.structured, 0];
}

/** Maps a UTF-16 code unit so that surrogates (code points above U+FFFF) sort after U+E000..U+FFFF. */
function codePointOrder(unit: number): number {
  if (unit < 0xd800) return unit;
  return unit >= 0xe000 ? unit - 0x800 : unit + 0x2000;
}

/**
 * Compares strings by Unicode code point, the order SQLite (UTF-8 BINARY) and Cosmos use; plain
 * `<` in JavaScript compares UTF-16 code units, which differs above U+FFFF.
 */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointOrder(x) < codePointOrder(y) ? -1 : 1;
  }
  return a.length < b.length ? -1 : 1;
}

export function compareSortKeys(a: SortKey, b: SortKey): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  const x = a[1];
  const y = b[1];
  if (typeof x === 'string' && typeof y === 'string') return compareStrings(x, y);
  if (typeof x === 'number' && typeof y === 'number') return x === y ? 0 : x < y ? -1 : 1;
  return 0;
}

/** Whether `key` is a well-formed sort key (used to check decoded cursors). */
export function isSortKey(key: unknown): key is SortKey {
  if (!Array.isArray(key) || key.length !== 2) return false;
  const [rank, value] = key as unknown[];
  switch (rank) {
    case SORT_RANK.boolean:
      return value === 0 || value === 1;
    case SORT_RANK.number:
      return typeof value === 'number' && Number.isFinite(value);
    case SORT_RANK.string:
      return typeof value === 'string';
    case SORT_RANK.missing:
    case SORT_RANK.null:
    case SORT_RANK.structured:
      return value === 0;
    default:
      return false;
  }
}
