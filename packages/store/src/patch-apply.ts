/**
 * Applies `PatchOperation[]` (dotted paths) to a plain JSON object, returning a new object.
 *   set    — writes the value, creating missing parent objects;
 *   remove — deletes the field (a missing field is left as is);
 *   incr   — adds to a number; a missing field starts from 0.
 * The store-managed fields (`id`, `pk`, `etag`, `updatedAt`) cannot be patched. Bad operations
 * are `ValidationError`s with an issue on `operations.<index>.<member>`.
 */
import type { FieldIssue } from '@groundwork/errors';
import { ValidationError } from '@groundwork/errors';
import { isValidFieldPath } from './field-path.js';
import type { PatchOperation } from './types.js';

export const STORE_MANAGED_FIELDS: readonly string[] = ['id', 'pk', 'etag', 'updatedAt'];
export const MAX_PATCH_OPERATIONS = 100;

type JsonObject = Record<string, unknown>;

function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(index: number, member: string, message: string, code: string): never {
  const issue: FieldIssue = { path: `operations.${index}.${member}`, message, code };
  throw new ValidationError([issue], `Patch operation ${index} is invalid: ${message}`);
}

/** Throws `ValidationError` unless `operations` is a well-formed, non-empty list of patch operations. */
export function assertValidPatchOperations(operations: unknown): asserts operations is PatchOperation[] {
  if (!Array.isArray(operations) || operations.length === 0) {
    const message = 'operations must be a non-empty array.';
    throw new ValidationError([{ path: 'operations', message, code: 'invalid_type' }], message);
  }
  if (operations.length > MAX_PATCH_OPERATIONS) {
    const message = `At most ${MAX_PATCH_OPERATIONS} patch operations.`;
    throw new ValidationError([{ path: 'operations', message, code: 'too_many' }], message);
  }
  operations.forEach((operation: unknown, index) => {
    if (!isPlainObject(operation)) fail(index, 'op', 'Each operation must be an object.', 'invalid_type');
    const { op, path } = operation;
    if (!isValidFieldPath(path)) {
      fail(
        index,
        'path',
        'Paths are dotted identifiers such as "status" or "owner.id".',
        'invalid_field_path',
      );
    }
    const root = path.split('.')[0] ?? '';
    if (STORE_MANAGED_FIELDS.includes(root)) {
      fail(index, 'path', `"${root}" is managed by the store and cannot be patched.`, 'read_only_field');
    }
    if (op === 'set') {
      if (operation.value === undefined) fail(index, 'value', 'set needs a JSON value.', 'missing');
    } else if (op === 'incr') {
      if (typeof operation.value !== 'number' || !Number.isFinite(operation.value)) {
        fail(index, 'value', 'incr needs a finite number.', 'invalid_type');
      }
    } else if (op !== 'remove') {
      fail(index, 'op', 'Must be one of set, remove, incr.', 'invalid_operator');
    }
  });
}

/** The object that holds the last segment of `segments`, creating missing parents when `create`. */
function parentOf(
  root: JsonObject,
  segments: string[],
  create: boolean,
  index: number,
): JsonObject | undefined {
  let current = root;
  for (const segment of segments.slice(0, -1)) {
    const next = Object.hasOwn(current, segment) ? current[segment] : undefined;
    if (next === undefined) {
      if (!create) return undefined;
      const created: JsonObject = {};
      current[segment] = created;
      current = created;
    } else if (isPlainObject(next)) {
      current = next;
    } else {
      if (!create) return undefined;
      fail(index, 'path', `"${segment}" is not an object.`, 'invalid_path');
    }
  }
  return current;
}

/** Applies `operations` in order to a deep copy of `doc` and returns the copy. */
export function applyPatch(doc: JsonObject, operations: PatchOperation[]): JsonObject {
  assertValidPatchOperations(operations);
  const result = JSON.parse(JSON.stringify(doc)) as JsonObject;
  operations.forEach((operation, index) => {
    const segments = operation.path.split('.');
    const leaf = segments[segments.length - 1] ?? '';
    switch (operation.op) {
      case 'set': {
        const parent = parentOf(result, segments, true, index);
        if (parent) parent[leaf] = JSON.parse(JSON.stringify(operation.value)) as unknown;
        break;
      }
      case 'remove': {
        const parent = parentOf(result, segments, false, index);
        if (parent && Object.hasOwn(parent, leaf)) delete parent[leaf];
        break;
      }
      case 'incr': {
        const parent = parentOf(result, segments, true, index);
        if (!parent) break;
        const current = Object.hasOwn(parent, leaf) ? parent[leaf] : 0;
        if (typeof current !== 'number')
          fail(index, 'path', `"${operation.path}" is not a number.`, 'not_a_number');
        parent[leaf] = current + operation.value;
        break;
      }
    }
  });
  return result;
}
