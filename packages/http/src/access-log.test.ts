import { createLogger } from '@groundwork/logger';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../test/support.js';
import type { ServiceApp } from './create-service-app.js';

describe('access log', () => {
  let service: ServiceApp;
  const lines: Record<string, unknown>[] = [];
  afterEach(async () => {
    await service.stop();
    lines.length = 0;
  });

  async function start() {
    service = await createTestApp({
      logger: createLogger({
        name: 'test',
        level: 'info',
        destination: { write: (line: string) => lines.push(JSON.parse(line)) },
      }),
    });
    lines.length = 0;
  }

  it('writes one line per request with method, url, status, duration and request id', async () => {
    await start();
    const response = await service.app.inject({ method: 'GET', url: '/v1/notes?limit=5' });
    const access = lines.filter((line) => line.msg === 'request completed');
    expect(access).toHaveLength(1);
    expect(access[0]).toMatchObject({
      req: { method: 'GET', url: '/v1/notes?limit=5' },
      res: { statusCode: 200 },
      requestId: response.headers['x-request-id'],
    });
    expect(typeof access[0]?.responseTime).toBe('number');
    expect(lines.some((line) => line.msg === 'incoming request')).toBe(false);
  });

  it('does not log probes, with or without a query string', async () => {
    await start();
    for (const url of ['/health', '/ready', '/metrics', '/health?probe=k8s']) {
      await service.app.inject({ method: 'GET', url });
    }
    expect(lines.filter((line) => line.msg === 'request completed')).toEqual([]);
  });

  it('never writes the authorization header', async () => {
    await start();
    await service.app.inject({
      method: 'GET',
      url: '/v1/notes',
      headers: { authorization: 'Bearer secret-token' },
    });
    expect(JSON.stringify(lines)).not.toContain('secret-token');
  });
});
