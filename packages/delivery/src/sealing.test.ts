import { createMemoryStore } from '@groundwork/store/memory';
import { describe, expect, it } from 'vitest';
import { createSealer, DELIVERY_KEYS_CONTAINER } from './sealing.js';

describe('sealing (AES-256-GCM)', () => {
  it('round-trips, binds the value to its document, and detects tampering', async () => {
    const sealer = createSealer({ key: Buffer.alloc(32, 1).toString('base64') });
    const sealed = await sealer.seal('secret link', 'dlv_1');
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain('secret');
    expect(await sealer.open(sealed, 'dlv_1')).toBe('secret link');
    await expect(sealer.open(sealed, 'dlv_2')).rejects.toThrow();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('another text').toString('base64url');
    await expect(sealer.open(parts.join('.'), 'dlv_1')).rejects.toThrow();
    const other = createSealer({ key: Buffer.alloc(32, 2).toString('base64') });
    await expect(other.open(sealed, 'dlv_1')).rejects.toThrow(/another key/);
  });

  it('generates one key in the store on first use and reuses it across instances', async () => {
    const store = createMemoryStore();
    const [a, b] = [createSealer({ store }), createSealer({ store })];
    const [sealedA, sealedB] = await Promise.all([a.seal('x', 'id'), b.seal('y', 'id')]);
    expect(await b.open(sealedA, 'id')).toBe('x');
    expect(await a.open(sealedB, 'id')).toBe('y');
    const docs = await store.container(DELIVERY_KEYS_CONTAINER.name).query({});
    expect(docs.items).toHaveLength(1);
  });

  it('refuses a key of the wrong length', async () => {
    await expect(() =>
      createSealer({ key: Buffer.alloc(16).toString('base64') }).seal('x', 'y'),
    ).rejects.toThrow(/32 bytes/);
  });
});
