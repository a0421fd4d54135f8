import { describe, expect, it } from 'vitest';
import { type CatchUp, selectDueSlots } from './catch-up.js';
import { slotSource } from './schedule.js';

const T0 = Date.UTC(2026, 0, 1);
const MINUTE = 60_000;
const HOUR = 3_600_000;
const hourly = slotSource({ kind: 'interval', everyMs: HOUR });
const tolerance = 90_000;

function select(catchUp: CatchUp, nextRunAt: number, now: number) {
  return selectDueSlots({ source: hourly, nextRunAt, now, lateToleranceMs: tolerance, catchUp });
}

describe('selectDueSlots', () => {
  it('runs on-time slots under every policy and passes nothing over', () => {
    for (const policy of ['skip', 'latest', 'all'] as const)
      expect(select({ policy }, T0 + HOUR, T0 + HOUR + MINUTE)).toEqual({
        run: [T0 + HOUR],
        passedOver: false,
      });
  });

  it('runs nothing before the next slot', () => {
    expect(select({ policy: 'all' }, T0 + HOUR, T0 + 30 * MINUTE)).toEqual({ run: [], passedOver: false });
  });

  it('after a gap: skip runs none, latest runs the latest, all runs those in the window', () => {
    const now = T0 + 10 * HOUR + 30 * MINUTE;
    expect(select({ policy: 'skip' }, T0 + HOUR, now)).toEqual({ run: [], passedOver: true });
    expect(select({ policy: 'latest' }, T0 + HOUR, now)).toEqual({ run: [T0 + 10 * HOUR], passedOver: true });
    expect(select({ policy: 'latest', windowMs: 10 * MINUTE }, T0 + HOUR, now)).toEqual({
      run: [],
      passedOver: true,
    });
    expect(select({ policy: 'all', windowMs: 3 * HOUR }, T0 + HOUR, now).run).toEqual([
      T0 + 8 * HOUR,
      T0 + 9 * HOUR,
      T0 + 10 * HOUR,
    ]);
    expect(select({ policy: 'all', windowMs: 24 * HOUR }, T0 + HOUR, now)).toEqual({
      run: Array.from({ length: 10 }, (_, i) => T0 + (i + 1) * HOUR),
      passedOver: false,
    });
  });

  it('latest with a single missed slot passes nothing over', () => {
    expect(select({ policy: 'latest' }, T0 + HOUR, T0 + HOUR + 30 * MINUTE)).toEqual({
      run: [T0 + HOUR],
      passedOver: false,
    });
  });

  it('keeps the latest 1000 slots when a window holds more', () => {
    const everySecond = slotSource({ kind: 'interval', everyMs: 1_000 });
    const now = T0 + 2 * HOUR;
    const { run, passedOver } = selectDueSlots({
      source: everySecond,
      nextRunAt: T0,
      now,
      lateToleranceMs: tolerance,
      catchUp: { policy: 'all', windowMs: HOUR },
    });
    expect(run).toHaveLength(1_000);
    expect(run.at(-1)).toBe(now);
    expect(run[0]).toBe(now - 999_000);
    expect(passedOver).toBe(true);
  });
});
