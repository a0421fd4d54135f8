/**
 * Encryption at rest of what waits in the queue (template data, which for recovery emails holds
 * the raw token inside the link) and of the dev outbox: AES-256-GCM with a random 96-bit IV per
 * message and the document's id as associated data (a sealed value moved to another document does
 * not open). The key comes from `DELIVERY_ENCRYPTION_KEY`, or on the embedded default is generated
 * on first start and kept in the store (`delivery_keys`), created with a conditional write so
 * instances starting together agree on one key — like auth's signing keys.
 * Format: `v1.<keyId>.<iv>.<ciphertext>.<tag>` (base64url parts).
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { isAppError } from '@groundwork/errors';
import type { ContainerSpec, DocumentStore } from '@groundwork/store';

export const DELIVERY_KEYS_CONTAINER: ContainerSpec = {
  name: 'delivery_keys',
  partitionKey: '/purpose',
  description:
    'The generated AES-256-GCM data key of the delivery module (when DELIVERY_ENCRYPTION_KEY is unset).',
};

const KEY_DOC_ID = 'data-key';
const PURPOSE = 'delivery';

export interface Sealer {
  seal(plaintext: string, aad: string): Promise<string>;
  /** Throws when the value was tampered with, sealed for another document, or with an unknown key. */
  open(sealed: string, aad: string): Promise<string>;
}

interface DataKey {
  id: string;
  key: Buffer;
}

export function decodeKey(text: string): Buffer {
  const key = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (key.length !== 32) throw new TypeError('DELIVERY_ENCRYPTION_KEY must be 32 bytes (base64).');
  return key;
}

function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 8);
}

async function storedKey(store: DocumentStore): Promise<DataKey> {
  await store.ensureContainers([DELIVERY_KEYS_CONTAINER]);
  const container = store.container<{ key: string; createdAt: string }>(DELIVERY_KEYS_CONTAINER.name);
  for (let round = 0; round < 3; round += 1) {
    const existing = await container.read(KEY_DOC_ID, PURPOSE);
    if (existing) {
      const key = decodeKey(existing.key);
      return { id: keyIdOf(key), key };
    }
    try {
      const key = randomBytes(32);
      await container.create({
        id: KEY_DOC_ID,
        pk: PURPOSE,
        key: key.toString('base64'),
        createdAt: new Date().toISOString(),
      });
      return { id: keyIdOf(key), key };
    } catch (error) {
      if (!(isAppError(error) && error.status === 409)) throw error;
    }
  }
  throw new Error('Could not read or create the delivery data key.');
}

/** With `key` (base64, 32 bytes) from the environment, or else a key kept in `store`. */
export function createSealer(options: { key?: string | undefined; store?: DocumentStore }): Sealer {
  let loading: Promise<DataKey> | undefined;
  const dataKey = (): Promise<DataKey> => {
    if (!loading) {
      if (options.key) {
        const key = decodeKey(options.key);
        loading = Promise.resolve({ id: keyIdOf(key), key });
      } else if (options.store) {
        loading = storedKey(options.store).catch((error: unknown) => {
          loading = undefined;
          throw error;
        });
      } else {
        throw new TypeError('createSealer needs a key or a store.');
      }
    }
    return loading;
  };

  return {
    async seal(plaintext, aad) {
      const { id, key } = await dataKey();
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(aad));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [
        'v1',
        id,
        iv.toString('base64url'),
        ciphertext.toString('base64url'),
        tag.toString('base64url'),
      ].join('.');
    },
    async open(sealed, aad) {
      const { id, key } = await dataKey();
      const [version, keyId, iv, ciphertext, tag] = sealed.split('.');
      if (version !== 'v1' || !iv || ciphertext === undefined || !tag) throw new Error('Not a sealed value.');
      if (keyId !== id) throw new Error('The value was sealed with another key.');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(aad));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([
        decipher.update(Buffer.from(ciphertext, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    },
  };
}
