/**
 * The task state machine as pure functions from one document to the next. Callers write the
 * result with `ifMatch`, so each transition happens at most once per version of the task.
 *
 *   queued ──claim──▶ running ──▶ completed | queued (retry later) | dead | cancelled
 *   running, lease lapsed ──reclaim──▶ running (lapsed attempt recorded) | dead | cancelled
 *   queued ──cancel──▶ cancelled        dead ──retryDead──▶ queued
 */
import { backoffDelayMs } from './backoff.js';
import type { JsonValue, TaskErrorEntry, TaskLease } from './schemas.js';
import { NEVER_EXPIRES, type TaskDocument } from './task-repository.js';

/** At most this many error entries are kept (the latest ones). */
export const MAX_ERROR_HISTORY = 50;
const MAX_ERROR_MESSAGE = 2_000;

export function errorEntry(attempt: number, at: number, error: unknown): TaskErrorEntry {
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  return { attempt, at, name, message: message.slice(0, MAX_ERROR_MESSAGE) };
}

function withError(doc: TaskDocument, entry: TaskErrorEntry): TaskErrorEntry[] {
  return [...doc.errors, entry].slice(-MAX_ERROR_HISTORY);
}

export function claimed(doc: TaskDocument, lease: TaskLease, now: number): TaskDocument {
  return {
    ...doc,
    state: 'running',
    attempts: doc.attempts + 1,
    lease,
    startedAt: now,
    finishedAt: null,
    ttl: NEVER_EXPIRES,
  };
}

/** A running task whose worker stopped heartbeating: record the lapsed attempt as failed. */
export function withLapsedAttempt(doc: TaskDocument, entry: TaskErrorEntry): TaskDocument {
  return { ...doc, errors: withError(doc, entry) };
}

export function completed(
  doc: TaskDocument,
  result: JsonValue | null,
  now: number,
  ttlSeconds: number,
): TaskDocument {
  return { ...doc, state: 'completed', lease: null, result, finishedAt: now, ttl: ttlSeconds };
}

export function cancelled(doc: TaskDocument, now: number, ttlSeconds: number): TaskDocument {
  return {
    ...doc,
    state: 'cancelled',
    lease: null,
    cancelRequested: false,
    finishedAt: now,
    ttl: ttlSeconds,
  };
}

export function dead(doc: TaskDocument, now: number): TaskDocument {
  return { ...doc, state: 'dead', lease: null, finishedAt: now, ttl: NEVER_EXPIRES };
}

/**
 * A failed attempt: dead when attempts are exhausted, else queued again at `retryAt` (or after the
 * task's backoff). `entry` joins the error history either way.
 */
export function failed(
  doc: TaskDocument,
  entry: TaskErrorEntry,
  now: number,
  random: () => number,
  retryAt?: number,
): TaskDocument {
  const next = { ...doc, errors: withError(doc, entry) };
  if (next.attempts >= next.maxAttempts) return dead(next, now);
  const runAt = retryAt ?? now + backoffDelayMs(doc.backoff, doc.attempts, random);
  return { ...next, state: 'queued', lease: null, runAt: Math.max(now, runAt), ttl: NEVER_EXPIRES };
}

/** Given back by a stopping worker: queued again now, and the interrupted attempt is not counted. */
export function requeued(doc: TaskDocument, now: number): TaskDocument {
  return { ...doc, state: 'queued', lease: null, attempts: Math.max(0, doc.attempts - 1), runAt: now };
}

/** An admin's retry of a dead task: a fresh set of attempts; the error history is kept. */
export function revived(doc: TaskDocument, now: number): TaskDocument {
  return {
    ...doc,
    state: 'queued',
    attempts: 0,
    runAt: now,
    lease: null,
    finishedAt: null,
    ttl: NEVER_EXPIRES,
  };
}
