import { describe, expect, it } from 'vitest';
import { isoFromLocal, linesOf, localFromIso, percentageOf } from './form-values.js';
import { deliverySuccessRate, formatRate, lastDays, webhookSuccessRate } from './rates.js';

const day = (counts: Partial<Record<'sent' | 'failed' | 'bounced' | 'delivered' | 'opened', number>>) => ({
  sent: 0,
  failed: 0,
  bounced: 0,
  delivered: 0,
  opened: 0,
  ...counts,
});

describe('module page helpers', () => {
  it('counts sent, delivered and opened as success, failed and bounced as failure, nothing else', () => {
    expect(deliverySuccessRate([])).toEqual({ rate: null, finished: 0 });
    expect(
      deliverySuccessRate([day({ sent: 2, delivered: 1, opened: 1 }), day({ failed: 3, bounced: 1 })]),
    ).toEqual({
      rate: 0.5,
      finished: 8,
    });
    expect(formatRate(0.876, '—')).toBe('88 %');
    expect(formatRate(null, 'no sends yet')).toBe('no sends yet');
  });

  it('weights webhook success by each subscription’s sample and skips those without deliveries', () => {
    expect(webhookSuccessRate([])).toEqual({ rate: null, sample: 0 });
    expect(
      webhookSuccessRate([
        { health: { successRate: 1, sample: 30 } },
        { health: { successRate: 0.5, sample: 10 } },
        { health: { successRate: null, sample: 0 } },
        {},
      ]),
    ).toEqual({ rate: 35 / 40, sample: 40 });
  });

  it('spans whole UTC days, today included, the end exclusive', () => {
    const now = Date.parse('2026-11-26T07:05:00Z');
    expect(lastDays(7, now)).toEqual({ from: '2026-11-20T00:00:00.000Z', to: '2026-11-27T00:00:00.000Z' });
    expect(lastDays(1, now)).toEqual({ from: '2026-11-26T00:00:00.000Z', to: '2026-11-27T00:00:00.000Z' });
  });

  it('reads datetime-local values as UTC and back', () => {
    expect(isoFromLocal('2026-11-26T09:30')).toBe('2026-11-26T09:30:00.000Z');
    expect(isoFromLocal('2026-11-26T09:30:15')).toBe('2026-11-26T09:30:15.000Z');
    expect(isoFromLocal('')).toBeUndefined();
    expect(isoFromLocal('not a date')).toBeUndefined();
    expect(localFromIso('2026-11-26T09:30:00.000Z')).toBe('2026-11-26T09:30');
    expect(localFromIso(Date.parse('2026-01-02T03:04:05Z'))).toBe('2026-01-02T03:04');
    expect(localFromIso(undefined)).toBe('');
    expect(localFromIso('garbage')).toBe('');
  });

  it('splits lists on commas and lines, and bounds percentages', () => {
    expect(linesOf(' 10.0.0.0/8\n\n192.0.2.1 , 2001:db8::/32,')).toEqual([
      '10.0.0.0/8',
      '192.0.2.1',
      '2001:db8::/32',
    ]);
    expect(linesOf('')).toEqual([]);
    expect(percentageOf('')).toBeUndefined();
    expect(percentageOf('12.345')).toBe(12.35);
    expect(percentageOf('100')).toBe(100);
    expect(() => percentageOf('101')).toThrow(/0–100/);
    expect(() => percentageOf('-1')).toThrow(/0–100/);
    expect(() => percentageOf('abc')).toThrow(/0–100/);
  });
});
