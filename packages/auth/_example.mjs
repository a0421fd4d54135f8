import { createAuthModule } from '@groundwork/auth';
import { createSessionsModule } from '@groundwork/sessions';
import { createMemoryStore } from '@groundwork/store/memory';
import { createFakeClock, createTestService } from '@groundwork/testing';

// Auth opens, checks and ends sessions through the sessions module: mount both.
const { module: sessionsModule, sessions } = createSessionsModule({ productId: 'acme' });
const auth = createAuthModule({
  sessions,
  productId: 'acme', // the product users register in and sign in to by default
  issuer: 'https://api.example.com', // `iss` of access tokens, checked on every request
  audience: 'groundwork', // `aud` of access tokens, checked on every request
  // also: signingKeys, accessTokenTtlSeconds, events, audit, linkSender, linkBaseUrl, sso, admin, …
});

const clock = createFakeClock(); // tests move time by hand; a real service uses the system clock
const { service } = await createTestService({
  clock,
  store: createMemoryStore({ clock }), // or createSqliteStore({ path: './data/groundwork.db' })
  modules: [sessionsModule, auth.module],
  extensions: [auth.extension], // serves /.well-known/jwks.json (and the impersonation hooks)
  authenticator: auth.authenticator, // Bearer access tokens and gw_… API tokens
});
const { app } = service;
const call = (method, url, payload, token) =>
  app.inject({ method, url, payload, headers: token ? { authorization: `Bearer ${token}` } : {} });

const registered = await call('POST', '/v1/auth/register', {
  email: ' Ann@Example.com',
  password: 'correct horse battery staple',
  name: 'Ann',
  device: { platform: 'web', id: 'browser-7f3a', name: 'Ann’s laptop' },
});
const { user, tokens } = registered.json();
console.log(registered.statusCode, user.email, user.role, user.emailVerified);
console.log(tokens.tokenType, tokens.expiresIn, tokens.sessionId.slice(0, 4));

const me = await call('GET', '/v1/auth/me', undefined, tokens.accessToken);
console.log(me.statusCode, me.json().name);

const wrong = await call('POST', '/v1/auth/login', { email: 'ann@example.com', password: 'not it at all' });
const unknown = await call('POST', '/v1/auth/login', { email: 'bob@example.com', password: 'not it at all' });
console.log(wrong.statusCode, wrong.json().code, unknown.statusCode, unknown.json().code);

const refreshed = await call('POST', '/v1/auth/refresh', { refreshToken: tokens.refreshToken });
const fresh = refreshed.json();
console.log(refreshed.statusCode, fresh.sessionId === tokens.sessionId, fresh.refreshToken !== tokens.refreshToken);

clock.advance(15_000); // past the 10 s grace window for two tabs refreshing at once
const reused = await call('POST', '/v1/auth/refresh', { refreshToken: tokens.refreshToken });
console.log(reused.statusCode, reused.json().code);
const after = await call('GET', '/v1/auth/me', undefined, fresh.accessToken);
console.log(after.statusCode, after.json().code);

const jwks = await call('GET', '/.well-known/jwks.json');
console.log(jwks.json().keys.map((key) => `${key.kty} ${key.crv} ${key.alg} ${key.use}`));

await service.stop(); // also closes the store
