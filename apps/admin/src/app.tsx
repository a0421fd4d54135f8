import { Layout } from './components/layout.js';
import { Loading } from './components/states.js';
import { useAuth } from './lib/auth.js';
import { matchPath, useLocation } from './lib/router.js';
import { pages } from './pages/registry.js';
import { SignIn } from './sign-in.js';

export function App() {
  const { status } = useAuth();
  const { path } = useLocation();
  if (status === 'checking') {
    return (
      <main id="main" className="sign-in">
        <h1>Groundwork admin</h1>
        <Loading label="Checking your session…" />
      </main>
    );
  }
  if (status === 'signedOut') return <SignIn />;
  for (const page of pages) {
    const params = matchPath(page.path, path);
    if (params) {
      const Page = page.component;
      return (
        <Layout>
          <Page params={params} />
        </Layout>
      );
    }
  }
  return (
    <Layout>
      <h1 tabIndex={-1}>Not found</h1>
      <p>There is no console page at {path}.</p>
    </Layout>
  );
}
