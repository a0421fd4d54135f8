import { BarChart } from '../components/charts.js';
import { Empty, ErrorState, Loading } from '../components/states.js';
import { api, unwrap } from '../lib/api.js';
import { formatTime } from '../lib/format.js';
import { Link } from '../lib/router.js';
import { useAsync } from '../lib/use-async.js';
import { defineCard } from './card.js';

const HOUR = 3_600_000;

function Activity() {
  const since = useAsync(async () => {
    const from = new Date(Date.now() - 24 * HOUR);
    from.setUTCMinutes(0, 0, 0);
    const page = await unwrap(
      api.GET('/v1/audit', { params: { query: { from: from.toISOString(), limit: 200 } } }),
    );
    return { from: from.getTime(), page };
  }, []);
  if (since.error) return <ErrorState error={since.error} retry={since.reload} />;
  const data = since.data;
  if (!data) return <Loading />;
  const buckets = Array.from({ length: 25 }, (_, index) => ({
    label: `${String(new Date(data.from + index * HOUR).getUTCHours()).padStart(2, '0')}h`,
    value: 0,
  }));
  for (const entry of data.page.items) {
    const index = Math.floor((Date.parse(entry.at) - data.from) / HOUR);
    const bucket = buckets[Math.min(Math.max(index, 0), buckets.length - 1)];
    if (bucket) bucket.value += 1;
  }
  return (
    <section className="card" aria-labelledby="activity-heading">
      <h2 id="activity-heading">Audited activity, last 24 hours (UTC)</h2>
      <BarChart title="Audit entries per hour" bars={buckets} />
      {data.page.nextCursor ? <p className="muted small">Showing the latest 200 entries.</p> : null}
      <h3>Recent</h3>
      {data.page.items.length === 0 ? (
        <Empty>Nothing audited in the last 24 hours.</Empty>
      ) : (
        <table className="table compact">
          <caption className="visually-hidden">Most recent audit entries</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Action</th>
              <th scope="col">Actor</th>
              <th scope="col">Target</th>
            </tr>
          </thead>
          <tbody>
            {data.page.items.slice(0, 8).map((entry) => (
              <tr key={entry.id}>
                <td>{formatTime(entry.at)}</td>
                <td>
                  <code>{entry.action}</code>
                </td>
                <td>
                  {entry.actor.type} {entry.actor.id}
                </td>
                <td>{entry.target ? `${entry.target.type} ${entry.target.id}` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <Link to="/audit">Open the audit log</Link>
      </p>
    </section>
  );
}

export const card = defineCard({
  id: 'activity',
  order: 100,
  wide: true,
  requires: '/v1/audit',
  component: Activity,
});
