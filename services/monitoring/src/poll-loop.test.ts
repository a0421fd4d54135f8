import { describe, expect, it, vi } from 'vitest';
import { PollLoop } from './poll-loop.js';

describe('PollLoop', () => {
  it('shares the round in progress between concurrent runOnce calls', async () => {
    let rounds = 0;
    const loop = new PollLoop(async () => {
      rounds += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return rounds;
    }, 1_000);
    const [a, b] = await Promise.all([loop.runOnce(), loop.runOnce()]);
    expect([a, b, rounds]).toEqual([1, 1, 1]);
    expect(await loop.runOnce()).toBe(2);
  });

  it('goes on after a failed round, reporting it, and stops waiting for the round in progress', async () => {
    const errors: unknown[] = [];
    let rounds = 0;
    const loop = new PollLoop(
      async () => {
        rounds += 1;
        if (rounds === 1) throw new Error('first round fails');
        return rounds;
      },
      5,
      (error) => errors.push(error),
    );
    loop.start();
    loop.start(); // a second start changes nothing
    await vi.waitFor(() => expect(rounds).toBeGreaterThanOrEqual(3), { timeout: 5_000, interval: 5 });
    await loop.stop();
    const stoppedAt = rounds;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(rounds).toBe(stoppedAt);
    expect(errors).toEqual([new Error('first round fails')]);
  });
});
