/**
 * The first super admin. On the first start of a product with no users, create a `super_admin`
 * from `ADMIN_EMAIL` / `ADMIN_PASSWORD`, or with a generated strong password that is logged once
 * with the sign-in URL. A marker document makes it happen once per product, ever: deleting every
 * user later does not bring a default admin back. Two instances starting together create one admin:
 * the email claim lets only one user have it.
 */
import { randomBytes } from 'node:crypto';
import { isAppError } from '@groundwork/errors';
import type { JobsLogger } from '@groundwork/jobs';
import type { ContainerSpec, DocumentStore } from '@groundwork/store';
import { hashPassword } from './passwords.js';
import type { UserRepository } from './users.js';

export const AUTH_STATE_CONTAINER: ContainerSpec = {
  name: 'auth_state',
  partitionKey: '/productId',
  description: 'One-time auth state per product (the first-admin bootstrap marker).',
};

export interface BootstrapOptions {
  store: DocumentStore;
  users: UserRepository;
  logger: JobsLogger;
  productId: string;
  adminEmail?: string | undefined;
  adminPassword?: string | undefined;
  /** Where to sign in, for the log line. */
  signInUrl: string;
}

export type BootstrapResult =
  | { created: false }
  | { created: true; email: string; generatedPassword: boolean };

export async function bootstrapFirstAdmin(options: BootstrapOptions): Promise<BootstrapResult> {
  const { store, users, productId } = options;
  const state = store.container<{ productId: string; at: string }>(AUTH_STATE_CONTAINER.name);
  const markDone = () =>
    state
      .create({ id: 'first-admin', pk: productId, productId, at: new Date().toISOString() })
      .catch((error: unknown) => {
        if (!(isAppError(error) && error.status === 409)) throw error;
      });
  if (await state.read('first-admin', productId)) return { created: false };
  if ((await users.count(productId)) > 0) {
    await markDone();
    return { created: false };
  }
  const email = options.adminEmail ?? `admin@${productId}.local`;
  const password = options.adminPassword ?? randomBytes(18).toString('base64url');
  try {
    await users.create({
      productId,
      email,
      passwordHash: await hashPassword(password),
      role: 'super_admin',
      emailVerified: true,
    });
  } catch (error) {
    // Another instance starting at the same moment claimed the email first: it made the admin.
    if (isAppError(error) && error.status === 409) {
      await markDone();
      return { created: false };
    }
    throw error;
  }
  // The marker after the user: a crash in between leaves a user, and the next start marks it done.
  await markDone();
  if (options.adminPassword) {
    options.logger.info({ email, productId }, 'first super admin created from ADMIN_EMAIL / ADMIN_PASSWORD');
  } else {
    // Logged once, as the message (never as a field: fields named like secrets are redacted).
    options.logger.warn(
      { productId },
      `First super admin created: ${email} with password ${password} — sign in at ${options.signInUrl} and change it now. This is shown once.`,
    );
  }
  return { created: true, email, generatedPassword: !options.adminPassword };
}
