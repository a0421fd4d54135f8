import { type FormEvent, useId, useState } from 'react';
import { FilterOptions } from '../components/field.js';
import { JsonView } from '../components/json-view.js';
import { PageHeading } from '../components/page-heading.js';
import { Pager } from '../components/pager.js';
import { ListState } from '../components/states.js';
import { useToast } from '../components/toast.js';
import { ApiError, api, client, messageOf, unwrap } from '../lib/api.js';
import { formatTime } from '../lib/format.js';
import { usePaged } from '../lib/use-async.js';
import { definePage } from './page.js';

const ACTOR_TYPES = ['user', 'admin', 'system', 'api_token'] as const;
type ActorType = (typeof ACTOR_TYPES)[number];

interface Filters {
  action?: string;
  actorType?: ActorType;
  actorId?: string;
  targetType?: string;
  targetId?: string;
  from?: string;
  to?: string;
}

/** `datetime-local` (UTC, as labelled) to ISO 8601. */
function isoOf(local: string): string | undefined {
  return local ? new Date(`${local}:00Z`).toISOString() : undefined;
}

function filtersOf(form: FormData): Filters {
  const text = (name: string) => {
    const value = String(form.get(name) ?? '').trim();
    return value || undefined;
  };
  const actorType = text('actorType');
  return Object.fromEntries(
    Object.entries({
      action: text('action'),
      actorType: ACTOR_TYPES.find((type) => type === actorType),
      actorId: text('actorId'),
      targetType: text('targetType'),
      targetId: text('targetId'),
      from: isoOf(String(form.get('from') ?? '')),
      to: isoOf(String(form.get('to') ?? '')),
    }).filter(([, value]) => value !== undefined),
  ) as Filters;
}

function Audit() {
  const toast = useToast();
  const [filters, setFilters] = useState<Filters>({});
  const [exporting, setExporting] = useState(false);
  const ids = {
    action: useId(),
    actorType: useId(),
    actorId: useId(),
    targetType: useId(),
    targetId: useId(),
    from: useId(),
    to: useId(),
    format: useId(),
  };
  const entries = usePaged(
    (cursor) =>
      unwrap(
        api.GET('/v1/audit', { params: { query: { limit: 50, ...filters, ...(cursor ? { cursor } : {}) } } }),
      ),
    [JSON.stringify(filters)],
  );

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFilters(filtersOf(new FormData(event.currentTarget)));
  }

  async function exportLog(format: 'csv' | 'ndjson') {
    setExporting(true);
    try {
      const query = new URLSearchParams({ ...filters, format } as Record<string, string>);
      const response = await client.fetch(`/v1/audit/export?${query}`);
      if (!response.ok) throw await ApiError.fromResponse(response);
      const blob = await response.blob();
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `audit-${new Date().toISOString().slice(0, 19).replaceAll(':', '')}.${format}`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      toast(`Exported the audit log (${format.toUpperCase()}).`);
    } catch (error) {
      toast(`Export failed: ${messageOf(error)}`, 'error');
    } finally {
      setExporting(false);
    }
  }

  return (
    <>
      <PageHeading title="Audit log" />
      <form className="filters" onSubmit={apply} aria-label="Filter the audit log">
        <div>
          <label htmlFor={ids.action}>Action</label>
          <input id={ids.action} name="action" placeholder="jobs.run or auth.*" />
        </div>
        <div>
          <label htmlFor={ids.actorType}>Actor type</label>
          <select id={ids.actorType} name="actorType" defaultValue="">
            <FilterOptions any="Any actor" values={ACTOR_TYPES} />
          </select>
        </div>
        <div>
          <label htmlFor={ids.actorId}>Actor id</label>
          <input id={ids.actorId} name="actorId" />
        </div>
        <div>
          <label htmlFor={ids.targetType}>Target type</label>
          <input id={ids.targetType} name="targetType" placeholder="user, job, task…" />
        </div>
        <div>
          <label htmlFor={ids.targetId}>Target id</label>
          <input id={ids.targetId} name="targetId" />
        </div>
        <div>
          <label htmlFor={ids.from}>From (UTC)</label>
          <input id={ids.from} name="from" type="datetime-local" />
        </div>
        <div>
          <label htmlFor={ids.to}>To (UTC)</label>
          <input id={ids.to} name="to" type="datetime-local" />
        </div>
        <button type="submit" className="primary">
          Apply filters
        </button>
      </form>
      <div className="actions">
        <button type="button" onClick={() => exportLog('csv')} disabled={exporting}>
          Export CSV
        </button>
        <button type="button" onClick={() => exportLog('ndjson')} disabled={exporting}>
          Export NDJSON
        </button>
      </div>
      <ListState state={entries} count={entries.items.length} empty="No audit entries match these filters.">
        <table className="table">
          <caption className="visually-hidden">Audit entries, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Action</th>
              <th scope="col">Actor</th>
              <th scope="col">Target</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {entries.items.map((entry) => (
              <tr key={entry.id}>
                <td>{formatTime(entry.at)}</td>
                <td>
                  <code>{entry.action}</code>
                </td>
                <td>
                  {entry.actor.type} <code>{entry.actor.id}</code>
                  {entry.actor.impersonatedBy ? (
                    <div className="small">
                      impersonated by <code>{entry.actor.impersonatedBy}</code>
                    </div>
                  ) : null}
                </td>
                <td>
                  {entry.target ? (
                    <>
                      {entry.target.type} <code>{entry.target.id}</code>
                    </>
                  ) : (
                    '—'
                  )}
                </td>
                <td>
                  <details>
                    <summary>More</summary>
                    <JsonView
                      value={{
                        summary: entry.summary,
                        ip: entry.ip,
                        userAgent: entry.userAgent,
                        requestId: entry.requestId,
                      }}
                      label={`Audit entry ${entry.id} details`}
                    />
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ListState>
      <Pager
        label="Audit entries"
        pageNumber={entries.pageNumber}
        hasPrevious={entries.hasPrevious}
        hasNext={entries.hasNext}
        onPrevious={entries.previous}
        onNext={entries.next}
      />
    </>
  );
}

export const page = definePage({
  path: '/audit',
  requires: '/v1/audit',
  title: 'Audit log',
  nav: { label: 'Audit log', order: 90 },
  component: Audit,
});
