/**
 * Evaluates a `Filter` against a JSON document with the port's semantics: a comparison only
 * matches a value of the same JSON type as the operand (booleans order false < true, strings by
 * code point, null equals only null and has no order), and a missing field matches nothing, not
 * even `ne`. Objects and arrays never match a comparison. Used by the memory adapter and by tests
 * that cross-check the other adapters.
 */
import { readField } from './field-path.js';
import { compareStrings } from './sort-key.js';
import type { Filter, Scalar } from './types.js';

/** `actual` compared with `expected` (-1, 0, 1), or `undefined` when their JSON types differ. */
export function compareSameType(actual: unknown, expected: Scalar): number | undefined {
  if (expected === null) return actual === null ? 0 : undefined;
  if (typeof actual !== typeof expected) return undefined;
  if (typeof actual === 'string' && typeof expected === 'string') return compareStrings(actual, expected);
  if (typeof actual === 'number' && typeof expected === 'number') {
    return actual === expected ? 0 : actual < expected ? -1 : 1;
  }
  if (typeof actual === 'boolean' && typeof expected === 'boolean') {
    return actual === expected ? 0 : actual ? 1 : -1;
  }
  return undefined;
}

function nullComparison(actual: unknown, op: 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte'): boolean {
  // null has no order: it equals null (so eq, lte and gte match) and nothing is below or above it.
  return actual === null && (op === 'eq' || op === 'lte' || op === 'gte');
}

export function matchesFilter(doc: Record<string, unknown>, filter: Filter): boolean {
  if ('and' in filter) return filter.and.every((inner) => matchesFilter(doc, inner));
  if ('or' in filter) return filter.or.some((inner) => matchesFilter(doc, inner));
  const actual = readField(doc, filter.field);
  if (actual === undefined) return false;
  switch (filter.op) {
    case 'in':
      return filter.values.some((value) => compareSameType(actual, value) === 0);
    case 'startsWith':
      return typeof actual === 'string' && actual.startsWith(filter.value);
    default: {
      if (filter.value === null) return nullComparison(actual, filter.op);
      const order = compareSameType(actual, filter.value);
      if (order === undefined) return false;
      switch (filter.op) {
        case 'eq':
          return order === 0;
        case 'ne':
          return order !== 0;
        case 'lt':
          return order < 0;
        case 'lte':
          return order <= 0;
        case 'gt':
          return order > 0;
        case 'gte':
          return order >= 0;
      }
    }
  }
}
