import { isAppError } from '@groundwork/errors';
import { createSessionService, createSessionsModule } from '@groundwork/sessions';
import type { DocumentStore } from '@groundwork/store';
import { createFakeClock, createTempSqliteStore, type TempSqliteStore } from '@groundwork/testing';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditRecord } from './auth-ports.js';
import { createEmailVerification, EMAIL_VERIFICATIONS_CONTAINER } from './email-verification.js';
import { createLinkBuilder, type LinkLog, type LinkMessage } from './link-sender.js';
import { createPasswordReset, PASSWORD_RESET_TOKENS_CONTAINER } from './password-reset.js';
import { createRefreshTokens, REFRESH_TOKENS_CONTAINER } from './refresh-tokens.js';
import { AUTH_THROTTLE_CONTAINER, createThrottle } from './throttle.js';
import { createUserRepository, toUser, USER_EMAILS_CONTAINER, USERS_CONTAINER } from './users.js';

const stores: TempSqliteStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.cleanup()));
});

const silentLog: LinkLog = { info() {}, error() {} };

/** The recovery services over a SQLite file, with a recording link sender and audit sink. */
async function setup() {
  const clock = createFakeClock(Date.UTC(2026, 10, 26, 9));
  const temp = createTempSqliteStore({ clock });
  stores.push(temp);
  // Counts conditional deletes of token documents: the race below must reach the store.
  const conditionalDeletes: string[] = [];
  const store: DocumentStore = Object.create(temp.store, {
    container: {
      value: (name: string) => {
        const container = temp.store.container(name);
        return Object.create(container, {
          delete: {
            value: (id: string, pk: string, options?: { ifMatch?: string }) => {
              if (options?.ifMatch) conditionalDeletes.push(name);
              return container.delete(id, pk, options);
            },
          },
        });
      },
    },
  });
  await store.ensureContainers([
    USERS_CONTAINER,
    USER_EMAILS_CONTAINER,
    AUTH_THROTTLE_CONTAINER,
    REFRESH_TOKENS_CONTAINER,
    // Whatever the sessions module declares (its containers change with it).
    ...(createSessionsModule({ productId: 'acme' }).module.containers ?? []),
    PASSWORD_RESET_TOKENS_CONTAINER,
    EMAIL_VERIFICATIONS_CONTAINER,
  ]);
  const users = createUserRepository(store, clock);
  const sessions = createSessionService({ store, clock });
  const sent: LinkMessage[] = [];
  const audits: AuditRecord[] = [];
  const deps = {
    store,
    clock,
    users,
    throttle: createThrottle(store, clock),
    linkSender: { send: (message: LinkMessage) => void sent.push(message) },
    links: createLinkBuilder({ baseUrl: 'https://app.example.com/', defaultProductId: 'acme' }),
    products: ['acme'],
    audit: async (record: AuditRecord) => void audits.push(record),
  };
  const passwordReset = createPasswordReset({
    ...deps,
    sessions,
    refreshTokens: createRefreshTokens({ store, clock }),
  });
  const emailVerification = createEmailVerification({ ...deps, logger: silentLog });
  const user = await users.create({ productId: 'acme', email: 'ann@example.com', passwordHash: null });
  const lastToken = () => new URL((sent.at(-1) as LinkMessage).url).searchParams.get('token') as string;
  return {
    store,
    conditionalDeletes,
    clock,
    users,
    sessions,
    sent,
    audits,
    passwordReset,
    emailVerification,
    user,
    lastToken,
  };
}

const invalidToken = (error: unknown) => isAppError(error) && error.code === 'invalid_or_expired_token';

describe('recovery tokens on SQLite', () => {
  it('consumes a reset token exactly once under concurrent use', async () => {
    const s = await setup();
    await s.sessions.create({ userId: s.user.id, productId: 'acme' });
    await s.passwordReset.request({ productId: 'acme', email: 'ann@example.com' }, {}, silentLog);
    const token = s.lastToken();
    const stored = JSON.stringify((await s.store.container('password_reset_tokens').query({})).items);
    expect(stored).not.toContain(token);

    const outcomes = await Promise.allSettled(
      ['first passphrase', 'second passphrase', 'third passphrase'].map((newPassword) =>
        s.passwordReset.reset({ productId: 'acme', token, newPassword }, {}),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    expect(s.conditionalDeletes).toEqual(Array(3).fill('password_reset_tokens')); // all three raced
    const rejected = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(rejected.every((outcome) => invalidToken(outcome.reason))).toBe(true);
    expect((await s.users.mustGet('acme', s.user.id)).passwordHash).toMatch(/^\$argon2id\$/);
    expect(await s.sessions.list(s.user.id, 'acme')).toEqual([]);
    expect(s.audits.map((entry) => entry.action).sort()).toEqual([
      'auth.password_reset',
      'auth.password_reset_failed',
      'auth.password_reset_failed',
      'auth.password_reset_requested',
    ]);
  });

  it('consumes a verification token exactly once under concurrent use', async () => {
    const s = await setup();
    expect(await s.emailVerification.sendVerification(toUser(s.user), {})).toBe(true);
    const token = s.lastToken();
    const stored = JSON.stringify((await s.store.container('email_verifications').query({})).items);
    expect(stored).not.toContain(token);
    const outcomes = await Promise.allSettled(
      [1, 2].map(() => s.emailVerification.verify({ productId: 'acme', token }, {})),
    );
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(s.conditionalDeletes).toEqual(['email_verifications', 'email_verifications']);
    expect((await s.users.mustGet('acme', s.user.id)).emailVerified).toBe(true);
  });

  it('lets the store expire leftover token documents after a day', async () => {
    const s = await setup();
    await s.passwordReset.request({ productId: 'acme', email: 'ann@example.com' }, {}, silentLog);
    await s.emailVerification.sendVerification(toUser(s.user), {});
    s.clock.advance(24 * 60 * 60_000 + 1_000);
    await s.store.sweepExpired();
    expect(await s.store.container('password_reset_tokens').count()).toBe(0);
    expect(await s.store.container('email_verifications').count()).toBe(0);
  });
});
