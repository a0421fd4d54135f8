import type { DocumentStore } from '@groundwork/store';
import { createMemoryStore } from '@groundwork/store/memory';
import { createFakeClock, createTempSqliteStore, interceptStore } from '@groundwork/testing';
import { afterEach, describe, expect, it } from 'vitest';
import {
  applySlotOperations,
  CONCURRENCY_CONTAINER,
  concurrencyDocumentId,
  createConcurrencySlots,
  type Slot,
} from './concurrency-slots.js';

describe('applySlotOperations', () => {
  const acquire = (owner: string, limit = 2) => ({ kind: 'acquire' as const, owner, limit, ttlMs: 1_000 });

  it('grants up to the limit in order and refuses the rest', () => {
    const { holders, results } = applySlotOperations('k', [], [acquire('a'), acquire('b'), acquire('c')], 0);
    expect(results.map((slot) => slot?.owner)).toEqual(['a', 'b', undefined]);
    expect(holders).toEqual([
      { owner: 'a', expiresAt: 1_000 },
      { owner: 'b', expiresAt: 1_000 },
    ]);
  });

  it('drops lapsed holders when someone acquires, so a dead worker’s slot frees up', () => {
    const held = [
      { owner: 'dead', expiresAt: 500 },
      { owner: 'live', expiresAt: 5_000 },
    ];
    const { holders, results } = applySlotOperations('k', held, [acquire('new')], 1_000);
    expect(results[0]).toMatchObject({ owner: 'new', expiresAt: 2_000, limit: 2 });
    expect(holders?.map((holder) => holder.owner)).toEqual(['live', 'new']);
  });

  it('renews a listed holder, refuses one that is gone, and releases', () => {
    const slot: Slot = { key: 'k', owner: 'a', expiresAt: 1_000, ttlMs: 1_000, limit: 1 };
    const renewed = applySlotOperations(
      'k',
      [{ owner: 'a', expiresAt: 1_000 }],
      [{ kind: 'renew', slot }],
      900,
    );
    expect(renewed.results[0]).toMatchObject({ owner: 'a', expiresAt: 1_900 });
    const gone = applySlotOperations('k', [], [{ kind: 'renew', slot }], 900);
    expect(gone.results[0]).toBeUndefined();
    expect(gone.holders).toBeUndefined(); // nothing to write
    const released = applySlotOperations(
      'k',
      [{ owner: 'a', expiresAt: 1_000 }],
      [{ kind: 'release', slot }],
      0,
    );
    expect(released.holders).toEqual([]);
  });

  it('an owner already holding a live slot keeps it rather than taking a second one', () => {
    const { holders, results } = applySlotOperations(
      'k',
      [{ owner: 'a', expiresAt: 5_000 }],
      [acquire('a', 1)],
      0,
    );
    expect(results[0]).toMatchObject({ owner: 'a' });
    expect(holders).toEqual([{ owner: 'a', expiresAt: 1_000 }]);
  });
});

const adapters: Array<[string, () => { store: DocumentStore; cleanup: () => Promise<void> }]> = [
  ['memory', () => ({ store: createMemoryStore({ clock: createFakeClock() }), cleanup: async () => {} })],
  [
    'sqlite',
    () => {
      const temp = createTempSqliteStore({ clock: createFakeClock() });
      return { store: temp.store, cleanup: temp.cleanup };
    },
  ],
];

describe.each(adapters)('concurrency slots (%s)', (_name, make) => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await cleanup?.();
  });

  it('never lists more live holders than the limit across racing managers, and shares one write per key and turn', async () => {
    const made = make();
    cleanup = made.cleanup;
    const clock = createFakeClock();
    const writes: string[] = [];
    const store = interceptStore(made.store, (call) => {
      if (call.container === CONCURRENCY_CONTAINER.name && call.method !== 'read') writes.push(call.method);
      return call.proceed();
    });
    const a = createConcurrencySlots(store, clock);
    const b = createConcurrencySlots(store, clock);
    const owners = Array.from({ length: 10 }, (_, n) => `o${n}`);
    const granted = await Promise.all(
      owners.map((owner, n) => (n % 2 === 0 ? a : b).acquire('endpoint', 3, owner, 30_000)),
    );
    expect(granted.filter(Boolean)).toHaveLength(3);
    // 10 acquisitions from two managers: at most a couple of writes per manager, not one per slot.
    expect(writes.length).toBeLessThanOrEqual(6);

    const doc = await made.store
      .container<{ holders: unknown[] }>(CONCURRENCY_CONTAINER.name)
      .read(concurrencyDocumentId('endpoint'), concurrencyDocumentId('endpoint'));
    expect(doc?.holders).toHaveLength(3);

    // Releasing one makes room for exactly one more.
    await a.release(granted.find(Boolean) as Slot);
    const next = await Promise.all([
      a.acquire('endpoint', 3, 'x', 30_000),
      b.acquire('endpoint', 3, 'y', 30_000),
    ]);
    expect(next.filter(Boolean)).toHaveLength(1);

    // Other keys are independent.
    expect(await a.acquire('other', 1, 'z', 30_000)).toMatchObject({ key: 'other', owner: 'z' });
  });

  it('a holding that lapses (its worker died) is taken over, and its late renewal fails', async () => {
    const made = make();
    cleanup = made.cleanup;
    const clock = createFakeClock();
    const slots = createConcurrencySlots(made.store, clock);
    const dead = (await slots.acquire('k', 1, 'dead', 1_000)) as Slot;
    expect(await slots.acquire('k', 1, 'other', 1_000)).toBeUndefined();
    clock.advance(1_001);
    expect(await slots.acquire('k', 1, 'other', 1_000)).toMatchObject({ owner: 'other' });
    expect(await slots.renew(dead)).toBeUndefined();
  });
});
