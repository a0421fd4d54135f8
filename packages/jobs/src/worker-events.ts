/**
 * What a worker reports to an optional observer (`createWorker({ onEvent })`): attempts starting
 * and ending, and tasks taken over after their lease lapsed. Metrics (`metrics.ts`) are built on
 * it. An observer that throws is logged and ignored: it can never break a worker.
 */
import type { JobsLogger } from './logger.js';
import type { TaskState } from './schemas.js';

/** How an attempt ended. `retrying`: failed, queued again for later; `requeued`: the worker stopped; `lost`: the lease was lost, nothing recorded. */
export type AttemptOutcome = 'completed' | 'retrying' | 'dead' | 'cancelled' | 'requeued' | 'lost';

interface TaskRef {
  taskId: string;
  productId: string;
  type: string;
  /** Time of the event, ms since the epoch (the queue's clock). */
  at: number;
}

export type WorkerEvent =
  | (TaskRef & {
      kind: 'attempt-started';
      attempt: number;
      /** When the task became due (enqueue time, or its delayed / retry time). */
      dueAt: number;
    })
  | (TaskRef & {
      kind: 'attempt-ended';
      attempt: number;
      startedAt: number;
      outcome: AttemptOutcome;
    })
  | (TaskRef & {
      kind: 'lease-reclaimed';
      previousWorker: string;
      /** The state the reclaim wrote: `running` (claimed again here), `dead` or `cancelled`. */
      state: TaskState;
    });

export type WorkerEventListener = (event: WorkerEvent) => void;

/** Wraps a listener so that a throwing observer is logged, never propagated. */
export function safeListener(
  listener: WorkerEventListener | undefined,
  logger: JobsLogger,
): WorkerEventListener | undefined {
  if (!listener) return undefined;
  return (event) => {
    try {
      listener(event);
    } catch (error) {
      logger.warn({ err: error, event: event.kind }, 'worker event listener failed');
    }
  };
}
