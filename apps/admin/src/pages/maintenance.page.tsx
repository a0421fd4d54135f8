import { type FormEvent, useEffect, useState } from 'react';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { Field } from '../components/field.js';
import { PageHeading } from '../components/page-heading.js';
import { ErrorState, ListState, Loading } from '../components/states.js';
import { useToast } from '../components/toast.js';
import { api, messageOf, type RequestBody, type ResponseBody, unwrap } from '../lib/api.js';
import { useAuth } from '../lib/auth.js';
import { isoFromLocal, linesOf, localFromIso } from '../lib/form-values.js';
import { formatTime } from '../lib/format.js';
import { useAsync } from '../lib/use-async.js';
import { definePage } from './page.js';

type Config = ResponseBody<'/v1/settings/maintenance/config'>;
type Mode = Config['mode'];
type Update = RequestBody<'/v1/settings/maintenance', 'put'>;
type Window = ResponseBody<'/v1/settings/maintenance/schedule'>['items'][number];
const MODES: { mode: Mode; label: string; effect: string }[] = [
  { mode: 'off', label: 'Off', effect: 'Everything works normally.' },
  { mode: 'read_only', label: 'Read only', effect: 'Reads pass; every write answers 503 read_only.' },
  {
    mode: 'maintenance',
    label: 'Maintenance',
    effect: 'Every request but health, status and sign-in answers 503 maintenance.',
  },
  {
    mode: 'emergency',
    label: 'Emergency',
    effect: 'Maintenance, and the kill switch is on for every client.',
  },
];

export function modeTone(mode: string): string {
  if (mode === 'off') return 'ok';
  if (mode === 'read_only') return 'warn';
  return 'bad';
}

/** What a user sees: the message in the 503 problem document a refused request gets. */
function MessagePreview({ mode, message, end }: { mode: Mode; message: string; end: string | undefined }) {
  if (mode === 'off') return <p className="muted">Users see nothing while the mode is off.</p>;
  return (
    <section className="maintenance-preview" aria-label="What users see">
      <p>
        <strong>{mode === 'read_only' ? 'Read-only mode' : 'Down for maintenance'}</strong>
      </p>
      <p>{message || 'The service is under maintenance.'}</p>
      {end ? <p className="small">Expected back: {formatTime(end)}</p> : null}
      <p className="muted small">
        API answer: <code>503</code> <code>{mode === 'read_only' ? 'read_only' : 'maintenance'}</code>
        {end ? ', with Retry-After' : ''}
      </p>
    </section>
  );
}

function ModeForm({ config, onSaved }: { config: Config; onSaved: () => void }) {
  const toast = useToast();
  const [mode, setMode] = useState<Mode>(config.mode);
  const [message, setMessage] = useState(config.message);
  const [adminMessage, setAdminMessage] = useState(config.adminMessage ?? '');
  const [bypassIps, setBypassIps] = useState(config.bypassIPs.join('\n'));
  const [bypassRoles, setBypassRoles] = useState(config.bypassRoles.join(', '));
  const [start, setStart] = useState(localFromIso(config.scheduledStart));
  const [end, setEnd] = useState(localFromIso(config.scheduledEnd));
  const [pending, setPending] = useState<Update>();
  useEffect(() => {
    setMode(config.mode);
  }, [config.mode]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending({
      mode,
      message,
      adminMessage: adminMessage.trim() ? adminMessage : null,
      bypassIPs: linesOf(bypassIps),
      bypassRoles: linesOf(bypassRoles),
      scheduledStart: isoFromLocal(start) ?? null,
      scheduledEnd: isoFromLocal(end) ?? null,
    });
  }

  const effect = MODES.find((option) => option.mode === mode)?.effect ?? '';
  return (
    <section className="card" aria-labelledby="mode-heading">
      <h2 id="mode-heading">Maintenance mode</h2>
      <p>
        Now:{' '}
        <span className={`badge badge-${modeTone(config.effectiveMode)}`} data-testid="effective-mode">
          {config.effectiveMode}
        </span>{' '}
        {config.source === 'env' ? (
          <span className="muted small">
            set by MAINTENANCE_MODE in the environment (overrides the stored mode)
          </span>
        ) : (
          <span className="muted small">
            changed {formatTime(config.updatedAt)} by {config.updatedBy}
          </span>
        )}
      </p>
      <form onSubmit={submit} aria-label="Maintenance mode">
        <div className="form-grid">
          <Field label="Mode" hint={effect}>
            {(id, hint) => (
              <select
                id={id}
                value={mode}
                aria-describedby={hint}
                onChange={(e) => setMode(e.target.value as Mode)}
              >
                {MODES.map((option) => (
                  <option key={option.mode} value={option.mode}>
                    {option.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Bypass roles (comma separated)">
            {(id) => <input id={id} value={bypassRoles} onChange={(e) => setBypassRoles(e.target.value)} />}
          </Field>
          <Field label="Message to users" className="full">
            {(id) => (
              <textarea
                id={id}
                rows={2}
                maxLength={2000}
                value={message}
                onChange={(e) => setMessage(e.target.value)}
              />
            )}
          </Field>
          <Field label="Message to admins" className="full">
            {(id) => (
              <textarea
                id={id}
                rows={2}
                maxLength={2000}
                value={adminMessage}
                onChange={(e) => setAdminMessage(e.target.value)}
              />
            )}
          </Field>
          <Field
            label="Bypass IPs and CIDR ranges (one per line)"
            hint={
              config.envBypassIPs.length > 0
                ? `Also from the environment: ${config.envBypassIPs.join(', ')}`
                : undefined
            }
          >
            {(id, hint) => (
              <textarea
                id={id}
                rows={3}
                aria-describedby={hint}
                value={bypassIps}
                onChange={(e) => setBypassIps(e.target.value)}
              />
            )}
          </Field>
          <div>
            <Field label="Planned start (UTC)">
              {(id) => (
                <input
                  id={id}
                  type="datetime-local"
                  value={start}
                  onChange={(e) => setStart(e.target.value)}
                />
              )}
            </Field>
            <Field label="Planned end (UTC)" hint="Drives Retry-After.">
              {(id, hint) => (
                <input
                  id={id}
                  type="datetime-local"
                  aria-describedby={hint}
                  value={end}
                  onChange={(e) => setEnd(e.target.value)}
                />
              )}
            </Field>
          </div>
        </div>
        <h3>Preview</h3>
        <MessagePreview mode={mode} message={message} end={isoFromLocal(end)} />
        <div className="actions">
          <button type="submit" className="primary">
            Apply
          </button>
        </div>
      </form>
      <ConfirmDialog
        open={pending !== undefined}
        title="Change maintenance mode"
        confirmLabel={`Switch to ${pending?.mode ?? ''}`}
        danger={pending?.mode !== 'off'}
        onClose={() => setPending(undefined)}
        onConfirm={async () => {
          if (!pending) return;
          const saved = await unwrap(api.PUT('/v1/settings/maintenance', { body: pending }));
          toast(`Maintenance mode is ${saved.mode}.`);
          onSaved();
        }}
      >
        <p>
          The product switches to <strong>{pending?.mode}</strong> now on this instance and within seconds on
          the others. {MODES.find((option) => option.mode === pending?.mode)?.effect}
        </p>
      </ConfirmDialog>
    </section>
  );
}

function KillSwitch() {
  const toast = useToast();
  const productId = useAuth().user?.productId;
  // Public route: name the signed-in product (it defaults to the service's own).
  const state = useAsync(
    () =>
      unwrap(
        api.GET('/v1/settings/kill-switch', {
          params: { query: productId ? { productId } : {} },
          // Public and cacheable: the console wants the state now.
          cache: 'no-store',
        }),
      ),
    [productId],
  );
  const [confirming, setConfirming] = useState(false);
  if (state.error) return <ErrorState error={state.error} retry={state.reload} />;
  if (!state.data) return <Loading />;
  const current = state.data;
  return (
    <section className="card" aria-labelledby="kill-heading">
      <h2 id="kill-heading">Kill switch</h2>
      <p>
        <span className={`badge badge-${current.enabled ? 'bad' : 'ok'}`} data-testid="kill-switch">
          {current.enabled ? 'on' : 'off'}
        </span>{' '}
        {current.enabled
          ? `Clients disable themselves (${current.reason}). ${current.message}`
          : 'Clients run normally.'}
      </p>
      <button
        type="button"
        className={current.enabled ? 'primary' : 'danger'}
        onClick={() => setConfirming(true)}
        disabled={current.reason === 'emergency'}
      >
        {current.enabled ? 'Turn the kill switch off' : 'Turn the kill switch on'}
      </button>
      {current.reason === 'emergency' ? (
        <p className="muted small">On because of emergency mode: change the mode to turn it off.</p>
      ) : null}
      <ConfirmDialog
        open={confirming}
        title={current.enabled ? 'Turn the kill switch off' : 'Turn the kill switch on'}
        confirmLabel={current.enabled ? 'Turn off' : 'Turn on'}
        danger={!current.enabled}
        onClose={() => setConfirming(false)}
        onConfirm={async (form) => {
          const message = String(form.get('message') ?? '').trim();
          const saved = await unwrap(
            api.PUT('/v1/settings/kill-switch', {
              body: { enabled: !current.enabled, ...(message ? { message } : {}) },
            }),
          );
          toast(`Kill switch ${saved.enabled ? 'on' : 'off'}.`);
          state.reload();
        }}
      >
        <p>
          {current.enabled
            ? 'Clients polling the kill switch start working again.'
            : 'Every client polling the kill switch disables itself until you turn it off.'}
        </p>
        {current.enabled ? null : (
          <Field label="Message to clients">
            {(id) => <textarea id={id} name="message" rows={2} maxLength={2000} />}
          </Field>
        )}
      </ConfirmDialog>
    </section>
  );
}

function Schedule() {
  const toast = useToast();
  const [generation, setGeneration] = useState(0);
  const [cancelling, setCancelling] = useState<Window>();
  const [error, setError] = useState<unknown>();
  const productId = useAuth().user?.productId;
  const schedule = useAsync(
    () =>
      unwrap(
        api.GET('/v1/settings/maintenance/schedule', {
          params: { query: productId ? { productId } : {} },
          cache: 'no-store',
        }),
      ),
    [generation, productId],
  );
  const items = schedule.data?.items ?? [];

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    setError(undefined);
    try {
      const startAt = isoFromLocal(text('startAt'));
      const endAt = isoFromLocal(text('endAt'));
      if (!startAt || !endAt) throw new Error('Give a start and an end.');
      await unwrap(
        api.POST('/v1/settings/maintenance/schedule', {
          body: {
            startAt,
            endAt,
            mode: text('mode') as 'read_only' | 'maintenance' | 'emergency',
            message: text('message'),
          },
        }),
      );
      toast('Window scheduled.');
      formElement.reset();
      setGeneration((n) => n + 1);
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <section className="card" aria-labelledby="schedule-heading">
      <h2 id="schedule-heading">Scheduled windows</h2>
      <p className="muted small">The mode switches on at the start and back at the end by itself.</p>
      <ListState state={schedule} count={items.length} empty="No window scheduled.">
        <table className="table compact">
          <caption className="visually-hidden">Scheduled and active maintenance windows</caption>
          <thead>
            <tr>
              <th scope="col">Start</th>
              <th scope="col">End</th>
              <th scope="col">Mode</th>
              <th scope="col">Message</th>
              <th scope="col">State</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {items.map((window) => (
              <tr key={window.id}>
                <th scope="row">{formatTime(window.startAt)}</th>
                <td>{formatTime(window.endAt)}</td>
                <td>{window.mode}</td>
                <td>{window.message}</td>
                <td>{window.state}</td>
                <td>
                  {window.state === 'scheduled' || window.state === 'active' ? (
                    <button
                      type="button"
                      className="danger"
                      onClick={() => setCancelling(window)}
                      aria-label={`Cancel window starting ${formatTime(window.startAt)}`}
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
      <form onSubmit={create} aria-label="Schedule a window">
        <h3>Schedule a window</h3>
        <div className="form-grid">
          <Field label="Window start (UTC)">
            {(id) => <input id={id} name="startAt" type="datetime-local" required />}
          </Field>
          <Field label="Window end (UTC)">
            {(id) => <input id={id} name="endAt" type="datetime-local" required />}
          </Field>
          <Field label="Window mode">
            {(id) => (
              <select id={id} name="mode" defaultValue="maintenance">
                <option value="read_only">Read only</option>
                <option value="maintenance">Maintenance</option>
                <option value="emergency">Emergency</option>
              </select>
            )}
          </Field>
          <Field label="Window message" className="full">
            {(id) => <input id={id} name="message" required maxLength={2000} />}
          </Field>
        </div>
        {error ? (
          <p className="form-error" role="alert">
            {messageOf(error)}
          </p>
        ) : null}
        <button type="submit" className="primary">
          Schedule window
        </button>
      </form>
      <ConfirmDialog
        open={cancelling !== undefined}
        title="Cancel maintenance window"
        confirmLabel="Cancel window"
        danger
        onClose={() => setCancelling(undefined)}
        onConfirm={async () => {
          if (!cancelling) return;
          await unwrap(
            api.DELETE('/v1/settings/maintenance/schedule/{id}', { params: { path: { id: cancelling.id } } }),
          );
          toast('Window cancelled.');
          setGeneration((n) => n + 1);
        }}
      >
        <p>
          {cancelling?.state === 'active'
            ? 'The window ends now and the previous mode comes back.'
            : 'The window never starts.'}
        </p>
      </ConfirmDialog>
    </section>
  );
}

function Maintenance() {
  const [generation, setGeneration] = useState(0);
  const config = useAsync(() => unwrap(api.GET('/v1/settings/maintenance/config')), [generation]);
  return (
    <>
      <PageHeading title="Maintenance and kill switch" />
      {config.error ? <ErrorState error={config.error} retry={config.reload} /> : null}
      {config.data ? (
        <ModeForm
          key={config.data.updatedAt}
          config={config.data}
          onSaved={() => setGeneration((n) => n + 1)}
        />
      ) : config.loading ? (
        <Loading />
      ) : null}
      <KillSwitch />
      <Schedule />
    </>
  );
}

export const page = definePage({
  path: '/maintenance',
  requires: '/v1/settings/maintenance/config',
  title: 'Maintenance and kill switch',
  nav: { label: 'Maintenance', order: 60 },
  component: Maintenance,
});
