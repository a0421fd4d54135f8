/**
 * Store-backed attempt limits, shared by every instance:
 * - `failures`: exponential backoff after repeated failures of one key (login per account+IP, per
 *   IP, per account). `check` says whether the key may try now; `fail` counts a failure and, past
 *   the free attempts, locks the key for `base × 2^(excess − 1)` (capped); `reset` clears it.
 * - `hit`: a fixed-window counter for guards (register, forgot-password, resend-verification per
 *   IP, reset requests per email): at most `limit` hits per `windowMs`.
 * Keys are hashed before they are stored (emails and IPs are personal data). Documents expire by
 * TTL a day after their last write. Every counter write goes through the store's `atomicUpdate`
 * (etag-guarded read-modify-write with retries), as the ratelimit module's shared counters do.
 */
import { createHash } from 'node:crypto';
import { isAppError, TooManyRequestsError } from '@groundwork/errors';
import {
  atomicUpdate,
  type Clock,
  type ContainerSpec,
  type DocumentStore,
  type StoredDocument,
} from '@groundwork/store';

export const AUTH_THROTTLE_CONTAINER: ContainerSpec = {
  name: 'auth_throttle',
  partitionKey: '/scope',
  description: 'Login backoff and guard counters per hashed key (account, IP, email); expire after a day.',
  defaultTtl: 24 * 60 * 60,
};

export interface BackoffPolicy {
  /** Failures allowed before any lock. */
  freeAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

interface Counter {
  scope: string;
  count: number;
  /** `failures`: locked until (ms). `hit`: when the window started (ms). */
  until: number;
}

const MAX_ROUNDS = 5;

export interface Throttle {
  /**
   * Throws `TooManyRequestsError` (429, `Retry-After`) while `key` is locked; otherwise tells
   * whether the key has a counter at all (so a success only resets counters that exist).
   */
  check(scope: string, key: string): Promise<boolean>;
  /** Counts a failure of `key`; locks it past the policy's free attempts. */
  fail(scope: string, key: string, policy: BackoffPolicy): Promise<void>;
  reset(scope: string, key: string): Promise<void>;
  /** Counts a hit; throws `TooManyRequestsError` when `key` already had `limit` in this window. */
  hit(scope: string, key: string, limit: number, windowMs: number): Promise<void>;
}

export function createThrottle(store: DocumentStore, clock: Clock): Throttle {
  const counters = () => store.container<Counter>(AUTH_THROTTLE_CONTAINER.name);
  const idOf = (key: string) => createHash('sha256').update(key).digest('hex');

  /** Read-modify-write with etags; `next` returns the counter to write, or undefined to write nothing. */
  async function update(
    scope: string,
    key: string,
    next: (current: StoredDocument<Counter> | undefined, now: number) => Counter | undefined,
  ): Promise<Counter | undefined> {
    const outcome = await atomicUpdate(
      counters(),
      idOf(key),
      scope,
      (current) => next(current, clock.now()),
      {
        maxRounds: MAX_ROUNDS,
      },
    );
    if (outcome.status === 'written') return outcome.document;
    if (outcome.status === 'unchanged') return outcome.current;
    return undefined; // heavy contention on one key: counting stops short rather than failing the request
  }

  function locked(until: number, now: number): never {
    throw new TooManyRequestsError(
      Math.ceil((until - now) / 1000),
      'Too many attempts; try again later.',
      'too_many_attempts',
    );
  }

  return {
    async check(scope, key) {
      const counter = await counters().read(idOf(key), scope);
      const now = clock.now();
      if (counter && counter.until > now) locked(counter.until, now);
      return counter !== undefined;
    },

    async fail(scope, key, policy) {
      await update(scope, key, (current, now) => {
        const count = (current?.count ?? 0) + 1;
        const excess = count - policy.freeAttempts;
        const until =
          excess > 0 ? now + Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (excess - 1)) : 0;
        return { scope, count, until };
      });
    },

    async reset(scope, key) {
      await counters()
        .delete(idOf(key), scope)
        .catch((error: unknown) => {
          if (!(isAppError(error) && error.status === 404)) throw error;
        });
    },

    async hit(scope, key, limit, windowMs) {
      let over: { until: number; now: number } | undefined;
      await update(scope, key, (current, now) => {
        const fresh = !current || now - current.until >= windowMs;
        const count = fresh ? 1 : current.count + 1;
        if (count > limit) {
          over = { until: (current as Counter).until + windowMs, now };
          return undefined;
        }
        return { scope, count, until: fresh ? now : (current as Counter).until };
      });
      if (over) locked(over.until, over.now);
    },
  };
}
