/**
 * The key ring that signs access tokens (ES256) and publishes their public keys as a JWKS.
 *
 * Keys come either from configuration (PEM or JWK private keys, e.g. from Key Vault through the
 * environment; never persisted, never rotated here) or from the store: on first use, when the
 * store holds no active key, one is generated and written with a conditional create, so instances
 * starting together agree on one key. `rotate()` makes a new key active and retires the previous
 * one, which still verifies for `retainMs` (tokens live minutes, so nobody is logged out).
 *
 * Storage: one document per purpose in `signing_keys` holding that purpose's keys, so the first
 * create and every rotation are single conditional writes (create, or replace with `ifMatch`) and
 * the ring can never be left half-rotated. Private JWKs never leave this module: callers get
 * non-extractable `CryptoKey`s and public JWKs.
 */
import { ConflictError, isAppError } from '@groundwork/errors';
import { newId } from '@groundwork/http';
import { type Clock, type ContainerSpec, type DocumentStore, systemClock } from '@groundwork/store';
import {
  type CryptoKey,
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  importPKCS8,
  type JWK,
} from 'jose';
import { z } from 'zod';

export const SIGNING_ALGORITHM = 'ES256';
export const DEFAULT_KEY_PURPOSE = 'access-token';
/** How long a retired key still verifies: far longer than any access token lives. */
export const DEFAULT_KEY_RETAIN_MS = 24 * 60 * 60 * 1000;
/** How often the ring rereads the store, so a rotation on another instance is picked up. */
export const DEFAULT_KEY_REFRESH_MS = 60_000;
/** An unknown `kid` rereads the store at most this often (a rotation elsewhere, not a flood of guesses). */
const UNKNOWN_KID_REFRESH_MS = 5_000;
const RING_ID = 'ring';
const MAX_WRITE_ATTEMPTS = 5;

export const SIGNING_KEYS_CONTAINER: ContainerSpec = {
  name: 'signing_keys',
  partitionKey: '/purpose',
  description:
    'JWT signing key rings, one document per purpose (e.g. access-token): active and retired keys.',
};

const publicJwkSchema = z.object({
  kty: z.literal('EC'),
  crv: z.literal('P-256'),
  x: z.string().min(1),
  y: z.string().min(1),
});
const privateJwkSchema = publicJwkSchema.extend({ d: z.string().min(1) });
type PublicEcJwk = z.infer<typeof publicJwkSchema>;
type PrivateEcJwk = z.infer<typeof privateJwkSchema>;

const signingKeyRecordSchema = z.object({
  kid: z.string().min(1),
  purpose: z.string().min(1),
  alg: z.literal(SIGNING_ALGORITHM),
  publicJwk: publicJwkSchema,
  privateJwk: privateJwkSchema,
  createdAt: z.number(),
  activatedAt: z.number(),
  retiredAt: z.number().nullable(),
});
type SigningKeyRecord = z.infer<typeof signingKeyRecordSchema>;

const keyRingDocumentSchema = z.object({
  id: z.literal(RING_ID),
  pk: z.string(),
  purpose: z.string(),
  keys: z.array(signingKeyRecordSchema),
  etag: z.string(),
});
type KeyRingDocument = { id: string; pk: string; purpose: string; keys: SigningKeyRecord[] };

/** A public key as published in the JWKS. */
export interface PublicSigningJwk extends PublicEcJwk {
  kid: string;
  alg: typeof SIGNING_ALGORITHM;
  use: 'sig';
}

export interface JsonWebKeySet {
  keys: PublicSigningJwk[];
}

/** A private key from configuration: PKCS#8 PEM or a private EC P-256 JWK. */
export interface ConfiguredSigningKey {
  privateKey: string | JWK;
  /** Defaults to the JWK's `kid`, else its RFC 7638 thumbprint. */
  kid?: string;
}

export interface SigningKeyRingOptions {
  store: DocumentStore;
  clock?: Clock;
  /** The partition the keys live in; default `access-token`. */
  purpose?: string;
  /**
   * Keys from configuration. When given (non-empty), they are the ring: the first signs, all
   * verify, nothing is read from or written to the store, and `rotate()` is refused.
   */
  keys?: ConfiguredSigningKey[];
  /** How long a retired key still verifies (default 24 h). */
  retainMs?: number;
  /** How long the in-memory copy of the ring is trusted before rereading the store (default 60 s). */
  refreshMs?: number;
}

export interface ActiveSigningKey {
  kid: string;
  privateKey: CryptoKey;
}

export interface VerificationKey {
  kid: string;
  publicKey: CryptoKey;
}

export interface SigningKeyRing {
  /** The key to sign with now. */
  activeKey(): Promise<ActiveSigningKey>;
  /** Every key a token may still be verified with: the active one and recently retired ones. */
  verificationKeys(): Promise<VerificationKey[]>;
  /** The verification key with this `kid`, or `undefined` (unknown, or retired too long ago). */
  keyFor(kid: string): Promise<CryptoKey | undefined>;
  /** Generates a new active key and retires the current one; returns the new `kid`. */
  rotate(): Promise<string>;
  /** The public keys for `/.well-known/jwks.json`. */
  jwks(): Promise<JsonWebKeySet>;
}

interface LoadedKey {
  kid: string;
  publicJwk: PublicEcJwk;
  publicKey: CryptoKey;
  /** Non-extractable: it signs, nothing can read it back out. */
  privateKey: CryptoKey;
  activatedAt: number;
  retiredAt: number | null;
}

interface Snapshot {
  loadedAt: number;
  active: ActiveSigningKey;
  keys: LoadedKey[];
}

export function createSigningKeyRing(options: SigningKeyRingOptions): SigningKeyRing {
  const { store } = options;
  const clock = options.clock ?? systemClock;
  const purpose = options.purpose ?? DEFAULT_KEY_PURPOSE;
  const retainMs = options.retainMs ?? DEFAULT_KEY_RETAIN_MS;
  const refreshMs = options.refreshMs ?? DEFAULT_KEY_REFRESH_MS;
  const configured = options.keys !== undefined && options.keys.length > 0 ? options.keys : undefined;

  let snapshot: Snapshot | undefined;
  let loading: Promise<Snapshot> | undefined;
  // Imported keys by kid: key material never changes for a kid, so each is imported once.
  const imported = new Map<string, Promise<Pick<LoadedKey, 'publicKey' | 'privateKey'>>>();

  let ready: Promise<void> | undefined;
  const container = async () => {
    ready ??= store.ensureContainers([SIGNING_KEYS_CONTAINER]).catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    await ready;
    return store.container<KeyRingDocument>(SIGNING_KEYS_CONTAINER.name);
  };

  const usable = (key: { retiredAt: number | null }, now: number) =>
    key.retiredAt === null || now < key.retiredAt + retainMs;

  async function readRing(): Promise<(KeyRingDocument & { etag: string }) | undefined> {
    const stored = await (await container()).read(RING_ID, purpose);
    return stored === undefined ? undefined : keyRingDocumentSchema.parse(stored);
  }

  async function toSnapshot(records: SigningKeyRecord[]): Promise<Snapshot> {
    const now = clock.now();
    const keys = await Promise.all(
      records
        .filter((record) => usable(record, now))
        .map(async (record): Promise<LoadedKey> => {
          let keyPair = imported.get(record.kid);
          if (!keyPair) {
            keyPair = importKeyPair(record.publicJwk, record.privateJwk);
            imported.set(record.kid, keyPair);
            keyPair.catch(() => imported.delete(record.kid));
          }
          const { publicKey, privateKey } = await keyPair;
          const { kid, publicJwk, activatedAt, retiredAt } = record;
          return { kid, publicJwk, publicKey, privateKey, activatedAt, retiredAt };
        }),
    );
    const active = keys
      .filter((key) => key.retiredAt === null)
      .sort((a, b) => b.activatedAt - a.activatedAt)[0];
    if (!active) throw new Error(`The "${purpose}" key ring has no active key.`);
    return { loadedAt: now, active: { kid: active.kid, privateKey: active.privateKey }, keys };
  }

  async function newRecord(now: number): Promise<SigningKeyRecord> {
    const { privateKey } = await generateKeyPair(SIGNING_ALGORITHM, { extractable: true });
    const privateJwk = toPrivateJwk(await exportJWK(privateKey));
    return {
      kid: newId('key', now),
      purpose,
      alg: SIGNING_ALGORITHM,
      publicJwk: toPublicJwk(privateJwk),
      privateJwk,
      createdAt: now,
      activatedAt: now,
      retiredAt: null,
    };
  }

  /**
   * Writes a ring whose newest key is a fresh one: creates the document when there is none,
   * otherwise retires the active key, drops keys retired too long ago and replaces the document
   * if nobody changed it meanwhile. With `onlyIfNoActiveKey`, an existing active key is kept.
   */
  async function writeNewKey(onlyIfNoActiveKey: boolean): Promise<Snapshot> {
    const keys = await container();
    for (let attempt = 1; attempt <= MAX_WRITE_ATTEMPTS; attempt += 1) {
      const current = await readRing();
      const now = clock.now();
      if (onlyIfNoActiveKey && current?.keys.some((key) => key.retiredAt === null))
        return toSnapshot(current.keys);
      const fresh = await newRecord(now);
      try {
        if (!current) {
          await keys.create({ id: RING_ID, pk: purpose, purpose, keys: [fresh] });
          return await toSnapshot([fresh]);
        }
        const kept = current.keys
          .filter((key) => usable(key, now))
          .map((key) => (key.retiredAt === null ? { ...key, retiredAt: now } : key));
        const next = [...kept, fresh];
        await keys.replace({ id: RING_ID, pk: purpose, purpose, keys: next }, { ifMatch: current.etag });
        return await toSnapshot(next);
      } catch (error) {
        // Another instance wrote first (409 on create, 412/404 on replace): read again.
        if (!(isAppError(error) && [404, 409, 412].includes(error.status))) throw error;
      }
    }
    throw new ConflictError(
      `The "${purpose}" signing keys kept changing; try again.`,
      'signing_key_write_conflict',
    );
  }

  async function load(): Promise<Snapshot> {
    if (configured) return toSnapshot(await fromConfiguration(configured, purpose, clock.now()));
    const current = await readRing();
    if (current?.keys.some((key) => key.retiredAt === null)) return toSnapshot(current.keys);
    return writeNewKey(true);
  }

  /** The cached ring, reread once it is `maxAgeMs` old (never, for configured keys). */
  async function current(maxAgeMs = refreshMs): Promise<Snapshot> {
    if (snapshot && (configured || clock.now() - snapshot.loadedAt < maxAgeMs)) return snapshot;
    loading ??= load()
      .then((loaded) => {
        snapshot = loaded;
        return loaded;
      })
      .finally(() => {
        loading = undefined;
      });
    return loading;
  }

  function findKey(ring: Snapshot, kid: string): LoadedKey | undefined {
    return ring.keys.find((key) => key.kid === kid && usable(key, clock.now()));
  }

  return {
    async activeKey() {
      return (await current()).active;
    },
    async verificationKeys() {
      const now = clock.now();
      return (await current()).keys
        .filter((key) => usable(key, now))
        .map((key) => ({ kid: key.kid, publicKey: key.publicKey }));
    },
    async keyFor(kid) {
      const found = findKey(await current(), kid);
      if (found) return found.publicKey;
      // Perhaps another instance rotated since the last read.
      return findKey(await current(UNKNOWN_KID_REFRESH_MS), kid)?.publicKey;
    },
    async rotate() {
      if (configured)
        throw new ConflictError(
          'Signing keys come from configuration; rotate them where they are configured.',
          'signing_keys_configured',
        );
      const rotated = await writeNewKey(false);
      snapshot = rotated;
      return rotated.active.kid;
    },
    async jwks() {
      const now = clock.now();
      return {
        keys: (await current()).keys
          .filter((key) => usable(key, now))
          .map((key) => ({ ...key.publicJwk, kid: key.kid, alg: SIGNING_ALGORITHM, use: 'sig' as const })),
      };
    },
  };
}

async function importKeyPair(
  publicJwk: PublicEcJwk,
  privateJwk: PrivateEcJwk,
): Promise<Pick<LoadedKey, 'publicKey' | 'privateKey'>> {
  const [publicKey, privateKey] = await Promise.all([
    importJWK(publicJwk, SIGNING_ALGORITHM),
    importJWK(privateJwk, SIGNING_ALGORITHM, { extractable: false }),
  ]);
  return { publicKey, privateKey };
}

function toPrivateJwk(jwk: JWK): PrivateEcJwk {
  const parsed = privateJwkSchema.safeParse(jwk);
  if (!parsed.success) throw new Error('A signing key must be a private EC P-256 key (ES256).');
  const { kty, crv, x, y, d } = parsed.data;
  return { kty, crv, x, y, d };
}

function toPublicJwk(jwk: PrivateEcJwk): PublicEcJwk {
  const { kty, crv, x, y } = jwk;
  return { kty, crv, x, y };
}

/** Configured keys as ring records: the first is active, the others verify only. */
async function fromConfiguration(
  configured: ConfiguredSigningKey[],
  purpose: string,
  now: number,
): Promise<SigningKeyRecord[]> {
  const records = await Promise.all(
    configured.map(async (key, index): Promise<SigningKeyRecord> => {
      const jwk =
        typeof key.privateKey === 'string'
          ? await exportJWK(await importPKCS8(key.privateKey, SIGNING_ALGORITHM, { extractable: true }))
          : key.privateKey;
      const privateJwk = toPrivateJwk(jwk);
      const publicJwk = toPublicJwk(privateJwk);
      const kid =
        key.kid ?? (typeof jwk.kid === 'string' ? jwk.kid : await calculateJwkThumbprint(publicJwk));
      return {
        kid,
        purpose,
        alg: SIGNING_ALGORITHM,
        publicJwk,
        privateJwk,
        createdAt: now,
        activatedAt: index === 0 ? now : 0,
        // Verification-only keys never expire: configuration decides when they go.
        retiredAt: index === 0 ? null : Number.POSITIVE_INFINITY,
      };
    }),
  );
  const kids = new Set(records.map((record) => record.kid));
  if (kids.size !== records.length) throw new Error('Configured signing keys must have distinct kids.');
  return records;
}
