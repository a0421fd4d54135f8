import { describe, expect, it } from 'vitest';
import { atomicUpdate } from './atomic-update.js';
import { createMemoryStore } from './memory/memory-store.js';

interface Counter {
  count: number;
}

async function counters() {
  const store = createMemoryStore();
  await store.ensureContainers([{ name: 'counters', partitionKey: '/pk' }]);
  return store.container<Counter>('counters');
}

describe('atomicUpdate', () => {
  it('creates, then replaces under the etag, and writes nothing when asked not to', async () => {
    const container = await counters();
    const bump = (current?: { count: number }) => ({ count: (current?.count ?? 0) + 1 });
    expect(await atomicUpdate(container, 'c', 'p', bump)).toMatchObject({
      status: 'written',
      document: { count: 1 },
    });
    expect(await atomicUpdate(container, 'c', 'p', bump)).toMatchObject({
      status: 'written',
      document: { count: 2 },
    });
    expect(await atomicUpdate(container, 'c', 'p', () => undefined)).toMatchObject({
      status: 'unchanged',
      current: { count: 2 },
    });
  });

  it('never loses a concurrent increment', async () => {
    const container = await counters();
    await Promise.all(
      Array.from({ length: 20 }, () =>
        atomicUpdate(container, 'c', 'p', (current) => ({ count: (current?.count ?? 0) + 1 }), {
          maxRounds: 50,
        }),
      ),
    );
    expect((await container.read('c', 'p'))?.count).toBe(20);
  });

  it('re-reads after a lost race, pausing between rounds, and reports contention after the last', async () => {
    const container = await counters();
    await container.create({ id: 'c', pk: 'p', count: 0 });
    const delays: number[] = [];
    let rounds = 0;
    const outcome = await atomicUpdate(
      container,
      'c',
      'p',
      (current) => {
        rounds += 1;
        // Another writer changes the document after every read: each replace loses its etag.
        void container.replace({ id: 'c', pk: 'p', count: (current?.count ?? 0) + 100 });
        return { count: (current?.count ?? 0) + 1 };
      },
      {
        maxRounds: 3,
        retryDelayMs: (round) => {
          delays.push(round);
          return 1;
        },
      },
    );
    expect(outcome).toEqual({ status: 'contended' });
    expect(rounds).toBe(3);
    expect(delays).toEqual([1, 2]);
  });
});
