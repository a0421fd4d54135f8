import { ConflictError, NotFoundError, PreconditionFailedError } from '@groundwork/errors';
import { describe, expect, it } from 'vitest';
import { cosmosStatusOf, toStoreError } from './cosmos-errors.js';

/** The shape of the SDK's `ErrorResponse`: an Error with the HTTP status as `code`. */
function sdkError(code: number): Error {
  return Object.assign(new Error(`cosmos ${code}`), { code });
}

describe('toStoreError', () => {
  it.each([
    [409, ConflictError, 'document_exists'],
    [412, PreconditionFailedError, 'etag_mismatch'],
    [404, NotFoundError, 'document_not_found'],
  ] as const)('maps status %i to the typed error', (status, type, code) => {
    const cause = sdkError(status);
    const mapped = toStoreError(cause, 'items', 'doc-1');
    expect(mapped).toBeInstanceOf(type);
    expect(mapped).toMatchObject({ status, code, cause });
    expect((mapped as Error).message).toContain('doc-1');
  });

  it('passes any other error through unchanged', () => {
    const throttled = sdkError(429);
    expect(toStoreError(throttled, 'items', 'x')).toBe(throttled);
    const plain = new Error('socket hang up');
    expect(toStoreError(plain, 'items', 'x')).toBe(plain);
  });
});

describe('cosmosStatusOf', () => {
  it('reads code or statusCode, and nothing from other values', () => {
    expect(cosmosStatusOf(sdkError(412))).toBe(412);
    expect(cosmosStatusOf({ statusCode: 404 })).toBe(404);
    expect(cosmosStatusOf({ code: 'ECONNRESET' })).toBeUndefined();
    expect(cosmosStatusOf(null)).toBeUndefined();
    expect(cosmosStatusOf('409')).toBeUndefined();
  });
});
