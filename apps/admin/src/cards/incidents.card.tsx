import { Empty, ErrorState, Loading } from '../components/states.js';
import { api, unwrap } from '../lib/api.js';
import { useAuth } from '../lib/auth.js';
import { isAvailable, useAvailablePaths } from '../lib/available-paths.js';
import { formatTime } from '../lib/format.js';
import { Link } from '../lib/router.js';
import { useAsync } from '../lib/use-async.js';
import { modeTone } from '../pages/maintenance.page.js';
import { impactTone } from '../pages/status.page.js';
import { defineCard } from './card.js';

function Incidents() {
  const productId = useAuth().user?.productId;
  const status = useAsync(
    () =>
      unwrap(
        api.GET('/v1/public/status', {
          params: { query: productId ? { product: productId } : {} },
          // Public and cacheable: the console wants the state now.
          cache: 'no-store',
        }),
      ),
    [productId],
  );
  // The maintenance mode comes from the settings module, mounted apart from status.
  const settingsMounted = isAvailable('/v1/settings/maintenance/config', useAvailablePaths());
  const maintenance = useAsync(
    async () => (settingsMounted ? unwrap(api.GET('/v1/settings/maintenance/config')) : undefined),
    [settingsMounted],
  );
  return (
    <section className="card" aria-labelledby="incidents-card-heading">
      <h2 id="incidents-card-heading">Incidents and maintenance</h2>
      {maintenance.error ? <ErrorState error={maintenance.error} retry={maintenance.reload} /> : null}
      {maintenance.data ? (
        <p>
          Maintenance mode:{' '}
          <span
            className={`badge badge-${modeTone(maintenance.data.effectiveMode)}`}
            data-testid="overview-maintenance-mode"
          >
            {maintenance.data.effectiveMode}
          </span>{' '}
          <Link to="/maintenance">Change</Link>
        </p>
      ) : maintenance.loading ? (
        <Loading />
      ) : null}
      {status.error ? <ErrorState error={status.error} retry={status.reload} /> : null}
      {status.data ? (
        <>
          <p>
            Overall: <strong>{status.data.status}</strong>;{' '}
            <span data-testid="active-incidents">{status.data.activeIncidents.length}</span> active
            incident(s), {status.data.maintenance.inProgress.length} maintenance in progress,{' '}
            {status.data.maintenance.upcoming.length} upcoming.
          </p>
          {status.data.activeIncidents.length === 0 ? (
            <Empty>No active incident.</Empty>
          ) : (
            <ul>
              {status.data.activeIncidents.slice(0, 5).map((incident) => (
                <li key={incident.id}>
                  <span className={`badge badge-${impactTone(incident.impact)}`}>{incident.impact}</span>{' '}
                  {incident.title}{' '}
                  <span className="muted small">
                    {incident.status}, since {formatTime(incident.startedAt)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : status.loading ? (
        <Loading />
      ) : null}
      <p>
        <Link to="/status">Open status</Link>
      </p>
    </section>
  );
}

export const card = defineCard({
  id: 'incidents',
  order: 5,
  requires: '/v1/public/status',
  component: Incidents,
});
