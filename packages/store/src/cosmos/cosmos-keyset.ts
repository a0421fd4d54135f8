/**
 * Keyset pagination over Cosmos using only single-property `ORDER BY` clauses.
 *
 * Why: Cosmos serves `ORDER BY a, b` only from a composite index declared for exactly that shape,
 * while the port lets callers sort on any fields (`id`, then `pk`, break ties). So the adapter never
 * sends a multi-property ORDER BY; a page is assembled from queries that each sort on one property:
 *
 * - the total order is the one every adapter shares (`sort-key.ts`): missing < null < booleans <
 *   numbers < strings < arrays/objects, key by key, then `id`, then `pk`;
 * - at key level i, missing values form one tie group, arrays/objects another, and the scalars are
 *   fetched with `TOP n … WHERE IS_PRIMITIVE(ki) ORDER BY ki` (Cosmos orders scalars by type, then
 *   value). Every value before the last one returned is complete and its ties are sorted in memory
 *   by the remaining keys; the last value's tie group may be cut off, so it (like each tie group)
 *   continues one level deeper with `ki = value` as an equality prefix;
 * - a cursor holds the sort keys of the last document returned; resuming walks the levels from the
 *   deepest (same k1..kn-1, greater kn) up to the first (greater k1).
 *
 * Every document is returned exactly once however many share a sort value.
 */
import type { SqlQuerySpec } from '@azure/cosmos';
import type { SortField } from '../query-validate.js';
import { compareSortKeys, SORT_RANK, type SortKey, sortKeyOf } from '../sort-key.js';
import { fieldAccessor, readStoredField, SqlParameters } from './cosmos-sql.js';

/** A document as Cosmos returns it. */
export type RawDocument = Record<string, unknown> & { id: string; pk: string };

export interface PlanKey {
  field: string;
  descending: boolean;
  /** `id` and `pk`: always strings, so only the scalar segment can hold documents. */
  alwaysString: boolean;
}

export interface OrderPlan {
  /** Every sort key, ending with the tie-breakers that make the order total. */
  keys: PlanKey[];
}

/** The sort keys of the last document of a page. */
export type KeysetPosition = SortKey[];

export interface KeysetSource {
  plan: OrderPlan;
  /** Conditions every query carries (partition, caller filter, expiry), added to `params`. */
  base(params: SqlParameters): string[];
  /** Runs a query and returns all its rows (every query has a `TOP`). */
  run(query: SqlQuerySpec): Promise<RawDocument[]>;
}

/**
 * The caller's sort fields, then `id` ascending and (across partitions, where ids may repeat)
 * `pk` ascending. A field already sorted on is dropped when it comes again: its ties are equal.
 */
export function planOrder(orderBy: SortField[], singlePartition: boolean): OrderPlan {
  const all = [...orderBy, { field: 'id', direction: 'asc' }];
  if (!singlePartition) all.push({ field: 'pk', direction: 'asc' });
  const keys: PlanKey[] = [];
  const seen = new Set<string>();
  for (const { field, direction } of all) {
    if (seen.has(field)) continue;
    seen.add(field);
    keys.push({ field, descending: direction === 'desc', alwaysString: field === 'id' || field === 'pk' });
    // Once the keys identify a document, later keys can no longer break a tie.
    if (seen.has('id') && (singlePartition || seen.has('pk'))) break;
  }
  return { keys };
}

export function sortKeyAt(doc: Record<string, unknown>, field: string): SortKey {
  return sortKeyOf(readStoredField(doc, field));
}

/** Compares two documents on the plan's keys from `level` on. */
export function compareFrom(plan: OrderPlan, level: number, a: RawDocument, b: RawDocument): number {
  for (let index = level; index < plan.keys.length; index += 1) {
    const key = plan.keys[index]!;
    const order = compareSortKeys(sortKeyAt(a, key.field), sortKeyAt(b, key.field));
    if (order !== 0) return key.descending ? -order : order;
  }
  return 0;
}

export function positionOf(plan: OrderPlan, doc: RawDocument): KeysetPosition {
  return plan.keys.map((key) => sortKeyAt(doc, key.field));
}

const RANK_CHECKS: Readonly<Record<number, string>> = {
  [SORT_RANK.null]: 'IS_NULL',
  [SORT_RANK.boolean]: 'IS_BOOL',
  [SORT_RANK.number]: 'IS_NUMBER',
  [SORT_RANK.string]: 'IS_STRING',
};
const SCALAR_RANKS = [SORT_RANK.null, SORT_RANK.boolean, SORT_RANK.number, SORT_RANK.string];

function isScalarRank(rank: number): boolean {
  return rank >= SORT_RANK.null && rank <= SORT_RANK.string;
}

function scalarOf(key: SortKey): string | number | boolean {
  return key[0] === SORT_RANK.boolean ? key[1] === 1 : key[1];
}

/** `accessor` has the sort key `key` (a whole tie group for missing and arrays/objects). */
export function equalsCondition(accessor: string, key: SortKey, params: SqlParameters): string {
  switch (key[0]) {
    case SORT_RANK.missing:
      return `NOT IS_DEFINED(${accessor})`;
    case SORT_RANK.null:
      return `IS_NULL(${accessor})`;
    case SORT_RANK.structured:
      return `(IS_ARRAY(${accessor}) OR IS_OBJECT(${accessor}))`;
    default:
      return `${accessor} = ${params.add(scalarOf(key))}`;
  }
}

/**
 * Scalars strictly after the scalar sort key `key` in the key's direction: a later value of the
 * same type, or any value of a later scalar type.
 */
export function afterCondition(
  accessor: string,
  key: SortKey,
  descending: boolean,
  params: SqlParameters,
): string {
  const [rank] = key;
  const alternatives: string[] = [];
  if (rank !== SORT_RANK.null) {
    const operator = descending ? '<' : '>';
    alternatives.push(
      `(${RANK_CHECKS[rank]}(${accessor}) AND ${accessor} ${operator} ${params.add(scalarOf(key))})`,
    );
  }
  for (const other of SCALAR_RANKS) {
    if (descending ? other < rank : other > rank) alternatives.push(`${RANK_CHECKS[other]}(${accessor})`);
  }
  return alternatives.length === 0 ? 'false' : `(${alternatives.join(' OR ')})`;
}

function prefixConditions(plan: OrderPlan, prefix: SortKey[], params: SqlParameters): string[] {
  return prefix.map((key, index) => equalsCondition(fieldAccessor(plan.keys[index]!.field), key, params));
}

/** The query for the scalar values of key `level` (equal to `prefix` before it), optionally after `after`. */
export function scalarLevelQuery(
  source: Pick<KeysetSource, 'plan' | 'base'>,
  level: number,
  prefix: SortKey[],
  after: SortKey | undefined,
  limit: number,
): SqlQuerySpec {
  const params = new SqlParameters();
  const { plan } = source;
  const key = plan.keys[level]!;
  const accessor = fieldAccessor(key.field);
  const conditions = [...source.base(params), ...prefixConditions(plan, prefix, params)];
  if (!key.alwaysString) conditions.push(`IS_PRIMITIVE(${accessor})`);
  if (after) conditions.push(afterCondition(accessor, after, key.descending, params));
  const top = params.add(limit);
  return params.query(
    `SELECT TOP ${top} * FROM c WHERE ${conditions.join(' AND ')} ORDER BY ${accessor} ${key.descending ? 'DESC' : 'ASC'}`,
  );
}

async function fetchScalars(
  source: KeysetSource,
  level: number,
  prefix: SortKey[],
  after: SortKey | undefined,
  limit: number,
): Promise<RawDocument[]> {
  const { plan } = source;
  const field = plan.keys[level]!.field;
  const rows = await source.run(scalarLevelQuery(source, level, prefix, after, limit));
  const byRemainingKeys = (a: RawDocument, b: RawDocument) => compareFrom(plan, level, a, b);
  // At the last key every value is its own group; elsewhere a full page may cut the last value's ties.
  if (rows.length < limit || level === plan.keys.length - 1) return rows.sort(byRemainingKeys);
  const last = sortKeyAt(rows[rows.length - 1]!, field);
  const complete = rows.filter((row) => compareSortKeys(sortKeyAt(row, field), last) !== 0);
  const ties = await fetchLevel(source, level + 1, [...prefix, last], undefined, limit - complete.length);
  return [...complete.sort(byRemainingKeys), ...ties];
}

type Segment = SortKey | 'scalars';
const ASCENDING_SEGMENTS: readonly Segment[] = [[SORT_RANK.missing, 0], 'scalars', [SORT_RANK.structured, 0]];
const DESCENDING_SEGMENTS: readonly Segment[] = [...ASCENDING_SEGMENTS].reverse();

/**
 * Up to `limit` documents in plan order among those whose first `level` keys equal `prefix` and,
 * when `after` is given, whose key `level` comes strictly after it.
 */
async function fetchLevel(
  source: KeysetSource,
  level: number,
  prefix: SortKey[],
  after: SortKey | undefined,
  limit: number,
): Promise<RawDocument[]> {
  const { plan } = source;
  if (level === plan.keys.length) {
    // Equal on every key: at most one document, which the caller's page was cut at.
    const params = new SqlParameters();
    const conditions = [...source.base(params), ...prefixConditions(plan, prefix, params)];
    const top = params.add(limit);
    return source.run(params.query(`SELECT TOP ${top} * FROM c WHERE ${conditions.join(' AND ')}`));
  }
  const key = plan.keys[level]!;
  const isLater = (rank: number, than: number) => (key.descending ? rank < than : rank > than);
  const results: RawDocument[] = [];
  for (const segment of key.descending ? DESCENDING_SEGMENTS : ASCENDING_SEGMENTS) {
    const remaining = limit - results.length;
    if (remaining <= 0) break;
    if (segment === 'scalars') {
      if (after === undefined || !isScalarRank(after[0])) {
        // No bound, or the bound is a tie group: all scalars follow it or none do.
        if (after !== undefined && !SCALAR_RANKS.some((rank) => isLater(rank, after[0]))) continue;
        results.push(...(await fetchScalars(source, level, prefix, undefined, remaining)));
      } else {
        results.push(...(await fetchScalars(source, level, prefix, after, remaining)));
      }
    } else {
      if (key.alwaysString) continue;
      if (after !== undefined && !isLater(segment[0], after[0])) continue;
      results.push(...(await fetchLevel(source, level + 1, [...prefix, segment], undefined, remaining)));
    }
  }
  return results;
}

/**
 * The next `limit` documents after `after` (from the start when omitted), and whether more follow
 * (one extra document is fetched to know).
 */
export async function fetchKeysetPage(
  source: KeysetSource,
  limit: number,
  after?: KeysetPosition,
): Promise<{ items: RawDocument[]; hasMore: boolean }> {
  const wanted = limit + 1;
  const rows: RawDocument[] = [];
  if (after === undefined) {
    rows.push(...(await fetchLevel(source, 0, [], undefined, wanted)));
  } else {
    for (let level = source.plan.keys.length - 1; level >= 0 && rows.length < wanted; level -= 1) {
      rows.push(
        ...(await fetchLevel(source, level, after.slice(0, level), after[level], wanted - rows.length)),
      );
    }
  }
  return { items: rows.slice(0, limit), hasMore: rows.length > limit };
}
