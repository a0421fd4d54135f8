import { type FormEvent, useId, useState } from 'react';
import { messageOf } from './lib/api.js';
import { useAuth } from './lib/auth.js';

export function SignIn() {
  const { signIn, notice } = useAuth();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const emailId = useId();
  const passwordId = useId();
  const productId = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(undefined);
    try {
      const product = String(form.get('productId') ?? '').trim();
      await signIn({
        email: String(form.get('email') ?? ''),
        password: String(form.get('password') ?? ''),
        productId: product || undefined,
      });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" className="sign-in">
      <h1>Groundwork admin</h1>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <form onSubmit={submit} className="card">
        <label htmlFor={emailId}>Email</label>
        <input id={emailId} name="email" type="email" required autoComplete="username" />
        <label htmlFor={passwordId}>Password</label>
        <input id={passwordId} name="password" type="password" required autoComplete="current-password" />
        <label htmlFor={productId}>
          Product <span className="muted">(optional: the platform’s own product by default)</span>
        </label>
        <input id={productId} name="productId" autoComplete="off" />
        {error ? (
          <p className="form-error" role="alert">
            {messageOf(error)}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p className="muted small">
        The first admin’s email and password are printed by the platform when it starts with an empty store.
      </p>
    </main>
  );
}
