/** Read-modify-write with the etag, retried a few times when another writer got in between. */
import { ConflictError, PreconditionFailedError } from '@groundwork/errors';
import type { Container, NewDocument, StoredDocument } from '@groundwork/store';

const ATTEMPTS = 50;

/** A short, growing, jittered pause between attempts, so racing writers spread out. */
function pause(attempt: number): Promise<void> {
  const ms = Math.random() * Math.min(50, attempt * 2);
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function isRace(error: unknown): boolean {
  return (
    error instanceof PreconditionFailedError ||
    (error instanceof ConflictError && error.code === 'document_exists')
  );
}

/**
 * Reads the document, calls `change` with it (or `undefined` when missing), and writes what it
 * returns: a replace guarded by the etag, or a create. `change` returning `undefined` writes
 * nothing. Retries on a lost race (up to 50 times, with a short jittered pause); the last race is
 * thrown as a 409 `concurrent_update`.
 */
export async function readModifyWrite<T extends object>(
  container: Container<T>,
  id: string,
  pk: string,
  change: (current: StoredDocument<T> | undefined) => NewDocument<T> | undefined,
): Promise<StoredDocument<T> | undefined> {
  for (let attempt = 1; ; attempt += 1) {
    const current = await container.read(id, pk);
    const next = change(current);
    if (next === undefined) return current;
    try {
      return current
        ? await container.replace(next, { ifMatch: current.etag })
        : await container.create(next);
    } catch (error) {
      if (!isRace(error)) throw error;
      if (attempt >= ATTEMPTS)
        throw new ConflictError('The document kept changing; try again.', 'concurrent_update', {
          cause: error,
        });
      await pause(attempt);
    }
  }
}
