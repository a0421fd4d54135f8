/**
 * The product the console acts in comes from the access token; switching product is signing in
 * to the other product with the same email (the platform keeps one account per product).
 */
import { useId, useState } from 'react';
import { useAuth } from '../lib/auth.js';
import { navigate } from '../lib/router.js';
import { ConfirmDialog } from './confirm-dialog.js';

export function ProductSwitcher() {
  const { user, products, signIn } = useAuth();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const productId = useId();
  const passwordId = useId();
  if (!user) return null;
  return (
    <span className="product-switcher">
      Product: <strong>{user.productId}</strong>
      <button type="button" onClick={() => setOpen(true)}>
        Switch product
      </button>
      <ConfirmDialog
        open={open}
        title="Switch product"
        confirmLabel="Sign in to product"
        onClose={() => setOpen(false)}
        onConfirm={async (form) => {
          await signIn({
            email: user.email,
            password: String(form.get('password') ?? ''),
            productId: String(form.get('productId') ?? '').trim(),
          });
          navigate('/');
        }}
      >
        <p>Sign in as {user.email} to another product you administer. This ends the current session.</p>
        <label htmlFor={productId}>Product id</label>
        <input id={productId} name="productId" required list={listId} autoComplete="off" />
        <datalist id={listId}>
          {products.map((product) => (
            <option key={product} value={product} />
          ))}
        </datalist>
        <label htmlFor={passwordId}>Password</label>
        <input id={passwordId} name="password" type="password" required autoComplete="current-password" />
      </ConfirmDialog>
    </span>
  );
}
