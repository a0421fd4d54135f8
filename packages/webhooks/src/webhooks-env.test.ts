import { describe, expect, it } from 'vitest';
import { webhooksEnvSchema } from './webhooks-env.js';

describe('webhooksEnvSchema', () => {
  it('defaults to the seed values, https only and no allow-list', () => {
    expect(webhooksEnvSchema.parse({})).toEqual({
      WEBHOOK_DELIVERY_TIMEOUT_MS: 5_000,
      WEBHOOK_MAX_RETRIES: 3,
      WEBHOOK_RETRY_SCHEDULE_MS: [],
      OUTBOUND_ALLOW_LIST: [],
      OUTBOUND_ALLOW_HTTP: false,
    });
  });

  it('parses every variable and reports bad values', () => {
    expect(
      webhooksEnvSchema.parse({
        WEBHOOK_DELIVERY_TIMEOUT_MS: '2500',
        WEBHOOK_MAX_RETRIES: '5',
        WEBHOOK_RETRY_SCHEDULE_MS: '1000, 5000',
        OUTBOUND_ALLOW_LIST: '127.0.0.1/32',
        OUTBOUND_ALLOW_HTTP: 'true',
      }),
    ).toMatchObject({
      WEBHOOK_MAX_RETRIES: 5,
      WEBHOOK_RETRY_SCHEDULE_MS: [1_000, 5_000],
      OUTBOUND_ALLOW_HTTP: true,
    });
    for (const bad of [
      { WEBHOOK_DELIVERY_TIMEOUT_MS: '0' },
      { WEBHOOK_MAX_RETRIES: 'three' },
      { WEBHOOK_RETRY_SCHEDULE_MS: '10s' },
      { OUTBOUND_ALLOW_LIST: '10.0.0.0/40' },
    ]) {
      expect(webhooksEnvSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('describes every variable for the generated reference', () => {
    for (const [name, field] of Object.entries(webhooksEnvSchema.shape)) {
      expect(field.description, name).toBeTruthy();
    }
  });
});
