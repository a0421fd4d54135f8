import { useEffect, useState } from 'react';
import { messageOf } from '../lib/api.js';
import { useAuth } from '../lib/auth.js';
import { Link } from '../lib/router.js';
import { useToast } from './toast.js';

/** Shown on every page while an impersonation is active, with the time left and a way to stop. */
export function ImpersonationBanner() {
  const { impersonation, stopImpersonation } = useAuth();
  const toast = useToast();
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!impersonation) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [impersonation]);
  if (!impersonation) return null;
  const left = Math.max(0, Math.round((impersonation.expiresAt - now) / 1000));
  const { user, readOnly } = impersonation.grant;
  return (
    <section className="impersonation-banner" aria-label="Impersonation in progress">
      <p>
        <strong>Impersonating {user.email}</strong> ({readOnly ? 'read-only' : 'writes allowed'}) — ends in{' '}
        {Math.floor(left / 60)}:{String(left % 60).padStart(2, '0')}. Every request is audited.
      </p>
      <Link to="/impersonation">View as this user</Link>
      <button
        type="button"
        onClick={() =>
          stopImpersonation().then(
            () => toast(`Stopped impersonating ${user.email}.`),
            (error: unknown) => toast(messageOf(error), 'error'),
          )
        }
      >
        Stop impersonating
      </button>
    </section>
  );
}
