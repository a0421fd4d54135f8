/**
 * The typed errors every adapter raises, with the port's stable codes. One place, so that the
 * memory, SQLite and Cosmos adapters report the same failure the same way.
 */
import { ConflictError, NotFoundError, PreconditionFailedError, ValidationError } from '@groundwork/errors';
import type { Container } from './types.js';

export function documentExistsError(container: string, id: string): ConflictError {
  return new ConflictError(`A document with id "${id}" already exists in "${container}".`, 'document_exists');
}

export function etagMismatchError(container: string, id: string): PreconditionFailedError {
  return new PreconditionFailedError(
    `Document "${id}" in "${container}" was changed since it was read (etag mismatch).`,
    'etag_mismatch',
  );
}

export function documentNotFoundError(container: string, id: string): NotFoundError {
  return new NotFoundError(`Document "${id}" was not found in "${container}".`, 'document_not_found');
}

/** A `ValidationError` with one issue; `path` names the offending argument (`cursor`, `where.field`). */
export function invalidArgumentError(path: string, message: string, code = 'invalid'): ValidationError {
  return new ValidationError([{ path, message, code }], message);
}

/** Programmer error: the container was never declared through `ensureContainers`. */
export function undeclaredContainerError(name: string): Error {
  return new Error(
    `Container "${name}" is not declared; call store.ensureContainers([...]) with its spec first.`,
  );
}

/** The declared container `name` from an adapter's registry, typed for the caller; throws if undeclared. */
export function declaredContainer<T extends object>(
  containers: ReadonlyMap<string, Container<Record<string, unknown>>>,
  name: string,
): Container<T> {
  const container = containers.get(name);
  if (!container) throw undeclaredContainerError(name);
  return container as unknown as Container<T>;
}

/** Programmer error: the store was used after `close()`. */
export function storeClosedError(kind: string): Error {
  return new Error(`The ${kind} store is closed.`);
}
