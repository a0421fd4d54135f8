import { type FormEvent, useState } from 'react';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { Field } from '../components/field.js';
import { PageHeading } from '../components/page-heading.js';
import { Pager } from '../components/pager.js';
import { Empty, ErrorState, ListState, Loading } from '../components/states.js';
import { useToast } from '../components/toast.js';
import { api, messageOf, type ResponseBody, unwrap } from '../lib/api.js';
import { isoFromLocal } from '../lib/form-values.js';
import { formatTime } from '../lib/format.js';
import { useAsync, usePaged } from '../lib/use-async.js';
import { definePage } from './page.js';

type IpRule = ResponseBody<'/v1/ratelimit/ip-rules'>['items'][number];
type LimitedKey = ResponseBody<'/v1/ratelimit/stats'>['topLimitedKeys'][number];
const HOUR = 3_600_000;
const EXPIRIES: { label: string; ms: number | undefined }[] = [
  { label: 'Never', ms: undefined },
  { label: 'In 1 hour', ms: HOUR },
  { label: 'In 24 hours', ms: 24 * HOUR },
  { label: 'In 7 days', ms: 7 * 24 * HOUR },
  { label: 'In 30 days', ms: 30 * 24 * HOUR },
];

function KeysTable({ keys, caption }: { keys: LimitedKey[]; caption: string }) {
  if (keys.length === 0) return <Empty>No key was limited.</Empty>;
  return (
    <table className="table compact">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Key</th>
          <th scope="col">Rule</th>
          <th scope="col">429s (day)</th>
          <th scope="col">Last limited</th>
          <th scope="col">Blocked until</th>
        </tr>
      </thead>
      <tbody>
        {keys.map((key) => (
          <tr key={`${key.key}/${key.rule}`}>
            <th scope="row">
              <code>{key.key}</code>
            </th>
            <td>{key.rule}</td>
            <td>{key.limited}</td>
            <td>{formatTime(key.lastLimitedAt)}</td>
            <td>{formatTime(key.blockedUntil)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Stats({ generation }: { generation: number }) {
  const stats = useAsync(
    () => unwrap(api.GET('/v1/ratelimit/stats', { params: { query: { top: 20 } } })),
    [generation],
  );
  const blocked = useAsync(() => unwrap(api.GET('/v1/ratelimit/blocked')), [generation]);
  return (
    <>
      <section className="card" aria-labelledby="rl-stats-heading">
        <h2 id="rl-stats-heading">Statistics (this instance)</h2>
        {stats.error ? <ErrorState error={stats.error} retry={stats.reload} /> : null}
        {stats.data ? (
          <>
            <ul className="stats">
              <li>
                429s, last hour <strong>{stats.data.limitedLastHour}</strong>
              </li>
              <li>
                429s, last day <strong>{stats.data.limitedLastDay}</strong>
              </li>
              <li>
                IP denials, last hour <strong>{stats.data.deniedByIpLastHour}</strong>
              </li>
              <li>
                IP denials, last day <strong>{stats.data.deniedByIpLastDay}</strong>
              </li>
            </ul>
            <h3>Most limited keys</h3>
            <KeysTable keys={stats.data.topLimitedKeys} caption="Most limited keys, last day" />
          </>
        ) : stats.loading ? (
          <Loading />
        ) : null}
      </section>
      <section className="card" aria-labelledby="rl-blocked-heading">
        <h2 id="rl-blocked-heading">Blocked now</h2>
        {blocked.error ? <ErrorState error={blocked.error} retry={blocked.reload} /> : null}
        {blocked.data ? (
          <>
            <KeysTable keys={blocked.data.items} caption="Keys whose Retry-After has not ended" />
            <p>
              Active deny rules:{' '}
              <strong data-testid="active-deny-rules">{blocked.data.deniedIpRules.length}</strong>
              {blocked.data.deniedIpRules.length > 0
                ? ` (${blocked.data.deniedIpRules.map((rule) => rule.ip).join(', ')})`
                : ''}
            </p>
          </>
        ) : blocked.loading ? (
          <Loading />
        ) : null}
      </section>
    </>
  );
}

function RateLimits() {
  const toast = useToast();
  const [generation, setGeneration] = useState(0);
  const [removing, setRemoving] = useState<IpRule>();
  const [error, setError] = useState<unknown>();
  const refresh = () => setGeneration((n) => n + 1);
  const rules = usePaged(
    (cursor) =>
      unwrap(
        api.GET('/v1/ratelimit/ip-rules', {
          params: { query: { limit: 25, ...(cursor ? { cursor } : {}) } },
        }),
      ),
    [generation],
  );

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    setError(undefined);
    try {
      const preset = EXPIRIES[Number(text('expiry'))]?.ms;
      const expiresAt =
        isoFromLocal(text('expiresAt')) ?? (preset ? new Date(Date.now() + preset).toISOString() : undefined);
      const rule = await unwrap(
        api.POST('/v1/ratelimit/ip-rules', {
          body: {
            ip: text('ip'),
            action: text('action') as 'allow' | 'deny',
            reason: text('reason'),
            ...(expiresAt ? { expiresAt } : {}),
          },
        }),
      );
      toast(`Rule ${rule.action} ${rule.ip} added.`);
      formElement.reset();
      refresh();
    } catch (caught) {
      setError(caught);
    }
  }

  const now = Date.now();
  return (
    <>
      <PageHeading title="Rate limits">
        <button type="button" onClick={refresh}>
          Refresh
        </button>
      </PageHeading>
      <Stats generation={generation} />
      <section className="card" aria-labelledby="ip-rules-heading">
        <h2 id="ip-rules-heading">IP rules</h2>
        <ListState state={rules} count={rules.items.length} empty="No IP rules.">
          <table className="table">
            <caption className="visually-hidden">IP rules, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Address or range</th>
                <th scope="col">Action</th>
                <th scope="col">Reason</th>
                <th scope="col">Expires</th>
                <th scope="col">Created</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {rules.items.map((rule) => {
                const expired = rule.expiresAt !== undefined && Date.parse(rule.expiresAt) <= now;
                return (
                  <tr key={rule.id}>
                    <th scope="row">
                      <code>{rule.ip}</code>
                    </th>
                    <td>
                      <span className={`badge badge-${rule.action === 'deny' ? 'bad' : 'ok'}`}>
                        {rule.action}
                      </span>
                    </td>
                    <td>{rule.reason}</td>
                    <td>
                      {rule.expiresAt ? formatTime(rule.expiresAt) : 'never'}
                      {expired ? <span className="badge badge-muted">expired</span> : null}
                    </td>
                    <td>
                      {formatTime(rule.createdAt)}
                      <div className="muted small">{rule.createdBy}</div>
                    </td>
                    <td>
                      <button
                        type="button"
                        className="danger"
                        onClick={() => setRemoving(rule)}
                        aria-label={`Remove rule ${rule.action} ${rule.ip}`}
                      >
                        Remove
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ListState>
        <Pager
          label="IP rules"
          pageNumber={rules.pageNumber}
          hasPrevious={rules.hasPrevious}
          hasNext={rules.hasNext}
          onPrevious={rules.previous}
          onNext={rules.next}
        />
        <form onSubmit={create} aria-label="Add an IP rule">
          <h3>Add a rule</h3>
          <div className="form-grid">
            <Field label="IP address or CIDR" hint="IPv4 or IPv6, e.g. 203.0.113.7 or 2001:db8::/32.">
              {(id, hint) => <input id={id} name="ip" required maxLength={64} aria-describedby={hint} />}
            </Field>
            <Field label="Action">
              {(id) => (
                <select id={id} name="action" defaultValue="deny">
                  <option value="deny">Deny (403 before any work)</option>
                  <option value="allow">Allow (skips every limit)</option>
                </select>
              )}
            </Field>
            <Field label="Reason">{(id) => <input id={id} name="reason" required maxLength={500} />}</Field>
            <Field label="Expires">
              {(id) => (
                <select id={id} name="expiry" defaultValue="0">
                  {EXPIRIES.map((option, index) => (
                    <option key={option.label} value={index}>
                      {option.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Or expires at (UTC)">
              {(id) => <input id={id} name="expiresAt" type="datetime-local" />}
            </Field>
          </div>
          {error ? (
            <p className="form-error" role="alert">
              {messageOf(error)}
            </p>
          ) : null}
          <button type="submit" className="primary">
            Add rule
          </button>
        </form>
      </section>
      <ConfirmDialog
        open={removing !== undefined}
        title="Remove IP rule"
        confirmLabel="Remove rule"
        danger
        onClose={() => setRemoving(undefined)}
        onConfirm={async () => {
          if (!removing) return;
          await unwrap(api.DELETE('/v1/ratelimit/ip-rules/{id}', { params: { path: { id: removing.id } } }));
          toast(`Removed ${removing.action} ${removing.ip}.`);
          refresh();
        }}
      >
        <p>
          {removing?.action === 'deny'
            ? `${removing.ip} can reach the API again.`
            : `${removing?.ip} is rate limited like everyone again.`}
        </p>
      </ConfirmDialog>
    </>
  );
}

export const page = definePage({
  path: '/rate-limits',
  requires: '/v1/ratelimit/ip-rules',
  title: 'Rate limits',
  nav: { label: 'Rate limits', order: 70 },
  component: RateLimits,
});
