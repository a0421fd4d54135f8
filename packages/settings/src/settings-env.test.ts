import { describeEnv, inspectEnvSchema, loadEnv } from '@groundwork/config';
import { describe, expect, it } from 'vitest';
import { settingsEnvSchema } from './settings-env.js';

describe('settings env', () => {
  it('has defaults and leaves MAINTENANCE_MODE unset unless given', () => {
    expect(loadEnv(settingsEnvSchema, {})).toEqual({
      MAINTENANCE_BYPASS_IPS: [],
      MAINTENANCE_CACHE_TTL_MS: 5_000,
      MAINTENANCE_RETRY_AFTER_SECONDS: 300,
      MAINTENANCE_SCHEDULE_INTERVAL_MS: 60_000,
      KILL_SWITCH_MAX_AGE_SECONDS: 30,
    });
    const env = loadEnv(settingsEnvSchema, {
      MAINTENANCE_MODE: 'read_only',
      MAINTENANCE_BYPASS_IPS: '10.0.0.1, 10.0.0.0/24,2001:db8::/32',
    });
    expect(env.MAINTENANCE_MODE).toBe('read_only');
    expect(env.MAINTENANCE_BYPASS_IPS).toEqual(['10.0.0.1', '10.0.0.0/24', '2001:db8::/32']);
    expect(loadEnv(settingsEnvSchema, { MAINTENANCE_MODE: ' ' }).MAINTENANCE_MODE).toBeUndefined();
  });

  it('refuses a bad mode or a bad bypass address at startup', () => {
    expect(() => loadEnv(settingsEnvSchema, { MAINTENANCE_MODE: 'down' })).toThrow(/MAINTENANCE_MODE/);
    expect(() => loadEnv(settingsEnvSchema, { MAINTENANCE_BYPASS_IPS: '10.0.0.1,nope' })).toThrow(
      /MAINTENANCE_BYPASS_IPS/,
    );
  });

  it('documents every variable', () => {
    for (const field of inspectEnvSchema(settingsEnvSchema))
      expect(field.description, field.name).toBeTruthy();
    expect(describeEnv([{ title: 'settings', schema: settingsEnvSchema }])).toContain(
      'MAINTENANCE_CACHE_TTL_MS',
    );
  });
});
