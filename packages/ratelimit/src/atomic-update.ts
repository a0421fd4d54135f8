/**
 * The store-backed counter primitive: a read-modify-write of one document guarded by its etag, so
 * instances sharing a store never lose each other's increments. `next` sees the current document
 * (or undefined) and returns the fields to write, or undefined to leave it as is; a lost race
 * (409 on create, 412 on replace) re-reads and calls `next` again, up to `maxRounds` times.
 * The sliding-window counters (`document-counter-store.ts`) and the auth module's attempt
 * throttles are built on it.
 */
import { isAppError } from '@groundwork/errors';
import type { Container, StoredDocument } from '@groundwork/store';

export type AtomicUpdateOutcome<T extends object> =
  | { status: 'written'; document: StoredDocument<T> }
  /** `next` returned undefined: nothing written. */
  | { status: 'unchanged'; current: StoredDocument<T> | undefined }
  /** Every round lost a race (heavy contention on one document). */
  | { status: 'contended' };

export interface AtomicUpdateOptions {
  /** Rounds before giving up (default 5). */
  maxRounds?: number;
}

/** True for the errors a concurrent writer causes: 409 (created meanwhile) and 412 (changed meanwhile). */
export function isWriteRace(error: unknown): boolean {
  return isAppError(error) && (error.status === 409 || error.status === 412);
}

export async function atomicUpdate<T extends object>(
  container: Container<T>,
  id: string,
  pk: string,
  next: (current: StoredDocument<T> | undefined) => (T & { ttl?: number }) | undefined,
  options: AtomicUpdateOptions = {},
): Promise<AtomicUpdateOutcome<T>> {
  const maxRounds = options.maxRounds ?? 5;
  for (let round = 0; round < maxRounds; round += 1) {
    const current = await container.read(id, pk);
    const fields = next(current);
    if (!fields) return { status: 'unchanged', current };
    try {
      const document = current
        ? await container.replace({ ...fields, id, pk }, { ifMatch: current.etag })
        : await container.create({ ...fields, id, pk });
      return { status: 'written', document };
    } catch (error) {
      if (!isWriteRace(error)) throw error;
    }
  }
  return { status: 'contended' };
}
