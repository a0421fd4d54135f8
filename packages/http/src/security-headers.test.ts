import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, testConfig } from '../test/support.js';
import type { ServiceApp } from './create-service-app.js';

describe('security headers and CORS', () => {
  let service: ServiceApp;
  afterEach(async () => {
    await service.stop();
  });

  it('sets Helmet’s headers on API responses', async () => {
    service = await createTestApp();
    const response = await service.app.inject({ method: 'GET', url: '/v1/notes' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['strict-transport-security']).toBeDefined();
  });

  it('has CORS off by default', async () => {
    service = await createTestApp();
    const response = await service.app.inject({
      method: 'GET',
      url: '/v1/notes',
      headers: { origin: 'https://admin.example.com' },
    });
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await service.app.inject({
      method: 'OPTIONS',
      url: '/v1/notes',
      headers: { origin: 'https://admin.example.com', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('allows only the configured origins, preflights included', async () => {
    service = await createTestApp({
      config: testConfig({ CORS_ORIGINS: 'https://admin.example.com, https://portal.example.com' }),
    });
    const allowed = await service.app.inject({
      method: 'GET',
      url: '/v1/notes',
      headers: { origin: 'https://portal.example.com' },
    });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://portal.example.com');
    expect(String(allowed.headers['access-control-expose-headers'])).toContain('x-request-id');

    const denied = await service.app.inject({
      method: 'GET',
      url: '/v1/notes',
      headers: { origin: 'https://evil.example' },
    });
    expect(denied.headers['access-control-allow-origin']).toBeUndefined();

    const preflight = await service.app.inject({
      method: 'OPTIONS',
      url: '/v1/notes',
      headers: {
        origin: 'https://admin.example.com',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('https://admin.example.com');
    expect(String(preflight.headers['access-control-allow-methods'])).toContain('POST');
  });

  it('allows any origin with *', async () => {
    service = await createTestApp({ config: testConfig({ CORS_ORIGINS: '*' }) });
    const response = await service.app.inject({
      method: 'GET',
      url: '/v1/notes',
      headers: { origin: 'https://any.example' },
    });
    expect(response.headers['access-control-allow-origin']).toBe('*');
  });
});
