import { type FormEvent, useState } from 'react';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { Field, FilterOptions } from '../components/field.js';
import { JsonView } from '../components/json-view.js';
import { PageHeading } from '../components/page-heading.js';
import { Pager } from '../components/pager.js';
import { ErrorState, ListState, Loading } from '../components/states.js';
import { useToast } from '../components/toast.js';
import { api, messageOf, type ResponseBody, unwrap } from '../lib/api.js';
import { isoFromLocal, localFromIso } from '../lib/form-values.js';
import { formatTime } from '../lib/format.js';
import { Link } from '../lib/router.js';
import { useAsync, usePaged } from '../lib/use-async.js';
import { definePage } from './page.js';
import { HealthBadge } from './webhooks.page.js';

type Delivery = ResponseBody<'/v1/webhooks/subscriptions/{id}/deliveries'>['items'][number];
type DeliveryStatus = Delivery['status'];
const STATUSES: DeliveryStatus[] = ['pending', 'retrying', 'succeeded', 'failed'];

export function deliveryTone(status: string): string {
  if (status === 'succeeded' || status === 'sent' || status === 'delivered' || status === 'opened')
    return 'ok';
  if (status === 'failed' || status === 'bounced') return 'bad';
  if (status === 'retrying' || status === 'suppressed') return 'warn';
  return 'info';
}

function Preview({ subscriptionId, deliveryId }: { subscriptionId: string; deliveryId: string }) {
  const detail = useAsync(
    () =>
      unwrap(
        api.GET('/v1/webhooks/subscriptions/{id}/deliveries/{deliveryId}', {
          params: { path: { id: subscriptionId, deliveryId } },
        }),
      ),
    [subscriptionId, deliveryId],
  );
  if (detail.error) return <ErrorState error={detail.error} retry={detail.reload} />;
  if (!detail.data) return <Loading />;
  const { payloadPreview, payloadBytes, attempts, responseBody, error } = detail.data;
  let payload: unknown = payloadPreview;
  try {
    payload = JSON.parse(payloadPreview);
  } catch {
    // Truncated (over 4 KB): shown as text.
  }
  return (
    <section className="card" aria-labelledby="preview-heading">
      <h2 id="preview-heading">Delivery {deliveryId}</h2>
      <p className="muted small">
        Payload: {payloadBytes} bytes{payloadBytes > 4096 ? ' (first 4 KB shown)' : ''}.
      </p>
      <JsonView value={payload} label={`Payload of ${deliveryId}`} />
      <h3>Attempts</h3>
      <JsonView value={{ attempts, responseBody, error }} label={`Attempts of ${deliveryId}`} />
    </section>
  );
}

function WebhookDetail({ params }: { params: Record<string, string> }) {
  const id = params.subscriptionId ?? '';
  const toast = useToast();
  const [generation, setGeneration] = useState(0);
  const [filters, setFilters] = useState<{ status: DeliveryStatus | ''; eventType: string; since: string }>({
    status: '',
    eventType: '',
    since: '',
  });
  const [selected, setSelected] = useState<string>();
  const [resendFailed, setResendFailed] = useState(false);
  const refresh = () => setGeneration((n) => n + 1);
  const subscription = useAsync(
    () => unwrap(api.GET('/v1/webhooks/subscriptions/{id}', { params: { path: { id } } })),
    [id, generation],
  );
  const deliveries = usePaged(
    (cursor) =>
      unwrap(
        api.GET('/v1/webhooks/subscriptions/{id}/deliveries', {
          params: {
            path: { id },
            query: {
              limit: 20,
              ...(cursor ? { cursor } : {}),
              ...(filters.status ? { status: filters.status } : {}),
              ...(filters.eventType ? { eventType: filters.eventType } : {}),
              ...(filters.since ? { since: filters.since } : {}),
            },
          },
        }),
      ),
    [id, filters.status, filters.eventType, filters.since, generation],
  );

  function filter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setFilters({
      status: String(form.get('status') ?? '') as DeliveryStatus | '',
      eventType: String(form.get('eventType') ?? '').trim(),
      since: isoFromLocal(String(form.get('since') ?? '')) ?? '',
    });
  }

  async function sendTest() {
    try {
      const delivery = await unwrap(
        api.POST('/v1/webhooks/subscriptions/{id}/test', { params: { path: { id } } }),
      );
      toast(`Test event queued: delivery ${delivery.id}.`);
      refresh();
    } catch (error) {
      toast(messageOf(error), 'error');
    }
  }

  async function resend(delivery: Delivery) {
    try {
      const created = await unwrap(
        api.POST('/v1/webhooks/subscriptions/{id}/deliveries/{deliveryId}/resend', {
          params: { path: { id, deliveryId: delivery.id } },
        }),
      );
      toast(`Resent as delivery ${created.id}.`);
      refresh();
    } catch (error) {
      toast(messageOf(error), 'error');
    }
  }

  const current = subscription.data;
  return (
    <>
      <PageHeading title={current ? `Webhook ${current.url}` : 'Webhook'}>
        <Link to="/webhooks">Back to subscriptions</Link>
      </PageHeading>
      {subscription.error ? <ErrorState error={subscription.error} retry={subscription.reload} /> : null}
      {current ? (
        <section className="card" aria-labelledby="subscription-heading">
          <h2 id="subscription-heading">Subscription</h2>
          <dl className="facts">
            <dt>Id</dt>
            <dd>
              <code>{current.id}</code>
            </dd>
            <dt>Status</dt>
            <dd>
              {current.status}
              {current.disabledReason ? ` (${current.disabledReason})` : ''}
            </dd>
            <dt>Health</dt>
            <dd>
              <HealthBadge health={current.health} />
            </dd>
            <dt>Events</dt>
            <dd>{current.eventTypes.join(', ')}</dd>
            <dt>Consecutive failures</dt>
            <dd>{current.consecutiveFailures}</dd>
            <dt>Last success</dt>
            <dd>{formatTime(current.lastSuccessAt)}</dd>
            <dt>Last failure</dt>
            <dd>{formatTime(current.lastFailureAt)}</dd>
            {current.secretRotationEndsAt ? (
              <>
                <dt>Previous secret signs until</dt>
                <dd>{formatTime(current.secretRotationEndsAt)}</dd>
              </>
            ) : null}
          </dl>
          <div className="actions">
            <button type="button" className="primary" onClick={sendTest}>
              Send test event
            </button>
            <button type="button" onClick={() => setResendFailed(true)}>
              Resend failed since…
            </button>
          </div>
        </section>
      ) : subscription.loading ? (
        <Loading />
      ) : null}

      <section className="card" aria-labelledby="deliveries-heading">
        <h2 id="deliveries-heading">Deliveries</h2>
        <form className="filters" onSubmit={filter} aria-label="Filter deliveries">
          <Field label="Delivery status">
            {(fieldId) => (
              <select id={fieldId} name="status" defaultValue={filters.status}>
                <FilterOptions any="Any status" values={STATUSES} />
              </select>
            )}
          </Field>
          <Field label="Event type">
            {(fieldId) => (
              <input
                id={fieldId}
                name="eventType"
                defaultValue={filters.eventType}
                placeholder="webhook.test"
              />
            )}
          </Field>
          <Field label="Created since (UTC)">
            {(fieldId) => (
              <input
                id={fieldId}
                name="since"
                type="datetime-local"
                defaultValue={localFromIso(filters.since)}
              />
            )}
          </Field>
          <button type="submit" className="primary">
            Filter
          </button>
          <button type="button" onClick={refresh}>
            Refresh
          </button>
        </form>
        <ListState state={deliveries} count={deliveries.items.length} empty="No deliveries match.">
          <table className="table">
            <caption className="visually-hidden">Deliveries, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Delivery</th>
                <th scope="col">Event</th>
                <th scope="col">Status</th>
                <th scope="col">Response</th>
                <th scope="col">Created</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.items.map((delivery) => (
                <tr key={delivery.id}>
                  <th scope="row">
                    <code>{delivery.id}</code>
                    {delivery.test ? <span className="badge badge-info">test</span> : null}
                    {delivery.resendOf ? (
                      <div className="muted small">resend of {delivery.resendOf}</div>
                    ) : null}
                  </th>
                  <td>
                    <code>{delivery.eventType}</code>
                  </td>
                  <td>
                    <span className={`badge badge-${deliveryTone(delivery.status)}`}>{delivery.status}</span>
                    <div className="muted small">{delivery.attempts.length} attempt(s)</div>
                  </td>
                  <td>
                    {delivery.responseCode ?? '—'}
                    {delivery.durationMs !== null ? ` in ${Math.round(delivery.durationMs)} ms` : ''}
                    {delivery.error ? <div className="error-text small">{delivery.error}</div> : null}
                  </td>
                  <td>{formatTime(delivery.createdAt)}</td>
                  <td className="actions">
                    <button
                      type="button"
                      onClick={() => setSelected(delivery.id)}
                      aria-pressed={selected === delivery.id}
                      aria-label={`Payload of ${delivery.id}`}
                    >
                      Payload
                    </button>
                    <button
                      type="button"
                      onClick={() => resend(delivery)}
                      aria-label={`Resend ${delivery.id}`}
                    >
                      Resend
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ListState>
        <Pager
          label="Deliveries"
          pageNumber={deliveries.pageNumber}
          hasPrevious={deliveries.hasPrevious}
          hasNext={deliveries.hasNext}
          onPrevious={deliveries.previous}
          onNext={deliveries.next}
        />
      </section>
      {selected ? <Preview subscriptionId={id} deliveryId={selected} /> : null}
      <ConfirmDialog
        open={resendFailed}
        title="Resend failed deliveries"
        confirmLabel="Resend failed"
        onClose={() => setResendFailed(false)}
        onConfirm={async (form) => {
          const since = isoFromLocal(String(form.get('since') ?? ''));
          if (!since) throw new Error('Give a start time.');
          const result = await unwrap(
            api.POST('/v1/webhooks/subscriptions/{id}/resend-failed', {
              params: { path: { id } },
              body: { since },
            }),
          );
          toast(`Resent ${result.resent} failed deliveries.`);
          refresh();
        }}
      >
        <p>
          Every failed delivery created since this time (at most 30 days back, 1000 per call) is sent again.
        </p>
        <Field label="Failed since (UTC)">
          {(fieldId) => (
            <input
              id={fieldId}
              name="since"
              type="datetime-local"
              required
              defaultValue={localFromIso(Date.now() - 86_400_000)}
            />
          )}
        </Field>
      </ConfirmDialog>
    </>
  );
}

export const page = definePage({
  path: '/webhooks/:subscriptionId',
  title: 'Webhook',
  requires: '/v1/webhooks/subscriptions/{id}',
  component: WebhookDetail,
});
