import { isAppError } from '@groundwork/errors';
import { createMemoryStore } from '@groundwork/store/memory';
import { createFakeClock, createTempSqliteStore, type TempSqliteStore } from '@groundwork/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { AUTH_THROTTLE_CONTAINER, type BackoffPolicy, createThrottle } from './throttle.js';

const stores: TempSqliteStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.cleanup()));
});

const POLICY: BackoffPolicy = { freeAttempts: 2, baseDelayMs: 1_000, maxDelayMs: 8_000 };

async function setup() {
  const clock = createFakeClock();
  const store = createMemoryStore({ clock });
  await store.ensureContainers([AUTH_THROTTLE_CONTAINER]);
  return { clock, store, throttle: createThrottle(store, clock) };
}

async function retryAfterOf(promise: Promise<unknown>): Promise<number | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    if (isAppError(error) && error.status === 429) {
      expect(error.code).toBe('too_many_attempts');
      return Number(error.headers['retry-after']);
    }
    throw error;
  }
}

describe('auth throttle on the ratelimit counter primitive', () => {
  it('backs off exponentially past the free attempts, capped, and resets', async () => {
    const { clock, throttle } = await setup();
    expect(await throttle.check('login', 'k')).toBe(false);
    await throttle.fail('login', 'k', POLICY);
    await throttle.fail('login', 'k', POLICY);
    expect(await throttle.check('login', 'k')).toBe(true); // counted, not locked
    const delays: (number | undefined)[] = [];
    for (let i = 0; i < 5; i += 1) {
      await throttle.fail('login', 'k', POLICY);
      delays.push(await retryAfterOf(throttle.check('login', 'k')));
      clock.advance(8_000);
    }
    expect(delays).toEqual([1, 2, 4, 8, 8]);
    await throttle.reset('login', 'k');
    expect(await throttle.check('login', 'k')).toBe(false);
    await throttle.reset('login', 'k'); // absent: no error
  });

  it('hit: at most `limit` per window, the window starting at the first hit', async () => {
    const { clock, throttle } = await setup();
    clock.advance(15_000);
    for (let i = 0; i < 3; i += 1) await throttle.hit('guard', 'ip', 3, 60_000);
    clock.advance(10_000);
    expect(await retryAfterOf(throttle.hit('guard', 'ip', 3, 60_000))).toBe(50);
    clock.advance(49_999);
    expect(await retryAfterOf(throttle.hit('guard', 'ip', 3, 60_000))).toBe(1);
    clock.advance(1);
    await throttle.hit('guard', 'ip', 3, 60_000);
    // Scopes and keys are apart.
    await throttle.hit('other', 'ip', 3, 60_000);
    await throttle.hit('guard', 'ip2', 3, 60_000);
  });

  it('stores hashed keys only', async () => {
    const { store, throttle } = await setup();
    await throttle.fail('login', 'acme|ann@example.com|203.0.113.5', POLICY);
    const page = await store.container(AUTH_THROTTLE_CONTAINER.name).query({});
    expect(page.items).toHaveLength(1);
    expect(JSON.stringify(page.items)).not.toMatch(/ann@example|203\.0\.113/);
  });

  it('two instances on one store share their counters', async () => {
    const clock = createFakeClock();
    const temp = createTempSqliteStore({ clock });
    stores.push(temp);
    await temp.store.ensureContainers([AUTH_THROTTLE_CONTAINER]);
    const a = createThrottle(temp.store, clock);
    const b = createThrottle(temp.store, clock);
    const outcomes: (number | undefined)[] = [];
    for (let i = 0; i < 6; i += 1)
      outcomes.push(await retryAfterOf((i % 2 === 0 ? a : b).hit('guard', 'ip', 4, 60_000)));
    expect(outcomes).toEqual([undefined, undefined, undefined, undefined, 60, 60]);
    await a.fail('login', 'k', { freeAttempts: 0, baseDelayMs: 5_000, maxDelayMs: 5_000 });
    expect(await retryAfterOf(b.check('login', 'k'))).toBe(5);
  });
});
