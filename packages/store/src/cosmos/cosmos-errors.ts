/**
 * Maps `@azure/cosmos` failures onto the store's typed errors. The SDK throws an `ErrorResponse`
 * whose `code` is the HTTP status of the Cosmos REST call.
 */
import { documentExistsError, documentNotFoundError, etagMismatchError } from '../store-errors.js';

/** The HTTP status a Cosmos SDK error carries, or `undefined` for anything else. */
export function cosmosStatusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'number') return code;
  const statusCode = (error as { statusCode?: unknown }).statusCode;
  return typeof statusCode === 'number' ? statusCode : undefined;
}

export function isCosmosStatus(error: unknown, status: number): boolean {
  return cosmosStatusOf(error) === status;
}

/**
 * The store's typed error for a Cosmos SDK error from a document operation:
 * 409 → `ConflictError` (`document_exists`), 412 → `PreconditionFailedError` (`etag_mismatch`),
 * 404 → `NotFoundError` (`document_not_found`). Any other error is returned unchanged.
 */
export function toStoreError(error: unknown, container: string, id: string): unknown {
  let mapped: Error | undefined;
  switch (cosmosStatusOf(error)) {
    case 409:
      mapped = documentExistsError(container, id);
      break;
    case 412:
      mapped = etagMismatchError(container, id);
      break;
    case 404:
      mapped = documentNotFoundError(container, id);
      break;
    default:
      return error;
  }
  mapped.cause = error;
  return mapped;
}
