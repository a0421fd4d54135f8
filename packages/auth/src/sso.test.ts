import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEventBus, type EventEnvelope } from '@groundwork/events';
import { defineModule } from '@groundwork/http';
import { createSessionsModule, type SessionService } from '@groundwork/sessions';
import type { Clock, DocumentStore } from '@groundwork/store';
import {
  createFakeClock,
  createTempSqliteStore,
  createTestService,
  type TempSqliteStore,
  type TestService,
} from '@groundwork/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestOidcProvider, type TestOidcProvider } from '../test/oidc-provider.js';
import { createAccessTokens } from './access-tokens.js';
import type { AuditRecord } from './auth-ports.js';
import { createAuthModule } from './module.js';
import { createRefreshTokens } from './refresh-tokens.js';
import type { TokenPair } from './request-meta.js';
import { hashToken, newSecretToken } from './secret-tokens.js';
import { createSigningKeyRing } from './signing-keys.js';
import {
  createSsoService,
  type SignInFunction,
  SSO_LINKS_CONTAINER,
  SSO_STATES_CONTAINER,
  type SsoServiceOptions,
} from './sso.js';
import { ssoRoutes } from './sso-routes.js';
import { type SsoProviderInput, ssoProvidersSchema } from './sso-schemas.js';

const CALLBACK = 'https://sso.test/v1/auth/sso/test-idp/callback';
const PLAIN_CALLBACK = 'https://sso.test/v1/auth/sso/plain-idp/callback';
const ISSUER = 'https://auth.test';
const AUDIENCE = 'groundwork-test';
const password = 'correct horse battery';

interface SsoTestApp extends TestService {
  events: EventEnvelope[];
  audits: AuditRecord[];
}

/**
 * The auth service's sign-in, rebuilt from its real pieces over the same store: a session, a
 * refresh token, and an access token signed by the key ring the auth module verifies with.
 */
function realSignIn(store: DocumentStore, clock: Clock, sessions: SessionService): SignInFunction {
  const accessTokens = createAccessTokens({
    keys: createSigningKeyRing({ store, clock }),
    issuer: ISSUER,
    audience: AUDIENCE,
    clock,
  });
  const refreshTokens = createRefreshTokens({ store, clock });
  return async (user, meta): Promise<TokenPair> => {
    const { session } = await sessions.create({
      userId: user.id,
      productId: user.productId,
      ip: meta.ip,
      userAgent: meta.userAgent,
    });
    const refreshToken = await refreshTokens.issue({
      sessionId: session.id,
      userId: user.id,
      productId: user.productId,
      expiresAt: session.expiresAt,
    });
    const accessToken = await accessTokens.sign({
      sub: user.id,
      pid: user.productId,
      sid: session.id,
      roles: [user.role],
    });
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn: accessTokens.ttlSeconds,
      refreshToken,
      sessionId: session.id,
    };
  };
}

/** Sessions + auth (real authenticator) + the SSO routes in a tiny module, on a memory store. */
async function createSsoTestApp(
  providers: SsoProviderInput[],
  overrides: Partial<Pick<SsoServiceOptions, 'allowedReturnOrigins'>> = {},
): Promise<SsoTestApp> {
  const clock = createFakeClock(Date.UTC(2026, 10, 26, 9));
  const temp = createTempSqliteStore({ clock });
  temps.push(temp);
  const store = temp.store;
  const { module: sessionsModule, sessions } = createSessionsModule({ productId: 'acme' });
  const bus = createEventBus({ clock });
  const events: EventEnvelope[] = [];
  bus.on({ name: 'test-recorder', types: '*', handler: (event) => void events.push(event) });
  const audits: AuditRecord[] = [];
  const audit = async (record: AuditRecord) => {
    audits.push(record);
  };
  const auth = createAuthModule({
    sessions,
    productId: 'acme',
    extraProductIds: ['globex'],
    issuer: ISSUER,
    audience: AUDIENCE,
    events: bus,
    audit,
  });
  const ssoModule = defineModule({
    name: 'sso-test',
    containers: [SSO_STATES_CONTAINER, SSO_LINKS_CONTAINER],
    routes: async (app, { ctx }) => {
      const sso = createSsoService({
        providers,
        allowedReturnOrigins: overrides.allowedReturnOrigins ?? ['https://app.test', 'com.acme.app://sso'],
        store: ctx.store,
        clock: ctx.clock,
        signIn: realSignIn(ctx.store, ctx.clock, sessions),
        events: bus,
        audit,
        allowInsecureRequests: true,
      });
      await app.register(ssoRoutes(sso, 'acme'), { ctx });
    },
  });
  const built = await createTestService({
    name: 'sso-test',
    modules: [sessionsModule, auth.module, ssoModule],
    extensions: [auth.extension],
    authenticator: auth.authenticator,
    clock,
    store,
  });
  return { ...built, events, audits };
}

let idp: TestOidcProvider;
beforeAll(async () => {
  idp = await startTestOidcProvider({ redirectUri: CALLBACK });
});
afterAll(async () => {
  await idp?.close();
});

const apps: SsoTestApp[] = [];
const temps: TempSqliteStore[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.service.stop()));
  await Promise.all(temps.splice(0).map((temp) => temp.cleanup()));
});

function providersOf(provider: TestOidcProvider, id = 'test-idp'): SsoProviderInput[] {
  return ['acme', 'globex'].map((productId) => ({
    id,
    productId,
    issuer: provider.issuer,
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
    redirectUri: provider.redirectUri,
  }));
}

async function app(overrides: Parameters<typeof createSsoTestApp>[1] = {}) {
  const built = await createSsoTestApp(providersOf(idp), overrides);
  apps.push(built);
  return built;
}

/** `GET /start`: answers the provider's authorization URL. */
async function start(t: SsoTestApp, query = '', provider = 'test-idp'): Promise<URL> {
  const response = await t.service.app.inject({
    method: 'GET',
    url: `/v1/auth/sso/${provider}/start${query}`,
  });
  expect(response.statusCode, response.body).toBe(302);
  return new URL(String(response.headers.location));
}

/** The provider redirected the browser to the callback: deliver it to the service. */
function callback(t: SsoTestApp, back: URL) {
  return t.service.app.inject({ method: 'GET', url: `${back.pathname}${back.search}` });
}

/** A whole sign-in: start, sign in at the provider as `accountId`, deliver the callback. */
async function ssoSignIn(t: SsoTestApp, accountId: string, query = '') {
  const authorizationUrl = await start(t, query);
  const back = await idp.signIn(authorizationUrl.href, accountId);
  return callback(t, back);
}

async function register(t: SsoTestApp, email: string) {
  const response = await t.service.app.inject({
    method: 'POST',
    url: '/v1/auth/register',
    payload: { email, password },
  });
  expect(response.statusCode).toBe(201);
  return (response.json() as { user: { id: string } }).user;
}

function me(t: SsoTestApp, accessToken: string) {
  return t.service.app.inject({
    method: 'GET',
    url: '/v1/auth/me',
    headers: { authorization: `Bearer ${accessToken}` },
  });
}

const pendingStates = (t: SsoTestApp) => t.store.container(SSO_STATES_CONTAINER.name).count({});
const ssoLinks = (t: SsoTestApp) => t.store.container(SSO_LINKS_CONTAINER.name).query({});

/** The single sign-on entries of the audit log (registering users records others). */
const ssoAudits = (t: { audits: AuditRecord[] }) =>
  t.audits.filter((entry) => entry.action.startsWith('auth.sso'));

describe('sso: sign-in with a real OpenID provider', () => {
  it('creates the user on a first sign-in and signs them in', async () => {
    const t = await app();
    idp.accounts.set('alice-sub', { email: ' Alice@Example.com', email_verified: true, name: 'Alice' });

    const response = await ssoSignIn(t, 'alice-sub');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const body = response.json() as {
      user: { id: string; email: string };
      tokens: { accessToken: string; refreshToken: string; tokenType: string };
    };
    expect(body.user).toMatchObject({
      email: 'alice@example.com',
      emailVerified: true,
      name: 'Alice',
      role: 'user',
      status: 'active',
      productId: 'acme',
    });
    expect(body.tokens.tokenType).toBe('Bearer');
    const profile = await me(t, body.tokens.accessToken);
    expect(profile.statusCode).toBe(200);
    expect(profile.json()).toMatchObject({ id: body.user.id, email: 'alice@example.com' });

    const stored = await t.store.container('users').read(body.user.id, 'acme');
    expect(stored).toMatchObject({ passwordHash: null });
    expect(t.events.map((event) => [event.type, event.payload])).toEqual([
      ['user.created', { userId: body.user.id, email: 'alice@example.com', plan: 'free' }],
    ]);
    expect(ssoAudits(t).map((entry) => [entry.action, entry.summary?.after])).toEqual([
      ['auth.sso_login', { provider: 'test-idp', outcome: 'created' }],
    ]);
    expect((await ssoLinks(t)).items).toEqual([
      expect.objectContaining({ providerId: 'test-idp', subject: 'alice-sub', userId: body.user.id }),
    ]);
    expect(await pendingStates(t)).toBe(0);
  });

  it('links the existing user with the same email, then finds them by subject after the email changes', async () => {
    const t = await app();
    const registered = await register(t, 'bob@example.com');
    idp.accounts.set('bob-sub', { email: 'BOB@example.com', email_verified: true });

    const linked = await ssoSignIn(t, 'bob-sub');
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().user).toMatchObject({ id: registered.id, emailVerified: true });

    idp.accounts.set('bob-sub', { email: 'robert@elsewhere.test', email_verified: false });
    const again = await ssoSignIn(t, 'bob-sub');
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().user).toMatchObject({ id: registered.id, email: 'bob@example.com' });

    expect(t.events.map((event) => event.type)).toEqual(['user.created']); // the registration's only
    expect(ssoAudits(t).map((entry) => entry.summary?.after?.outcome)).toEqual(['linked', 'signed_in']);
    const login = await t.service.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: 'bob@example.com', password },
    });
    expect(login.statusCode).toBe(200);
  });

  it('refuses an email the provider has not verified, and links nothing', async () => {
    const t = await app();
    await register(t, 'carol@example.com');
    idp.accounts.set('carol-sub', { email: 'carol@example.com', email_verified: false });
    idp.accounts.set('nomail-sub', {});

    const unverified = await ssoSignIn(t, 'carol-sub');
    expect(unverified.statusCode).toBe(403);
    expect(unverified.headers['content-type']).toContain('application/problem+json');
    expect(unverified.json()).toMatchObject({ code: 'sso_email_unverified' });

    const noEmail = await ssoSignIn(t, 'nomail-sub');
    expect(noEmail.statusCode).toBe(400);
    expect(noEmail.json()).toMatchObject({ code: 'sso_email_missing' });

    expect((await ssoLinks(t)).items).toEqual([]);
    expect(await t.store.container('users').count({ pk: 'acme' })).toBe(1);
    expect(ssoAudits(t).map((entry) => [entry.action, entry.summary?.after?.reason])).toEqual([
      ['auth.sso_failed', 'sso_email_unverified'],
      ['auth.sso_failed', 'sso_email_missing'],
    ]);
  });

  it('refuses a replayed, unknown or expired state', async () => {
    const t = await app();
    idp.accounts.set('dan-sub', { email: 'dan@example.com', email_verified: true });

    const back = await idp.signIn((await start(t)).href, 'dan-sub');
    expect((await callback(t, back)).statusCode).toBe(200);
    const replay = await callback(t, back);
    expect(replay.statusCode).toBe(400);
    expect(replay.json()).toMatchObject({ code: 'sso_state_invalid' });

    const forged = new URL(back);
    forged.searchParams.set('state', newSecretToken());
    expect((await callback(t, forged)).json()).toMatchObject({ code: 'sso_state_invalid' });
    const missing = new URL(back);
    missing.searchParams.delete('state');
    expect((await callback(t, missing)).json()).toMatchObject({ code: 'sso_state_invalid' });

    const late = await idp.signIn((await start(t)).href, 'dan-sub');
    t.clock.advance(10 * 60_000 + 1);
    const expired = await callback(t, late);
    expect(expired.statusCode).toBe(400);
    expect(expired.json()).toMatchObject({ code: 'sso_state_invalid' });
    expect(ssoAudits(t).map((entry) => entry.action)).toEqual([
      'auth.sso_login',
      'auth.sso_failed',
      'auth.sso_failed',
      'auth.sso_failed',
      'auth.sso_failed',
    ]);
  });

  it('sends PKCE (S256), state and nonce, and the exchange fails when the verifier or nonce differ', async () => {
    const t = await app();
    idp.accounts.set('erin-sub', { email: 'erin@example.com', email_verified: true });
    const states = t.store.container<{ nonce: string; codeVerifier: string }>(SSO_STATES_CONTAINER.name);

    const authorizationUrl = await start(t);
    expect(authorizationUrl.origin + authorizationUrl.pathname).toBe(`${idp.issuer}/auth`);
    const params = authorizationUrl.searchParams;
    expect(params.get('response_type')).toBe('code');
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('scope')).toBe('openid email profile');
    expect(params.get('redirect_uri')).toBe(CALLBACK);
    const state = params.get('state') ?? '';
    expect(state.length).toBeGreaterThanOrEqual(43);
    const pending = await states.read(hashToken(state), 'acme');
    expect(pending).toBeDefined();
    expect(params.get('nonce')).toBe(pending?.nonce);
    const challenge = createHash('sha256')
      .update(pending?.codeVerifier ?? '')
      .digest('base64url');
    expect(params.get('code_challenge')).toBe(challenge);
    expect(JSON.stringify(pending)).not.toContain(state); // only the state's hash is kept

    async function tampered(change: { nonce?: string; codeVerifier?: string }) {
      const url = await start(t);
      const id = hashToken(url.searchParams.get('state') ?? '');
      const doc = await states.read(id, 'acme');
      if (!doc) throw new Error('no pending sign-in');
      const { etag: _etag, updatedAt: _updatedAt, ...rest } = doc;
      await states.replace({ ...rest, ...change });
      return callback(t, await idp.signIn(url.href, 'erin-sub'));
    }
    const wrongVerifier = await tampered({ codeVerifier: newSecretToken() });
    expect(wrongVerifier.statusCode).toBe(400);
    expect(wrongVerifier.json()).toMatchObject({ code: 'sso_exchange_failed' });
    const wrongNonce = await tampered({ nonce: newSecretToken() });
    expect(wrongNonce.statusCode).toBe(400);
    expect(wrongNonce.json()).toMatchObject({ code: 'sso_exchange_failed' });
    expect(JSON.stringify(wrongNonce.json())).not.toMatch(/nonce|stack/i);
    expect(await t.store.container('users').count({ pk: 'acme' })).toBe(0);
  });

  it('redirects to an allow-listed returnTo with the tokens in the fragment, and refuses other origins', async () => {
    const t = await app();
    idp.accounts.set('fay-sub', { email: 'fay@example.com', email_verified: true });
    for (const returnTo of [
      'https://evil.test/x',
      'https://app.test.evil.test/',
      'http://app.test/',
      'javascript:alert(1)',
      'not a url',
    ]) {
      const refused = await t.service.app.inject({
        method: 'GET',
        url: `/v1/auth/sso/test-idp/start?returnTo=${encodeURIComponent(returnTo)}`,
      });
      expect(refused.statusCode, returnTo).toBe(400);
      expect(refused.json()).toMatchObject({ code: 'sso_return_to_not_allowed' });
    }
    await start(t, `?returnTo=${encodeURIComponent('com.acme.app://sso/done')}`);

    const response = await ssoSignIn(
      t,
      'fay-sub',
      `?returnTo=${encodeURIComponent('https://app.test/signed-in?tab=1#old')}`,
    );
    expect(response.statusCode, response.body).toBe(302);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    const location = new URL(String(response.headers.location));
    expect(location.origin + location.pathname + location.search).toBe('https://app.test/signed-in?tab=1');
    const fragment = new URLSearchParams(location.hash.slice(1));
    expect([...fragment.keys()]).toEqual(['access_token', 'refresh_token', 'expires_in']);
    expect(Number(fragment.get('expires_in'))).toBeGreaterThan(0);
    expect((await me(t, fragment.get('access_token') ?? '')).statusCode).toBe(200);
    const refreshed = await t.service.app.inject({
      method: 'POST',
      url: '/v1/auth/refresh',
      payload: { refreshToken: fragment.get('refresh_token') },
    });
    expect(refreshed.statusCode).toBe(200);
  });

  it('refuses the sign-in when the user cancels at the provider', async () => {
    const t = await app();
    const back = await idp.cancel((await start(t)).href);
    expect(back.searchParams.get('error')).toBe('access_denied');
    const response = await callback(t, back);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'sso_provider_error', providerError: 'access_denied' });
    expect(await pendingStates(t)).toBe(0);
    expect(ssoAudits(t).map((entry) => [entry.action, entry.summary?.after?.reason])).toEqual([
      ['auth.sso_failed', 'sso_provider_error'],
    ]);
  });

  it('refuses a disabled user, whether found by email or by an earlier link', async () => {
    const t = await app();
    const users = t.store.container<{ status: string }>('users');
    async function disable(userId: string) {
      const doc = await users.read(userId, 'acme');
      if (!doc) throw new Error('no user');
      const { etag: _etag, updatedAt: _updatedAt, ...rest } = doc;
      await users.replace({ ...rest, status: 'disabled' });
    }

    const gus = await register(t, 'gus@example.com');
    await disable(gus.id);
    idp.accounts.set('gus-sub', { email: 'gus@example.com', email_verified: true });
    const byEmail = await ssoSignIn(t, 'gus-sub');
    expect(byEmail.statusCode).toBe(403);
    expect(byEmail.json()).toMatchObject({ code: 'account_disabled' });
    expect((await ssoLinks(t)).items).toEqual([]);

    idp.accounts.set('hal-sub', { email: 'hal@example.com', email_verified: true });
    const first = await ssoSignIn(t, 'hal-sub');
    expect(first.statusCode).toBe(200);
    await disable(first.json().user.id);
    const byLink = await ssoSignIn(t, 'hal-sub');
    expect(byLink.statusCode).toBe(403);
    expect(byLink.json()).toMatchObject({ code: 'account_disabled' });
    expect(t.audits.filter((entry) => entry.action === 'auth.sso_failed')).toEqual([
      expect.objectContaining({ target: { type: 'user', id: gus.id } }),
      expect.objectContaining({ target: { type: 'user', id: first.json().user.id } }),
    ]);
  });

  it('keeps products apart: the same provider account signs in to each product as its own user', async () => {
    const t = await app();
    idp.accounts.set('ivy-sub', { email: 'ivy@example.com', email_verified: true });
    const acme = await ssoSignIn(t, 'ivy-sub');
    const globex = await ssoSignIn(t, 'ivy-sub', '?productId=globex');
    expect(acme.json().user).toMatchObject({ productId: 'acme' });
    expect(globex.json().user).toMatchObject({ productId: 'globex', email: 'ivy@example.com' });
    expect(globex.json().user.id).not.toBe(acme.json().user.id);
  });

  it('forgets the link of a deleted user: the next sign-in creates a new user', async () => {
    const t = await app();
    idp.accounts.set('kim-sub', { email: 'kim@example.com', email_verified: true });
    const first = await ssoSignIn(t, 'kim-sub');
    const deleted = await t.service.app.inject({
      method: 'DELETE',
      url: '/v1/auth/me',
      headers: { authorization: `Bearer ${first.json().tokens.accessToken}` },
      payload: { password: '' },
    });
    expect(deleted.statusCode).toBe(204);
    const second = await ssoSignIn(t, 'kim-sub');
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json().user.id).not.toBe(first.json().user.id);
    expect((await ssoLinks(t)).items).toEqual([
      expect.objectContaining({ subject: 'kim-sub', userId: second.json().user.id }),
    ]);
  });

  it('answers 503 when the provider cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', () => resolve()));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const t = await createSsoTestApp([
      {
        id: 'down-idp',
        productId: 'acme',
        issuer: `http://127.0.0.1:${port}`,
        clientId: 'client-1',
        redirectUri: 'https://sso.test/v1/auth/sso/down-idp/callback',
      },
    ]);
    apps.push(t);
    const response = await t.service.app.inject({ method: 'GET', url: '/v1/auth/sso/down-idp/start' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ code: 'sso_provider_unavailable' });
  });

  it('answers 404 for a provider the product does not have', async () => {
    const t = await app();
    for (const url of ['/v1/auth/sso/nope/start', '/v1/auth/sso/test-idp/start?productId=initech']) {
      const response = await t.service.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.json()).toMatchObject({ code: 'sso_provider_unknown' });
    }
  });

  it('reads the email from the userinfo endpoint when the ID token has none', async () => {
    const plain = await startTestOidcProvider({ redirectUri: PLAIN_CALLBACK, claimsInIdToken: false });
    try {
      const t = await createSsoTestApp([...providersOf(idp), ...providersOf(plain, 'plain-idp')]);
      apps.push(t);
      plain.accounts.set('jo-sub', { email: 'jo@example.com', email_verified: true, name: 'Jo' });
      const back = await plain.signIn((await start(t, '', 'plain-idp')).href, 'jo-sub');
      const response = await callback(t, back);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().user).toMatchObject({
        email: 'jo@example.com',
        name: 'Jo',
        emailVerified: true,
      });
    } finally {
      await plain.close();
    }
  });
});

describe('sso: AUTH_SSO_PROVIDERS', () => {
  const google = {
    id: 'google',
    productId: 'acme',
    issuer: 'https://accounts.google.com',
    clientId: 'client-1',
    clientSecret: 's3cret',
    redirectUri: 'https://api.acme.test/v1/auth/sso/google/callback',
  };

  it('parses a JSON list and fills the defaults', () => {
    expect(ssoProvidersSchema.parse(JSON.stringify([google]))).toEqual([
      { ...google, scopes: ['openid', 'email', 'profile'], tokenEndpointAuthMethod: 'client_secret_basic' },
    ]);
  });

  it('refuses bad JSON, scopes without openid, unknown fields and duplicates', () => {
    expect(ssoProvidersSchema.safeParse('[{').success).toBe(false);
    expect(ssoProvidersSchema.safeParse(JSON.stringify([{ ...google, scopes: ['email'] }])).success).toBe(
      false,
    );
    expect(ssoProvidersSchema.safeParse(JSON.stringify([{ ...google, tenant: 'x' }])).success).toBe(false);
    expect(ssoProvidersSchema.safeParse(JSON.stringify([google, google])).success).toBe(false);
    expect(
      ssoProvidersSchema.safeParse(JSON.stringify([google, { ...google, productId: 'globex' }])).success,
    ).toBe(true);
  });
});
