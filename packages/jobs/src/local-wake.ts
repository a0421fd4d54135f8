/**
 * Wake-ups across the queues and workers of one process that share a store: a worker started with
 * `wakeOnLocalEnqueue` is woken by any queue of this process that enqueues a task due now on its
 * store (the jobs module's own queue, the event bus's, a capability's such as webhooks'), instead
 * of waiting for its next poll. Workers in other processes still find the task at their next poll.
 */
import type { DocumentStore } from '@groundwork/store';

const wakers = new WeakMap<DocumentStore, Set<() => void>>();

/** Registers `wake` for enqueues on `store`; returns the unregister function. */
export function registerLocalWake(store: DocumentStore, wake: () => void): () => void {
  let set = wakers.get(store);
  if (!set) {
    set = new Set();
    wakers.set(store, set);
  }
  set.add(wake);
  return () => {
    set.delete(wake);
  };
}

/** Tells the workers registered on `store` that tasks were enqueued (when one is due at `now`). */
export function notifyLocalEnqueue(
  store: DocumentStore,
  tasks: ReadonlyArray<{ runAt: number }>,
  now: number,
): void {
  const set = wakers.get(store);
  if (!set || set.size === 0 || !tasks.some((task) => task.runAt <= now)) return;
  for (const wake of set) wake();
}
