/**
 * Test helpers for background work and stored data: run a jobs worker until nothing more is due,
 * and read back every document of some containers (to look for secrets at rest).
 */
import type { DocumentStore } from '@groundwork/store';

/** Calls `worker.runOnce()` (a `@groundwork/jobs` worker) until it claims nothing, at most `maxRounds` times; the tasks run. */
export async function drainWorker(worker: { runOnce(): Promise<number> }, maxRounds = 50): Promise<number> {
  let total = 0;
  for (let round = 0; round < maxRounds; round += 1) {
    const claimed = await worker.runOnce();
    total += claimed;
    if (claimed === 0) break;
  }
  return total;
}

/** Every document of the named containers, as JSON text (bounded: 100 pages of 1000 per container). */
export async function dumpContainers(store: DocumentStore, names: readonly string[]): Promise<string> {
  const parts: string[] = [];
  for (const name of names) {
    let cursor: string | undefined;
    for (let page = 0; page < 100; page += 1) {
      const result = await store.container(name).query({ limit: 1000, ...(cursor ? { cursor } : {}) });
      parts.push(JSON.stringify(result.items));
      cursor = result.nextCursor;
      if (!cursor) break;
    }
  }
  return parts.join('\n');
}
