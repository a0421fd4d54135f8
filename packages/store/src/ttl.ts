/**
 * Time-to-live: a document expires `ttl` seconds after its last write. The document's own `ttl`
 * wins over the container's `defaultTtl`; `-1` (or no TTL at all) means it never expires.
 */
import { ValidationError } from '@groundwork/errors';

/** Whether `ttl` is a valid TTL: a positive whole number of seconds, or -1 for never. */
export function isValidTtl(ttl: unknown): ttl is number {
  return typeof ttl === 'number' && (ttl === -1 || (Number.isInteger(ttl) && ttl > 0));
}

/** Throws `ValidationError` (issue on `path`) unless `ttl` is absent or valid. */
export function assertValidDocumentTtl(ttl: unknown, path = 'ttl'): void {
  if (ttl === undefined || isValidTtl(ttl)) return;
  const message = 'ttl must be a positive whole number of seconds, or -1 for never.';
  throw new ValidationError([{ path, message, code: 'invalid_ttl' }], message);
}

/**
 * When a document written at `updatedAtMs` expires, in ms since the epoch; `undefined` = never.
 * `docTtl` is the document's `ttl` field (validated), `defaultTtl` the container's.
 */
export function computeExpiresAt(
  docTtl: number | undefined,
  defaultTtl: number | undefined,
  updatedAtMs: number,
): number | undefined {
  const ttl = docTtl ?? defaultTtl;
  if (ttl === undefined || ttl === -1) return undefined;
  return updatedAtMs + ttl * 1000;
}

/** Expired once the clock reaches the expiry instant. */
export function isExpired(expiresAt: number | undefined, nowMs: number): boolean {
  return expiresAt !== undefined && expiresAt <= nowMs;
}
