import { describe, expect, it } from 'vitest';
import { serviceConfigFromEnv, serviceEnvSchema } from './service-config.js';

describe('serviceConfigFromEnv', () => {
  it('has safe defaults', () => {
    expect(serviceConfigFromEnv({})).toEqual({
      HOST: '127.0.0.1',
      PORT: 3000,
      LOG_LEVEL: 'info',
      BODY_LIMIT_BYTES: 1_048_576,
      CORS_ORIGINS: [],
      TRUST_PROXY: false,
      SHUTDOWN_TIMEOUT_MS: 10_000,
      STORE_SWEEP_INTERVAL_MS: 60_000,
      SWAGGER_UI_ENABLED: true,
      REQUEST_TIMEOUT_MS: 30_000,
    });
  });

  it('parses numbers, booleans and origin lists from strings', () => {
    const config = serviceConfigFromEnv({
      HOST: '0.0.0.0',
      PORT: '4003',
      LOG_LEVEL: 'debug',
      BODY_LIMIT_BYTES: '2048',
      CORS_ORIGINS: ' https://a.example ,https://b.example,, ',
      TRUST_PROXY: 'TRUE',
      SWAGGER_UI_ENABLED: '0',
    });
    expect(config).toMatchObject({
      HOST: '0.0.0.0',
      PORT: 4003,
      LOG_LEVEL: 'debug',
      BODY_LIMIT_BYTES: 2048,
      CORS_ORIGINS: ['https://a.example', 'https://b.example'],
      TRUST_PROXY: true,
      SWAGGER_UI_ENABLED: false,
    });
  });

  it('rejects invalid values', () => {
    expect(() => serviceConfigFromEnv({ PORT: '70000' })).toThrow();
    expect(() => serviceConfigFromEnv({ PORT: 'http' })).toThrow();
    expect(() => serviceConfigFromEnv({ TRUST_PROXY: 'maybe' })).toThrow();
    expect(() => serviceConfigFromEnv({ LOG_LEVEL: 'loud' })).toThrow();
    expect(() => serviceConfigFromEnv({ BODY_LIMIT_BYTES: '0' })).toThrow();
  });

  it('describes every variable (the env reference is generated from it)', () => {
    for (const [name, schema] of Object.entries(serviceEnvSchema.shape)) {
      expect(schema.description, name).toBeTruthy();
    }
  });
});
