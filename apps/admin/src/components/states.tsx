import { ApiError, messageOf } from '../lib/api.js';
import type { AsyncState } from '../lib/use-async.js';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {label}
    </p>
  );
}

export function Empty({ children }: { children: React.ReactNode }) {
  return <p className="state state-empty">{children}</p>;
}

export function ErrorState({ error, retry }: { error: unknown; retry?: () => void }) {
  const code = error instanceof ApiError ? error.code : undefined;
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  return (
    <div className="state state-error" role="alert">
      <p>
        <strong>Could not load this.</strong> {messageOf(error)}
      </p>
      {code || requestId ? (
        <p className="muted small">
          {code ? (
            <>
              Code: <code>{code}</code>.{' '}
            </>
          ) : null}
          {requestId ? (
            <>
              Request id: <code>{requestId}</code>
            </>
          ) : null}
        </p>
      ) : null}
      {retry ? (
        <button type="button" onClick={retry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

/** Loading, error and empty states around a list; renders `children` when there are items. */
export function ListState({
  state,
  count,
  empty,
  children,
}: {
  /** The list's loading state (`useAsync`, `usePaged`): its error offers `reload` as a retry. */
  state: Pick<AsyncState<unknown>, 'loading' | 'error' | 'reload'>;
  count: number;
  empty: React.ReactNode;
  children: React.ReactNode;
}) {
  const { loading, error, reload: retry } = state;
  if (error) return <ErrorState error={error} retry={retry} />;
  if (loading && count === 0) return <Loading />;
  if (count === 0) return <Empty>{empty}</Empty>;
  return <>{children}</>;
}
