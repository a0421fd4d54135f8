/**
 * Per-type rate limits across all workers and instances: at most `max` starts of a task type per
 * fixed window of `perMs`. Each window is one counter document `jobs:rate:<type>:<windowStart>` in
 * the `job_rate_windows` container, changed only with `create` (409) or `replace` + `ifMatch`
 * (412), so concurrent takers never push it past `max`. A start is taken before the claim write
 * and given back if the claim is then lost. Window documents expire on their own.
 */
import { isAppError } from '@groundwork/errors';
import type { Clock, ContainerSpec, DocumentStore } from '@groundwork/store';

export interface RateLimit {
  /** Starts allowed per window (a positive integer). */
  max: number;
  /** Window length in ms (a positive integer); windows are aligned to multiples of it. */
  perMs: number;
}

export const RATE_WINDOWS_CONTAINER: ContainerSpec = {
  name: 'job_rate_windows',
  partitionKey: '/id',
  description: 'Per-type task start counters, one document per rate-limit window; they expire.',
};

/** A start taken from a window; give it back with `RateWindows.giveBack` if the claim is lost. */
export interface RateToken {
  id: string;
}

export interface RateWindows {
  /** Whether `type` is limited here at all. */
  limits(type: string): boolean;
  /** Types among `types` whose current window is known to be full (skip them until it rolls). */
  withoutFull(types: string[]): string[];
  /** Counts one start of `type` in its current window; `undefined` when the window is full. */
  take(type: string): Promise<RateToken | undefined>;
  /** Uncounts a start whose claim was lost (best effort, bounded). */
  giveBack(token: RateToken): Promise<void>;
}

interface WindowDocument {
  type: string;
  windowStart: number;
  count: number;
}

/** Tries per write before giving up (a full window is assumed then: never over budget). */
const MAX_WRITE_TRIES = 8;

export function rateWindowId(type: string, windowStart: number): string {
  return `jobs:rate:${type}:${windowStart}`;
}

function isRace(error: unknown): boolean {
  return isAppError(error) && (error.status === 409 || error.status === 412 || error.status === 404);
}

/** Checks `rateLimits` and returns them as a map (programmer errors are plain `Error`s). */
export function resolveRateLimits(rateLimits: Record<string, RateLimit> | undefined): Map<string, RateLimit> {
  const resolved = new Map<string, RateLimit>();
  for (const [type, limit] of Object.entries(rateLimits ?? {})) {
    for (const field of ['max', 'perMs'] as const) {
      const value = limit[field];
      if (!Number.isInteger(value) || value <= 0)
        throw new Error(`rateLimits.${type}.${field} must be a positive integer, got ${String(value)}.`);
    }
    resolved.set(type, { max: limit.max, perMs: limit.perMs });
  }
  return resolved;
}

export function createRateWindows(
  store: DocumentStore,
  clock: Clock,
  rateLimits: Map<string, RateLimit>,
): RateWindows {
  let ready: Promise<void> | undefined;
  const windows = async () => {
    ready ??= store.ensureContainers([RATE_WINDOWS_CONTAINER]).catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    await ready;
    return store.container<WindowDocument>(RATE_WINDOWS_CONTAINER.name);
  };
  /** Per type, the end of a window this worker saw full: no store reads for it until then. */
  const fullUntil = new Map<string, number>();

  function isKnownFull(type: string): boolean {
    const until = fullUntil.get(type);
    return until !== undefined && clock.now() < until;
  }

  return {
    limits(type) {
      return rateLimits.has(type);
    },

    withoutFull(types) {
      return types.filter((type) => !isKnownFull(type));
    },

    async take(type) {
      const limit = rateLimits.get(type);
      if (!limit) return { id: '' };
      if (isKnownFull(type)) return undefined;
      const container = await windows();
      const windowStart = Math.floor(clock.now() / limit.perMs) * limit.perMs;
      const id = rateWindowId(type, windowStart);
      // Kept a little past its window, so a late reader never recreates a passed window as empty.
      const ttl = Math.ceil(limit.perMs / 1000) * 2 + 60;
      for (let attempt = 0; attempt < MAX_WRITE_TRIES; attempt++) {
        const current = await container.read(id, id);
        if (current && current.count >= limit.max) {
          fullUntil.set(type, windowStart + limit.perMs);
          return undefined;
        }
        try {
          if (!current) await container.create({ id, pk: id, type, windowStart, count: 1, ttl });
          else
            await container.replace(
              { id, pk: id, type, windowStart, count: current.count + 1, ttl },
              { ifMatch: current.etag },
            );
          return { id };
        } catch (error) {
          if (!isRace(error)) throw error;
        }
      }
      return undefined;
    },

    async giveBack(token) {
      if (token.id === '') return;
      const container = await windows();
      for (let attempt = 0; attempt < MAX_WRITE_TRIES; attempt++) {
        const current = await container.read(token.id, token.id);
        if (!current || current.count <= 0) return;
        try {
          await container.replace(
            { ...withoutMeta(current), count: current.count - 1 },
            { ifMatch: current.etag },
          );
          fullUntil.delete(current.type);
          return;
        } catch (error) {
          if (!isRace(error)) throw error;
        }
      }
    },
  };
}

function withoutMeta<T extends { etag: string; updatedAt: string }>(doc: T): Omit<T, 'etag' | 'updatedAt'> {
  const { etag: _etag, updatedAt: _updatedAt, ...rest } = doc;
  return rest;
}
