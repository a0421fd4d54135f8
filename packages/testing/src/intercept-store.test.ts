import { createMemoryStore } from '@groundwork/store/memory';
import { describe, expect, it } from 'vitest';
import { interceptStore } from './intercept-store.js';

describe('interceptStore', () => {
  it('hands every container method call to the hook and can change its result', async () => {
    const inner = createMemoryStore();
    await inner.ensureContainers([{ name: 'notes', partitionKey: '/pk' }]);
    const calls: string[] = [];
    const store = interceptStore(inner, ({ container, method, proceed }) => {
      calls.push(`${container}.${method}`);
      if (method === 'query') return Promise.reject(new Error('store down'));
      return proceed();
    });
    await store.container('notes').create({ id: 'n1', pk: 'p' });
    expect(await store.container('notes').read('n1', 'p')).toMatchObject({ id: 'n1' });
    await expect(store.container('notes').query({})).rejects.toThrow('store down');
    expect(calls).toEqual(['notes.create', 'notes.read', 'notes.query']);
    expect(await inner.container('notes').read('n1', 'p')).toMatchObject({ id: 'n1' });
  });
});
