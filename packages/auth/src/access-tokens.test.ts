import { UnauthorizedError } from '@groundwork/errors';
import type { DocumentStore } from '@groundwork/store';
import { createMemoryStore } from '@groundwork/store/memory';
import { createFakeClock, type FakeClock } from '@groundwork/testing';
import { base64url, decodeJwt, decodeProtectedHeader, exportSPKI, SignJWT } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AccessTokens, createAccessTokens } from './access-tokens.js';
import { createSigningKeyRing, type SigningKeyRing } from './signing-keys.js';

const ISSUER = 'https://auth.example.test';
const AUDIENCE = 'https://api.example.test';
const INPUT = { sub: 'usr_1', pid: 'prd_1', sid: 'ses_1', roles: ['member'] };

describe('access tokens', () => {
  let clock: FakeClock;
  let store: DocumentStore;
  let keys: SigningKeyRing;
  let tokens: AccessTokens;

  beforeEach(() => {
    clock = createFakeClock();
    store = createMemoryStore({ clock });
    keys = createSigningKeyRing({ store, clock });
    tokens = createAccessTokens({ keys, issuer: ISSUER, audience: AUDIENCE, clock });
  });
  afterEach(async () => {
    await store.close();
  });

  async function rejection(token: string, verifier: AccessTokens = tokens): Promise<UnauthorizedError> {
    const error = await verifier.verify(token).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(UnauthorizedError);
    const unauthorized = error as UnauthorizedError;
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    return unauthorized;
  }

  /** A token with the given header and payload, signed (or not) with `signature`. */
  function forge(header: object, payload: object, signature = ''): string {
    const part = (value: object) => base64url.encode(JSON.stringify(value));
    return `${part(header)}.${part(payload)}.${signature}`;
  }

  it('signs and verifies', async () => {
    const token = await tokens.sign(INPUT);
    const { kid } = await keys.activeKey();
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'ES256', kid, typ: 'at+jwt' });
    const now = Math.floor(clock.now() / 1000);
    expect(await tokens.verify(token)).toEqual({
      ...INPUT,
      iss: ISSUER,
      aud: AUDIENCE,
      iat: now,
      exp: now + 900,
      jti: expect.stringMatching(/^at_/),
    });
    expect(tokens.ttlSeconds).toBe(900);
  });

  it('carries scopes and the impersonation claims', async () => {
    const token = await tokens.sign({ ...INPUT, scp: ['notes:read'], act: { sub: 'usr_admin' }, ro: true });
    expect(await tokens.verify(token)).toMatchObject({
      scp: ['notes:read'],
      act: { sub: 'usr_admin' },
      ro: true,
    });
  });

  it('gives every token its own jti', async () => {
    const a = decodeJwt(await tokens.sign(INPUT));
    const b = decodeJwt(await tokens.sign(INPUT));
    expect(a.jti).not.toBe(b.jti);
  });

  it('refuses to sign malformed claims', async () => {
    await expect(tokens.sign({ ...INPUT, roles: 'admin' } as never)).rejects.toThrow();
    await expect(tokens.sign({ ...INPUT, extra: 1 } as never)).rejects.toThrow();
  });

  it('rejects an expired token (after the 5 s tolerance)', async () => {
    const token = await tokens.sign(INPUT);
    clock.advance(900_000 + 4_000);
    expect((await tokens.verify(token)).sub).toBe('usr_1');
    clock.advance(1_000);
    expect((await rejection(token)).code).toBe('token_expired');
  });

  it('rejects a tampered payload', async () => {
    const token = await tokens.sign(INPUT);
    const [header, , signature] = token.split('.');
    const payload = base64url.encode(JSON.stringify({ ...decodeJwt(token), roles: ['admin'] }));
    expect((await rejection(`${header}.${payload}.${signature}`)).code).toBe('token_invalid');
  });

  it('rejects an unsigned token (alg none)', async () => {
    const { kid } = await keys.activeKey();
    const payload = decodeJwt(await tokens.sign(INPUT));
    expect((await rejection(forge({ alg: 'none', kid, typ: 'at+jwt' }, payload))).code).toBe('token_invalid');
    expect((await rejection(forge({ alg: 'none', typ: 'JWT' }, payload))).code).toBe('token_invalid');
  });

  it('rejects an HS256 token keyed with the public key (algorithm confusion)', async () => {
    const { kid } = await keys.activeKey();
    const publicKey = await keys.keyFor(kid);
    if (!publicKey) throw new Error('no public key');
    const secret = new TextEncoder().encode(await exportSPKI(publicKey));
    const jwk = JSON.stringify((await keys.jwks()).keys[0]);
    for (const key of [secret, new TextEncoder().encode(jwk)]) {
      const forged = await new SignJWT({ pid: 'prd_1', sid: 'ses_1', roles: ['admin'] })
        .setProtectedHeader({ alg: 'HS256', kid, typ: 'at+jwt' })
        .setSubject('usr_1')
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt(Math.floor(clock.now() / 1000))
        .setExpirationTime(Math.floor(clock.now() / 1000) + 900)
        .setJti('forged')
        .sign(key);
      expect((await rejection(forged)).code).toBe('token_invalid');
    }
  });

  it('rejects a token from an unknown key', async () => {
    const otherStore = createMemoryStore({ clock });
    const foreign = createAccessTokens({
      keys: createSigningKeyRing({ store: otherStore, clock }),
      issuer: ISSUER,
      audience: AUDIENCE,
      clock,
    });
    expect((await rejection(await foreign.sign(INPUT))).code).toBe('token_invalid');
    await otherStore.close();

    const payload = decodeJwt(await tokens.sign(INPUT));
    const [, , signature] = (await tokens.sign(INPUT)).split('.');
    expect((await rejection(forge({ alg: 'ES256', typ: 'at+jwt' }, payload, signature))).code).toBe(
      'token_invalid',
    );
  });

  it('rejects the wrong issuer or audience', async () => {
    for (const other of [
      { issuer: 'https://evil.example.test', audience: AUDIENCE },
      { issuer: ISSUER, audience: 'https://other-api.example.test' },
    ]) {
      const foreign = createAccessTokens({ keys, clock, ...other });
      expect((await rejection(await foreign.sign(INPUT))).code).toBe('token_invalid');
    }
  });

  it('rejects a token of another type, or signed by us with claims missing', async () => {
    const { kid, privateKey } = await keys.activeKey();
    const now = Math.floor(clock.now() / 1000);
    const build = (typ: string, claims: Record<string, unknown>) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256', kid, typ })
        .setSubject('usr_1')
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt(now)
        .setExpirationTime(now + 900)
        .setJti('j1')
        .sign(privateKey);
    expect((await rejection(await build('JWT', { pid: 'p', sid: 's', roles: [] }))).code).toBe(
      'token_invalid',
    );
    expect((await rejection(await build('at+jwt', { sid: 's', roles: [] }))).code).toBe('token_invalid');
  });

  it('rejects malformed tokens', async () => {
    for (const token of ['', 'garbage', 'a.b.c', 'a.b', '...']) {
      expect((await rejection(token)).code).toBe('token_invalid');
    }
  });

  it('accepts a rotated-out key within its retention, and not after', async () => {
    const shortRetention = createSigningKeyRing({ store, clock, retainMs: 10 * 60_000 });
    const withRotation = createAccessTokens({
      keys: shortRetention,
      issuer: ISSUER,
      audience: AUDIENCE,
      clock,
    });
    tokens = withRotation;
    const token = await withRotation.sign(INPUT);
    await shortRetention.rotate();
    clock.advance(10 * 60_000 - 1);
    expect((await withRotation.verify(token)).sub).toBe('usr_1');
    // Still unexpired (tokens live 15 min), but its key is gone: refused once the remembered
    // verification (one minute at most) lapses.
    clock.advance(60_000);
    expect((await rejection(token)).code).toBe('token_invalid');
  });

  it('remembers a verified token for a minute instead of checking its signature again', async () => {
    let lookups = 0;
    const counting: SigningKeyRing = {
      ...keys,
      keyFor: (kid) => {
        lookups += 1;
        return keys.keyFor(kid);
      },
    };
    const verifier = createAccessTokens({ keys: counting, issuer: ISSUER, audience: AUDIENCE, clock });
    const token = await verifier.sign(INPUT);
    await verifier.verify(token);
    await verifier.verify(token);
    expect(lookups).toBe(1);
    clock.advance(60_000);
    await verifier.verify(token);
    expect(lookups).toBe(2);
    clock.advance(15 * 60_000);
    expect((await rejection(token, verifier)).code).toBe('token_expired');
  });

  it('does not turn a failing key lookup into a 401', async () => {
    const token = await tokens.sign(INPUT);
    const broken: SigningKeyRing = {
      ...keys,
      keyFor: () => Promise.reject(new Error('store unavailable')),
    };
    const verifier = createAccessTokens({ keys: broken, issuer: ISSUER, audience: AUDIENCE, clock });
    await expect(verifier.verify(token)).rejects.toThrow('store unavailable');
  });

  it('refuses a ttl outside 1 s to 24 h', () => {
    expect(() => createAccessTokens({ keys, issuer: ISSUER, audience: AUDIENCE, ttlSeconds: 0 })).toThrow(
      RangeError,
    );
    expect(() =>
      createAccessTokens({ keys, issuer: ISSUER, audience: AUDIENCE, ttlSeconds: 86_401 }),
    ).toThrow(RangeError);
  });
});
