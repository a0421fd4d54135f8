import { Counter } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../test/support.js';
import { publicRoute } from './auth.js';
import type { ServiceApp } from './create-service-app.js';
import { WELCOME_NOTE_ID } from './example/module.js';
import { defineModule } from './module.js';

const countingModule = defineModule({
  name: 'counting',
  routes: async (app, { ctx }) => {
    const pings = new Counter({ name: 'counting_pings_total', help: 'Pings.', registers: [ctx.metrics] });
    app.post('/ping', publicRoute, async () => {
      pings.inc();
      return { ok: true };
    });
  },
});

describe('/metrics', () => {
  const services: ServiceApp[] = [];
  afterEach(async () => {
    await Promise.all(services.map((service) => service.stop()));
    services.length = 0;
  });

  async function start() {
    const service = await createTestApp({ modules: [countingModule] });
    services.push(service);
    return service.app;
  }

  it('serves Prometheus text with the duration histogram labelled by route pattern', async () => {
    const service = await createTestApp();
    services.push(service);
    const app = service.app;
    await app.inject({ method: 'GET', url: `/v1/notes/${WELCOME_NOTE_ID}` });
    await app.inject({ method: 'GET', url: `/v1/notes/${WELCOME_NOTE_ID}?pk=other` });
    await app.inject({ method: 'GET', url: '/v1/does-not-exist/123' });
    await app.inject({ method: 'GET', url: '/v1/does-not-exist/456' });

    const response = await app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = response.body;
    expect(text).toContain('# TYPE http_request_duration_seconds histogram');
    expect(text).toContain(
      'http_request_duration_seconds_count{method="GET",route="/v1/notes/:id",status_code="200"} 1',
    );
    expect(text).toContain(
      'http_request_duration_seconds_count{method="GET",route="/v1/notes/:id",status_code="404"} 1',
    );
    expect(text).toContain(
      'http_request_duration_seconds_count{method="GET",route="unmatched",status_code="404"} 2',
    );
    expect(text).not.toContain('does-not-exist');
    expect(text).toContain('process_cpu_user_seconds_total');
  });

  it('gives each app its own registry, so modules can register metrics without collisions', async () => {
    const first = await start();
    const second = await start();
    await first.inject({ method: 'GET', url: '/health' });
    await first.inject({ method: 'POST', url: '/v1/ping' });
    await first.inject({ method: 'POST', url: '/v1/ping' });
    await second.inject({ method: 'POST', url: '/v1/ping' });
    const metricsOfFirst = (await first.inject({ method: 'GET', url: '/metrics' })).body;
    const metricsOfSecond = (await second.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metricsOfFirst).toContain('counting_pings_total 2');
    expect(metricsOfSecond).toContain('counting_pings_total 1');
    expect(metricsOfSecond).not.toContain('route="/health"');
  });
});
