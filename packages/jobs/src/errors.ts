/**
 * Errors of the task queue. `RetryAt` is thrown by handlers; the others are the `reason` of the
 * AbortSignal a handler receives, so a handler can tell why it was stopped.
 */

import type { FieldIssue } from '@groundwork/errors';
import { ValidationError } from '@groundwork/errors';
import type { z } from 'zod';

/**
 * Thrown by a handler to choose when the next attempt runs (e.g. from a `Retry-After` header).
 * Counts as a failed attempt: after `maxAttempts` the task is dead like any other failure.
 */
export class RetryAt extends Error {
  /** A Date, or a delay in ms from the moment the failure is recorded. */
  readonly when: Date | number;
  constructor(when: Date | number, reason?: string) {
    super(reason ?? `Retry requested at ${when instanceof Date ? when.toISOString() : `+${when} ms`}.`);
    this.name = 'RetryAt';
    this.when = when;
  }
}

/** The attempt ran longer than the task's `timeoutMs`. */
export class TaskTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`The attempt timed out after ${timeoutMs} ms.`);
    this.name = 'TimeoutError';
  }
}

/** `cancel()` was called on the running task. */
export class TaskCancelledError extends Error {
  constructor() {
    super('The task was cancelled.');
    this.name = 'TaskCancelledError';
  }
}

/** This worker's claim lapsed or was taken over; another worker may run the task. */
export class LeaseLostError extends Error {
  constructor(taskId: string) {
    super(`The lease on task "${taskId}" was lost; its outcome here is discarded.`);
    this.name = 'LeaseLostError';
  }
}

/** Recorded for an attempt whose worker stopped heartbeating (crash, freeze) until its lease lapsed. */
export class LeaseExpiredError extends Error {
  constructor(workerId: string) {
    super(`The lease of worker "${workerId}" expired before the attempt finished (worker crashed or froze).`);
    this.name = 'LeaseExpiredError';
  }
}

/** The worker is stopping and its grace period ran out; the task goes back to the queue. */
export class WorkerStoppingError extends Error {
  constructor() {
    super('The worker is stopping.');
    this.name = 'WorkerStoppingError';
  }
}

/** A `ValidationError` listing every zod issue, with paths prefixed by `prefix` (e.g. `options`). */
export function validationErrorFrom(error: z.ZodError, prefix: string, detail: string): ValidationError {
  const issues: FieldIssue[] = error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter((part) => part.length > 0).join('.'),
    message: issue.message,
    code: issue.code,
  }));
  return new ValidationError(issues, detail);
}
