import { describeEnv, loadEnv } from '@groundwork/config';
import { describe, expect, it } from 'vitest';
import { sessionsEnvSchema } from './sessions-env.js';

describe('sessions environment', () => {
  it('defaults to 90 days and a 30 s cache bound', () => {
    expect(loadEnv(sessionsEnvSchema, {})).toEqual({ SESSION_TTL_DAYS: 90, SESSION_CACHE_TTL_MS: 30_000 });
    expect(loadEnv(sessionsEnvSchema, { SESSION_TTL_DAYS: '7', SESSION_CACHE_TTL_MS: '0' })).toEqual({
      SESSION_TTL_DAYS: 7,
      SESSION_CACHE_TTL_MS: 0,
    });
  });

  it('reports every out-of-range value at once', () => {
    expect(() =>
      loadEnv(sessionsEnvSchema, { SESSION_TTL_DAYS: '0', SESSION_CACHE_TTL_MS: '600001' }),
    ).toThrow(/SESSION_TTL_DAYS[\s\S]*SESSION_CACHE_TTL_MS|SESSION_CACHE_TTL_MS[\s\S]*SESSION_TTL_DAYS/);
    expect(() => loadEnv(sessionsEnvSchema, { SESSION_TTL_DAYS: '3651' })).toThrow(/SESSION_TTL_DAYS/);
  });

  it('describes each variable for the configuration reference', () => {
    const text = describeEnv([{ title: 'sessions', schema: sessionsEnvSchema }]);
    expect(text).toContain('SESSION_TTL_DAYS');
    expect(text).toContain('SESSION_CACHE_TTL_MS');
    expect(text).toMatch(/revoked on another instance/);
  });
});
