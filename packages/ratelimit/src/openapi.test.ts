import { afterEach, describe, expect, it } from 'vitest';
import { createRateTestApp, type RateTestApp } from '../test/support.js';

const apps: RateTestApp[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.stop()));
});

describe('OpenAPI', () => {
  it('documents every admin route, protected by the bearer scheme', async () => {
    const app = await createRateTestApp();
    apps.push(app);
    const response = await app.inject({ url: '/documentation/json' });
    expect(response.statusCode).toBe(200);
    const paths = response.json().paths;
    for (const [path, method] of [
      ['/v1/ratelimit/stats', 'get'],
      ['/v1/ratelimit/blocked', 'get'],
      ['/v1/ratelimit/ip-rules', 'get'],
      ['/v1/ratelimit/ip-rules', 'post'],
      ['/v1/ratelimit/ip-rules/{id}', 'delete'],
      ['/v1/ratelimit/overrides', 'get'],
      ['/v1/ratelimit/overrides/{userId}', 'put'],
      ['/v1/ratelimit/overrides/{userId}', 'delete'],
    ] as const) {
      expect(paths[path]?.[method], `${method} ${path}`).toBeDefined();
      expect(paths[path][method].security).toEqual([{ bearerAuth: [] }]);
    }
  });
});
