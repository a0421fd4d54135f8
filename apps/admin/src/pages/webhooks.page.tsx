import { type FormEvent, useState } from 'react';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { Field, SecretOnce } from '../components/field.js';
import { PageHeading } from '../components/page-heading.js';
import { Pager } from '../components/pager.js';
import { ErrorState, ListState, Loading } from '../components/states.js';
import { useToast } from '../components/toast.js';
import { api, messageOf, type ResponseBody, unwrap } from '../lib/api.js';
import { formatTime } from '../lib/format.js';
import { Link } from '../lib/router.js';
import { useAsync, usePaged } from '../lib/use-async.js';
import { definePage } from './page.js';

export type Subscription = ResponseBody<'/v1/webhooks/subscriptions'>['items'][number];
type EventType = ResponseBody<'/v1/webhooks/event-types'>['items'][number];

export function healthTone(indicator: string | undefined): string {
  if (indicator === 'green') return 'ok';
  if (indicator === 'yellow') return 'warn';
  if (indicator === 'red') return 'bad';
  return 'muted';
}

export function HealthBadge({ health }: { health: Subscription['health'] }) {
  const rate =
    health?.successRate === null || health?.successRate === undefined
      ? 'no deliveries yet'
      : `${Math.round(health.successRate * 100)} % of ${health.sample}`;
  return (
    <span className={`badge badge-${healthTone(health?.indicator)}`}>
      {health?.indicator ?? 'unknown'} ({rate})
    </span>
  );
}

/** The list answers without health (it is computed per subscription on read): one read per row. */
function HealthCell({ id, generation }: { id: string; generation: number }) {
  const detail = useAsync(
    () => unwrap(api.GET('/v1/webhooks/subscriptions/{id}', { params: { path: { id } } })),
    [id, generation],
  );
  if (detail.error) return <span className="error-text small">{messageOf(detail.error)}</span>;
  if (!detail.data) return <span className="muted small">…</span>;
  return <HealthBadge health={detail.data.health} />;
}

/** The event catalog as checkboxes, with each type's description. */
export function EventTypePicker({
  catalog,
  selected,
  onChange,
}: {
  catalog: EventType[];
  selected: string[];
  onChange: (next: string[]) => void;
}) {
  const all = selected.includes('*');
  const toggle = (type: string, on: boolean) =>
    onChange(on ? [...selected.filter((t) => t !== type), type] : selected.filter((t) => t !== type));
  return (
    <fieldset className="checks">
      <legend>Event types</legend>
      <label>
        <input type="checkbox" checked={all} onChange={(e) => onChange(e.target.checked ? ['*'] : [])} />
        <span>
          <strong>All events</strong> <code>*</code> (the <code>webhook.*</code> notices excepted)
        </span>
      </label>
      {catalog.map((type) => (
        <label key={type.type}>
          <input
            type="checkbox"
            name="eventTypes"
            value={type.type}
            disabled={all}
            checked={all || selected.includes(type.type)}
            onChange={(e) => toggle(type.type, e.target.checked)}
          />
          <span>
            <code>{type.type}</code> v{type.version}
            <span className="muted small"> — {type.description}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

function CreateSubscription({ onCreated }: { onCreated: (secret: string, created: Subscription) => void }) {
  const catalog = useAsync(() => unwrap(api.GET('/v1/webhooks/event-types')), []);
  const [selected, setSelected] = useState<string[]>([]);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setError(undefined);
    if (selected.length === 0) {
      setError(new Error('Choose at least one event type.'));
      return;
    }
    setBusy(true);
    try {
      const created = await unwrap(
        api.POST('/v1/webhooks/subscriptions', {
          body: {
            url: String(form.get('url') ?? '').trim(),
            description: String(form.get('description') ?? '').trim(),
            eventTypes: selected,
            enabled: form.get('enabled') === 'on',
          },
        }),
      );
      const { secret, ...subscription } = created;
      formElement.reset();
      setSelected([]);
      onCreated(secret, subscription);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="create-subscription">
      <h2 id="create-subscription">New subscription</h2>
      <form onSubmit={submit} aria-label="New subscription">
        <div className="form-grid">
          <Field
            label="Endpoint URL"
            hint="Deliveries are POSTed here (https unless the operator allows http)."
          >
            {(id, hint) => (
              <input
                id={id}
                name="url"
                type="url"
                required
                maxLength={2048}
                aria-describedby={hint}
                placeholder="https://example.com/hooks"
              />
            )}
          </Field>
          <Field label="Description">{(id) => <input id={id} name="description" maxLength={500} />}</Field>
        </div>
        {catalog.error ? <ErrorState error={catalog.error} retry={catalog.reload} /> : null}
        {catalog.data ? (
          <EventTypePicker catalog={catalog.data.items} selected={selected} onChange={setSelected} />
        ) : catalog.loading ? (
          <Loading label="Loading the event catalog…" />
        ) : null}
        <label className="inline">
          <input type="checkbox" name="enabled" defaultChecked /> Enabled
        </label>
        {error ? (
          <p className="form-error" role="alert">
            {messageOf(error)}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create subscription'}
        </button>
      </form>
    </section>
  );
}

type Confirm = { subscription: Subscription; action: 'rotate' | 'disable' | 'delete' };

function Webhooks() {
  const toast = useToast();
  const [generation, setGeneration] = useState(0);
  const [secret, setSecret] = useState<{ label: string; value: string }>();
  const [confirm, setConfirm] = useState<Confirm>();
  const refresh = () => setGeneration((n) => n + 1);
  const subscriptions = usePaged(
    (cursor) =>
      unwrap(
        api.GET('/v1/webhooks/subscriptions', {
          params: { query: { limit: 20, ...(cursor ? { cursor } : {}) } },
        }),
      ),
    [generation],
  );

  async function act(subscription: Subscription, action: 'test' | 'enable') {
    try {
      if (action === 'test') {
        const delivery = await unwrap(
          api.POST('/v1/webhooks/subscriptions/{id}/test', { params: { path: { id: subscription.id } } }),
        );
        toast(`Test event queued: delivery ${delivery.id}.`);
      } else {
        await unwrap(
          api.PATCH('/v1/webhooks/subscriptions/{id}', {
            params: { path: { id: subscription.id } },
            body: { enabled: true },
          }),
        );
        toast(`Enabled ${subscription.url}.`);
      }
      refresh();
    } catch (error) {
      toast(`${subscription.url}: ${messageOf(error)}`, 'error');
    }
  }

  const titles: Record<Confirm['action'], string> = {
    rotate: 'Rotate signing secret',
    disable: 'Disable subscription',
    delete: 'Delete subscription',
  };

  return (
    <>
      <PageHeading title="Webhooks" />
      {secret ? (
        <SecretOnce label={secret.label} secret={secret.value} onDone={() => setSecret(undefined)} />
      ) : null}
      <section className="card" aria-labelledby="subscriptions-heading">
        <h2 id="subscriptions-heading">Subscriptions</h2>
        <ListState
          state={subscriptions}
          count={subscriptions.items.length}
          empty="No webhook subscriptions yet."
        >
          <table className="table">
            <caption className="visually-hidden">Webhook subscriptions, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Endpoint</th>
                <th scope="col">Events</th>
                <th scope="col">Status</th>
                <th scope="col">Health</th>
                <th scope="col">Last delivery</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {subscriptions.items.map((subscription) => (
                <tr key={subscription.id}>
                  <th scope="row">
                    <Link to={`/webhooks/${subscription.id}`}>{subscription.url}</Link>
                    <div className="muted small">
                      <code>{subscription.id}</code> {subscription.description}
                    </div>
                  </th>
                  <td>
                    {subscription.eventTypes.map((type) => (
                      <div key={type}>
                        <code>{type}</code>
                      </div>
                    ))}
                  </td>
                  <td>
                    <span
                      className={`badge badge-${subscription.status === 'active' ? 'ok' : subscription.status === 'failing' ? 'warn' : 'muted'}`}
                    >
                      {subscription.status}
                    </span>
                    {subscription.disabledReason ? (
                      <div className="muted small">reason: {subscription.disabledReason}</div>
                    ) : null}
                  </td>
                  <td>
                    <HealthCell id={subscription.id} generation={generation} />
                  </td>
                  <td>{formatTime(subscription.lastDeliveryAt)}</td>
                  <td className="actions">
                    <button
                      type="button"
                      onClick={() => act(subscription, 'test')}
                      aria-label={`Send test event to ${subscription.url}`}
                    >
                      Send test
                    </button>
                    <button
                      type="button"
                      onClick={() => setConfirm({ subscription, action: 'rotate' })}
                      aria-label={`Rotate secret of ${subscription.url}`}
                    >
                      Rotate secret
                    </button>
                    {subscription.enabled ? (
                      <button
                        type="button"
                        onClick={() => setConfirm({ subscription, action: 'disable' })}
                        aria-label={`Disable ${subscription.url}`}
                      >
                        Disable
                      </button>
                    ) : (
                      <button
                        type="button"
                        onClick={() => act(subscription, 'enable')}
                        aria-label={`Enable ${subscription.url}`}
                      >
                        Enable
                      </button>
                    )}
                    <button
                      type="button"
                      className="danger"
                      onClick={() => setConfirm({ subscription, action: 'delete' })}
                      aria-label={`Delete ${subscription.url}`}
                    >
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ListState>
        <Pager
          label="Subscriptions"
          pageNumber={subscriptions.pageNumber}
          hasPrevious={subscriptions.hasPrevious}
          hasNext={subscriptions.hasNext}
          onPrevious={subscriptions.previous}
          onNext={subscriptions.next}
        />
      </section>
      <CreateSubscription
        onCreated={(value, created) => {
          setSecret({ label: `Signing secret of ${created.url}`, value });
          toast(`Created subscription ${created.id}.`);
          refresh();
        }}
      />
      <ConfirmDialog
        open={confirm !== undefined}
        title={confirm ? titles[confirm.action] : ''}
        confirmLabel={confirm ? titles[confirm.action] : ''}
        danger={confirm?.action !== 'rotate'}
        onClose={() => setConfirm(undefined)}
        onConfirm={async () => {
          if (!confirm) return;
          const { subscription, action } = confirm;
          const path = { params: { path: { id: subscription.id } } };
          if (action === 'rotate') {
            const rotated = await unwrap(api.POST('/v1/webhooks/subscriptions/{id}/rotate-secret', path));
            setSecret({ label: `New signing secret of ${subscription.url}`, value: rotated.secret });
            toast('Secret rotated; the previous one keeps signing for 24 hours.');
          } else if (action === 'disable') {
            await unwrap(api.PATCH('/v1/webhooks/subscriptions/{id}', { ...path, body: { enabled: false } }));
            toast(`Disabled ${subscription.url}.`);
          } else {
            await unwrap(api.DELETE('/v1/webhooks/subscriptions/{id}', path));
            toast(`Deleted ${subscription.url}.`);
          }
          refresh();
        }}
      >
        {confirm?.action === 'rotate' ? (
          <p>
            A new secret signs every delivery from now on; for 24 hours deliveries carry a signature with the
            previous secret too, so the receiver can switch without losing events.
          </p>
        ) : confirm?.action === 'disable' ? (
          <p>No events are delivered to {confirm.subscription.url} until you enable it again.</p>
        ) : (
          <p>
            {confirm?.subscription.url} stops receiving events now; pending deliveries are not sent. This
            cannot be undone.
          </p>
        )}
      </ConfirmDialog>
    </>
  );
}

export const page = definePage({
  path: '/webhooks',
  requires: '/v1/webhooks/subscriptions',
  title: 'Webhooks',
  nav: { label: 'Webhooks', order: 40 },
  component: Webhooks,
});
