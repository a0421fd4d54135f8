import { afterEach, describe, expect, it } from 'vitest';
import { type AuthTestApp, createAuthTestApp } from '../test/auth-app.js';
import { createEmailVerification, type EmailVerification } from './email-verification.js';
import { createLinkBuilder, type LinkMessage, type LinkSender } from './link-sender.js';
import { ACCEPTED_REPLY } from './recovery-schemas.js';
import { createThrottle } from './throttle.js';
import { createUserRepository } from './users.js';

interface RecoveryTestApp extends AuthTestApp {
  sent: LinkMessage[];
  verification: () => EmailVerification;
}

const apps: RecoveryTestApp[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.stop()));
});

/** The auth test app (`test/auth-app.ts`) with a link sender that records the links it is given. */
async function app(options: { failingSender?: boolean } = {}): Promise<RecoveryTestApp> {
  const sent: LinkMessage[] = [];
  const linkSender: LinkSender = {
    send(message) {
      if (options.failingSender) throw new Error('mail server down');
      sent.push(message);
    },
  };
  const base = await createAuthTestApp({ linkSender, linkBaseUrl: 'https://app.example.com' });
  const { store, clock } = base;
  // The module's own service is internal; this one shares its store and settings.
  const emailVerification = createEmailVerification({
    store,
    clock,
    users: createUserRepository(store, clock),
    throttle: createThrottle(store, clock),
    linkSender,
    links: createLinkBuilder({ baseUrl: 'https://app.example.com', defaultProductId: 'acme' }),
    products: ['acme', 'globex'],
    audit: async (record) => {
      base.audits.push(record);
    },
    logger: { info() {}, error() {} },
  });
  const t: RecoveryTestApp = Object.assign(base, { sent, verification: () => emailVerification });
  apps.push(t);
  return t;
}

const password = 'correct horse battery';
const newPassword = 'a brand new passphrase';
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Registers; unless `keepVerification`, forgets the verification link register sent (and its audit entry). */
async function register(t: RecoveryTestApp, email: string, productId = 'acme', keepVerification = false) {
  const response = await t.service.app.inject({
    method: 'POST',
    url: '/v1/auth/register',
    payload: { email, password, productId },
  });
  expect(response.statusCode).toBe(201);
  if (!keepVerification) {
    t.sent.splice(0);
    const kept = t.audits.filter((entry) => entry.action !== 'auth.verification_sent');
    t.audits.splice(0, t.audits.length, ...kept);
  }
  return response.json() as {
    user: { id: string };
    tokens: { accessToken: string; refreshToken: string; sessionId: string };
  };
}

const post = (t: RecoveryTestApp, url: string, payload: object, headers: Record<string, string> = {}) =>
  t.service.app.inject({ method: 'POST', url: `/v1/auth/${url}`, payload, headers });

const forgot = (t: RecoveryTestApp, email: string, extra: object = {}) =>
  post(t, 'forgot-password', { email, ...extra });

/** The token of the latest link sent. */
function lastToken(t: RecoveryTestApp): string {
  const message = t.sent.at(-1);
  if (!message) throw new Error('no link was sent');
  const token = new URL(message.url).searchParams.get('token');
  if (!token) throw new Error('the link has no token');
  return token;
}

const login = (t: RecoveryTestApp, email: string, pass: string) =>
  post(t, 'login', { email, password: pass });

/** Every stored document of a container, as JSON. */
async function dump(t: RecoveryTestApp, container: string): Promise<string> {
  const page = await t.store.container(container).query({ limit: 1000 });
  return JSON.stringify(page.items);
}

const strip = (body: Record<string, unknown>) => {
  const { instance: _instance, requestId: _requestId, ...rest } = body;
  return rest;
};

describe('forgot-password and reset-password', () => {
  it('mails a one-hour link and resets the password with it', async () => {
    const t = await app();
    const { user } = await register(t, 'ann@example.com');
    const requested = await forgot(t, ' Ann@Example.com ');
    expect(requested.statusCode).toBe(202);
    expect(requested.json()).toEqual(ACCEPTED_REPLY);
    expect(t.sent).toHaveLength(1);
    const message = t.sent[0] as LinkMessage;
    expect(message).toMatchObject({
      kind: 'password_reset',
      productId: 'acme',
      userId: user.id,
      email: 'ann@example.com',
      expiresAt: t.clock.now() + 60 * 60_000,
    });
    const token = lastToken(t);
    expect(message.url).toBe(`https://app.example.com/reset-password?token=${token}`);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const stored = await dump(t, 'password_reset_tokens');
    expect(stored).toContain(user.id);
    expect(stored).not.toContain(token);
    expect(stored).not.toContain('ann@example.com');

    const reset = await post(t, 'reset-password', { token, newPassword });
    expect(reset.statusCode).toBe(204);
    expect((await login(t, 'ann@example.com', password)).statusCode).toBe(401);
    expect((await login(t, 'ann@example.com', newPassword)).statusCode).toBe(200);

    const resetEvents = t.events.filter((event) => event.type === 'user.password_reset');
    expect(resetEvents.map((event) => [event.payload, event.actor])).toEqual([
      [{ userId: user.id }, { type: 'user', id: user.id }],
    ]);
    const actions = t.audits.map((entry) => entry.action);
    expect(actions).toEqual(['auth.password_reset_requested', 'auth.password_reset', 'auth.login_failed']);
    expect(t.audits[0]).toMatchObject({
      target: { type: 'user', id: user.id },
      summary: { after: { outcome: 'link_sent' } },
      ip: '127.0.0.1',
    });
    const everything = JSON.stringify([t.audits, t.events]);
    expect(everything).not.toContain(token);
    expect(await dump(t, 'password_reset_tokens')).toBe('[]');
  });

  it('answers an unknown email exactly like a known one and sends nothing', async () => {
    const t = await app();
    await register(t, 'bob@example.com');
    const known = await forgot(t, 'bob@example.com');
    const unknown = await forgot(t, 'nobody@example.com');
    expect(unknown.statusCode).toBe(known.statusCode);
    expect(unknown.body).toBe(known.body);
    expect(unknown.headers['content-type']).toBe(known.headers['content-type']);
    expect(t.sent.map((message) => message.email)).toEqual(['bob@example.com']);
    expect(t.audits.map((entry) => entry.summary?.after?.outcome)).toEqual(['link_sent', 'no_account']);
  });

  it('answers the same when the link sender fails, and audits it', async () => {
    const t = await app({ failingSender: true });
    await register(t, 'cat@example.com');
    const known = await forgot(t, 'cat@example.com');
    const unknown = await forgot(t, 'nobody@example.com');
    expect([known.statusCode, unknown.statusCode]).toEqual([202, 202]);
    expect(known.body).toBe(unknown.body);
    expect(t.audits.map((entry) => entry.summary?.after?.outcome)).toEqual([
      'link_not_delivered',
      'no_account',
    ]);
  });

  it('allows 3 requests per email per hour, known or not (429 with Retry-After)', async () => {
    const t = await app();
    await register(t, 'dan@example.com');
    for (const email of ['dan@example.com', 'ghost@example.com']) {
      for (let i = 0; i < 3; i++) expect((await forgot(t, email)).statusCode).toBe(202);
      const fourth = await forgot(t, email);
      expect(fourth.statusCode).toBe(429);
      expect(Number(fourth.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect(t.sent).toHaveLength(3);
    expect(t.audits.filter((entry) => entry.summary?.after?.outcome === 'throttled')).toHaveLength(2);
    t.clock.advance(60 * 60_000);
    expect((await forgot(t, 'dan@example.com')).statusCode).toBe(202);
    expect(t.sent).toHaveLength(4);
  });

  it('limits forgot-password per IP', async () => {
    const t = await app();
    for (let i = 0; i < 10; i++) expect((await forgot(t, `u${i}@example.com`)).statusCode).toBe(202);
    expect((await forgot(t, 'u10@example.com')).statusCode).toBe(429);
    const elsewhere = await t.service.app.inject({
      method: 'POST',
      url: '/v1/auth/forgot-password',
      remoteAddress: '10.0.0.9',
      payload: { email: 'u10@example.com' },
    });
    expect(elsewhere.statusCode).toBe(202);
  });

  it('refuses a used, unknown, malformed or expired token with one code', async () => {
    const t = await app();
    await register(t, 'eve@example.com');
    await forgot(t, 'eve@example.com');
    const used = lastToken(t);
    expect((await post(t, 'reset-password', { token: used, newPassword })).statusCode).toBe(204);
    await forgot(t, 'eve@example.com');
    const expired = lastToken(t);
    t.clock.advance(61 * 60_000);

    const answers = await Promise.all(
      [used, expired, 'A'.repeat(43), 'not a token'].map((token) =>
        post(t, 'reset-password', { token, newPassword: 'yet another passphrase' }),
      ),
    );
    for (const answer of answers) {
      expect(answer.statusCode).toBe(400);
      expect(answer.json()).toMatchObject({ code: 'invalid_or_expired_token' });
      expect(strip(answer.json())).toEqual(strip((answers[0] as typeof answer).json()));
    }
    expect((await login(t, 'eve@example.com', newPassword)).statusCode).toBe(200);
    const failures = t.audits.filter((entry) => entry.action === 'auth.password_reset_failed');
    expect(failures).toHaveLength(4);
  });

  it('lets exactly one of two concurrent uses of a token win', async () => {
    const t = await app();
    await register(t, 'fay@example.com');
    await forgot(t, 'fay@example.com');
    const token = lastToken(t);
    const [a, b] = await Promise.all([
      post(t, 'reset-password', { token, newPassword }),
      post(t, 'reset-password', { token, newPassword: 'the other passphrase' }),
    ]);
    expect([a?.statusCode, b?.statusCode].sort()).toEqual([204, 400]);
    expect(t.events.filter((event) => event.type === 'user.password_reset')).toHaveLength(1);
  });

  it('ends every session: old access tokens get session_ended, old refresh tokens die', async () => {
    const t = await app();
    const first = await register(t, 'gil@example.com');
    const second = (await login(t, 'gil@example.com', password)).json().tokens;
    await forgot(t, 'gil@example.com');
    expect((await post(t, 'reset-password', { token: lastToken(t), newPassword })).statusCode).toBe(204);
    for (const accessToken of [first.tokens.accessToken, second.accessToken]) {
      const me = await t.service.app.inject({
        method: 'GET',
        url: '/v1/auth/me',
        headers: bearer(accessToken),
      });
      expect(me.statusCode).toBe(401);
      expect(me.json()).toMatchObject({ code: 'session_ended' });
    }
    for (const refreshToken of [first.tokens.refreshToken, second.refreshToken]) {
      expect((await post(t, 'refresh', { refreshToken })).statusCode).toBe(401);
    }
    expect(t.audits.at(-1)).toMatchObject({
      action: 'auth.password_reset',
      summary: { after: { sessionsEnded: 2 } },
    });
    const sessions = await t.store.container('sessions').query({ limit: 100 });
    expect(sessions.items.map((session) => session.revokedReason)).toEqual([
      'password_reset',
      'password_reset',
    ]);
  });

  it('refuses a weak password with a field error and keeps the token usable', async () => {
    const t = await app();
    await register(t, 'hal@example.com');
    await forgot(t, 'hal@example.com');
    const token = lastToken(t);
    const weak = await post(t, 'reset-password', { token, newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0]).toMatchObject({ path: 'newPassword' });
    expect((await post(t, 'reset-password', { token, newPassword })).statusCode).toBe(204);
  });

  it('drops the user’s other reset links and clears the login backoff', async () => {
    const t = await app();
    await register(t, 'ida@example.com');
    for (let i = 0; i < 6; i++) await login(t, 'ida@example.com', 'wrong password!');
    expect((await login(t, 'ida@example.com', password)).statusCode).toBe(429);
    await forgot(t, 'ida@example.com');
    const older = lastToken(t);
    await forgot(t, 'ida@example.com');
    expect((await post(t, 'reset-password', { token: lastToken(t), newPassword })).statusCode).toBe(204);
    expect(
      (await post(t, 'reset-password', { token: older, newPassword: 'other passphrase' })).statusCode,
    ).toBe(400);
    expect((await login(t, 'ida@example.com', newPassword)).statusCode).toBe(200);
  });

  it('refuses the link once the account changed its email or was disabled', async () => {
    const t = await app();
    const { user } = await register(t, 'jo@example.com');
    const users = createUserRepository(t.store, t.clock);
    await forgot(t, 'jo@example.com');
    const token = lastToken(t);
    await users.changeEmail(await users.mustGet('acme', user.id), 'jo2@example.com');
    expect((await post(t, 'reset-password', { token, newPassword })).json()).toMatchObject({
      code: 'invalid_or_expired_token',
    });
    await forgot(t, 'jo2@example.com');
    const second = lastToken(t);
    await users.replace({ ...(await users.mustGet('acme', user.id)), status: 'disabled' });
    expect((await post(t, 'reset-password', { token: second, newPassword })).statusCode).toBe(400);
    await forgot(t, 'jo2@example.com');
    expect(t.sent).toHaveLength(2); // a disabled account gets no link
  });

  it('works in another product: the link names it and the reset passes it back', async () => {
    const t = await app();
    await register(t, 'kim@example.com', 'globex');
    await forgot(t, 'kim@example.com'); // acme: no such account
    expect(t.sent).toHaveLength(0);
    await forgot(t, 'kim@example.com', { productId: 'globex' });
    const url = new URL((t.sent[0] as LinkMessage).url);
    expect(url.searchParams.get('productId')).toBe('globex');
    const token = lastToken(t);
    expect((await post(t, 'reset-password', { token, newPassword })).statusCode).toBe(400);
    expect((await post(t, 'reset-password', { token, newPassword, productId: 'globex' })).statusCode).toBe(
      204,
    );
  });
});

describe('verify-email and resend-verification', () => {
  /** Registers, keeping the verification link register sent. */
  function registered(t: RecoveryTestApp, email: string) {
    return register(t, email, 'acme', true);
  }

  it('verifies the email with the link sent at registration', async () => {
    const t = await app();
    const { user } = await registered(t, 'lea@example.com');
    expect(t.sent).toHaveLength(1);
    expect(t.sent[0]).toMatchObject({
      kind: 'email_verification',
      userId: user.id,
      email: 'lea@example.com',
      expiresAt: t.clock.now() + 24 * 60 * 60_000,
    });
    const token = lastToken(t);
    expect((t.sent[0] as LinkMessage).url).toBe(`https://app.example.com/verify-email?token=${token}`);
    expect(await dump(t, 'email_verifications')).not.toContain(token);

    t.clock.advance(23 * 60 * 60_000);
    expect((await post(t, 'verify-email', { token })).statusCode).toBe(204);
    const users = createUserRepository(t.store, t.clock);
    expect((await users.mustGet('acme', user.id)).emailVerified).toBe(true);

    const verified = t.events.filter((event) => event.type === 'user.email_verified');
    expect(verified.map((event) => event.payload)).toEqual([{ userId: user.id, email: 'lea@example.com' }]);
    expect(t.audits.map((entry) => entry.action)).toEqual(['auth.verification_sent', 'auth.email_verified']);
    expect(JSON.stringify([t.audits, t.events])).not.toContain(token);

    const again = await post(t, 'verify-email', { token });
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({ code: 'invalid_or_expired_token' });
    expect(t.audits.at(-1)).toMatchObject({ action: 'auth.email_verification_failed' });
  });

  it('refuses a verification link after 24 hours', async () => {
    const t = await app();
    await registered(t, 'max@example.com');
    t.clock.advance(24 * 60 * 60_000 + 1);
    expect((await post(t, 'verify-email', { token: lastToken(t) })).statusCode).toBe(400);
  });

  it('resend invalidates the earlier link', async () => {
    const t = await app();
    await registered(t, 'ned@example.com');
    const first = lastToken(t);
    const resent = await post(t, 'resend-verification', { email: 'ned@example.com' });
    expect(resent.statusCode).toBe(202);
    expect(resent.json()).toEqual(ACCEPTED_REPLY);
    const second = lastToken(t);
    expect(second).not.toBe(first);
    expect((await post(t, 'verify-email', { token: first })).statusCode).toBe(400);
    expect((await post(t, 'verify-email', { token: second })).statusCode).toBe(204);
  });

  it('resends to the signed-in user without an email in the body', async () => {
    const t = await app();
    const { user, tokens } = await register(t, 'oli@example.com');
    const resent = await post(t, 'resend-verification', {}, bearer(tokens.accessToken));
    expect(resent.statusCode).toBe(202);
    expect(t.sent.map((message) => [message.userId, message.email])).toEqual([[user.id, 'oli@example.com']]);
    expect(t.audits.at(-1)).toMatchObject({
      action: 'auth.verification_requested',
      actor: { type: 'user', id: user.id },
      summary: { after: { outcome: 'link_sent' } },
    });
    const anonymous = await post(t, 'resend-verification', {});
    expect(anonymous.statusCode).toBe(400);
    expect(anonymous.json().errors[0]).toMatchObject({ path: 'email' });
    const badToken = await post(t, 'resend-verification', {}, bearer('not-a-jwt'));
    expect(badToken.statusCode).toBe(401);
  });

  it('answers unknown and verified emails exactly like unverified ones, sending nothing', async () => {
    const t = await app();
    await registered(t, 'pam@example.com');
    await post(t, 'verify-email', { token: lastToken(t) });
    await register(t, 'quin@example.com');
    const sentBefore = t.sent.length;
    const answers = await Promise.all(
      ['pam@example.com', 'nobody@example.com', 'quin@example.com'].map((email) =>
        post(t, 'resend-verification', { email }),
      ),
    );
    expect(answers.map((answer) => answer.statusCode)).toEqual([202, 202, 202]);
    expect(new Set(answers.map((answer) => answer.body)).size).toBe(1);
    expect(t.sent.slice(sentBefore).map((message) => message.email)).toEqual(['quin@example.com']);
    const outcomes = t.audits
      .filter((entry) => entry.action === 'auth.verification_requested')
      .map((entry) => entry.summary?.after?.outcome)
      .sort();
    expect(outcomes).toEqual(['already_verified', 'link_sent', 'no_account']);
  });

  it('limits resends per email (3 an hour) and per IP', async () => {
    const t = await app();
    await register(t, 'ray@example.com');
    for (let i = 0; i < 3; i++)
      expect((await post(t, 'resend-verification', { email: 'ray@example.com' })).statusCode).toBe(202);
    expect((await post(t, 'resend-verification', { email: 'ray@example.com' })).statusCode).toBe(429);
    for (let i = 4; i < 10; i++) await post(t, 'resend-verification', { email: `x${i}@example.com` });
    expect((await post(t, 'resend-verification', { email: 'other@example.com' })).statusCode).toBe(429);
  });

  it('lets exactly one of two concurrent verifications win', async () => {
    const t = await app();
    await registered(t, 'sam@example.com');
    const token = lastToken(t);
    const answers = await Promise.all([1, 2].map(() => post(t, 'verify-email', { token })));
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([204, 400]);
    expect(t.events.filter((event) => event.type === 'user.email_verified')).toHaveLength(1);
  });

  it('refuses a verification link sent to an email the account no longer has', async () => {
    const t = await app();
    const { user } = await registered(t, 'tia@example.com');
    const users = createUserRepository(t.store, t.clock);
    await users.changeEmail(await users.mustGet('acme', user.id), 'tia2@example.com');
    expect((await post(t, 'verify-email', { token: lastToken(t) })).statusCode).toBe(400);
    expect((await users.mustGet('acme', user.id)).emailVerified).toBe(false);
  });
});

describe('change-email', () => {
  it('moves the account to a free email with the password, unverified, and verifies it by link', async () => {
    const t = await app();
    const { tokens, user } = await register(t, 'una@example.com');
    await register(t, 'taken@example.com');
    const change = (payload: object) => post(t, 'change-email', payload, bearer(tokens.accessToken));

    expect((await change({ newEmail: 'new@example.com', password: 'wrong password!' })).statusCode).toBe(403);
    const taken = await change({ newEmail: 'TAKEN@example.com', password });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'email_taken' });
    expect((await change({ newEmail: 'not an email', password })).statusCode).toBe(400);

    const changed = await change({ newEmail: 'New@Example.com', password });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ email: 'new@example.com', emailVerified: false });
    expect(t.sent.map((message) => [message.kind, message.email])).toEqual([
      ['email_verification', 'new@example.com'],
    ]);
    expect(t.audits.map((entry) => entry.action)).toContain('auth.email_changed');

    expect((await post(t, 'verify-email', { token: lastToken(t) })).statusCode).toBe(204);
    expect((await login(t, 'new@example.com', password)).statusCode).toBe(200);
    expect((await login(t, 'una@example.com', password)).statusCode).toBe(401);
    const reuse = await t.service.app.inject({
      method: 'POST',
      url: '/v1/auth/register',
      payload: { email: 'una@example.com', password },
    });
    expect(reuse.statusCode).toBe(201); // the old email is free again
    expect(user.id).not.toBe(reuse.json().user.id);
  });
});
