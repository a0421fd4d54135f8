/**
 * Compiles the port's `Filter` and `QuerySpec` into parameterized Cosmos SQL. Values always travel
 * as `@parameters`; field paths become bracket accessors (`c["owner"]["id"]`) of validated names.
 *
 * Semantics follow the port: a comparison only matches values of the same JSON type as the operand
 * and a missing field matches nothing, not even `ne`. Cosmos's own operators are mostly type-strict
 * already; the explicit `IS_*` guards make `ne` and the ranges behave the same everywhere.
 */
import type { SqlQuerySpec } from '@azure/cosmos';
import type { Filter, QuerySpec } from '../types.js';
import { fieldAccessor, SqlParameters, typeCheck } from './cosmos-sql.js';

const COMPARISONS = { eq: '=', ne: '!=', lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;

export function compileFilter(filter: Filter, params: SqlParameters): string {
  if ('and' in filter) {
    if (filter.and.length === 0) return 'true';
    return `(${filter.and.map((inner) => compileFilter(inner, params)).join(' AND ')})`;
  }
  if ('or' in filter) {
    if (filter.or.length === 0) return 'false';
    return `(${filter.or.map((inner) => compileFilter(inner, params)).join(' OR ')})`;
  }
  const field = fieldAccessor(filter.field);
  switch (filter.op) {
    case 'in': {
      if (filter.values.length === 0) return 'false';
      return `${field} IN (${filter.values.map((value) => params.add(value)).join(', ')})`;
    }
    case 'startsWith':
      return `(IS_STRING(${field}) AND STARTSWITH(${field}, ${params.add(filter.value)}))`;
    default: {
      const operator = COMPARISONS[filter.op];
      if (filter.value === null) {
        // null has no order and equals only itself.
        return filter.op === 'eq' || filter.op === 'lte' || filter.op === 'gte'
          ? `IS_NULL(${field})`
          : 'false';
      }
      return `(${typeCheck(filter.value)}(${field}) AND ${field} ${operator} ${params.add(filter.value)})`;
    }
  }
}

/** Conditions every query of a container carries: partition, caller filter, and not expired. */
export function baseConditions(
  spec: Pick<QuerySpec, 'pk' | 'where'>,
  now: number,
  params: SqlParameters,
): string[] {
  const conditions: string[] = [`(NOT IS_DEFINED(c._expiresAt) OR c._expiresAt > ${params.add(now)})`];
  if (spec.pk !== undefined) conditions.push(`c.pk = ${params.add(spec.pk)}`);
  if (spec.where) conditions.push(compileFilter(spec.where, params));
  return conditions;
}

/** `SELECT VALUE COUNT(1)` over the live documents matching `spec`. */
export function compileCount(spec: Pick<QuerySpec, 'pk' | 'where'>, now: number): SqlQuerySpec {
  const params = new SqlParameters();
  const where = baseConditions(spec, now, params).join(' AND ');
  return params.query(`SELECT VALUE COUNT(1) FROM c WHERE ${where}`);
}
