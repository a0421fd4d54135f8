import { ErrorState, Loading } from '../components/states.js';
import { api, unwrap } from '../lib/api.js';
import { formatDuration } from '../lib/format.js';
import { useAsync } from '../lib/use-async.js';
import { defineCard } from './card.js';

function statusTone(status: string): string {
  if (status === 'ok' || status === 'ready') return 'ok';
  if (status === 'degraded') return 'warn';
  return 'bad';
}

function Health() {
  const health = useAsync(() => unwrap(api.GET('/health')), []);
  // `/ready` answers 503 with the same body when a check is down: read it either way.
  const ready = useAsync(async () => {
    const result = await api.GET('/ready');
    if (result.data) return result.data;
    if (result.error && typeof result.error === 'object' && 'checks' in result.error) {
      return result.error as unknown as NonNullable<typeof result.data>;
    }
    return unwrap(Promise.resolve(result));
  }, []);
  return (
    <section className="card" aria-labelledby="health-heading">
      <h2 id="health-heading">Service health</h2>
      {health.error ? <ErrorState error={health.error} retry={health.reload} /> : null}
      {health.data ? (
        <p>
          <span className={`badge badge-${statusTone(health.data.status)}`}>{health.data.status}</span>{' '}
          {health.data.service} {health.data.version}, up {formatDuration(health.data.uptimeSeconds)}
        </p>
      ) : health.loading ? (
        <Loading />
      ) : null}
      {ready.error ? <ErrorState error={ready.error} retry={ready.reload} /> : null}
      {ready.data ? (
        <table className="table compact">
          <caption>Readiness checks ({ready.data.status})</caption>
          <thead>
            <tr>
              <th scope="col">Check</th>
              <th scope="col">Status</th>
              <th scope="col">Detail</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(ready.data.checks).map(([name, check]) => (
              <tr key={name}>
                <th scope="row">{name}</th>
                <td>
                  <span className={`badge badge-${statusTone(check.status)}`}>{check.status}</span>
                </td>
                <td>{check.detail ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

export const card = defineCard({ id: 'health', order: 0, component: Health });
