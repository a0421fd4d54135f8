import { useId, useState } from 'react';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { PageHeading } from '../components/page-heading.js';
import { Pager } from '../components/pager.js';
import { ErrorState, ListState, Loading } from '../components/states.js';
import { useToast } from '../components/toast.js';
import { api, type ResponseBody, unwrap } from '../lib/api.js';
import { useAuth } from '../lib/auth.js';
import { formatTime } from '../lib/format.js';
import { Link, navigate } from '../lib/router.js';
import { pageOf, useAsync } from '../lib/use-async.js';
import { definePage } from './page.js';
import { ROLES, STATUSES } from './users.page.js';

type User = ResponseBody<'/v1/auth/users/{userId}'>;
const SESSIONS_PER_PAGE = 10;
type Dialog = 'save' | 'logout' | 'impersonate' | 'delete' | undefined;

function Sessions({ userId, generation }: { userId: string; generation: number }) {
  const sessions = useAsync(
    () => unwrap(api.GET('/v1/sessions/user/{userId}', { params: { path: { userId } } })),
    [userId, generation],
  );
  const all = sessions.data?.items ?? [];
  const [page, setPage] = useState(1);
  const items = pageOf(all, page, SESSIONS_PER_PAGE);
  return (
    <section className="card" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">Sessions and devices</h2>
      <ListState state={sessions} count={all.length} empty="No active sessions.">
        <table className="table compact">
          <caption className="visually-hidden">Active sessions, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Device</th>
              <th scope="col">Address</th>
              <th scope="col">Signed in</th>
              <th scope="col">Last active</th>
              <th scope="col">Expires</th>
            </tr>
          </thead>
          <tbody>
            {items.map((entry) => (
              <tr key={entry.id}>
                <td>
                  {entry.deviceName ?? entry.platform ?? 'Unknown device'}
                  {entry.impersonatedBy ? <span className="badge badge-warn">impersonation</span> : null}
                  <div className="muted small">{entry.userAgent ?? ''}</div>
                </td>
                <td>{entry.ip ?? '—'}</td>
                <td>{formatTime(entry.createdAt)}</td>
                <td>{formatTime(entry.lastActiveAt)}</td>
                <td>{formatTime(entry.expiresAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ListState>
      {all.length > SESSIONS_PER_PAGE ? (
        <Pager
          label="Sessions"
          pageNumber={page}
          hasPrevious={page > 1}
          hasNext={page * SESSIONS_PER_PAGE < all.length}
          onPrevious={() => setPage((n) => Math.max(1, n - 1))}
          onNext={() => setPage((n) => n + 1)}
        />
      ) : null}
    </section>
  );
}

function UserDetail({ params }: { params: Record<string, string> }) {
  const userId = params.userId ?? '';
  const toast = useToast();
  const { user: me, startImpersonation } = useAuth();
  const [generation, setGeneration] = useState(0);
  const [dialog, setDialog] = useState<Dialog>();
  const [draft, setDraft] = useState<{ role: User['role']; status: User['status'] } | undefined>();
  const roleId = useId();
  const statusId = useId();
  const reasonId = useId();
  const user = useAsync(
    () => unwrap(api.GET('/v1/auth/users/{userId}', { params: { path: { userId } } })),
    [userId, generation],
  );
  const refresh = () => setGeneration((n) => n + 1);

  if (user.error) {
    return (
      <>
        <PageHeading title="User" />
        <ErrorState error={user.error} retry={user.reload} />
        <Link to="/users">Back to users</Link>
      </>
    );
  }
  if (!user.data) return <Loading />;
  const current = user.data;
  const role = draft?.role ?? current.role;
  const status = draft?.status ?? current.status;
  const changed = role !== current.role || status !== current.status;

  return (
    <>
      <PageHeading title={current.email}>
        <Link to="/users">Back to users</Link>
      </PageHeading>
      <section className="card" aria-labelledby="account-heading">
        <h2 id="account-heading">Account</h2>
        <dl className="facts">
          <dt>Id</dt>
          <dd>
            <code>{current.id}</code>
          </dd>
          <dt>Name</dt>
          <dd>{current.name ?? '—'}</dd>
          <dt>Email verified</dt>
          <dd>{current.emailVerified ? 'Yes' : 'No'}</dd>
          <dt>Created</dt>
          <dd>{formatTime(current.createdAt)}</dd>
          <dt>Updated</dt>
          <dd>{formatTime(current.updatedAt)}</dd>
        </dl>
        <form
          className="filters"
          aria-label="Role and status"
          onSubmit={(event) => {
            event.preventDefault();
            setDialog('save');
          }}
        >
          <div>
            <label htmlFor={roleId}>Role</label>
            <select
              id={roleId}
              value={role}
              onChange={(e) => setDraft({ role: e.target.value as User['role'], status })}
            >
              {ROLES.map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={statusId}>Status</label>
            <select
              id={statusId}
              value={status}
              onChange={(e) => setDraft({ role, status: e.target.value as User['status'] })}
            >
              {STATUSES.map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="primary" disabled={!changed}>
            Save changes
          </button>
        </form>
        <div className="actions">
          <button type="button" onClick={() => setDialog('logout')}>
            Sign out everywhere
          </button>
          <button type="button" onClick={() => setDialog('impersonate')} disabled={current.id === me?.id}>
            Impersonate
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => setDialog('delete')}
            disabled={current.id === me?.id}
          >
            Delete user
          </button>
        </div>
      </section>
      <Sessions userId={userId} generation={generation} />

      <ConfirmDialog
        open={dialog === 'save'}
        title="Change role or status"
        confirmLabel="Save changes"
        danger={status === 'disabled'}
        onClose={() => setDialog(undefined)}
        onConfirm={async () => {
          await unwrap(
            api.PATCH('/v1/auth/users/{userId}', {
              params: { path: { userId } },
              body: {
                ...(role !== current.role ? { role } : {}),
                ...(status !== current.status ? { status } : {}),
              },
            }),
          );
          setDraft(undefined);
          refresh();
          toast(`Saved ${current.email}: ${role}, ${status}.`);
        }}
      >
        <p>
          {current.email} becomes <strong>{role}</strong>, <strong>{status}</strong>.
          {status === 'disabled' && current.status !== 'disabled'
            ? ' Disabling ends every session of this user.'
            : ''}
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog === 'logout'}
        title="Sign out everywhere"
        confirmLabel="Sign out everywhere"
        danger
        onClose={() => setDialog(undefined)}
        onConfirm={async () => {
          const result = await unwrap(
            api.POST('/v1/auth/users/{userId}/logout', { params: { path: { userId } } }),
          );
          refresh();
          toast(`Ended ${result.revoked} session(s) of ${current.email}.`);
        }}
      >
        <p>Every session of {current.email} ends now; their apps must sign in again.</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog === 'impersonate'}
        title={`Impersonate ${current.email}`}
        confirmLabel="Start impersonation"
        onClose={() => setDialog(undefined)}
        onConfirm={async (form) => {
          await startImpersonation(userId, String(form.get('reason') ?? '').trim());
          toast(`Impersonating ${current.email}.`);
          navigate('/impersonation');
        }}
      >
        <p>
          You get a read-only, 15-minute token for this user. The reason and every request made with it are
          audited.
        </p>
        <label htmlFor={reasonId}>Reason</label>
        <textarea id={reasonId} name="reason" required minLength={3} maxLength={500} rows={3} />
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog === 'delete'}
        title={`Delete ${current.email}`}
        confirmLabel="Delete user"
        danger
        onClose={() => setDialog(undefined)}
        onConfirm={async () => {
          await unwrap(api.DELETE('/v1/auth/users/{userId}', { params: { path: { userId } } }));
          toast(`Deleted ${current.email}.`);
          navigate('/users');
        }}
      >
        <p>This deletes the account and ends its sessions. It cannot be undone.</p>
      </ConfirmDialog>
    </>
  );
}

export const page = definePage({
  path: '/users/:userId',
  title: 'User',
  requires: '/v1/auth/users/{userId}',
  component: UserDetail,
});
