/**
 * Read-modify-write of one document guarded by its etag, so writers sharing a store never lose
 * each other's changes. `next` sees the current document (or undefined) and returns the fields to
 * write, or undefined to leave it as is; a lost race (409 on create, 412 on replace) re-reads and
 * calls `next` again, up to `maxRounds` times, optionally pausing `retryDelayMs(round)` between
 * rounds so racing writers spread out.
 */
import { isAppError } from '@groundwork/errors';
import type { Container, StoredDocument } from './types.js';

export type AtomicUpdateOutcome<T extends object> =
  | { status: 'written'; document: StoredDocument<T> }
  /** `next` returned undefined: nothing written. */
  | { status: 'unchanged'; current: StoredDocument<T> | undefined }
  /** Every round lost a race (heavy contention on one document). */
  | { status: 'contended' };

export interface AtomicUpdateOptions {
  /** Rounds before giving up (default 5). */
  maxRounds?: number;
  /** Pause after losing round `round` (1-based), in ms; default none. */
  retryDelayMs?: (round: number) => number;
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
  for (let round = 1; round <= maxRounds; round += 1) {
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
    const delay = round < maxRounds ? (options.retryDelayMs?.(round) ?? 0) : 0;
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
  }
  return { status: 'contended' };
}
