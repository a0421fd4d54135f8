/**
 * Dotted field paths (`status`, `owner.id`). Every segment is an identifier, so a path can be
 * placed into SQL or a JSON path without quoting and can never carry an injection.
 */

export const FIELD_PATH_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** Longest accepted path, in characters. */
export const MAX_FIELD_PATH_LENGTH = 256;

/** `__proto__` is refused too: assigning it would change an object's prototype instead of a field. */
export function isValidFieldPath(path: unknown): path is string {
  return (
    typeof path === 'string' &&
    path.length <= MAX_FIELD_PATH_LENGTH &&
    FIELD_PATH_PATTERN.test(path) &&
    !path.split('.').includes('__proto__')
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The value at `path` in a JSON document, or `undefined` when any segment is missing or a parent
 * is not an object. Only own properties count (never the prototype chain).
 */
export function readField(doc: Record<string, unknown>, path: string): unknown {
  let current: unknown = doc;
  for (const segment of path.split('.')) {
    if (!isPlainObject(current) || !Object.hasOwn(current, segment)) return undefined;
    current = current[segment];
  }
  return current;
}

/** SQLite JSON path for a validated field path: `owner.id` → `$.owner.id`. */
export function toJsonPath(path: string): string {
  return `$.${path}`;
}
