import { type FormEvent, useState } from 'react';
import { BarChart } from '../components/charts.js';
import { Field, FilterOptions } from '../components/field.js';
import { PageHeading } from '../components/page-heading.js';
import { Pager } from '../components/pager.js';
import { ErrorState, ListState, Loading } from '../components/states.js';
import { api, type ResponseBody, unwrap } from '../lib/api.js';
import { isoFromLocal } from '../lib/form-values.js';
import { formatTime } from '../lib/format.js';
import { deliverySuccessRate, formatRate, lastDays } from '../lib/rates.js';
import { Link } from '../lib/router.js';
import { useAsync, usePaged } from '../lib/use-async.js';
import { definePage } from './page.js';
import { deliveryTone } from './webhook-detail.page.js';

type LogEntry = ResponseBody<'/v1/delivery/log'>['items'][number];
type Channel = LogEntry['channel'];
type Status = LogEntry['status'];
type Day = ResponseBody<'/v1/delivery/stats'>['days'][number];
const CHANNELS: Channel[] = ['email', 'push', 'sms'];
const STATUSES: Status[] = ['queued', 'sent', 'failed', 'bounced', 'delivered', 'opened', 'suppressed'];

function Stats() {
  const [range, setRange] = useState(14);
  const stats = useAsync(
    () => unwrap(api.GET('/v1/delivery/stats', { params: { query: lastDays(range) } })),
    [range],
  );
  const days = stats.data?.days ?? [];
  const { rate } = deliverySuccessRate(days);
  const total = (key: keyof Omit<Day, 'day'>) => days.reduce((sum, day) => sum + day[key], 0);
  return (
    <section className="card" aria-labelledby="stats-heading">
      <h2 id="stats-heading">Sends per day (UTC)</h2>
      <div className="filters">
        <Field label="Period">
          {(id) => (
            <select id={id} value={range} onChange={(e) => setRange(Number(e.target.value))}>
              <option value={7}>Last 7 days</option>
              <option value={14}>Last 14 days</option>
              <option value={30}>Last 30 days</option>
              <option value={90}>Last 90 days</option>
            </select>
          )}
        </Field>
      </div>
      {stats.error ? <ErrorState error={stats.error} retry={stats.reload} /> : null}
      {stats.data ? (
        <>
          <ul className="stats">
            <li>
              Success rate <strong data-testid="delivery-rate">{formatRate(rate, '—')}</strong>
            </li>
            <li>
              Sent <strong>{total('sent') + total('delivered') + total('opened')}</strong>
            </li>
            <li>
              Failed or bounced <strong>{total('failed') + total('bounced')}</strong>
            </li>
            <li>
              Suppressed <strong>{total('suppressed')}</strong>
            </li>
            <li>
              Queued <strong>{total('queued')}</strong>
            </li>
          </ul>
          <BarChart
            title="Sends per day"
            bars={days.map((day) => ({
              label: day.day.slice(5),
              value:
                day.queued +
                day.sent +
                day.failed +
                day.bounced +
                day.delivered +
                day.opened +
                day.suppressed,
              tone: day.failed + day.bounced > 0 ? 'bar-warn' : 'bar-ok',
            }))}
          />
        </>
      ) : stats.loading ? (
        <Loading />
      ) : null}
    </section>
  );
}

interface Filters {
  channel: Channel | '';
  status: Status | '';
  template: string;
  userId: string;
  from: string;
  to: string;
}

function Log() {
  const [filters, setFilters] = useState<Filters>({
    channel: '',
    status: '',
    template: '',
    userId: '',
    from: '',
    to: '',
  });
  const log = usePaged(
    (cursor) =>
      unwrap(
        api.GET('/v1/delivery/log', {
          params: {
            query: {
              limit: 25,
              ...(cursor ? { cursor } : {}),
              ...(filters.channel ? { channel: filters.channel } : {}),
              ...(filters.status ? { status: filters.status } : {}),
              ...(filters.template ? { template: filters.template } : {}),
              ...(filters.userId ? { userId: filters.userId } : {}),
              ...(filters.from ? { from: filters.from } : {}),
              ...(filters.to ? { to: filters.to } : {}),
            },
          },
        }),
      ),
    [JSON.stringify(filters)],
  );

  function filter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    setFilters({
      channel: text('channel') as Channel | '',
      status: text('status') as Status | '',
      template: text('template'),
      userId: text('userId'),
      from: isoFromLocal(text('from')) ?? '',
      to: isoFromLocal(text('to')) ?? '',
    });
  }

  return (
    <section className="card" aria-labelledby="log-heading">
      <h2 id="log-heading">Delivery log</h2>
      <form className="filters" onSubmit={filter} aria-label="Filter the delivery log">
        <Field label="Channel">
          {(id) => (
            <select id={id} name="channel" defaultValue={filters.channel}>
              <FilterOptions any="Any channel" values={CHANNELS} />
            </select>
          )}
        </Field>
        <Field label="Status">
          {(id) => (
            <select id={id} name="status" defaultValue={filters.status}>
              <FilterOptions any="Any status" values={STATUSES} />
            </select>
          )}
        </Field>
        <Field label="Template">
          {(id) => (
            <input id={id} name="template" defaultValue={filters.template} placeholder="password_reset" />
          )}
        </Field>
        <Field label="User id">{(id) => <input id={id} name="userId" defaultValue={filters.userId} />}</Field>
        <Field label="From (UTC)">{(id) => <input id={id} name="from" type="datetime-local" />}</Field>
        <Field label="To (UTC)">{(id) => <input id={id} name="to" type="datetime-local" />}</Field>
        <button type="submit" className="primary">
          Filter
        </button>
        <button type="button" onClick={log.reload}>
          Refresh
        </button>
      </form>
      <ListState state={log} count={log.items.length} empty="Nothing was sent that matches.">
        <table className="table">
          <caption className="visually-hidden">Delivery log, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Template</th>
              <th scope="col">Channel</th>
              <th scope="col">Recipient</th>
              <th scope="col">Status</th>
              <th scope="col">Provider</th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {log.items.map((entry) => (
              <tr key={entry.id}>
                <th scope="row">
                  <code>{entry.template}</code>
                  <div className="muted small">{entry.category}</div>
                </th>
                <td>{entry.channel}</td>
                <td>
                  {entry.recipient}
                  {entry.userId ? <div className="muted small">user {entry.userId}</div> : null}
                </td>
                <td>
                  <span className={`badge badge-${deliveryTone(entry.status)}`}>{entry.status}</span>
                  <div className="muted small">{entry.attempts} attempt(s)</div>
                  {entry.error ? <div className="error-text small">{entry.error}</div> : null}
                </td>
                <td>{entry.provider ?? '—'}</td>
                <td>{formatTime(entry.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ListState>
      <Pager
        label="Delivery log"
        pageNumber={log.pageNumber}
        hasPrevious={log.hasPrevious}
        hasNext={log.hasNext}
        onPrevious={log.previous}
        onNext={log.next}
      />
    </section>
  );
}

function Delivery() {
  return (
    <>
      <PageHeading title="Delivery">
        <div className="actions">
          <Link to="/delivery/templates">Email templates</Link>
          <Link to="/delivery/suppressions">Suppression list</Link>
          <Link to="/delivery/outbox">Dev outbox</Link>
        </div>
      </PageHeading>
      <Stats />
      <Log />
    </>
  );
}

export const page = definePage({
  path: '/delivery',
  requires: '/v1/delivery/log',
  title: 'Delivery',
  nav: { label: 'Delivery', order: 45 },
  component: Delivery,
});
