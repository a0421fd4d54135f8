/**
 * Compiles a `Filter` to a SQLite boolean expression over a JSON text column. Every value and
 * every JSON path travels as a bound parameter; field paths are validated identifiers besides.
 * Each comparison first checks `json_type`, so it only matches a value of the operand's JSON type
 * (SQLite would otherwise compare 1 with true, or "1" with 1), and a missing field (json_type NULL)
 * matches nothing, not even `ne`.
 */
import { ValidationError } from '@groundwork/errors';
import { toJsonPath } from '../field-path.js';
import { filterIssues } from '../query-validate.js';
import type { Filter, Scalar } from '../types.js';

export type SqlParam = string | number | null;

export interface SqlFragment {
  sql: string;
  params: SqlParam[];
}

const OPERATORS = { eq: '=', ne: '<>', lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;
const SAFE_COLUMN = /^[a-z_][a-z0-9_]*$/;

const TYPE_GUARD = {
  string: "= 'text'",
  number: "IN ('integer', 'real')",
  boolean: "IN ('true', 'false')",
} as const;

/** Collects SQL text and its positional parameters in the order they appear. */
class FilterCompiler {
  readonly params: SqlParam[] = [];

  constructor(
    private readonly column: string,
    private readonly inlinePaths: boolean,
  ) {}

  /** A JSON path as a bound parameter, or inline (validated identifiers only) so expression indexes match. */
  private pathSql(path: string): string {
    return this.inlinePaths ? `'${path}'` : this.param(path);
  }

  private param(value: SqlParam): string {
    this.params.push(value);
    return '?';
  }

  private type(path: string): string {
    return `json_type(${this.column}, ${this.pathSql(path)})`;
  }

  private value(path: string): string {
    return `json_extract(${this.column}, ${this.pathSql(path)})`;
  }

  compile(filter: Filter): string {
    if ('and' in filter) {
      if (filter.and.length === 0) return '1';
      return `(${filter.and.map((inner) => this.compile(inner)).join(' AND ')})`;
    }
    if ('or' in filter) {
      if (filter.or.length === 0) return '0';
      return `(${filter.or.map((inner) => this.compile(inner)).join(' OR ')})`;
    }
    const path = toJsonPath(filter.field);
    switch (filter.op) {
      case 'in':
        return this.in(path, filter.values);
      case 'startsWith': {
        const type = this.type(path);
        const value = this.value(path);
        const length = this.param(filter.value);
        return `(${type} = 'text' AND substr(${value}, 1, length(${length})) = ${this.param(filter.value)})`;
      }
      default:
        return this.compare(path, filter.op, filter.value);
    }
  }

  private compare(path: string, op: keyof typeof OPERATORS, value: Scalar): string {
    if (value === null) {
      // null has no order: it equals only null, so eq/lte/gte match null and the rest match nothing.
      return op === 'eq' || op === 'lte' || op === 'gte' ? `(${this.type(path)} = 'null')` : '0';
    }
    const guard = TYPE_GUARD[typeof value as 'string' | 'number' | 'boolean'];
    const operand = typeof value === 'boolean' ? (value ? 1 : 0) : value;
    const type = this.type(path);
    const extracted = this.value(path);
    return `(${type} ${guard} AND ${extracted} ${OPERATORS[op]} ${this.param(operand)})`;
  }

  private in(path: string, values: Scalar[]): string {
    const strings = values.filter((value): value is string => typeof value === 'string');
    const numbers = values.filter((value): value is number => typeof value === 'number');
    const parts: string[] = [];
    for (const [group, guard] of [
      [strings, TYPE_GUARD.string],
      [numbers, TYPE_GUARD.number],
    ] as const) {
      if (group.length === 0) continue;
      // Parameters are positional: emit them in the order they appear in the text.
      const type = this.type(path);
      const value = this.value(path);
      const list = group.map((item) => this.param(item)).join(', ');
      parts.push(`(${type} ${guard} AND ${value} IN (${list}))`);
    }
    for (const literal of [true, false, null] as const) {
      if (values.includes(literal)) parts.push(`(${this.type(path)} = '${String(literal)}')`);
    }
    return parts.length === 0 ? '0' : `(${parts.join(' OR ')})`;
  }
}

/**
 * Compiles `filter` to SQL over the JSON text in `column`. Validates the filter first, so a field
 * path that is not a dotted identifier is a `ValidationError` even when called directly. With
 * `inlinePaths`, JSON paths are written into the SQL text (they are validated identifiers), so
 * SQLite can match them against expression indexes.
 */
export function compileFilter(filter: Filter, column = 'body', inlinePaths = false): SqlFragment {
  if (!SAFE_COLUMN.test(column)) throw new Error(`Unsafe column name ${JSON.stringify(column)}.`);
  const issues = filterIssues(filter);
  if (issues.length > 0) throw new ValidationError(issues, 'The query filter is invalid.');
  const compiler = new FilterCompiler(column, inlinePaths);
  const sql = compiler.compile(filter);
  return { sql, params: compiler.params };
}
