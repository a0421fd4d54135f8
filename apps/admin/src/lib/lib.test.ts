import { describe, expect, it } from 'vitest';
import { isAvailable } from './available-paths.js';
import { formatDuration, formatTime } from './format.js';
import { matchPath } from './router.js';
import { pageOf } from './use-async.js';

describe('console helpers', () => {
  it('matches app paths with params', () => {
    expect(matchPath('/users/:userId', '/users/usr_1')).toEqual({ userId: 'usr_1' });
    expect(matchPath('/users/:userId', '/users')).toBeUndefined();
    expect(matchPath('/jobs/queue', '/jobs/queue')).toEqual({});
    expect(matchPath('/jobs/queue', '/jobs/other')).toBeUndefined();
    expect(matchPath('/', '/')).toEqual({});
    expect(matchPath('/users/:userId', '/users/a%2Fb')).toEqual({ userId: 'a/b' });
  });

  it('hides a page only when the platform is known not to serve its API', () => {
    const served = new Set(['/v1/jobs']);
    expect(isAvailable('/v1/jobs', served)).toBe(true);
    expect(isAvailable('/v1/flags', served)).toBe(false);
    expect(isAvailable('/v1/flags', undefined)).toBe(true);
    expect(isAvailable(undefined, served)).toBe(true);
  });

  it('pages a whole list', () => {
    const items = Array.from({ length: 45 }, (_, index) => index);
    expect(pageOf(items, 1, 20)).toHaveLength(20);
    expect(pageOf(items, 3, 20)).toEqual([40, 41, 42, 43, 44]);
    expect(pageOf(items, 4, 20)).toEqual([]);
  });

  it('formats times and durations', () => {
    expect(formatTime(null)).toBe('—');
    expect(formatTime('2026-11-26T09:00:00.000Z')).toBe('26 Nov 2026, 09:00:00 UTC');
    expect(formatDuration(42)).toBe('42 s');
    expect(formatDuration(900)).toBe('15 min');
    expect(formatDuration(21_600)).toBe('6.0 h');
  });
});
