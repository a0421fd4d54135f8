/**
 * Building blocks of the Cosmos SQL the adapter sends: a parameter collector (every value is an
 * `@parameter`, never spliced into the text) and property accessors for validated field paths.
 */
import type { SqlParameter, SqlQuerySpec } from '@azure/cosmos';
import { isValidFieldPath, readField } from '../field-path.js';
import type { Scalar } from '../types.js';

/** Collects `@pN` parameters for one query. */
export class SqlParameters {
  readonly list: SqlParameter[] = [];

  /** Adds a value and returns the placeholder that refers to it. */
  add(value: Scalar | Scalar[]): string {
    const name = `@p${this.list.length}`;
    this.list.push({ name, value });
    return name;
  }

  query(text: string): SqlQuerySpec {
    return { query: text, parameters: [...this.list] };
  }
}

/** Port fields that Cosmos stores under another name. */
const STORED_NAMES: Readonly<Record<string, string>> = { etag: '_etag' };

function storedPath(field: string): string[] {
  const segments = field.split('.');
  const first = segments[0]!;
  segments[0] = STORED_NAMES[first] ?? first;
  return segments;
}

/**
 * The Cosmos accessor for a dotted field path, e.g. `owner.id` → `c["owner"]["id"]`. The query
 * validator has already accepted the path; it is checked again here against the same identifier
 * pattern, so no text that could alter a query can reach the SQL, whatever the caller.
 */
export function fieldAccessor(field: string): string {
  if (!isValidFieldPath(field)) throw new Error(`Invalid field path ${JSON.stringify(field)}.`);
  return `c${storedPath(field)
    .map((segment) => `[${JSON.stringify(segment)}]`)
    .join('')}`;
}

/** The value at a field path of a document as stored in Cosmos (same mapping as `fieldAccessor`). */
export function readStoredField(doc: Record<string, unknown>, field: string): unknown {
  return readField(doc, storedPath(field).join('.'));
}

/** The Cosmos type-check function that matches the JSON type of a scalar. */
export function typeCheck(value: Scalar): 'IS_NULL' | 'IS_BOOL' | 'IS_NUMBER' | 'IS_STRING' {
  if (value === null) return 'IS_NULL';
  switch (typeof value) {
    case 'boolean':
      return 'IS_BOOL';
    case 'number':
      return 'IS_NUMBER';
    default:
      return 'IS_STRING';
  }
}
