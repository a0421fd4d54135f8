/**
 * Slot times of a schedule: the instants (ms since the epoch) at which a job is due. Cron
 * schedules are computed by croner (5- or 6-field expressions, IANA time zones, croner's DST
 * rules); croner's own timers are never used. Interval schedules are aligned to the Unix epoch
 * (`everyMs: 60_000` → every whole UTC minute), so every instance computes the same slots.
 */
import { Cron } from 'croner';

export type Schedule =
  | { kind: 'cron'; cron: string; timezone: string }
  | { kind: 'interval'; everyMs: number };

export interface SlotSource {
  /** The first slot strictly after `ms`, or `undefined` when the schedule has no more slots. */
  nextAfter(ms: number): number | undefined;
}

/** Throws croner's error for an invalid expression or time zone. */
export function createCron(cron: string, timezone: string): Cron {
  return new Cron(cron, { timezone, paused: true, mode: '5-or-6-parts' });
}

export function slotSource(schedule: Schedule): SlotSource {
  if (schedule.kind === 'interval') {
    const every = schedule.everyMs;
    return { nextAfter: (ms) => (Math.floor(ms / every) + 1) * every };
  }
  const cron = createCron(schedule.cron, schedule.timezone);
  return { nextAfter: (ms) => cron.nextRun(new Date(ms))?.getTime() };
}

/** The first slot at or after `ms`. */
export function slotAtOrAfter(source: SlotSource, ms: number): number | undefined {
  return source.nextAfter(ms - 1);
}

export interface SlotRange {
  /** Ascending slots in `[from, to]`, at most `cap` of them. */
  slots: number[];
  /** True when the range holds more than `cap` slots (the earliest `cap` are returned). */
  truncated: boolean;
}

/** The slots in `[from, to]`, earliest first, stopping after `cap`. */
export function slotsInRange(source: SlotSource, from: number, to: number, cap: number): SlotRange {
  const slots: number[] = [];
  let slot = slotAtOrAfter(source, from);
  while (slot !== undefined && slot <= to) {
    if (slots.length === cap) return { slots, truncated: true };
    slots.push(slot);
    slot = source.nextAfter(slot);
  }
  return { slots, truncated: false };
}

/** Bounds the binary search of `latestSlots` (spans of ms halve each round). */
const MAX_SEARCH_ROUNDS = 64;

/**
 * The latest slots in `[from, to]`, at most `cap` of them, earliest first, without enumerating a
 * long range: when `[from, to]` holds more than `cap` slots, a binary search on the start of the
 * range finds a suffix `[to - span, to]` holding between 1 and `cap` of them.
 */
export function latestSlots(source: SlotSource, from: number, to: number, cap: number): number[] {
  const whole = slotsInRange(source, from, to, cap);
  if (!whole.truncated) return whole.slots;
  let low = 0; // a span known to hold <= cap slots
  let high = to - from; // a span known to hold > cap slots
  let best: number[] = [];
  for (let round = 0; round < MAX_SEARCH_ROUNDS && high - low > 1; round++) {
    const span = Math.floor((low + high) / 2);
    const range = slotsInRange(source, to - span, to, cap);
    if (range.truncated) high = span;
    else {
      low = span;
      best = range.slots;
      if (best.length === cap) break;
    }
  }
  return best;
}

/** Whether `timezone` is an IANA time zone this runtime knows. */
export function isTimeZone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}
