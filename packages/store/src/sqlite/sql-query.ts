/**
 * Builds the SELECT for a page and the COUNT for a container table. Sorting follows the shared
 * total order of `sort-key.ts`: each orderBy field becomes a rank column (missing, null, boolean,
 * number, string, structured) and a value column, then `id` and `pk` break ties. Pages continue
 * by keyset (rows strictly after the cursor's position in that order, any mix of directions),
 * never by OFFSET, so deep pages cost what the first one does and concurrent writes never shift
 * a page boundary.
 */

import type { CursorPosition } from '../cursor.js';
import { toJsonPath } from '../field-path.js';
import type { SortField, ValidatedCount, ValidatedQuery } from '../query-validate.js';
import { compileFilter, type SqlFragment, type SqlParam } from './sql-filter.js';

const RANK_CASE = (typeColumn: string): string =>
  `CASE ${typeColumn} WHEN 'null' THEN 1 WHEN 'true' THEN 2 WHEN 'false' THEN 2 WHEN 'integer' THEN 3 ` +
  `WHEN 'real' THEN 3 WHEN 'text' THEN 4 WHEN 'array' THEN 5 WHEN 'object' THEN 5 ELSE 0 END`;

const VALUE_CASE = (typeColumn: string, valueColumn: string): string =>
  `CASE WHEN ${typeColumn} IN ('true', 'false', 'integer', 'real', 'text') THEN ${valueColumn} ELSE 0 END`;

/** `(expires_at IS NULL OR expires_at > now) [AND pk = ?] [AND filter]` */
function baseWhere(query: ValidatedCount, now: number, params: SqlParam[]): string {
  const conditions = ['(expires_at IS NULL OR expires_at > ?)'];
  params.push(now);
  if (query.pk !== undefined) {
    conditions.push('pk = ?');
    params.push(query.pk);
  }
  if (query.where !== undefined) {
    const filter = compileFilter(query.where);
    conditions.push(filter.sql);
    params.push(...filter.params);
  }
  return conditions.join(' AND ');
}

interface SortColumn {
  name: string;
  direction: 'asc' | 'desc';
}

function sortColumns(orderBy: SortField[]): SortColumn[] {
  const columns: SortColumn[] = [];
  orderBy.forEach((sort, index) => {
    columns.push(
      { name: `r${index}`, direction: sort.direction },
      { name: `v${index}`, direction: sort.direction },
    );
  });
  columns.push({ name: 'id', direction: 'asc' }, { name: 'pk', direction: 'asc' });
  return columns;
}

/** Rows strictly after `position`: (c1 > a) OR (c1 = a AND c2 > b) OR … with `<` for desc columns. */
function keysetWhere(columns: SortColumn[], position: CursorPosition, params: SqlParam[]): string {
  const values: SqlParam[] = [];
  for (const key of position.keys) values.push(key[0], key[1]);
  values.push(position.id, position.pk);
  const terms: string[] = [];
  for (let k = 0; k < columns.length; k++) {
    const parts: string[] = [];
    for (let j = 0; j < k; j++) {
      parts.push(`${columns[j]?.name} = ?`);
      params.push(values[j] ?? null);
    }
    const column = columns[k] as SortColumn;
    parts.push(`${column.name} ${column.direction === 'asc' ? '>' : '<'} ?`);
    params.push(values[k] ?? null);
    terms.push(`(${parts.join(' AND ')})`);
  }
  return `(${terms.join(' OR ')})`;
}

/**
 * One page of `query` from `table` (a quoted table name): at most `limit + 1` rows, so the caller
 * knows whether another page follows. Selects the JSON `body` of each row.
 */
export function compilePageQuery(
  table: string,
  query: ValidatedQuery,
  now: number,
  after: CursorPosition | undefined,
): SqlFragment {
  const params: SqlParam[] = [];
  const extracted: string[] = [];
  query.orderBy.forEach((sort, index) => {
    const path = toJsonPath(sort.field);
    extracted.push(`json_type(body, ?) AS t${index}`, `json_extract(body, ?) AS x${index}`);
    params.push(path, path);
  });
  const ranked = query.orderBy.map(
    (_, index) =>
      `${RANK_CASE(`t${index}`)} AS r${index}, ${VALUE_CASE(`t${index}`, `x${index}`)} AS v${index}`,
  );
  const inner = `SELECT ${['body', 'id', 'pk', ...extracted].join(', ')} FROM ${table} WHERE ${baseWhere(query, now, params)}`;
  const middle = `SELECT ${['body', 'id', 'pk', ...ranked].join(', ')} FROM (${inner})`;
  const columns = sortColumns(query.orderBy);
  const keyset = after ? ` WHERE ${keysetWhere(columns, after, params)}` : '';
  const order = columns.map((column) => `${column.name} ${column.direction.toUpperCase()}`).join(', ');
  params.push(query.limit + 1);
  return { sql: `SELECT body FROM (${middle})${keyset} ORDER BY ${order} LIMIT ?`, params };
}

/** `SELECT count(*)` of the live rows of `table` matching `query`. */
export function compileCountQuery(table: string, query: ValidatedCount, now: number): SqlFragment {
  const params: SqlParam[] = [];
  const where = baseWhere(query, now, params);
  return { sql: `SELECT count(*) FROM ${table} WHERE ${where}`, params };
}

/**
 * Sort expressions for `field` with its JSON path written inline: the same rank and value the
 * page query sorts by, in the exact text an expression index (`sqlite-schema.ts`) is built on.
 */
export function inlineSortExpressions(field: string): [rank: string, value: string] {
  const path = `'${toJsonPath(field)}'`;
  const type = `json_type(body, ${path})`;
  return [RANK_CASE(type), VALUE_CASE(type, `json_extract(body, ${path})`)];
}

/** `json_extract(body, '$.field')`, as equality filters compile with inline paths. */
export function inlineValueExpression(field: string): string {
  return `json_extract(body, '${toJsonPath(field)}')`;
}

/**
 * The rows `updateMatching` selects: the first page of `query` (same filter and order), as one
 * flat SELECT whose JSON paths are inline, so an index declared in the container's spec serves it.
 */
export function compileMatchQuery(table: string, query: ValidatedQuery, now: number): SqlFragment {
  const params: SqlParam[] = [now];
  const conditions = ['(expires_at IS NULL OR expires_at > ?)'];
  if (query.pk !== undefined) {
    conditions.push('pk = ?');
    params.push(query.pk);
  }
  if (query.where !== undefined) {
    const filter = compileFilter(query.where, 'body', true);
    conditions.push(filter.sql);
    params.push(...filter.params);
  }
  const order: string[] = [];
  for (const sort of query.orderBy) {
    const direction = sort.direction.toUpperCase();
    for (const expression of inlineSortExpressions(sort.field)) order.push(`${expression} ${direction}`);
  }
  order.push('id ASC', 'pk ASC');
  params.push(query.limit);
  return {
    sql: `SELECT body FROM ${table} WHERE ${conditions.join(' AND ')} ORDER BY ${order.join(', ')} LIMIT ?`,
    params,
  };
}
