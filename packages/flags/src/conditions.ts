/**
 * Targeting conditions compiled to closures once per flag version, so an evaluation does no
 * parsing, no regex construction and no allocation: lists become `Set`s, semver ranges are parsed
 * up front and context versions are parsed once per distinct string (a bounded cache).
 *
 * Semantics (documented in docs/modules/flags.md):
 * - a missing attribute (undefined or null) matches no operator except `not_exists`;
 * - on a list attribute (e.g. `roles`) a positive operator matches when any element does, and
 *   `neq` / `not_in` match when no element does; `contains` on a list means "has this element";
 * - comparisons never convert types: `gt 3` needs a number, `gt "2026-01-01"` compares strings;
 * - `userId` falls back to OpenFeature's `targetingKey`.
 */
import semver from 'semver';
import { MAX_REGEX_SUBJECT_LENGTH } from './safe-regex.js';
import type { Condition } from './schemas.js';

/** An evaluation context: flat attributes (OpenFeature's shape). */
export type FlagContext = Readonly<Record<string, unknown>>;

export type Matcher = (context: FlagContext) => boolean;

/** The value of `attribute` in `context` (`userId` falls back to `targetingKey`). */
export function attributeValue(context: FlagContext, attribute: string): unknown {
  const value = context[attribute];
  if (value === undefined && attribute === 'userId') return context.targetingKey;
  return value;
}

const VERSION_CACHE_LIMIT = 10_000;
const versions = new Map<string, semver.SemVer | null>();

/** A context version string, parsed once (leading `v` allowed); `null` when it is not semver. */
export function parseVersion(text: string): semver.SemVer | null {
  let parsed = versions.get(text);
  if (parsed === undefined) {
    parsed = text.length <= 100 ? semver.parse(text) : null;
    if (versions.size >= VERSION_CACHE_LIMIT) versions.clear();
    versions.set(text, parsed);
  }
  return parsed;
}

type Test = (value: unknown) => boolean;

/** `test` on a scalar, or on any element of a list. */
function anyOf(test: Test): Test {
  return (value) => {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i += 1) if (test(value[i])) return true;
      return false;
    }
    return test(value);
  };
}

function compare(operator: 'gt' | 'gte' | 'lt' | 'lte', order: number): boolean {
  switch (operator) {
    case 'gt':
      return order > 0;
    case 'gte':
      return order >= 0;
    case 'lt':
      return order < 0;
    case 'lte':
      return order <= 0;
  }
}

function valueTest(condition: Condition): Test {
  switch (condition.operator) {
    case 'eq':
    case 'neq': {
      const expected = condition.value;
      return anyOf((value) => value === expected);
    }
    case 'in':
    case 'not_in': {
      const set = new Set<unknown>(condition.values);
      return anyOf((value) => set.has(value));
    }
    case 'contains': {
      const needle = condition.value;
      return (value) =>
        typeof value === 'string' ? value.includes(needle) : Array.isArray(value) && value.includes(needle);
    }
    case 'starts_with': {
      const prefix = condition.value;
      return anyOf((value) => typeof value === 'string' && value.startsWith(prefix));
    }
    case 'ends_with': {
      const suffix = condition.value;
      return anyOf((value) => typeof value === 'string' && value.endsWith(suffix));
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const { operator, value: bound } = condition;
      if (typeof bound === 'number') {
        return anyOf((value) => typeof value === 'number' && compare(operator, value - bound));
      }
      return anyOf(
        (value) => typeof value === 'string' && compare(operator, value < bound ? -1 : value > bound ? 1 : 0),
      );
    }
    case 'semver_eq':
    case 'semver_gt':
    case 'semver_gte':
    case 'semver_lt':
    case 'semver_lte': {
      const bound = new semver.SemVer(condition.value);
      const operator = condition.operator.slice('semver_'.length) as 'eq' | 'gt' | 'gte' | 'lt' | 'lte';
      return anyOf((value) => {
        if (typeof value !== 'string') return false;
        const version = parseVersion(value);
        if (!version) return false;
        const order = version.compare(bound);
        return operator === 'eq' ? order === 0 : compare(operator, order);
      });
    }
    case 'semver_range': {
      const range = new semver.Range(condition.value, { includePrerelease: true });
      return anyOf((value) => {
        if (typeof value !== 'string') return false;
        const version = parseVersion(value);
        return version !== null && range.test(version);
      });
    }
    case 'regex': {
      const pattern = new RegExp(condition.value, condition.ignoreCase ? 'ui' : 'u');
      return anyOf(
        (value) =>
          typeof value === 'string' && value.length <= MAX_REGEX_SUBJECT_LENGTH && pattern.test(value),
      );
    }
    case 'exists':
    case 'not_exists':
      return () => true;
  }
}

/** The compiled form of one condition. */
export function compileCondition(condition: Condition): Matcher {
  const { attribute, operator } = condition;
  const userId = attribute === 'userId';
  const read = (context: FlagContext): unknown => {
    const value = context[attribute];
    return value === undefined && userId ? context.targetingKey : value;
  };
  if (operator === 'exists') return (context) => read(context) != null;
  if (operator === 'not_exists') return (context) => read(context) == null;
  // Fast path for the most common condition: equality with a scalar attribute.
  if (operator === 'eq' && !userId) {
    const expected = condition.value;
    const test = valueTest(condition);
    return (context) => {
      const value = context[attribute];
      return value === expected || (Array.isArray(value) && test(value));
    };
  }
  const test = valueTest(condition);
  if (operator === 'neq' || operator === 'not_in') {
    return (context) => {
      const value = read(context);
      return value != null && !test(value);
    };
  }
  return (context) => {
    const value = read(context);
    return value != null && test(value);
  };
}

/** All of `conditions` (AND); none matches every context. */
export function compileConditions(conditions: readonly Condition[]): Matcher {
  const matchers = conditions.map(compileCondition);
  if (matchers.length === 0) return () => true;
  if (matchers.length === 1) return matchers[0] as Matcher;
  return (context) => {
    for (let i = 0; i < matchers.length; i += 1) if (!(matchers[i] as Matcher)(context)) return false;
    return true;
  };
}
