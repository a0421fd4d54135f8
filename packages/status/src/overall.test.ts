import { describe, expect, it } from 'vitest';
import { componentStatus, overallStatus, phaseAt } from './overall.js';

describe('component status', () => {
  it('is the worst of the check state and the active incidents naming it, unless in maintenance', () => {
    expect(componentStatus('api', 'up', [], false)).toBe('operational');
    expect(componentStatus('api', 'unknown', [], false)).toBe('operational');
    expect(componentStatus('api', 'degraded', [], false)).toBe('degraded');
    expect(componentStatus('api', 'down', [], false)).toBe('major_outage');
    expect(componentStatus('api', 'up', [{ impact: 'minor', components: ['api'] }], false)).toBe('degraded');
    expect(componentStatus('api', 'up', [{ impact: 'major', components: ['web'] }], false)).toBe(
      'operational',
    );
    expect(componentStatus('api', 'degraded', [{ impact: 'critical', components: ['api'] }], false)).toBe(
      'major_outage',
    );
    expect(componentStatus('api', 'down', [{ impact: 'minor', components: ['api'] }], false)).toBe(
      'major_outage',
    );
    expect(componentStatus('api', 'down', [], true)).toBe('maintenance');
  });
});

describe('overall status', () => {
  it.each([
    [[], [], 'operational'],
    [['operational', 'maintenance'], [], 'operational'],
    [['operational', 'degraded'], [], 'degraded'],
    [['operational', 'major_outage', 'operational'], [], 'degraded'],
    [['major_outage', 'major_outage', 'operational'], [], 'major_outage'],
    [['operational'], [{ impact: 'none', components: [] }], 'operational'],
    [['operational'], [{ impact: 'minor', components: [] }], 'degraded'],
    [['operational'], [{ impact: 'critical', components: [] }], 'major_outage'],
  ] as const)('%j with incidents %j → %s', (statuses, incidents, expected) => {
    expect(overallStatus(statuses, incidents)).toBe(expected);
  });
});

describe('maintenance phase by the clock', () => {
  const window = { phase: 'scheduled' as const, startsAtMs: 100, endsAtMs: 200 };
  it.each([
    [99, 'scheduled'],
    [100, 'in_progress'],
    [199, 'in_progress'],
    [200, 'completed'],
  ] as const)('at %d → %s', (now, phase) => {
    expect(phaseAt(window, now)).toBe(phase);
  });
  it('keeps a canceled window canceled', () => {
    expect(phaseAt({ ...window, phase: 'canceled' }, 150)).toBe('canceled');
  });
});
