import { describe, expect, it } from 'vitest';
import {
  isTimeZone,
  latestSlots,
  type SlotSource,
  slotAtOrAfter,
  slotSource,
  slotsInRange,
} from './schedule.js';

const T0 = Date.UTC(2026, 0, 1);
const MINUTE = 60_000;

/** Every slot in [from, to] by plain enumeration, for comparison. */
function bruteForce(source: SlotSource, from: number, to: number): number[] {
  const slots: number[] = [];
  for (
    let slot = slotAtOrAfter(source, from);
    slot !== undefined && slot <= to;
    slot = source.nextAfter(slot)
  )
    slots.push(slot);
  return slots;
}

describe('slot sources', () => {
  it('aligns intervals to the epoch and treats "after" as strict', () => {
    const source = slotSource({ kind: 'interval', everyMs: 10 * MINUTE });
    expect(source.nextAfter(T0)).toBe(T0 + 10 * MINUTE);
    expect(source.nextAfter(T0 + 1)).toBe(T0 + 10 * MINUTE);
    expect(slotAtOrAfter(source, T0)).toBe(T0);
  });

  it('computes cron slots in the time zone, including croner’s DST rules', () => {
    const berlin = slotSource({ kind: 'cron', cron: '30 2 * * *', timezone: 'Europe/Berlin' });
    expect(
      slotsInRange(
        berlin,
        Date.parse('2026-03-28T00:00:00Z'),
        Date.parse('2026-03-30T23:00:00Z'),
        10,
      ).slots.map((ms) => new Date(ms).toISOString()),
    ).toEqual(['2026-03-28T01:30:00.000Z', '2026-03-29T01:00:00.000Z', '2026-03-30T00:30:00.000Z']);
    const never = slotSource({ kind: 'cron', cron: '0 0 31 2 *', timezone: 'UTC' });
    expect(never.nextAfter(T0)).toBeUndefined();
  });

  it('slotsInRange stops at the cap and says so', () => {
    const source = slotSource({ kind: 'interval', everyMs: MINUTE });
    expect(slotsInRange(source, T0, T0 + 10 * MINUTE, 3)).toEqual({
      slots: [T0, T0 + MINUTE, T0 + 2 * MINUTE],
      truncated: true,
    });
    expect(slotsInRange(source, T0, T0 + 2 * MINUTE, 3).truncated).toBe(false);
  });

  it('latestSlots returns the same latest slots as brute force, for cron and intervals', () => {
    const sources = [
      slotSource({ kind: 'interval', everyMs: 7 * MINUTE }),
      slotSource({ kind: 'cron', cron: '15 9-17 * * 1-5', timezone: 'America/New_York' }),
      slotSource({ kind: 'cron', cron: '0 */20 * * * *', timezone: 'UTC' }),
    ];
    for (const source of sources) {
      for (const [from, to, cap] of [
        [T0, T0 + 3 * 86_400_000, 1],
        [T0, T0 + 3 * 86_400_000, 5],
        [T0 + 1, T0 + 90 * MINUTE, 1_000],
        [T0, T0 + 14 * 86_400_000, 30],
      ] as const) {
        const expected = bruteForce(source, from, to).slice(-cap);
        expect(latestSlots(source, from, to, cap)).toEqual(expected);
      }
    }
  });

  it('knows IANA time zones', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Europe/Atlantis')).toBe(false);
  });
});
