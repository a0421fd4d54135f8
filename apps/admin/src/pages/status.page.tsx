import { type FormEvent, useState } from 'react';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { Field } from '../components/field.js';
import { PageHeading } from '../components/page-heading.js';
import { Pager } from '../components/pager.js';
import { ListState } from '../components/states.js';
import { useToast } from '../components/toast.js';
import { api, messageOf, type ResponseBody, unwrap } from '../lib/api.js';
import { isoFromLocal } from '../lib/form-values.js';
import { formatTime } from '../lib/format.js';
import { useAsync, usePaged } from '../lib/use-async.js';
import { definePage } from './page.js';

type Incident = ResponseBody<'/v1/status/incidents'>['items'][number];
type IncidentStatus = Incident['status'];
type Impact = Incident['impact'];
type Window = ResponseBody<'/v1/status/maintenance'>['items'][number];
type Component = ResponseBody<'/v1/status/components'>['items'][number];
const STATUSES: IncidentStatus[] = ['investigating', 'identified', 'monitoring', 'resolved'];
const IMPACTS: Impact[] = ['none', 'minor', 'major', 'critical'];

export function impactTone(impact: string): string {
  if (impact === 'critical' || impact === 'major') return 'bad';
  if (impact === 'minor') return 'warn';
  return 'muted';
}

function FormError({ error }: { error: unknown }) {
  return error ? (
    <p className="form-error" role="alert">
      {messageOf(error)}
    </p>
  ) : null;
}

/** Runs a form submit: error shown in the form, form reset on success. */
function useSubmit(action: (form: FormData) => Promise<void>) {
  const [error, setError] = useState<unknown>();
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    setError(undefined);
    try {
      await action(new FormData(formElement));
      formElement.reset();
    } catch (caught) {
      setError(caught);
    }
  }
  return { error, onSubmit };
}

const textOf = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

function Incidents({ components }: { components: Component[] }) {
  const toast = useToast();
  const [generation, setGeneration] = useState(0);
  const [dialog, setDialog] = useState<{ incident: Incident; action: 'update' | 'resolve' | 'delete' }>();
  const refresh = () => setGeneration((n) => n + 1);
  const incidents = usePaged(
    (cursor) =>
      unwrap(
        api.GET('/v1/status/incidents', { params: { query: { limit: 10, ...(cursor ? { cursor } : {}) } } }),
      ),
    [generation],
  );
  const create = useSubmit(async (form) => {
    const incident = await unwrap(
      api.POST('/v1/status/incidents', {
        body: {
          title: textOf(form, 'title'),
          impact: textOf(form, 'impact') as Impact,
          status: textOf(form, 'status') as Exclude<IncidentStatus, 'resolved'>,
          components: form.getAll('components').map(String),
          message: textOf(form, 'message'),
        },
      }),
    );
    toast(`Opened incident ${incident.id}.`);
    refresh();
  });

  return (
    <section className="card" aria-labelledby="incidents-heading">
      <h2 id="incidents-heading">Incidents</h2>
      <ListState state={incidents} count={incidents.items.length} empty="No incidents.">
        {incidents.items.map((incident) => (
          <article key={incident.id} className="card" aria-labelledby={`incident-${incident.id}`}>
            <h3 id={`incident-${incident.id}`}>{incident.title}</h3>
            <p>
              <span className={`badge badge-${incident.status === 'resolved' ? 'ok' : 'warn'}`}>
                {incident.status}
              </span>{' '}
              <span className={`badge badge-${impactTone(incident.impact)}`}>impact {incident.impact}</span>{' '}
              <span className="muted small">
                started {formatTime(incident.startedAt)}
                {incident.resolvedAt ? `, resolved ${formatTime(incident.resolvedAt)}` : ''}
                {incident.components.length > 0 ? ` · ${incident.components.join(', ')}` : ''}
              </span>
            </p>
            <ol className="timeline" aria-label={`Timeline of ${incident.title}`}>
              {incident.updates.map((update) => (
                <li key={update.id}>
                  <strong>{update.status}</strong>{' '}
                  <span className="muted small">{formatTime(update.at)}</span>
                  <div>{update.message}</div>
                </li>
              ))}
            </ol>
            <div className="actions">
              {incident.status === 'resolved' ? null : (
                <>
                  <button
                    type="button"
                    onClick={() => setDialog({ incident, action: 'update' })}
                    aria-label={`Add update to ${incident.title}`}
                  >
                    Add update
                  </button>
                  <button
                    type="button"
                    className="primary"
                    onClick={() => setDialog({ incident, action: 'resolve' })}
                    aria-label={`Resolve ${incident.title}`}
                  >
                    Resolve
                  </button>
                </>
              )}
              <button
                type="button"
                className="danger"
                onClick={() => setDialog({ incident, action: 'delete' })}
                aria-label={`Delete ${incident.title}`}
              >
                Delete
              </button>
            </div>
          </article>
        ))}
      </ListState>
      <Pager
        label="Incidents"
        pageNumber={incidents.pageNumber}
        hasPrevious={incidents.hasPrevious}
        hasNext={incidents.hasNext}
        onPrevious={incidents.previous}
        onNext={incidents.next}
      />
      <form onSubmit={create.onSubmit} aria-label="Open an incident">
        <h3>Open an incident</h3>
        <div className="form-grid">
          <Field label="Incident title">
            {(id) => <input id={id} name="title" required maxLength={200} />}
          </Field>
          <Field label="Impact">
            {(id) => (
              <select id={id} name="impact" defaultValue="minor">
                {IMPACTS.map((impact) => (
                  <option key={impact} value={impact}>
                    {impact}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Incident status">
            {(id) => (
              <select id={id} name="status" defaultValue="investigating">
                {STATUSES.filter((status) => status !== 'resolved').map((status) => (
                  <option key={status} value={status}>
                    {status}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="First public update" className="full">
            {(id) => <textarea id={id} name="message" rows={2} required maxLength={5000} />}
          </Field>
        </div>
        {components.length > 0 ? (
          <fieldset className="checks">
            <legend>Affected components</legend>
            {components.map((component) => (
              <label key={component.id}>
                <input type="checkbox" name="components" value={component.id} /> {component.name}
              </label>
            ))}
          </fieldset>
        ) : null}
        <FormError error={create.error} />
        <button type="submit" className="primary">
          Open incident
        </button>
      </form>
      <ConfirmDialog
        open={dialog !== undefined}
        title={
          dialog?.action === 'update'
            ? `Update ${dialog.incident.title}`
            : dialog?.action === 'resolve'
              ? `Resolve ${dialog.incident.title}`
              : `Delete ${dialog?.incident.title ?? ''}`
        }
        confirmLabel={
          dialog?.action === 'update'
            ? 'Post update'
            : dialog?.action === 'resolve'
              ? 'Resolve incident'
              : 'Delete incident'
        }
        danger={dialog?.action === 'delete'}
        onClose={() => setDialog(undefined)}
        onConfirm={async (form) => {
          if (!dialog) return;
          const path = { params: { path: { id: dialog.incident.id } } };
          if (dialog.action === 'delete') {
            await unwrap(api.DELETE('/v1/status/incidents/{id}', path));
            toast('Incident deleted.');
          } else {
            const status =
              dialog.action === 'resolve' ? 'resolved' : (textOf(form, 'status') as IncidentStatus);
            await unwrap(
              api.PATCH('/v1/status/incidents/{id}', {
                ...path,
                body: { status, message: textOf(form, 'message') },
              }),
            );
            toast(dialog.action === 'resolve' ? 'Incident resolved.' : 'Update posted.');
          }
          refresh();
        }}
      >
        {dialog?.action === 'delete' ? (
          <p>
            For an incident opened by mistake: it disappears from the status page. Resolve real ones instead.
          </p>
        ) : (
          <>
            {dialog?.action === 'update' ? (
              <Field label="New status">
                {(id) => (
                  <select id={id} name="status" defaultValue={dialog.incident.status}>
                    {STATUSES.filter((status) => status !== 'resolved').map((status) => (
                      <option key={status} value={status}>
                        {status}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            ) : (
              <p>The incident closes and cannot be reopened.</p>
            )}
            <Field label="Public message">
              {(id) => <textarea id={id} name="message" rows={3} required maxLength={5000} />}
            </Field>
          </>
        )}
      </ConfirmDialog>
    </section>
  );
}

function MaintenanceWindows() {
  const toast = useToast();
  const [generation, setGeneration] = useState(0);
  const [cancelling, setCancelling] = useState<Window>();
  const windows = usePaged(
    (cursor) =>
      unwrap(
        api.GET('/v1/status/maintenance', {
          params: { query: { limit: 10, ...(cursor ? { cursor } : {}) } },
        }),
      ),
    [generation],
  );
  const create = useSubmit(async (form) => {
    const startsAt = isoFromLocal(textOf(form, 'startsAt'));
    const endsAt = isoFromLocal(textOf(form, 'endsAt'));
    if (!startsAt || !endsAt) throw new Error('Give a start and an end.');
    const description = textOf(form, 'description');
    await unwrap(
      api.POST('/v1/status/maintenance', {
        body: {
          title: textOf(form, 'title'),
          ...(description ? { description } : {}),
          startsAt,
          endsAt,
          maintenanceMode: form.get('maintenanceMode') === 'on',
        },
      }),
    );
    toast('Maintenance window scheduled.');
    setGeneration((n) => n + 1);
  });

  return (
    <section className="card" aria-labelledby="status-maintenance-heading">
      <h2 id="status-maintenance-heading">Maintenance windows</h2>
      <ListState state={windows} count={windows.items.length} empty="No maintenance windows.">
        <table className="table compact">
          <caption className="visually-hidden">Maintenance windows, latest start first</caption>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Starts</th>
              <th scope="col">Ends</th>
              <th scope="col">Phase</th>
              <th scope="col">Maintenance mode</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {windows.items.map((window) => (
              <tr key={window.id}>
                <th scope="row">
                  {window.title}
                  {window.description ? <div className="muted small">{window.description}</div> : null}
                </th>
                <td>{formatTime(window.startsAt)}</td>
                <td>{formatTime(window.endsAt)}</td>
                <td>{window.phase}</td>
                <td>{window.maintenanceMode ? 'yes' : 'no'}</td>
                <td>
                  {window.phase === 'scheduled' || window.phase === 'in_progress' ? (
                    <button
                      type="button"
                      className="danger"
                      onClick={() => setCancelling(window)}
                      aria-label={`Cancel ${window.title}`}
                    >
                      Cancel
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ListState>
      <Pager
        label="Maintenance windows"
        pageNumber={windows.pageNumber}
        hasPrevious={windows.hasPrevious}
        hasNext={windows.hasNext}
        onPrevious={windows.previous}
        onNext={windows.next}
      />
      <form onSubmit={create.onSubmit} aria-label="Schedule a maintenance window">
        <h3>Schedule a maintenance window</h3>
        <div className="form-grid">
          <Field label="Maintenance title">
            {(id) => <input id={id} name="title" required maxLength={200} />}
          </Field>
          <Field label="Starts (UTC)">
            {(id) => <input id={id} name="startsAt" type="datetime-local" required />}
          </Field>
          <Field label="Ends (UTC)">
            {(id) => <input id={id} name="endsAt" type="datetime-local" required />}
          </Field>
          <Field label="Maintenance description" className="full">
            {(id) => <textarea id={id} name="description" rows={2} maxLength={5000} />}
          </Field>
        </div>
        <label className="inline">
          <input type="checkbox" name="maintenanceMode" /> Turn maintenance mode on while in progress
        </label>
        <FormError error={create.error} />
        <button type="submit" className="primary">
          Schedule maintenance
        </button>
      </form>
      <ConfirmDialog
        open={cancelling !== undefined}
        title={`Cancel ${cancelling?.title ?? ''}`}
        confirmLabel="Cancel window"
        danger
        onClose={() => setCancelling(undefined)}
        onConfirm={async () => {
          if (!cancelling) return;
          await unwrap(
            api.POST('/v1/status/maintenance/{id}/cancel', { params: { path: { id: cancelling.id } } }),
          );
          toast('Maintenance window cancelled.');
          setGeneration((n) => n + 1);
        }}
      >
        <p>
          The window is cancelled on the status page
          {cancelling?.phase === 'in_progress' ? ' and ends now' : ''}.
        </p>
      </ConfirmDialog>
    </section>
  );
}

function Components({ components, reload }: { components: Component[]; reload: () => void }) {
  const toast = useToast();
  const [deleting, setDeleting] = useState<Component>();
  const create = useSubmit(async (form) => {
    const description = textOf(form, 'description');
    await unwrap(
      api.POST('/v1/status/components', {
        body: {
          id: textOf(form, 'id'),
          name: textOf(form, 'name'),
          ...(description ? { description } : {}),
          order: Number(textOf(form, 'order') || '0'),
        },
      }),
    );
    toast('Component added.');
    reload();
  });
  return (
    <section className="card" aria-labelledby="components-heading">
      <h2 id="components-heading">Components</h2>
      {components.length === 0 ? (
        <p className="state state-empty">No components.</p>
      ) : (
        <table className="table compact">
          <caption className="visually-hidden">Status components</caption>
          <thead>
            <tr>
              <th scope="col">Component</th>
              <th scope="col">Check</th>
              <th scope="col">Source</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {components.map((component) => (
              <tr key={component.id}>
                <th scope="row">
                  {component.name} <code className="small">{component.id}</code>
                  {component.description ? <div className="muted small">{component.description}</div> : null}
                </th>
                <td>
                  {component.check
                    ? component.check.kind === 'http'
                      ? `HTTP ${component.check.url}`
                      : `service ${component.check.baseUrl}`
                    : 'none (incidents only)'}
                </td>
                <td>{component.source}</td>
                <td>
                  <button
                    type="button"
                    className="danger"
                    onClick={() => setDeleting(component)}
                    aria-label={`Delete component ${component.name}`}
                  >
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form onSubmit={create.onSubmit} aria-label="Add a component">
        <h3>Add a component</h3>
        <div className="form-grid">
          <Field label="Component id" hint="Lowercase letters, digits and -, e.g. api.">
            {(id, hint) => (
              <input id={id} name="id" required pattern="[a-z][a-z0-9\-]{0,62}" aria-describedby={hint} />
            )}
          </Field>
          <Field label="Component name">
            {(id) => <input id={id} name="name" required maxLength={100} />}
          </Field>
          <Field label="Order">
            {(id) => <input id={id} name="order" type="number" min={0} max={10000} />}
          </Field>
          <Field label="Component description" className="full">
            {(id) => <input id={id} name="description" maxLength={500} />}
          </Field>
        </div>
        <FormError error={create.error} />
        <button type="submit" className="primary">
          Add component
        </button>
      </form>
      <ConfirmDialog
        open={deleting !== undefined}
        title={`Delete component ${deleting?.name ?? ''}`}
        confirmLabel="Delete component"
        danger
        onClose={() => setDeleting(undefined)}
        onConfirm={async () => {
          if (!deleting) return;
          await unwrap(api.DELETE('/v1/status/components/{id}', { params: { path: { id: deleting.id } } }));
          toast(`Deleted ${deleting.name}.`);
          reload();
        }}
      >
        <p>It leaves the status page; its history stays until it expires.</p>
      </ConfirmDialog>
    </section>
  );
}

function Status() {
  const components = useAsync(() => unwrap(api.GET('/v1/status/components')), []);
  const list = components.data?.items ?? [];
  return (
    <>
      <PageHeading title="Status">
        <a href="/v1/public/status" target="_blank" rel="noreferrer">
          Public status (JSON)
        </a>
      </PageHeading>
      <Incidents components={list} />
      <MaintenanceWindows />
      <Components components={list} reload={components.reload} />
    </>
  );
}

export const page = definePage({
  path: '/status',
  requires: '/v1/status/incidents',
  title: 'Status',
  nav: { label: 'Status', order: 80 },
  component: Status,
});
