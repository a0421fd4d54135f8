/**
 * Checks that a value is plain JSON (what a task stores as payload, progress or result) and small
 * enough: objects must be plain, numbers finite, no `undefined`, functions, bigints, symbols,
 * Dates or cycles. Returns the problems as field issues rather than silently dropping data.
 */
import type { FieldIssue } from '@groundwork/errors';
import type { JsonValue } from './schemas.js';

const MAX_DEPTH = 64;

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function collect(value: unknown, path: string, depth: number, seen: Set<object>, issues: FieldIssue[]): void {
  if (issues.length >= 10) return;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) issues.push({ path, message: 'must be a finite number', code: 'not_json' });
    return;
  }
  if (typeof value !== 'object') {
    issues.push({ path, message: `${typeof value} is not JSON`, code: 'not_json' });
    return;
  }
  if (depth > MAX_DEPTH) {
    issues.push({ path, message: `nests deeper than ${MAX_DEPTH} levels`, code: 'too_deep' });
    return;
  }
  if (seen.has(value)) {
    issues.push({ path, message: 'contains a cycle', code: 'not_json' });
    return;
  }
  seen.add(value);
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      collect(item, `${path}.${index}`, depth + 1, seen, issues);
    });
  } else if (!isPlainObject(value)) {
    issues.push({
      path,
      message: 'must be a plain object (not a Date, Map, class instance, ...)',
      code: 'not_json',
    });
  } else {
    for (const [key, item] of Object.entries(value)) collect(item, `${path}.${key}`, depth + 1, seen, issues);
  }
  seen.delete(value);
}

/** The problems that keep `value` from being stored as JSON of at most `maxBytes` UTF-8 bytes. */
export function jsonValueIssues(value: unknown, path: string, maxBytes: number): FieldIssue[] {
  const issues: FieldIssue[] = [];
  collect(value, path, 0, new Set(), issues);
  if (issues.length > 0) return issues;
  const bytes = Buffer.byteLength(JSON.stringify(value), 'utf8');
  if (bytes > maxBytes)
    issues.push({ path, message: `is ${bytes} bytes of JSON; at most ${maxBytes} allowed`, code: 'too_big' });
  return issues;
}

/** Narrows after a successful `jsonValueIssues` check. */
export function isJsonValue(value: unknown, maxBytes: number): value is JsonValue {
  return jsonValueIssues(value, 'value', maxBytes).length === 0;
}
