/** Settings shared by a queue and the workers built on it. */
import type { Clock, DocumentStore } from '@groundwork/store';
import { systemClock } from '@groundwork/store';
import type { JobsLogger } from './logger.js';
import { silentLogger } from './logger.js';
import { createTaskRepository, type TaskRepository } from './task-repository.js';

export const DEFAULT_LEASE_MS = 30_000;
export const DEFAULT_COMPLETED_TTL_SECONDS = 7 * 24 * 3600;
/** Payloads up to 256 KiB of JSON; progress and results up to 16 KiB. */
export const MAX_PAYLOAD_BYTES = 256 * 1024;
export const MAX_RESULT_BYTES = 16 * 1024;

export interface QueueConfigOptions {
  store: DocumentStore;
  /** Time source for runAt, leases and backoff (default: the system clock). Give the store the same clock. */
  clock?: Clock;
  logger?: JobsLogger;
  /** How long a claim lasts without a heartbeat (default 30 s). Workers may override it. */
  leaseMs?: number;
  /** How long completed and cancelled tasks are kept, in seconds (default 7 days). Dead tasks are kept until handled. */
  completedTtlSeconds?: number;
  /** Id generator for tasks without a deterministic id (default: time-sortable `task_...`). */
  idGenerator?: () => string;
  /** Source of randomness for backoff jitter, in [0, 1) (default `Math.random`). */
  random?: () => number;
}

export interface QueueConfig {
  store: DocumentStore;
  clock: Clock;
  logger: JobsLogger;
  leaseMs: number;
  completedTtlSeconds: number;
  idGenerator: (() => string) | undefined;
  random: () => number;
  repository: TaskRepository;
}

export function positiveInteger(name: string, value: number | undefined, fallback: number): number {
  const resolved = value ?? fallback;
  if (!Number.isInteger(resolved) || resolved <= 0)
    throw new Error(`${name} must be a positive integer, got ${String(value)}.`);
  return resolved;
}

export function resolveQueueConfig(options: QueueConfigOptions): QueueConfig {
  return {
    store: options.store,
    clock: options.clock ?? systemClock,
    logger: options.logger ?? silentLogger,
    leaseMs: positiveInteger('leaseMs', options.leaseMs, DEFAULT_LEASE_MS),
    completedTtlSeconds: positiveInteger(
      'completedTtlSeconds',
      options.completedTtlSeconds,
      DEFAULT_COMPLETED_TTL_SECONDS,
    ),
    idGenerator: options.idGenerator,
    random: options.random ?? Math.random,
    repository: createTaskRepository(options.store),
  };
}
