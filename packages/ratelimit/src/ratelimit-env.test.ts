import { inspectEnvSchema, loadEnv } from '@groundwork/config';
import { describe, expect, it } from 'vitest';
import { ratelimitEnvSchema } from './ratelimit-env.js';

describe('ratelimit env', () => {
  it('has defaults, parses lists and refuses bad values', () => {
    expect(loadEnv(ratelimitEnvSchema, {})).toEqual({
      RATELIMIT_ENABLED: true,
      RATELIMIT_STORE: 'memory',
      RATELIMIT_TRUSTED_PROXIES: [],
      RATELIMIT_RULES: [],
      RATELIMIT_RULES_CACHE_TTL_MS: 5_000,
    });
    const env = loadEnv(ratelimitEnvSchema, {
      RATELIMIT_STORE: 'store',
      RATELIMIT_TRUSTED_PROXIES: '10.0.0.0/8, ::1',
    });
    expect(env).toMatchObject({ RATELIMIT_STORE: 'store', RATELIMIT_TRUSTED_PROXIES: ['10.0.0.0/8', '::1'] });
    expect(() => loadEnv(ratelimitEnvSchema, { RATELIMIT_STORE: 'redis' })).toThrow(/RATELIMIT_STORE/);
    expect(() => loadEnv(ratelimitEnvSchema, { RATELIMIT_TRUSTED_PROXIES: 'proxy.local' })).toThrow(
      /RATELIMIT_TRUSTED_PROXIES/,
    );
    for (const field of inspectEnvSchema(ratelimitEnvSchema))
      expect(field.description, field.name).toBeTruthy();
  });

  it('reads route rules as JSON and refuses malformed ones', () => {
    const rules = '[{"id":"api","route":"/v1/*","limit":600,"windowMs":60000}]';
    expect(loadEnv(ratelimitEnvSchema, { RATELIMIT_RULES: rules }).RATELIMIT_RULES).toEqual([
      { id: 'api', route: '/v1/*', by: 'principal', limit: 600, windowMs: 60_000 },
    ]);
    expect(() => loadEnv(ratelimitEnvSchema, { RATELIMIT_RULES: '[{"id":"api"' })).toThrow(/RATELIMIT_RULES/);
    expect(() =>
      loadEnv(ratelimitEnvSchema, {
        RATELIMIT_RULES: '[{"id":"API!","route":"/v1/*","limit":0,"windowMs":1}]',
      }),
    ).toThrow(/RATELIMIT_RULES/);
  });
});
