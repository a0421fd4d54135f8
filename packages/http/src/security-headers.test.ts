import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, testConfig } from '../test/support.js';
import type { ServiceApp } from './create-service-app.js';

describe('security headers and CORS', () => {
  let service: ServiceApp;
  afterEach(async () => {
    await service.stop();
  });

  it('sets the OWASP REST headers on API responses', async () => {
    service = await createTestApp();
    const response = await service.app.inject({ method: 'GET', url: '/v1/notes' });
    expect(response.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      'x-frame-options': 'DENY',
      'cache-control': 'no-store',
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
    });
  });

  it('sets Helmet’s page headers on the docs UI', async () => {
    service = await createTestApp();
    const response = await service.app.inject({ method: 'GET', url: '/documentation/' });
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(String(response.headers['content-security-policy'])).toContain("script-src 'self'");
  });

  it('sets them and the request id on rejected requests too (401, 404)', async () => {
    service = await createTestApp();
    for (const response of [
      await service.app.inject({ method: 'POST', url: '/v1/notes', payload: {} }),
      await service.app.inject({ method: 'GET', url: '/v1/missing' }),
    ]) {
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(response.headers['x-request-id']).toBeTruthy();
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    }
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

  it('lets an allowed origin read a 401', async () => {
    service = await createTestApp({ config: testConfig({ CORS_ORIGINS: 'https://admin.example.com' }) });
    const response = await service.app.inject({
      method: 'POST',
      url: '/v1/notes',
      headers: { origin: 'https://admin.example.com' },
      payload: {},
    });
    expect(response.statusCode).toBe(401);
    expect(response.headers['access-control-allow-origin']).toBe('https://admin.example.com');
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
