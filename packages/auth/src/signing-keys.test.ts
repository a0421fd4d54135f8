import { isAppError } from '@groundwork/errors';
import type { DocumentStore } from '@groundwork/store';
import { createMemoryStore } from '@groundwork/store/memory';
import { createFakeClock, createTempSqliteStore, type FakeClock } from '@groundwork/testing';
import { exportJWK, exportPKCS8, generateKeyPair } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createSigningKeyRing,
  DEFAULT_KEY_REFRESH_MS,
  DEFAULT_KEY_RETAIN_MS,
  SIGNING_KEYS_CONTAINER,
} from './signing-keys.js';

interface StoredRing {
  keys: Array<{ kid: string; retiredAt: number | null; privateJwk: { d?: string } }>;
}

const stores: Array<[string, (clock: FakeClock) => { store: DocumentStore; cleanup: () => Promise<void> }]> =
  [
    [
      'memory',
      (clock) => {
        const store = createMemoryStore({ clock });
        return { store, cleanup: () => store.close() };
      },
    ],
    [
      'sqlite',
      (clock) => {
        const temp = createTempSqliteStore({ clock });
        return { store: temp.store, cleanup: temp.cleanup };
      },
    ],
  ];

describe.each(stores)('signing key ring on the %s store', (_name, open) => {
  let clock: FakeClock;
  let store: DocumentStore;
  let cleanup: () => Promise<void>;

  beforeEach(() => {
    clock = createFakeClock();
    ({ store, cleanup } = open(clock));
  });
  afterEach(async () => {
    await cleanup();
  });

  async function storedRing(purpose = 'access-token'): Promise<StoredRing | undefined> {
    return store.container<StoredRing>(SIGNING_KEYS_CONTAINER.name).read('ring', purpose);
  }

  it('generates and persists a key on first use', async () => {
    const ring = createSigningKeyRing({ store, clock });
    const active = await ring.activeKey();
    expect(active.kid).toMatch(/^key_[0-9a-z]{26}$/);
    expect(active.privateKey.type).toBe('private');
    expect(active.privateKey.extractable).toBe(false);
    expect((await storedRing())?.keys.map((key) => key.kid)).toEqual([active.kid]);

    expect((await ring.activeKey()).kid).toBe(active.kid);
    const restarted = createSigningKeyRing({ store, clock });
    expect((await restarted.activeKey()).kid).toBe(active.kid);
  });

  it('keeps purposes apart', async () => {
    const access = await createSigningKeyRing({ store, clock }).activeKey();
    const other = await createSigningKeyRing({ store, clock, purpose: 'id-token' }).activeKey();
    expect(other.kid).not.toBe(access.kid);
    expect((await storedRing('id-token'))?.keys).toHaveLength(1);
  });

  it('makes rings starting together agree on one key', async () => {
    const rings = Array.from({ length: 4 }, () => createSigningKeyRing({ store, clock }));
    const kids = await Promise.all(rings.map(async (ring) => (await ring.activeKey()).kid));
    expect(new Set(kids).size).toBe(1);
    expect((await storedRing())?.keys.map((key) => key.kid)).toEqual([kids[0]]);
  });

  it('publishes public keys only', async () => {
    const ring = createSigningKeyRing({ store, clock });
    const { kid } = await ring.activeKey();
    const jwks = await ring.jwks();
    expect(jwks.keys).toEqual([
      {
        kty: 'EC',
        crv: 'P-256',
        x: expect.any(String),
        y: expect.any(String),
        kid,
        alg: 'ES256',
        use: 'sig',
      },
    ]);
    expect(JSON.stringify(jwks)).not.toContain('"d"');
    expect(await ring.verificationKeys()).toEqual([{ kid, publicKey: expect.anything() }]);
    expect((await ring.keyFor(kid))?.type).toBe('public');
  });

  it('rotates: the new key signs, the old one verifies until it has been retired for retainMs', async () => {
    const ring = createSigningKeyRing({ store, clock });
    const old = (await ring.activeKey()).kid;
    clock.advance(1_000);
    const fresh = await ring.rotate();
    expect(fresh).not.toBe(old);
    expect((await ring.activeKey()).kid).toBe(fresh);
    expect(await ring.keyFor(old)).toBeDefined();
    expect((await ring.jwks()).keys.map((key) => key.kid).sort()).toEqual([old, fresh].sort());
    const stored = await storedRing();
    expect(stored?.keys.find((key) => key.kid === old)?.retiredAt).toBe(clock.now());

    clock.advance(DEFAULT_KEY_RETAIN_MS - 1);
    expect(await ring.keyFor(old)).toBeDefined();
    clock.advance(1);
    expect(await ring.keyFor(old)).toBeUndefined();
    expect((await ring.jwks()).keys.map((key) => key.kid)).toEqual([fresh]);
    expect((await ring.verificationKeys()).map((key) => key.kid)).toEqual([fresh]);

    // The next rotation drops keys retired too long ago from the store.
    const third = await ring.rotate();
    expect((await storedRing())?.keys.map((key) => key.kid)).toEqual([fresh, third]);
  });

  it('lets other instances pick up a rotation', async () => {
    const a = createSigningKeyRing({ store, clock });
    const b = createSigningKeyRing({ store, clock });
    const old = (await a.activeKey()).kid;
    expect((await b.activeKey()).kid).toBe(old);
    const fresh = await a.rotate();

    // A token signed with the new key verifies on b soon after (an unknown kid rereads the store)...
    clock.advance(5_000);
    expect(await b.keyFor(fresh)).toBeDefined();
    // ...and b signs with it once its copy of the ring is refreshed.
    clock.advance(DEFAULT_KEY_REFRESH_MS);
    expect((await b.activeKey()).kid).toBe(fresh);
  });

  it('rotates once per call even when two instances rotate together', async () => {
    const a = createSigningKeyRing({ store, clock });
    const b = createSigningKeyRing({ store, clock });
    const first = (await a.activeKey()).kid;
    await b.activeKey();
    const rotated = await Promise.all([a.rotate(), b.rotate()]);
    const stored = await storedRing();
    expect(stored?.keys).toHaveLength(3);
    expect(stored?.keys.filter((key) => key.retiredAt === null)).toHaveLength(1);
    expect(stored?.keys[0]?.kid).toBe(first);
    expect(new Set(rotated).size).toBe(2);
  });

  it('uses configured keys (PEM or JWK) and persists nothing', async () => {
    const pem = await exportPKCS8((await generateKeyPair('ES256', { extractable: true })).privateKey);
    const jwk = await exportJWK((await generateKeyPair('ES256', { extractable: true })).privateKey);
    const ring = createSigningKeyRing({
      store,
      clock,
      keys: [{ privateKey: pem, kid: 'vault-2026-01' }, { privateKey: jwk }],
    });
    expect((await ring.activeKey()).kid).toBe('vault-2026-01');
    const kids = (await ring.jwks()).keys.map((key) => key.kid);
    expect(kids[0]).toBe('vault-2026-01');
    // Without a kid, the RFC 7638 thumbprint.
    expect(kids[1]).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await ring.keyFor(kids[1] ?? '')).toBeDefined();

    // Verification-only configured keys do not age out.
    clock.advance(DEFAULT_KEY_RETAIN_MS * 10);
    expect(await ring.keyFor(kids[1] ?? '')).toBeDefined();

    await expect(ring.rotate()).rejects.toMatchObject({ status: 409, code: 'signing_keys_configured' });
    await store.ensureContainers([SIGNING_KEYS_CONTAINER]);
    expect(await store.container(SIGNING_KEYS_CONTAINER.name).count()).toBe(0);
  });

  it('refuses configured keys that are not P-256 private keys', async () => {
    const { publicKey } = await generateKeyPair('ES256', { extractable: true });
    const publicOnly = createSigningKeyRing({
      store,
      clock,
      keys: [{ privateKey: await exportJWK(publicKey) }],
    });
    await expect(publicOnly.activeKey()).rejects.toThrow(/private EC P-256/);

    const rsa = await generateKeyPair('RS256', { extractable: true });
    const wrongType = createSigningKeyRing({
      store,
      clock,
      keys: [{ privateKey: await exportPKCS8(rsa.privateKey) }],
    });
    await expect(wrongType.activeKey()).rejects.toThrow();
  });

  it('refuses two configured keys with the same kid', async () => {
    const jwk = await exportJWK((await generateKeyPair('ES256', { extractable: true })).privateKey);
    const ring = createSigningKeyRing({
      store,
      clock,
      keys: [
        { privateKey: jwk, kid: 'same' },
        { privateKey: jwk, kid: 'same' },
      ],
    });
    const error = await ring.activeKey().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(isAppError(error)).toBe(false);
  });
});
