/**
 * One claimed attempt of one task: runs the handler with an AbortSignal, renews the lease on
 * heartbeat, writes progress, and records the outcome. Every write is fenced: it is made with
 * `ifMatch` on the version this worker last saw, and after a lost race it is only retried while
 * the task is still `running` under this claim's lease token. So a worker that lost its lease can
 * never overwrite the new owner's state, and a task is never completed twice.
 */
import { ValidationError } from '@groundwork/errors';
import type { ConcurrencySlots, Slot } from './concurrency-slots.js';
import {
  LeaseLostError,
  RetryAt,
  TaskCancelledError,
  TaskTimeoutError,
  WorkerStoppingError,
} from './errors.js';
import { jsonValueIssues } from './json-value.js';
import type { JobsLogger } from './logger.js';
import { MAX_RESULT_BYTES, type QueueConfig } from './queue-config.js';
import type { JsonValue, Task } from './schemas.js';
import { isWriteRace, type StoredTask, type TaskDocument, toDocument, toTask } from './task-repository.js';
import { cancelled, completed, errorEntry, failed, requeued } from './transitions.js';
import type { AttemptOutcome, WorkerEventListener } from './worker-events.js';

export interface TaskContext {
  /** Aborted on timeout, cancellation, lost lease or worker shutdown; `signal.reason` says which. */
  signal: AbortSignal;
  /** This attempt's number, 1-based. */
  attempt: number;
  /** Records progress (a number, or a small JSON object) on the task; also renews the lease. */
  progress(value: number | { [key: string]: JsonValue }): Promise<void>;
  logger: JobsLogger;
}

/** Returns an optional small JSON result (≤ 16 KiB), stored on the completed task. */
export type TaskHandler = (task: Task, ctx: TaskContext) => Promise<HandlerResult> | HandlerResult;

// biome-ignore lint/suspicious/noConfusingVoidType: a handler that returns nothing is the common case.
type HandlerResult = JsonValue | undefined | void;

type Interruption = 'timeout' | 'cancelled' | 'lost' | 'stopping';
type Outcome =
  | { kind: 'returned'; value: unknown }
  | { kind: 'threw'; error: unknown }
  | { kind: Interruption };

const MAX_FENCED_ROUNDS = 5;

export interface TaskExecution {
  readonly taskId: string;
  /** Settles (never rejects) once the outcome is recorded, or given up on. */
  readonly done: Promise<void>;
  /** Renews the lease, and notices cancellation, timeout by the clock, or a lost lease. */
  heartbeat(): Promise<void>;
  /** Aborts the handler now (worker shutdown); the task goes back to the queue. */
  stop(): void;
}

export interface ExecutionInput {
  config: QueueConfig;
  leaseMs: number;
  workerId: string;
  doc: StoredTask;
  token: string;
  slot: Slot | undefined;
  slots: ConcurrencySlots;
  /**
   * Gives the slot back when the attempt ends (default `slots.release`); `lost` when this attempt
   * lost its lease or slot. The worker keeps a fresh slot for its next task of the same key.
   */
  releaseSlot?: (slot: Slot, lost: boolean) => Promise<void>;
  handler: TaskHandler;
  logger: JobsLogger;
  /** Told when the attempt starts and how it ended (see `worker-events.ts`). */
  onEvent?: WorkerEventListener | undefined;
}

function reasonFor(interruption: Interruption, doc: TaskDocument): Error {
  switch (interruption) {
    case 'timeout':
      return new TaskTimeoutError(doc.timeoutMs ?? 0);
    case 'cancelled':
      return new TaskCancelledError();
    case 'lost':
      return new LeaseLostError(doc.id);
    case 'stopping':
      return new WorkerStoppingError();
  }
}

function taskLogger(logger: JobsLogger, task: TaskDocument): JobsLogger {
  const fields = { taskId: task.id, taskType: task.type, productId: task.productId, attempt: task.attempts };
  return {
    debug: (obj, msg) => logger.debug({ ...fields, ...obj }, msg),
    info: (obj, msg) => logger.info({ ...fields, ...obj }, msg),
    warn: (obj, msg) => logger.warn({ ...fields, ...obj }, msg),
    error: (obj, msg) => logger.error({ ...fields, ...obj }, msg),
  };
}

export function startTaskExecution(input: ExecutionInput): TaskExecution {
  const { config, leaseMs, token, slots, handler } = input;
  const { repository, clock } = config;
  // The logger with the task's fields and the AbortController are made when first needed: most
  // attempts of a busy queue log nothing and are never aborted.
  let taskLog: JobsLogger | undefined;
  const log = (): JobsLogger => (taskLog ??= taskLogger(input.logger, input.doc));
  let controller: AbortController | undefined;
  const abortController = (): AbortController => (controller ??= new AbortController());
  let current = input.doc;
  let slot = input.slot;
  let settled = false;
  let interruption: Interruption | undefined;
  let writes: Promise<unknown> = Promise.resolve();
  const deadline = current.timeoutMs === null ? null : clock.now() + current.timeoutMs;

  let onInterrupt: (kind: Interruption) => void = () => {};
  const interrupted = new Promise<Outcome>((resolve) => {
    onInterrupt = (kind) => resolve({ kind });
  });
  function interrupt(kind: Interruption): void {
    if (settled || interruption) return;
    interruption = kind;
    onInterrupt(kind);
    abortController().abort(reasonFor(kind, current));
  }

  /** Runs store writes of this execution one at a time, so they only race other writers. */
  function serialized<T>(write: () => Promise<T>): Promise<T> {
    const next = writes.then(write);
    writes = next.catch(() => undefined);
    return next;
  }

  /**
   * Writes `next(current)` with ifMatch; on a lost race re-reads and retries while the task is
   * still running under this claim. `false` = the lease is lost (nothing was written).
   */
  async function fencedWrite(
    next: (doc: StoredTask) => TaskDocument,
    write: (doc: TaskDocument, etag: string) => Promise<StoredTask> = repository.replace,
  ): Promise<boolean> {
    for (let round = 0; round < MAX_FENCED_ROUNDS; round++) {
      if (current.state !== 'running' || current.lease?.token !== token) return false;
      try {
        current = await write(next(current), current.etag);
        return true;
      } catch (error) {
        if (!isWriteRace(error)) throw error;
      }
      const fresh = await repository.read(current.id, current.productId);
      if (!fresh) return false;
      current = fresh;
    }
    return false;
  }

  function renewedLease(doc: StoredTask): TaskDocument {
    const lease = doc.lease ?? { workerId: input.workerId, token, expiresAt: 0 };
    return { ...toDocument(doc), lease: { ...lease, expiresAt: clock.now() + leaseMs } };
  }

  async function beat(): Promise<void> {
    if (settled || interruption) return;
    if (deadline !== null && clock.now() >= deadline) return interrupt('timeout');
    if (!(await fencedWrite(renewedLease))) return interrupt('lost');
    if (slot) {
      const renewed = await slots.renew(slot);
      if (!renewed) return interrupt('lost');
      slot = renewed;
    }
    if (current.cancelRequested) interrupt('cancelled');
  }

  async function progress(value: number | { [key: string]: JsonValue }): Promise<void> {
    abortController().signal.throwIfAborted();
    const issues =
      typeof value === 'number' || (typeof value === 'object' && value !== null && !Array.isArray(value))
        ? jsonValueIssues(value, 'progress', MAX_RESULT_BYTES)
        : [{ path: 'progress', message: 'must be a number or an object', code: 'invalid_type' }];
    if (issues.length > 0) throw new ValidationError(issues, 'Invalid progress value.');
    const written = await serialized(() =>
      fencedWrite((doc) => ({ ...renewedLease(doc), progress: value as JsonValue })),
    );
    if (!written) interrupt('lost');
    else if (current.cancelRequested) interrupt('cancelled');
    abortController().signal.throwIfAborted();
  }

  function outcomeDocument(outcome: Outcome, doc: StoredTask): TaskDocument | undefined {
    const now = clock.now();
    const base = toDocument(doc);
    const ttl = config.completedTtlSeconds;
    switch (outcome.kind) {
      case 'returned': {
        const value = outcome.value === undefined ? null : outcome.value;
        const issues = jsonValueIssues(value, 'result', MAX_RESULT_BYTES);
        if (issues.length === 0) return completed(base, value as JsonValue, now, ttl);
        const error = new ValidationError(
          issues,
          `The handler's result cannot be stored: ${issues[0]?.message}.`,
        );
        return failed(base, errorEntry(doc.attempts, now, error), now, config.random);
      }
      case 'threw': {
        if (doc.cancelRequested) return cancelled(base, now, ttl);
        const { error } = outcome;
        const retryAt =
          error instanceof RetryAt
            ? error.when instanceof Date
              ? error.when.getTime()
              : now + error.when
            : undefined;
        return failed(base, errorEntry(doc.attempts, now, error), now, config.random, retryAt);
      }
      case 'timeout':
        return failed(base, errorEntry(doc.attempts, now, reasonFor('timeout', doc)), now, config.random);
      case 'cancelled':
        return cancelled(base, now, ttl);
      case 'stopping':
        return requeued(base, now);
      case 'lost':
        return undefined;
    }
  }

  function attemptOutcome(outcome: Outcome, recorded: boolean): AttemptOutcome {
    if (!recorded) return 'lost';
    switch (current.state) {
      case 'completed':
      case 'dead':
      case 'cancelled':
        return current.state;
      default:
        return outcome.kind === 'stopping' ? 'requeued' : 'retrying';
    }
  }

  async function record(outcome: Outcome): Promise<void> {
    let recorded = false;
    if (outcome.kind !== 'lost') {
      recorded = await serialized(() =>
        fencedWrite((doc) => {
          // A failure after cancel() was requested ends as cancelled; a success still completes.
          const effective: Outcome =
            outcome.kind === 'threw' && doc.cancelRequested ? { kind: 'cancelled' } : outcome;
          return outcomeDocument(effective, doc) ?? toDocument(doc);
        }, repository.replaceInBatch),
      );
    }
    if (!recorded) log().warn({ outcome: outcome.kind }, 'lease lost: this attempt’s outcome is discarded');
    else
      input.logger.debug(
        { taskId: current.id, outcome: outcome.kind, state: current.state },
        'task attempt recorded',
      );
    input.onEvent?.({
      kind: 'attempt-ended',
      taskId: current.id,
      productId: current.productId,
      type: current.type,
      attempt: input.doc.attempts,
      startedAt: input.doc.startedAt ?? clock.now(),
      at: clock.now(),
      outcome: attemptOutcome(outcome, recorded),
    });
  }

  async function run(): Promise<void> {
    input.onEvent?.({
      kind: 'attempt-started',
      taskId: current.id,
      productId: current.productId,
      type: current.type,
      attempt: current.attempts,
      dueAt: current.runAt,
      at: current.startedAt ?? clock.now(),
    });
    const timer =
      current.timeoutMs === null ? undefined : setTimeout(() => interrupt('timeout'), current.timeoutMs);
    timer?.unref();
    const ctx: TaskContext = {
      get signal() {
        return abortController().signal;
      },
      attempt: current.attempts,
      progress,
      get logger() {
        return log();
      },
    };
    const handled = Promise.resolve()
      .then(() => handler(toTask(current), ctx))
      .then(
        (value): Outcome => ({ kind: 'returned', value }),
        (error: unknown): Outcome => ({ kind: 'threw', error }),
      );
    const first = await Promise.race([handled, interrupted]);
    // An interruption decided first wins, even if the handler settled in the same turn.
    const outcome: Outcome = interruption ? { kind: interruption } : first;
    settled = true;
    if (timer) clearTimeout(timer);
    try {
      await record(outcome);
    } catch (error) {
      log().error(
        { err: error },
        'could not record the task outcome; it will be retried after its lease lapses',
      );
    }
    if (slot) {
      const release = input.releaseSlot ?? ((held: Slot) => slots.release(held));
      await release(slot, outcome.kind === 'lost').catch((error: unknown) => {
        log().warn({ err: error }, 'could not release the concurrency slot; it lapses with its lease');
      });
    }
  }

  const done = run().catch((error: unknown) => {
    log().error({ err: error }, 'task execution failed');
  });

  return {
    taskId: current.id,
    done,
    heartbeat: () =>
      serialized(beat).catch((error: unknown) => {
        log().warn({ err: error }, 'heartbeat failed; retrying on the next one');
      }),
    stop: () => interrupt('stopping'),
  };
}
