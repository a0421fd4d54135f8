import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../test/harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
});

describe('webhooks module', () => {
  it('documents every route in OpenAPI and reports healthy', async () => {
    h = await createHarness();
    const response = await h.service.app.inject({ method: 'GET', url: '/documentation/json' });
    expect(response.statusCode).toBe(200);
    const paths = Object.keys(response.json().paths);
    for (const path of [
      '/v1/webhooks/event-types',
      '/v1/webhooks/subscriptions',
      '/v1/webhooks/subscriptions/{id}',
      '/v1/webhooks/subscriptions/{id}/rotate-secret',
      '/v1/webhooks/subscriptions/{id}/test',
      '/v1/webhooks/subscriptions/{id}/deliveries',
      '/v1/webhooks/subscriptions/{id}/deliveries/{deliveryId}',
      '/v1/webhooks/subscriptions/{id}/deliveries/{deliveryId}/resend',
      '/v1/webhooks/subscriptions/{id}/resend-failed',
    ]) {
      expect(paths).toContain(path);
    }
    const ready = await h.service.app.inject({ method: 'GET', url: '/ready' });
    expect(ready.json().checks.webhooks).toMatchObject({ status: 'ok' });
  });
});
