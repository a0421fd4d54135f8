import { BarChart } from '../components/charts.js';
import { ErrorState, Loading } from '../components/states.js';
import { api, unwrap } from '../lib/api.js';
import { deliverySuccessRate, formatRate, lastDays } from '../lib/rates.js';
import { Link } from '../lib/router.js';
import { useAsync } from '../lib/use-async.js';

import { defineCard } from './card.js';

function Delivery() {
  const stats = useAsync(() => unwrap(api.GET('/v1/delivery/stats', { params: { query: lastDays(7) } })), []);
  if (stats.error) return <ErrorState error={stats.error} retry={stats.reload} />;
  if (!stats.data) return <Loading />;
  const { rate, finished } = deliverySuccessRate(stats.data.days);
  return (
    <section className="card" aria-labelledby="delivery-card-heading">
      <h2 id="delivery-card-heading">Delivery, last 7 days</h2>
      <p>
        Success rate: <strong data-testid="delivery-success-rate">{formatRate(rate, 'no sends yet')}</strong>{' '}
        <span className="muted small">of {finished} finished sends</span>
      </p>
      <BarChart
        title="Failed or bounced sends per day"
        bars={stats.data.days.map((day) => ({
          label: day.day.slice(5),
          value: day.failed + day.bounced,
          tone: 'bar-bad',
        }))}
      />
      <p>
        <Link to="/delivery">Open the delivery log</Link>
      </p>
    </section>
  );
}

export const card = defineCard({
  id: 'delivery',
  order: 20,
  requires: '/v1/delivery/stats',
  component: Delivery,
});
