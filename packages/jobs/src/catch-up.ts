/**
 * Which due slots of a job to run at a tick. A slot is *on time* when it is at most
 * `lateToleranceMs` old (ticks come every `tickIntervalMs`, and a leader takeover adds up to a
 * lease), and *missed* when older: the scheduler (or every instance) was down. On-time slots always
 * run; the catch-up policy decides about missed ones:
 *
 * - `skip`: missed slots never run.
 * - `latest`: when no slot is on time, the latest missed slot (within `windowMs`, if given) runs.
 * - `all`: every missed slot within `windowMs` (default 24 h) runs, at most `MAX_CATCH_UP_SLOTS`
 *   (the latest ones).
 */
import { latestSlots, type SlotSource, slotAtOrAfter, slotsInRange } from './schedule.js';

export type CatchUpPolicy = 'skip' | 'latest' | 'all';

export interface CatchUp {
  policy: CatchUpPolicy;
  /** How far back missed slots may be run, in ms. */
  windowMs?: number | undefined;
}

export const DEFAULT_CATCH_UP_WINDOW_MS = 24 * 3_600_000;
/** The most slots one job materializes at one tick (on-time and caught up together). */
export const MAX_CATCH_UP_SLOTS = 1_000;

export interface DueSlotsInput {
  source: SlotSource;
  /** The job's next slot not yet handled (inclusive lower bound). */
  nextRunAt: number;
  now: number;
  lateToleranceMs: number;
  catchUp: CatchUp;
}

export interface DueSlots {
  /** Slots to run, earliest first. */
  run: number[];
  /** Whether some due slots will never run (passed over by the catch-up policy). */
  passedOver: boolean;
}

export function selectDueSlots(input: DueSlotsInput): DueSlots {
  const { source, nextRunAt, now, lateToleranceMs, catchUp } = input;
  if (nextRunAt > now) return { run: [], passedOver: false };
  const onTimeFrom = Math.max(nextRunAt, now - lateToleranceMs);
  const onTime = latestSlots(source, onTimeFrom, now, MAX_CATCH_UP_SLOTS);
  const hasSlotBefore = (ms: number) => slotsInRange(source, nextRunAt, ms - 1, 1).slots.length > 0;
  if (!hasSlotBefore(onTimeFrom)) return { run: onTime, passedOver: false };

  const windowFrom = (windowMs: number | undefined) =>
    windowMs === undefined ? nextRunAt : Math.max(nextRunAt, now - windowMs);
  switch (catchUp.policy) {
    case 'skip':
      return { run: onTime, passedOver: true };
    case 'latest': {
      if (onTime.length > 0) return { run: onTime, passedOver: true };
      const run = latestSlots(source, windowFrom(catchUp.windowMs), now, 1);
      const first = run[0];
      return { run, passedOver: first === undefined || hasSlotBefore(first) };
    }
    case 'all': {
      const run = latestSlots(
        source,
        windowFrom(catchUp.windowMs ?? DEFAULT_CATCH_UP_WINDOW_MS),
        now,
        MAX_CATCH_UP_SLOTS,
      );
      const first = run[0];
      return { run, passedOver: first === undefined || first !== slotAtOrAfter(source, nextRunAt) };
    }
  }
}
