import { BarChart, StackedBar } from '../components/charts.js';
import { Empty, ErrorState, Loading } from '../components/states.js';
import { api, unwrap } from '../lib/api.js';
import { Link } from '../lib/router.js';
import { useAsync } from '../lib/use-async.js';
import { defineCard } from './card.js';

function Queue() {
  const counts = useAsync(() => unwrap(api.GET('/v1/tasks/counts')), []);
  if (counts.error) return <ErrorState error={counts.error} retry={counts.reload} />;
  if (!counts.data) return <Loading />;
  const { total, byType } = counts.data;
  return (
    <section className="card" aria-labelledby="queue-heading">
      <h2 id="queue-heading">Queue depth</h2>
      <StackedBar
        title="Tasks by state"
        parts={[
          { label: 'Queued', value: total.queued, tone: 'bar-info' },
          { label: 'Running', value: total.running, tone: 'bar-warn' },
          { label: 'Completed', value: total.completed, tone: 'bar-ok' },
          { label: 'Dead', value: total.dead, tone: 'bar-bad' },
          { label: 'Cancelled', value: total.cancelled, tone: 'bar-muted' },
        ]}
      />
      <p>
        <span data-testid="queue-waiting">{total.queued + total.running}</span> waiting or running,{' '}
        <Link to="/jobs/queue?state=dead">{total.dead} dead letters</Link>.
      </p>
      {byType.length > 0 ? (
        <BarChart
          title="Waiting tasks by type"
          bars={byType.map((entry) => ({
            label: entry.type,
            value: entry.counts.queued + entry.counts.running,
            tone: entry.counts.dead > 0 ? 'bar-bad' : 'bar-info',
          }))}
        />
      ) : (
        <Empty>No task types yet.</Empty>
      )}
    </section>
  );
}

export const card = defineCard({ id: 'queue', order: 10, requires: '/v1/tasks/counts', component: Queue });
