/** Etags are opaque version tags: a fresh random UUID on every write. */
import { randomUUID } from 'node:crypto';

export function newEtag(): string {
  return randomUUID();
}
