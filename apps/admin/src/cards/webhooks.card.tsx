import { StackedBar } from '../components/charts.js';
import { ErrorState, Loading } from '../components/states.js';
import { api, unwrap } from '../lib/api.js';
import { formatRate, webhookSuccessRate } from '../lib/rates.js';
import { Link } from '../lib/router.js';
import { useAsync } from '../lib/use-async.js';
import { defineCard } from './card.js';

function Webhooks() {
  // Health is computed per subscription on read: the first 50 subscriptions, one read each.
  const list = useAsync(async () => {
    const page = await unwrap(api.GET('/v1/webhooks/subscriptions', { params: { query: { limit: 50 } } }));
    const items = await Promise.all(
      page.items.map((item) =>
        unwrap(api.GET('/v1/webhooks/subscriptions/{id}', { params: { path: { id: item.id } } })),
      ),
    );
    return { items, nextCursor: page.nextCursor };
  }, []);
  if (list.error) return <ErrorState error={list.error} retry={list.reload} />;
  if (!list.data) return <Loading />;
  const items = list.data.items;
  const { rate, sample } = webhookSuccessRate(items);
  const count = (indicator: string) =>
    items.filter((item) => (item.health?.indicator ?? 'unknown') === indicator).length;
  return (
    <section className="card" aria-labelledby="webhooks-card-heading">
      <h2 id="webhooks-card-heading">Webhooks</h2>
      <p>
        Success rate:{' '}
        <strong data-testid="webhook-success-rate">{formatRate(rate, 'no deliveries yet')}</strong>{' '}
        <span className="muted small">
          of {sample} recent deliveries, {items.length}
          {list.data.nextCursor ? '+' : ''} subscriptions
        </span>
      </p>
      <StackedBar
        title="Subscriptions by health"
        parts={[
          { label: 'Green', value: count('green'), tone: 'bar-ok' },
          { label: 'Yellow', value: count('yellow'), tone: 'bar-warn' },
          { label: 'Red', value: count('red'), tone: 'bar-bad' },
          { label: 'Unknown', value: count('unknown'), tone: 'bar-muted' },
        ]}
      />
      <p>
        <Link to="/webhooks">Open webhooks</Link>
      </p>
    </section>
  );
}

export const card = defineCard({
  id: 'webhooks',
  order: 30,
  requires: '/v1/webhooks/subscriptions',
  component: Webhooks,
});
