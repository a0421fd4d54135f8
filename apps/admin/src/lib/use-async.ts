/** Data loading for pages: one call with loading/error state, or cursor-paginated lists. */
import { useCallback, useEffect, useRef, useState } from 'react';

export interface AsyncState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[]): AsyncState<T> {
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean }>({
    data: undefined,
    error: undefined,
    loading: true,
  });
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    let live = true;
    setState((previous) => ({ ...previous, loading: true, error: undefined }));
    loadRef.current().then(
      (data) => live && setState({ data, error: undefined, loading: false }),
      (error: unknown) => live && setState({ data: undefined, error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [...deps, generation]);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { ...state, reload };
}

export interface Page<T> {
  items: T[];
  nextCursor?: string | undefined;
}

export interface PagedState<T> extends AsyncState<Page<T>> {
  items: T[];
  pageNumber: number;
  hasNext: boolean;
  hasPrevious: boolean;
  next: () => void;
  previous: () => void;
}

/**
 * A cursor-paginated list (`{ items, nextCursor }`): keeps the cursors of the pages seen, so
 * "Previous" goes back without the API needing backward cursors. Filters in `deps` restart at page 1.
 */
export function usePaged<T>(
  loadPage: (cursor: string | undefined) => Promise<Page<T>>,
  deps: readonly unknown[],
): PagedState<T> {
  // The cursors belong to one set of filters: new filters start over at page 1 in the same render,
  // so a cursor is never sent with filters it was not made for.
  const key = JSON.stringify(deps);
  const [stack, setStack] = useState<{ key: string; cursors: (string | undefined)[] }>({
    key,
    cursors: [undefined],
  });
  const cursors = stack.key === key ? stack.cursors : [undefined];
  const cursor = cursors[cursors.length - 1];
  const state = useAsync(() => loadPage(cursor), [key, cursor]);
  const nextCursor = state.data?.nextCursor;
  return {
    ...state,
    items: state.data?.items ?? [],
    pageNumber: cursors.length,
    hasNext: Boolean(nextCursor),
    hasPrevious: cursors.length > 1,
    next: () => {
      if (nextCursor) setStack({ key, cursors: [...cursors, nextCursor] });
    },
    previous: () => setStack({ key, cursors: cursors.length > 1 ? cursors.slice(0, -1) : cursors }),
  };
}

/** Client-side pages of a list the API answers whole (e.g. jobs). */
export function pageOf<T>(items: readonly T[], page: number, size: number): T[] {
  return items.slice((page - 1) * size, page * size);
}
