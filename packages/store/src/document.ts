/**
 * Checks what a caller writes and builds what the store keeps. Ids follow Cosmos's rules (no `/`,
 * `\`, `?` or `#`) on every adapter so that data moves between adapters unchanged.
 */
import type { FieldIssue } from '@groundwork/errors';
import { ValidationError } from '@groundwork/errors';
import { isValidTtl } from './ttl.js';

export const MAX_ID_LENGTH = 255;
export const MAX_PK_LENGTH = 1024;
const FORBIDDEN_ID_CHARACTERS = /[/\\?#]/;

type JsonObject = Record<string, unknown>;

function idIssue(id: unknown, path: string): FieldIssue | undefined {
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ID_LENGTH) {
    return { path, message: `Must be a string of 1 to ${MAX_ID_LENGTH} characters.`, code: 'invalid_id' };
  }
  if (FORBIDDEN_ID_CHARACTERS.test(id)) {
    return { path, message: 'Must not contain "/", "\\", "?" or "#".', code: 'invalid_id' };
  }
  return undefined;
}

function pkIssue(pk: unknown, path: string): FieldIssue | undefined {
  if (typeof pk !== 'string' || pk.length === 0 || pk.length > MAX_PK_LENGTH) {
    return { path, message: `Must be a string of 1 to ${MAX_PK_LENGTH} characters.`, code: 'invalid_pk' };
  }
  return undefined;
}

function isValidKey(id: unknown, pk: unknown): boolean {
  return (
    typeof id === 'string' &&
    id.length > 0 &&
    id.length <= MAX_ID_LENGTH &&
    !FORBIDDEN_ID_CHARACTERS.test(id) &&
    typeof pk === 'string' &&
    pk.length > 0 &&
    pk.length <= MAX_PK_LENGTH
  );
}

/** Throws `ValidationError` unless `id` and `pk` are valid document keys. */
export function assertValidKeys(id: unknown, pk: unknown): asserts id is string {
  if (isValidKey(id, pk)) return;
  const issues = [idIssue(id, 'id'), pkIssue(pk, 'pk')].filter((issue) => issue !== undefined);
  if (issues.length > 0) throw new ValidationError(issues, 'The document key is invalid.');
}

/** Throws `ValidationError` unless `doc` is an object with valid `id`, `pk` and optional `ttl`. */
export function assertValidDocument(doc: unknown): asserts doc is JsonObject & { id: string; pk: string } {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    const message = 'A document must be a JSON object.';
    throw new ValidationError([{ path: 'document', message, code: 'invalid_type' }], message);
  }
  const record = doc as JsonObject;
  const issues = [idIssue(record.id, 'id'), pkIssue(record.pk, 'pk')].filter((issue) => issue !== undefined);
  if (record.ttl !== undefined && !isValidTtl(record.ttl)) {
    issues.push({
      path: 'ttl',
      message: 'Must be a positive whole number of seconds, or -1 for never.',
      code: 'invalid_ttl',
    });
  }
  if (issues.length > 0) throw new ValidationError(issues, 'The document is invalid.');
}

/**
 * The stored form of a document: the caller's fields with the store-managed `id`, `pk`, `etag` and
 * `updatedAt` set, as its JSON text (the canonical form every adapter keeps) and parsed back, so
 * the caller gets exactly what a read returns and shares no object with what it passed in.
 */
export function buildStoredDocument(
  doc: JsonObject,
  meta: { etag: string; updatedAtMs: number },
): { json: string; stored: JsonObject } {
  const etag = meta.etag;
  const updatedAt = isoTime(meta.updatedAtMs);
  const json = isPlainWithoutMeta(doc)
    ? // The common case, without copying the document first: its own JSON text plus the two fields.
      `${JSON.stringify(doc).slice(0, -1)},"etag":${JSON.stringify(etag)},"updatedAt":"${updatedAt}"}`
    : JSON.stringify({ ...doc, id: doc.id, pk: doc.pk, etag, updatedAt });
  return { json, stored: JSON.parse(json) as JsonObject };
}

// Writes in one batch share a timestamp: format it once.
let lastMs = Number.NaN;
let lastIso = '';
function isoTime(ms: number): string {
  if (ms !== lastMs) {
    lastIso = new Date(ms).toISOString();
    lastMs = ms;
  }
  return lastIso;
}

/** A plain object (no prototype `toJSON`) that carries neither store-managed field yet. */
function isPlainWithoutMeta(doc: JsonObject): boolean {
  const proto = Object.getPrototypeOf(doc);
  return (
    (proto === Object.prototype || proto === null) &&
    !Object.hasOwn(doc, 'etag') &&
    !Object.hasOwn(doc, 'updatedAt') &&
    !Object.hasOwn(doc, 'toJSON')
  );
}

/** The document's `ttl` if it sets a valid one. */
export function documentTtl(doc: object): number | undefined {
  const ttl = (doc as JsonObject).ttl;
  return isValidTtl(ttl) ? ttl : undefined;
}
