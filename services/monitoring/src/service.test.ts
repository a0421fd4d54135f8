import { ConfigError } from '@groundwork/config';
import { type HttpReceiver, startHttpReceiver } from '@groundwork/testing';
import { afterEach, describe, expect, it } from 'vitest';
import type { AggregateStatus, CheckSample } from './aggregator.js';
import { loadMonitoringConfig, storeOptionsOf } from './env.js';
import { createMonitoring, runMonitoring } from './service.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function target(status: number): Promise<HttpReceiver> {
  const receiver = await startHttpReceiver({ respond: () => ({ status, body: { status: 'ok' } }) });
  cleanups.push(() => receiver.close());
  return receiver;
}

describe('monitoring configuration', () => {
  it('defaults to polling the platform on port 4003 and listening on 4004', () => {
    const env = loadMonitoringConfig({});
    expect(env.PORT).toBe(4004);
    expect(env).toMatchObject({
      STATUS_POLLER_ENABLED: true,
      STATUS_INTERVAL_MS: 30_000,
      STATUS_DOWN_AFTER: 3,
      STATUS_UP_AFTER: 2,
      PRODUCT_ID: 'default',
    });
    expect(storeOptionsOf(env)).toEqual({ kind: 'sqlite', path: './data/groundwork.db' });
    expect(env.MONITOR_TARGETS).toEqual([{ name: 'platform', baseUrl: 'http://127.0.0.1:4003' }]);
  });

  it('reports every bad variable at once', () => {
    expect(() =>
      loadMonitoringConfig({ MONITOR_TARGETS: 'oops', MONITOR_TIMEOUT_MS: '0', PORT: 'x' }),
    ).toThrow(ConfigError);
    try {
      loadMonitoringConfig({ STATUS_DOWN_AFTER: '0', OUTBOUND_ALLOW_HTTP: 'maybe' });
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).issues.map((i) => i.variable).sort()).toEqual([
        'OUTBOUND_ALLOW_HTTP',
        'STATUS_DOWN_AFTER',
      ]);
    }
    expect(() => loadMonitoringConfig({ STATUS_HTTP_CHECKS: 'nope' })).toThrow(/STATUS_HTTP_CHECKS/);
    try {
      loadMonitoringConfig({ MONITOR_TARGETS: 'oops', MONITOR_TIMEOUT_MS: '0', PORT: 'x' });
    } catch (error) {
      expect((error as ConfigError).issues.map((i) => i.variable).sort()).toEqual([
        'MONITOR_TARGETS',
        'MONITOR_TIMEOUT_MS',
        'PORT',
      ]);
    }
  });

  it('refuses to start on bad config', async () => {
    let written = '';
    const service = await runMonitoring({
      env: { MONITOR_TARGETS: 'oops' },
      stderr: { write: (t: string) => (written += t) },
    });
    expect(service).toBeUndefined();
    expect(written).toContain('monitoring: refusing to start.');
    expect(written).toContain('MONITOR_TARGETS');
  });
});

describe('monitoring service', () => {
  it('polls its targets in the background and serves status, history and metrics', async () => {
    const up = await target(200);
    const down = await target(503);
    const service = await runMonitoring({
      env: {
        LOG_LEVEL: 'silent',
        PORT: '0',
        STATUS_POLLER_ENABLED: 'false',
        MONITOR_TARGETS: `web=${up.url},worker=${down.url}`,
        MONITOR_INTERVAL_MS: '100',
        MONITOR_TIMEOUT_MS: '500',
      },
      exit: () => {},
    });
    expect(service).toBeDefined();
    if (!service) return;
    cleanups.push(() => service.stop());
    await up.waitFor(4);

    const status = (await (await fetch(`${service.url}/v1/status`)).json()) as AggregateStatus;
    expect(status.status).toBe('degraded');
    expect(status.services.map((s) => [s.name, s.state])).toEqual([
      ['web', 'up'],
      ['worker', 'down'],
    ]);

    const history = (await (await fetch(`${service.url}/v1/status/worker`)).json()) as {
      history: CheckSample[];
    };
    expect(history.history.length).toBeGreaterThanOrEqual(1);
    expect(history.history[0]?.health).toMatchObject({ ok: false, httpStatus: 503 });

    const unknown = await fetch(`${service.url}/v1/status/nope`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 'service_not_monitored' });

    const metrics = await (await fetch(`${service.url}/metrics`)).text();
    expect(metrics).toContain('groundwork_monitor_service_up{service="web"} 1');
    expect(metrics).toContain('groundwork_monitor_service_up{service="worker"} 0');
  });

  it('stops polling on shutdown', async () => {
    const up = await target(200);
    const service = await createMonitoring(
      loadMonitoringConfig({
        LOG_LEVEL: 'silent',
        PORT: '0',
        STATUS_POLLER_ENABLED: 'false',
        MONITOR_TARGETS: `web=${up.url}`,
        MONITOR_INTERVAL_MS: '100',
      }),
    );
    await service.start();
    await up.waitFor(2);
    await service.stop();
    const seen = up.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(up.requests.length).toBe(seen);
  });
});
