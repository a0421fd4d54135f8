/**
 * A built-in job: report the tasks waiting in dead letter. Each run lists the product's dead
 * tasks (up to `MAX_REPORTED`), logs a warning when there are any, and stores the summary as the
 * run's result (visible in `GET /v1/tasks` and the job's run history) so an operator notices
 * poison tasks instead of finding them weeks later.
 */
import type { JobDefinitionInput } from './job-definitions.js';
import type { Queue } from './queue.js';
import type { JsonValue } from './schemas.js';
import type { TaskHandler } from './task-execution.js';

export const DEAD_LETTER_REPORT_TYPE = 'jobs.dead-letter-report';
/** At most this many dead tasks are read per run. */
export const MAX_REPORTED = 1_000;
const PAGE = 100;

export interface DeadLetterReport {
  [key: string]: JsonValue;
  /** Dead tasks seen (at most `MAX_REPORTED`). */
  dead: number;
  /** True when there were more than `MAX_REPORTED`. */
  truncated: boolean;
  byType: { [type: string]: number };
  /** Creation time (ISO) of the oldest dead task seen, or null. */
  oldestCreatedAt: string | null;
}

/** The handler, reading the queue of the task's own product. */
export function deadLetterReportHandler(queue: Queue): TaskHandler {
  return async (task, { signal, logger }) => {
    const byType: { [type: string]: number } = {};
    let dead = 0;
    let oldest: number | null = null;
    let cursor: string | undefined;
    let truncated = false;
    do {
      signal.throwIfAborted();
      const page = await queue.list({
        productId: task.productId,
        state: 'dead',
        limit: PAGE,
        ...(cursor === undefined ? {} : { cursor }),
      });
      for (const item of page.items) {
        if (dead >= MAX_REPORTED) {
          truncated = true;
          break;
        }
        dead += 1;
        byType[item.type] = (byType[item.type] ?? 0) + 1;
        oldest = oldest === null ? item.createdAt : Math.min(oldest, item.createdAt);
      }
      cursor = page.nextCursor;
    } while (cursor !== undefined && !truncated);
    const report: DeadLetterReport = {
      dead,
      truncated,
      byType,
      oldestCreatedAt: oldest === null ? null : new Date(oldest).toISOString(),
    };
    if (dead > 0)
      logger.warn(
        { dead, truncated, byType },
        'tasks are waiting in dead letter: retry or cancel them (POST /v1/tasks/:id/retry | cancel)',
      );
    return report;
  };
}

/** The job definition: every `everyMs` (default 15 minutes) in `productId`. */
export function deadLetterReportJob(options: { productId: string; everyMs?: number }): JobDefinitionInput {
  return {
    name: DEAD_LETTER_REPORT_TYPE,
    type: DEAD_LETTER_REPORT_TYPE,
    productId: options.productId,
    schedule: { everyMs: options.everyMs ?? 15 * 60_000 },
    catchUp: { policy: 'latest' },
    taskOptions: { maxAttempts: 3, timeoutMs: 60_000 },
  };
}
