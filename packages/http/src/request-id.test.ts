import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../test/support.js';
import type { ServiceApp } from './create-service-app.js';

describe('request ids', () => {
  let service: ServiceApp;
  afterEach(async () => {
    await service.stop();
  });

  it('echoes a safe incoming x-request-id', async () => {
    service = await createTestApp();
    const response = await service.app.inject({
      method: 'GET',
      url: '/health',
      headers: { 'x-request-id': 'abc-123_x.y:z' },
    });
    expect(response.headers['x-request-id']).toBe('abc-123_x.y:z');
  });

  it('replaces unsafe or oversized ids and generates one when absent', async () => {
    service = await createTestApp();
    for (const incoming of ['has space', 'a'.repeat(129), '<script>', undefined]) {
      const response = await service.app.inject({
        method: 'GET',
        url: '/health',
        headers: incoming === undefined ? {} : { 'x-request-id': incoming },
      });
      const id = response.headers['x-request-id'];
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(id).not.toBe(incoming);
    }
    const a = await service.app.inject({ method: 'GET', url: '/health' });
    const b = await service.app.inject({ method: 'GET', url: '/health' });
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
  });

  it('is on error responses too, header and body', async () => {
    service = await createTestApp();
    const response = await service.app.inject({
      method: 'GET',
      url: '/nope',
      headers: { 'x-request-id': 'req-404' },
    });
    expect(response.statusCode).toBe(404);
    expect(response.headers['x-request-id']).toBe('req-404');
    expect(response.json().requestId).toBe('req-404');
  });
});
