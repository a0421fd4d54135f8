/**
 * The before/after summary of an audit entry: turned into plain JSON, secrets redacted by key at
 * any depth, and capped in size, so an entry never stores a password, a token or a megabyte of
 * payload. What is kept is what an admin needs to see what changed.
 */
import { z } from 'zod';

/** Keys whose values are never stored (matched anywhere in the key, case-insensitively). */
export const SECRET_KEY_PATTERN =
  /pass(word)?|secret|token|api[-_]?key|authorization|cookie|credential|private[-_]?key/i;
export const REDACTED = '[redacted]';

/** Serialized UTF-8 size of a whole summary (`{ before, after }`) at most. */
export const MAX_SUMMARY_BYTES = 8 * 1024;
/** Deeper values are replaced by a marker (a summary is a small document, not a dump). */
export const MAX_SUMMARY_DEPTH = 16;

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Stands in for a side of the summary that was larger than the cap. */
export interface TruncatedSummary {
  truncated: true;
  /** Its serialized size in bytes. */
  bytes: number;
}

export interface AuditSummary {
  before?: JsonObject;
  after?: JsonObject;
}

export const auditSummarySchema = z
  .object({
    before: z.record(z.string(), z.unknown()).optional(),
    after: z.record(z.string(), z.unknown()).optional(),
  })
  .describe(
    `State before and after the action (secrets redacted). A side larger than the cap is \`{ "truncated": true, "bytes": n }\`.`,
  );

function isPlainRecord(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** `value` as JSON with secret keys redacted; `undefined` for what JSON drops (functions, undefined). */
function toRedactedJson(value: unknown, depth: number, ancestors: Set<object>): JsonValue | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object') return undefined;
  if (depth > MAX_SUMMARY_DEPTH) return '[too deep]';
  if (ancestors.has(value)) return '[circular]';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (!Array.isArray(value) && !isPlainRecord(value)) {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') return toRedactedJson(toJSON.call(value), depth, ancestors);
  }
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      return value.map((item) => toRedactedJson(item, depth + 1, ancestors) ?? null);
    }
    const out: JsonObject = {};
    for (const [key, item] of Object.entries(value)) {
      if (SECRET_KEY_PATTERN.test(key)) {
        if (item !== undefined) out[key] = REDACTED;
        continue;
      }
      const json = toRedactedJson(item, depth + 1, ancestors);
      if (json !== undefined) out[key] = json;
    }
    return out;
  } finally {
    ancestors.delete(value);
  }
}

/** A JSON copy of `value` with every secret-looking key's value replaced by `"[redacted]"`, at any depth. */
export function redact(value: unknown): JsonValue | undefined {
  return toRedactedJson(value, 0, new Set());
}

function byteLength(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

function truncated(value: JsonObject): JsonObject {
  const marker: TruncatedSummary = { truncated: true, bytes: byteLength(value) };
  return { ...marker };
}

/**
 * The summary as stored: redacted, and at most `MAX_SUMMARY_BYTES` serialized. When it is larger,
 * the larger side is replaced by a `{ truncated, bytes }` marker, then the other if still needed.
 * `undefined` when neither side has content.
 */
export function summarize(
  summary: { before?: unknown; after?: unknown } | undefined,
): AuditSummary | undefined {
  if (!summary) return undefined;
  const out: AuditSummary = {};
  for (const side of ['before', 'after'] as const) {
    const json = redact(summary[side]);
    if (json === undefined || json === null) continue;
    out[side] = typeof json === 'object' && !Array.isArray(json) ? json : { value: json };
  }
  if (out.before === undefined && out.after === undefined) return undefined;
  if (byteLength(out) <= MAX_SUMMARY_BYTES) return out;
  const sides = (['before', 'after'] as const)
    .filter((side) => out[side] !== undefined)
    .sort((a, b) => byteLength(out[b]) - byteLength(out[a]));
  for (const side of sides) {
    out[side] = truncated(out[side] as JsonObject);
    if (byteLength(out) <= MAX_SUMMARY_BYTES) break;
  }
  return out;
}
