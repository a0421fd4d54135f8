import { createFakeClock, type HttpReceiver, startHttpReceiver } from '@groundwork/testing';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { HealthAggregator, overallState } from './aggregator.js';
import { createMonitorMetrics } from './metrics.js';

const receivers: HttpReceiver[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

async function service(respond: (path: string) => number | 'hang'): Promise<HttpReceiver> {
  const receiver = await startHttpReceiver({
    respond: (req) => {
      const outcome = respond(req.path);
      if (outcome === 'hang') return new Promise(() => {});
      return { status: outcome, body: { status: outcome < 300 ? 'ok' : 'not_ready' } };
    },
  });
  receivers.push(receiver);
  return receiver;
}

function aggregator(targets: { name: string; baseUrl: string }[], registry = new Registry()) {
  return new HealthAggregator({
    targets,
    intervalMs: 60_000,
    timeoutMs: 300,
    historySize: 3,
    clock: createFakeClock(Date.parse('2026-01-01T00:00:00Z')),
    metrics: createMonitorMetrics(registry),
  });
}

describe('HealthAggregator', () => {
  it('reports up, degraded and down services and the overall state', async () => {
    const healthy = await service(() => 200);
    const notReady = await service((path) => (path === '/ready' ? 503 : 200));
    const failing = await service(() => 500);
    const monitor = aggregator([
      { name: 'healthy', baseUrl: healthy.url },
      { name: 'not-ready', baseUrl: notReady.url },
      { name: 'failing', baseUrl: failing.url },
    ]);
    expect(monitor.snapshot().status).toBe('unknown');
    await monitor.pollOnce();
    const snapshot = monitor.snapshot();
    expect(snapshot.status).toBe('degraded');
    expect(Object.fromEntries(snapshot.services.map((s) => [s.name, s.state]))).toEqual({
      healthy: 'up',
      'not-ready': 'degraded',
      failing: 'down',
    });
    const failingStatus = monitor.status('failing');
    expect(failingStatus?.latest?.health).toMatchObject({ ok: false, httpStatus: 500, error: 'http_500' });
    expect(failingStatus?.consecutiveFailures).toBe(1);
    expect(healthy.requests.map((r) => r.path).sort()).toEqual(['/health', '/ready']);
  });

  it('reports a service that never answers as down after the timeout, without stalling the others', async () => {
    const healthy = await service(() => 200);
    const stuck = await service(() => 'hang');
    const monitor = aggregator([
      { name: 'healthy', baseUrl: healthy.url },
      { name: 'stuck', baseUrl: stuck.url },
    ]);
    await monitor.pollOnce();
    expect(monitor.status('stuck')).toMatchObject({
      state: 'down',
      latest: { health: { ok: false, error: 'timeout' } },
    });
    expect(monitor.status('healthy')?.state).toBe('up');
  });

  it('reports an unreachable service as down', async () => {
    const gone = await service(() => 200);
    const url = gone.url;
    await gone.close();
    receivers.length = 0;
    const monitor = aggregator([{ name: 'gone', baseUrl: url }]);
    await monitor.pollOnce();
    expect(monitor.status('gone')).toMatchObject({
      state: 'down',
      latest: { health: { error: 'unreachable' } },
    });
    expect(monitor.snapshot().status).toBe('down');
  });

  it('keeps a bounded history, tracks state changes and uptime', async () => {
    let healthStatus = 200;
    const flaky = await service(() => healthStatus);
    const monitor = aggregator([{ name: 'flaky', baseUrl: flaky.url }]);
    await monitor.pollOnce();
    await monitor.pollOnce();
    healthStatus = 503;
    await monitor.pollOnce();
    await monitor.pollOnce();
    const history = monitor.history('flaky') ?? [];
    expect(history.map((s) => s.state)).toEqual(['up', 'down', 'down']);
    expect(monitor.status('flaky')).toMatchObject({
      state: 'down',
      consecutiveFailures: 2,
      uptimeRatio: 1 / 3,
    });
    expect(monitor.history('nope')).toBeUndefined();
  });

  it('exports Prometheus series per service', async () => {
    const healthy = await service(() => 200);
    const failing = await service(() => 500);
    const registry = new Registry();
    const monitor = aggregator(
      [
        { name: 'healthy', baseUrl: healthy.url },
        { name: 'failing', baseUrl: failing.url },
      ],
      registry,
    );
    await monitor.pollOnce();
    const text = await registry.metrics();
    expect(text).toContain('groundwork_monitor_service_up{service="healthy"} 1');
    expect(text).toContain('groundwork_monitor_service_up{service="failing"} 0');
    expect(text).toContain(
      'groundwork_monitor_probe_failures_total{service="failing",endpoint="health",reason="http_500"} 1',
    );
  });

  it('shares one round between concurrent callers and stops cleanly', async () => {
    const healthy = await service(() => 200);
    const monitor = aggregator([{ name: 'healthy', baseUrl: healthy.url }]);
    await Promise.all([monitor.pollOnce(), monitor.pollOnce()]);
    expect(healthy.requests).toHaveLength(2);
    monitor.start();
    await healthy.waitFor(4);
    await monitor.stop();
    expect(monitor.history('healthy')?.length).toBeGreaterThanOrEqual(2);
  });
});

describe('overallState', () => {
  it.each([
    [[], 'unknown'],
    [['up', 'up'], 'up'],
    [['down', 'down'], 'down'],
    [['up', 'down'], 'degraded'],
    [['up', 'unknown'], 'unknown'],
  ] as const)('%j -> %s', (states, expected) => {
    expect(overallState([...states])).toBe(expected);
  });
});
