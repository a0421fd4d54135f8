import { type ReactNode, useEffect, useState } from 'react';
import { useAuth } from '../lib/auth.js';
import { isAvailable, useAvailablePaths } from '../lib/available-paths.js';
import { Link, useLocation } from '../lib/router.js';
import { navPages } from '../pages/registry.js';
import { ImpersonationBanner } from './impersonation-banner.js';
import { ProductSwitcher } from './product-switcher.js';
import { useToast } from './toast.js';

export function Layout({ children }: { children: ReactNode }) {
  const { user, signOut } = useAuth();
  const { path } = useLocation();
  const toast = useToast();
  const [signingOut, setSigningOut] = useState(false);
  const available = useAvailablePaths();
  const shown = navPages.filter((page) => isAvailable(page.requires, available));
  // The navigation entry with the longest path that contains the current one.
  const activePath = shown
    .map((page) => page.path)
    .filter(
      (candidate) =>
        candidate === path ||
        (candidate !== '/' && path.startsWith(`${candidate}/`)) ||
        (candidate === '/' && path === '/'),
    )
    .sort((a, b) => b.length - a.length)[0];

  // After navigation, put focus on the page's heading so screen readers announce the new page.
  useEffect(() => {
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [path]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">Groundwork admin</span>
        <ProductSwitcher />
        <span className="whoami">
          Signed in as <strong>{user?.email}</strong> ({user?.role})
        </span>
        <button
          type="button"
          disabled={signingOut}
          onClick={async () => {
            setSigningOut(true);
            try {
              await signOut();
            } catch {
              toast('Signed out here; the platform could not be reached to end the session.', 'error');
            }
          }}
        >
          Sign out
        </button>
      </header>
      <ImpersonationBanner />
      <div className="body">
        <nav className="sidenav" aria-label="Console sections">
          <ul>
            {shown.map((page) => {
              const active = page.path === activePath;
              return (
                <li key={page.path}>
                  <Link to={page.path} aria-current={active ? 'page' : undefined}>
                    {page.nav?.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <main id="main" className="content">
          {children}
        </main>
      </div>
    </div>
  );
}
