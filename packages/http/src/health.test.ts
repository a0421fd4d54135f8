import { createMemoryStore } from '@groundwork/store/memory';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, withPing } from '../test/support.js';
import type { ServiceApp } from './create-service-app.js';
import { exampleNotesModule } from './example/module.js';
import { defineModule, type HealthCheck } from './module.js';

describe('/health and /ready', () => {
  let service: ServiceApp;
  afterEach(async () => {
    await service.stop();
  });

  it('/health reports liveness with service, version and uptime', async () => {
    let now = 1_700_000_000_000;
    service = await createTestApp({ clock: { now: () => now } });
    now += 42_500;
    const response = await service.app.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'ok',
      service: 'test-service',
      version: '1.2.3',
      uptimeSeconds: 42,
    });
  });

  it('/health answers 503 once shutdown has begun', async () => {
    service = await createTestApp();
    service.ready.shuttingDown = true;
    const response = await service.app.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ status: 'shutting_down' });
    const ready = await service.app.inject({ method: 'GET', url: '/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json().checks.shutdown).toMatchObject({ status: 'down' });
    const api = await service.app.inject({ method: 'GET', url: '/v1/notes' });
    expect(api.statusCode).toBe(503);
    expect(api.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(api.headers.connection).toBe('close');
    expect(api.json()).toMatchObject({ code: 'shutting_down' });
  });

  it('/ready is 200 when the store answers and migrations succeeded', async () => {
    service = await createTestApp();
    const response = await service.app.inject({ method: 'GET', url: '/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'ready',
      checks: {
        store: { status: 'ok' },
        migrations: { status: 'ok', data: expect.objectContaining({ ranNow: ['notes-welcome-note'] }) },
      },
    });
  });

  it('/ready is 503 when the store ping fails, without leaking the error', async () => {
    const store = withPing(createMemoryStore(), async () => {
      throw new Error('ECONNREFUSED 10.0.0.7:443');
    });
    service = await createTestApp({ store });
    const response = await service.app.inject({ method: 'GET', url: '/ready' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ status: 'not_ready', checks: { store: { status: 'down' } } });
    expect(response.body).not.toContain('10.0.0.7');
  });

  it('/ready is 503 naming the failed migration; the service still starts and serves', async () => {
    const broken = defineModule({
      name: 'broken',
      migrations: [
        {
          version: 2,
          id: 'broken-backfill',
          description: 'A migration that fails',
          up: async () => {
            throw new Error('backfill exploded');
          },
        },
      ],
    });
    service = await createTestApp({ modules: [exampleNotesModule, broken] });
    const response = await service.app.inject({ method: 'GET', url: '/ready' });
    expect(response.statusCode).toBe(503);
    const body = response.json();
    expect(body.status).toBe('not_ready');
    expect(body.checks.migrations).toMatchObject({
      status: 'down',
      detail: expect.stringContaining('broken-backfill'),
      data: { failedMigration: 'broken-backfill' },
    });
    const health = await service.app.inject({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(200);
  });

  it('includes module checks: degraded stays ready, down or throwing is not ready', async () => {
    let check: () => Promise<HealthCheck> = async () => ({ status: 'degraded', detail: 'slow upstream' });
    const probe = defineModule({ name: 'probe', health: () => check() });
    service = await createTestApp({ modules: [probe] });

    const degraded = await service.app.inject({ method: 'GET', url: '/ready' });
    expect(degraded.statusCode).toBe(200);
    expect(degraded.json().checks.probe).toEqual({ status: 'degraded', detail: 'slow upstream' });

    check = async () => ({ status: 'down', detail: 'queue unreachable' });
    const down = await service.app.inject({ method: 'GET', url: '/ready' });
    expect(down.statusCode).toBe(503);
    expect(down.json().checks.probe).toEqual({ status: 'down', detail: 'queue unreachable' });

    check = async () => {
      throw new Error('boom');
    };
    const thrown = await service.app.inject({ method: 'GET', url: '/ready' });
    expect(thrown.statusCode).toBe(503);
    expect(thrown.json().checks.probe).toEqual({ status: 'down', detail: 'Check failed.' });
  });
});
