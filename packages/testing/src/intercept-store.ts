/**
 * A store whose container method calls pass through a test's hook: count reads, fail queries,
 * or interleave another writer before a replace. Everything else behaves as the wrapped store.
 */
import type { DocumentStore } from '@groundwork/store';

export interface InterceptedCall {
  /** The container the method belongs to. */
  container: string;
  /** The method called (`read`, `query`, `replace`, …). */
  method: string;
  args: unknown[];
  /** Runs the real method with `args` and returns its result. */
  proceed: () => unknown;
}

/** `store` with every container method call handed to `intercept`, which decides what to return. */
export function interceptStore(
  store: DocumentStore,
  intercept: (call: InterceptedCall) => unknown,
): DocumentStore {
  return new Proxy(store, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if (property !== 'container') return typeof value === 'function' ? value.bind(target) : value;
      return (name: string) =>
        new Proxy(target.container(name), {
          get(container, member) {
            const method = Reflect.get(container, member, container);
            if (typeof method !== 'function' || typeof member !== 'string') return method;
            return (...args: unknown[]) =>
              intercept({
                container: name,
                method: member,
                args,
                proceed: () => (method as (...a: unknown[]) => unknown).apply(container, args),
              });
          },
        });
    },
  });
}
