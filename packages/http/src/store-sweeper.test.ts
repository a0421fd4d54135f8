import { createLogger } from '@groundwork/logger';
import { createMemoryStore } from '@groundwork/store/memory';
import { describe, expect, it } from 'vitest';
import { withSweep } from '../test/support.js';
import { startStoreSweeper } from './store-sweeper.js';

const silent = createLogger({ name: 'test', level: 'silent' });

async function waitFor(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('startStoreSweeper', () => {
  it('removes expired documents on every tick until stopped', async () => {
    let now = 1_000_000;
    const inner = createMemoryStore({ clock: { now: () => now } });
    await inner.ensureContainers([{ name: 'things', partitionKey: '/pk' }]);
    await inner.container('things').create({ id: 'a', pk: 'p', ttl: 1 });
    let sweeps = 0;
    let removed = 0;
    const store = withSweep(inner, async () => {
      sweeps += 1;
      const n = await inner.sweepExpired();
      removed += n;
      return n;
    });
    now += 5_000;
    const sweeper = startStoreSweeper(store, 10, silent);
    await waitFor(() => removed === 1 && sweeps >= 2);
    await sweeper.stop();
    const after = sweeps;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sweeps).toBe(after);
  });

  it('logs a failed sweep and keeps going', async () => {
    const lines: string[] = [];
    const logger = createLogger({ name: 'test', destination: { write: (line: string) => lines.push(line) } });
    let sweeps = 0;
    const store = withSweep(createMemoryStore(), async () => {
      sweeps += 1;
      throw new Error('disk on fire');
    });
    const sweeper = startStoreSweeper(store, 10, logger);
    await waitFor(() => sweeps >= 2);
    await sweeper.stop();
    expect(lines.some((line) => line.includes('sweeping expired documents failed'))).toBe(true);
  });
});
