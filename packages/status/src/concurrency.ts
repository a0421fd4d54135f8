/** Read-modify-write with the etag (the store's `atomicUpdate`), retried when another writer got in between. */
import { ConflictError } from '@groundwork/errors';
import { atomicUpdate, type Container, type NewDocument, type StoredDocument } from '@groundwork/store';

const ATTEMPTS = 50;

/**
 * Reads the document, calls `change` with it (or `undefined` when missing), and writes what it
 * returns: a replace guarded by the etag, or a create. `change` returning `undefined` writes
 * nothing. Retries on a lost race (up to 50 times, with a short, growing, jittered pause so racing
 * writers spread out); the last race is thrown as a 409 `concurrent_update`.
 */
export async function readModifyWrite<T extends object>(
  container: Container<T>,
  id: string,
  pk: string,
  change: (current: StoredDocument<T> | undefined) => NewDocument<T> | undefined,
): Promise<StoredDocument<T> | undefined> {
  const outcome = await atomicUpdate(container, id, pk, change, {
    maxRounds: ATTEMPTS,
    retryDelayMs: (round) => Math.random() * Math.min(50, round * 2),
  });
  if (outcome.status === 'written') return outcome.document;
  if (outcome.status === 'unchanged') return outcome.current;
  throw new ConflictError('The document kept changing; try again.', 'concurrent_update');
}
