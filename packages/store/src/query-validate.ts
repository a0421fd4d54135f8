/**
 * Validates a `QuerySpec` before any adapter touches it: page size, partition key, sort fields and
 * the filter tree. Field paths must match `FIELD_PATH_PATTERN`, so no field name can smuggle SQL
 * (or Cosmos SQL) into a query. Failures are `ValidationError`s listing each offending argument.
 */
import type { FieldIssue } from '@groundwork/errors';
import { ValidationError } from '@groundwork/errors';
import { FIELD_PATH_PATTERN, isValidFieldPath } from './field-path.js';
import type { Filter, OrderBy, QuerySpec, Scalar } from './types.js';

export { FIELD_PATH_PATTERN };

export const DEFAULT_QUERY_LIMIT = 100;
export const MAX_QUERY_LIMIT = 1000;
export const MAX_ORDER_BY_FIELDS = 8;
export const MAX_FILTER_DEPTH = 16;
export const MAX_FILTER_CONDITIONS = 256;
export const MAX_IN_VALUES = 1000;

const COMPARISON_OPS = new Set(['eq', 'ne', 'lt', 'lte', 'gt', 'gte']);

export interface SortField {
  field: string;
  direction: 'asc' | 'desc';
}

/** A checked query: defaults applied, `orderBy` normalized (the id/pk tie-breakers are implicit). */
export interface ValidatedQuery {
  pk?: string;
  where?: Filter;
  orderBy: SortField[];
  limit: number;
  cursor?: string;
}

export interface ValidatedCount {
  pk?: string;
  where?: Filter;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isScalar(value: unknown): value is Scalar {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

interface FilterWalk {
  issues: FieldIssue[];
  conditions: number;
}

function checkFilter(filter: unknown, path: string, depth: number, walk: FilterWalk): void {
  if (!isRecord(filter)) {
    walk.issues.push({ path, message: 'A filter must be an object.', code: 'invalid_type' });
    return;
  }
  if (depth > MAX_FILTER_DEPTH) {
    walk.issues.push({ path, message: `Filters nest at most ${MAX_FILTER_DEPTH} levels.`, code: 'too_deep' });
    return;
  }
  for (const combinator of ['and', 'or'] as const) {
    if (combinator in filter) {
      const children = filter[combinator];
      if (!Array.isArray(children)) {
        walk.issues.push({
          path: `${path}.${combinator}`,
          message: 'Must be an array of filters.',
          code: 'invalid_type',
        });
        return;
      }
      children.forEach((child, index) => {
        checkFilter(child, `${path}.${combinator}.${index}`, depth + 1, walk);
      });
      return;
    }
  }
  walk.conditions += 1;
  if (walk.conditions === MAX_FILTER_CONDITIONS + 1) {
    walk.issues.push({
      path,
      message: `A filter holds at most ${MAX_FILTER_CONDITIONS} conditions.`,
      code: 'too_many',
    });
  }
  if (!isValidFieldPath(filter.field)) {
    walk.issues.push({
      path: `${path}.field`,
      message: 'Field paths are dotted identifiers such as "status" or "owner.id".',
      code: 'invalid_field_path',
    });
  }
  const op = filter.op;
  if (typeof op === 'string' && COMPARISON_OPS.has(op)) {
    if (!isScalar(filter.value)) {
      walk.issues.push({
        path: `${path}.value`,
        message: 'Must be a string, a finite number, a boolean or null.',
        code: 'invalid_type',
      });
    }
  } else if (op === 'in') {
    const values = filter.values;
    if (!Array.isArray(values) || !values.every(isScalar)) {
      walk.issues.push({
        path: `${path}.values`,
        message: 'Must be an array of JSON scalars.',
        code: 'invalid_type',
      });
    } else if (values.length > MAX_IN_VALUES) {
      walk.issues.push({
        path: `${path}.values`,
        message: `At most ${MAX_IN_VALUES} values.`,
        code: 'too_many',
      });
    }
  } else if (op === 'startsWith') {
    if (typeof filter.value !== 'string') {
      walk.issues.push({ path: `${path}.value`, message: 'Must be a string.', code: 'invalid_type' });
    }
  } else {
    walk.issues.push({
      path: `${path}.op`,
      message: 'Must be one of eq, ne, lt, lte, gt, gte, in, startsWith.',
      code: 'invalid_operator',
    });
  }
}

/** The issues of a filter tree (empty when valid). `path` prefixes each issue path. */
export function filterIssues(filter: unknown, path = 'where'): FieldIssue[] {
  const walk: FilterWalk = { issues: [], conditions: 0 };
  checkFilter(filter, path, 1, walk);
  return walk.issues;
}

/** Throws `ValidationError` unless `filter` is a well-formed `Filter`. */
export function assertValidFilter(filter: unknown, path = 'where'): asserts filter is Filter {
  const issues = filterIssues(filter, path);
  if (issues.length > 0) throw new ValidationError(issues, 'The query filter is invalid.');
}

function checkPartition(pk: unknown, issues: FieldIssue[]): void {
  if (pk !== undefined && typeof pk !== 'string') {
    issues.push({ path: 'pk', message: 'The partition key must be a string.', code: 'invalid_type' });
  }
}

function checkOrderBy(orderBy: unknown, issues: FieldIssue[]): SortField[] {
  if (orderBy === undefined) return [];
  if (!Array.isArray(orderBy)) {
    issues.push({
      path: 'orderBy',
      message: 'Must be an array of { field, direction }.',
      code: 'invalid_type',
    });
    return [];
  }
  if (orderBy.length > MAX_ORDER_BY_FIELDS) {
    issues.push({
      path: 'orderBy',
      message: `At most ${MAX_ORDER_BY_FIELDS} sort fields.`,
      code: 'too_many',
    });
  }
  const fields: SortField[] = [];
  orderBy.forEach((entry: unknown, index) => {
    const item: Partial<OrderBy> = isRecord(entry) ? entry : {};
    if (!isValidFieldPath(item.field)) {
      issues.push({
        path: `orderBy.${index}.field`,
        message: 'Field paths are dotted identifiers such as "status" or "owner.id".',
        code: 'invalid_field_path',
      });
      return;
    }
    const direction = item.direction ?? 'asc';
    if (direction !== 'asc' && direction !== 'desc') {
      issues.push({
        path: `orderBy.${index}.direction`,
        message: 'Must be "asc" or "desc".',
        code: 'invalid_enum',
      });
      return;
    }
    fields.push({ field: item.field, direction });
  });
  return fields;
}

/** Validates a query and applies defaults; throws `ValidationError` listing every problem. */
export function validateQuerySpec(spec: QuerySpec = {}): ValidatedQuery {
  const issues: FieldIssue[] = [];
  checkPartition(spec.pk, issues);
  const limit = spec.limit ?? DEFAULT_QUERY_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_QUERY_LIMIT) {
    issues.push({
      path: 'limit',
      message: `Must be a whole number from 1 to ${MAX_QUERY_LIMIT}.`,
      code: 'out_of_range',
    });
  }
  const orderBy = checkOrderBy(spec.orderBy, issues);
  if (spec.where !== undefined) issues.push(...filterIssues(spec.where));
  if (spec.cursor !== undefined && (typeof spec.cursor !== 'string' || spec.cursor.length === 0)) {
    issues.push({
      path: 'cursor',
      message: 'The cursor is not valid for this query.',
      code: 'invalid_cursor',
    });
  }
  if (issues.length > 0) throw new ValidationError(issues, 'The query is invalid.');
  const validated: ValidatedQuery = { orderBy, limit };
  if (spec.pk !== undefined) validated.pk = spec.pk;
  if (spec.where !== undefined) validated.where = spec.where;
  if (spec.cursor !== undefined) validated.cursor = spec.cursor;
  return validated;
}

/** Validates the `pk`/`where` part of a count. */
export function validateCountSpec(spec: Pick<QuerySpec, 'pk' | 'where'> = {}): ValidatedCount {
  const issues: FieldIssue[] = [];
  checkPartition(spec.pk, issues);
  if (spec.where !== undefined) issues.push(...filterIssues(spec.where));
  if (issues.length > 0) throw new ValidationError(issues, 'The query is invalid.');
  const validated: ValidatedCount = {};
  if (spec.pk !== undefined) validated.pk = spec.pk;
  if (spec.where !== undefined) validated.where = spec.where;
  return validated;
}
