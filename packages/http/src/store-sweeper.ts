import type { Logger } from '@groundwork/logger';
import type { DocumentStore } from '@groundwork/store';

export interface StoreSweeper {
  /** Stops sweeping and waits for a sweep in progress. */
  stop(): Promise<void>;
}

/**
 * Deletes expired documents every `intervalMs` (SQLite and memory expire by sweep; reads already
 * hide expired documents, this reclaims their space). Cosmos expires natively and sweeps nothing.
 * One sweep at a time; a failed sweep is logged and retried on the next tick.
 */
export function startStoreSweeper(store: DocumentStore, intervalMs: number, logger: Logger): StoreSweeper {
  let running: Promise<void> | undefined;
  const sweep = async () => {
    try {
      const removed = await store.sweepExpired();
      if (removed > 0) logger.debug({ removed }, 'swept expired documents');
    } catch (error) {
      logger.warn({ err: error }, 'sweeping expired documents failed');
    }
  };
  const timer = setInterval(() => {
    running ??= sweep().finally(() => {
      running = undefined;
    });
  }, intervalMs).unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
