import { createMemoryStore } from '@groundwork/store/memory';
import { describe, expect, it } from 'vitest';
import { drainWorker, dumpContainers } from './drain.js';

describe('drainWorker', () => {
  it('runs the worker until it claims nothing, and no more than maxRounds times', async () => {
    const claims = [3, 2, 0, 5];
    let calls = 0;
    const worker = { runOnce: async () => claims[calls++] ?? 0 };
    expect(await drainWorker(worker)).toBe(5);
    expect(calls).toBe(3);
    const busy = { runOnce: async () => 1 };
    expect(await drainWorker(busy, 4)).toBe(4);
  });
});

describe('dumpContainers', () => {
  it('gives every document of the named containers, across pages', async () => {
    const store = createMemoryStore();
    await store.ensureContainers([
      { name: 'a', partitionKey: '/pk' },
      { name: 'b', partitionKey: '/pk' },
    ]);
    for (let n = 0; n < 1_005; n += 1)
      await store.container('a').create({ id: `a${n}`, pk: 'p', secret: `s${n}` });
    await store.container('b').create({ id: 'b1', pk: 'p', secret: 'only-in-b' });
    const dump = await dumpContainers(store, ['a', 'b']);
    expect(dump).toContain('"s1004"');
    expect(dump).toContain('"s0"');
    expect(dump).toContain('only-in-b');
    await store.close();
  });
});
