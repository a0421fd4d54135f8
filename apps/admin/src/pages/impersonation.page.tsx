/** What the impersonated user sees: their profile and sessions, read with the impersonation token. */
import { JsonView } from '../components/json-view.js';
import { PageHeading } from '../components/page-heading.js';
import { Empty, ErrorState, Loading } from '../components/states.js';
import { api, unwrap } from '../lib/api.js';
import { useAuth } from '../lib/auth.js';
import { Link } from '../lib/router.js';
import { useAsync } from '../lib/use-async.js';
import { definePage } from './page.js';

function Impersonation() {
  const { impersonation } = useAuth();
  const token = impersonation?.grant.accessToken;
  const view = useAsync(async () => {
    if (!token) return undefined;
    const headers = { authorization: `Bearer ${token}` };
    const [me, sessions] = await Promise.all([
      unwrap(api.GET('/v1/auth/me', { headers })),
      unwrap(api.GET('/v1/sessions', { headers })),
    ]);
    return { me, sessions };
  }, [token]);
  if (!impersonation) {
    return (
      <>
        <PageHeading title="Impersonation" />
        <Empty>
          No impersonation in progress. Start one from a user’s page (<Link to="/users">Users</Link>).
        </Empty>
      </>
    );
  }
  return (
    <>
      <PageHeading title={`Viewing as ${impersonation.grant.user.email}`} />
      {view.error ? <ErrorState error={view.error} retry={view.reload} /> : null}
      {view.loading ? <Loading /> : null}
      {view.data ? (
        <div className="grid">
          <section className="card" aria-labelledby="as-profile">
            <h2 id="as-profile">Their profile (GET /v1/auth/me)</h2>
            <JsonView value={view.data.me} label="Their profile as JSON" />
          </section>
          <section className="card" aria-labelledby="as-sessions">
            <h2 id="as-sessions">Their sessions (GET /v1/sessions)</h2>
            <JsonView value={view.data.sessions} label="Their sessions as JSON" />
          </section>
        </div>
      ) : null}
    </>
  );
}

export const page = definePage({ path: '/impersonation', title: 'Impersonation', component: Impersonation });
