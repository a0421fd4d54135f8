/**
 * The poller's design end to end (decision 0011): the monitoring service writes through
 * `@groundwork/status` into the platform's store, and the platform serves it. Two processes are
 * modelled by two store handles on one SQLite file.
 */
import { createStatusModule, type PublicStatus } from '@groundwork/status';
import { createSqliteStore } from '@groundwork/store/sqlite';
import {
  bearer,
  createTempSqliteStore,
  createTestService,
  type HttpReceiver,
  startHttpReceiver,
} from '@groundwork/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMonitoringConfig } from './env.js';
import type { PollRound } from './poller.js';
import { createMonitoring } from './service.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function target(status: () => number): Promise<HttpReceiver> {
  const receiver = await startHttpReceiver({ respond: () => ({ status: status(), body: { status: 'ok' } }) });
  cleanups.push(() => receiver.close());
  return receiver;
}

describe('monitoring status poller on the shared SQLite store', () => {
  it('records what the platform serves on its public status page', async () => {
    const temp = createTempSqliteStore();
    cleanups.push(() => temp.cleanup());
    const platformApi = await target(() => 200);
    let docsStatus = 200;
    const docs = await target(() => docsStatus);

    // The platform: its own store handle on the same file, with the status module mounted. An
    // admin of another product adds a component whose check the operator's policy allows.
    const platformStore = createSqliteStore({ path: temp.path });
    const status = createStatusModule({
      productId: 'acme',
      outboundPolicy: { allow: ['127.0.0.1/32'], allowHttp: true },
    });
    const platform = await createTestService({ modules: [status.module], store: platformStore });
    cleanups.push(() => platform.service.stop());
    const partner = await target(() => 204);
    const created = await platform.service.app.inject({
      method: 'POST',
      url: '/v1/status/components',
      headers: bearer('gus', 'globex', ['admin']),
      payload: {
        id: 'partner-api',
        name: 'Partner API',
        check: { kind: 'http', url: `${partner.url}/ping`, expectedStatus: [204] },
      },
    });
    expect(created.statusCode).toBe(201);

    const rounds: PollRound[] = [];
    const monitoring = await createMonitoring(
      loadMonitoringConfig({
        LOG_LEVEL: 'silent',
        PORT: '0',
        STORE_KIND: 'sqlite',
        SQLITE_PATH: temp.path,
        PRODUCT_ID: 'acme',
        MONITOR_TARGETS: `platform=${platformApi.url}`,
        STATUS_HTTP_CHECKS: `docs=${docs.url}/`,
        STATUS_INTERVAL_MS: '1000',
        STATUS_DOWN_AFTER: '1',
        STATUS_UP_AFTER: '1',
        STATUS_EXTRA_PRODUCT_IDS: 'globex',
        OUTBOUND_ALLOW_LIST: '127.0.0.1/32',
        OUTBOUND_ALLOW_HTTP: 'true',
        STORE_SWEEP_INTERVAL_MS: '0',
      }),
      { onRound: (round) => rounds.push(round) },
    );
    cleanups.push(() => monitoring.stop());
    await monitoring.start();
    await docs.waitFor(1, 10_000);
    await partner.waitFor(1, 10_000);
    const roundsOf = (productId: string) => rounds.filter((round) => round.productId === productId).length;
    for (let i = 0; i < 100 && (roundsOf('acme') < 1 || roundsOf('globex') < 1); i += 1)
      await new Promise((r) => setTimeout(r, 20));
    expect(roundsOf('acme')).toBeGreaterThanOrEqual(1);
    expect(roundsOf('globex')).toBeGreaterThanOrEqual(1);
    // The partner component was checked through the outbound client (its user agent), in its product.
    expect(partner.requests[0]?.headers['user-agent']).toBe('groundwork-monitoring');
    const globex = (
      await platform.service.app.inject({ method: 'GET', url: '/v1/public/status?product=globex' })
    ).json<PublicStatus>();
    expect(globex.components).toEqual([expect.objectContaining({ id: 'partner-api', state: 'up' })]);

    const response = await platform.service.app.inject({ method: 'GET', url: '/v1/public/status' });
    const body = response.json<PublicStatus>();
    expect(body.status).toBe('operational');
    expect(body.components.map((c) => [c.id, c.state, c.status])).toEqual([
      ['platform', 'up', 'operational'],
      ['docs', 'up', 'operational'],
    ]);
    expect(body.lastCheckedAt).toBeDefined();

    // Docs go down: the next round records it, and the platform serves it.
    docsStatus = 503;
    const seen = roundsOf('acme');
    for (let i = 0; i < 250 && roundsOf('acme') <= seen; i += 1) await new Promise((r) => setTimeout(r, 20));
    expect(roundsOf('acme')).toBeGreaterThan(seen);
    const after = (
      await platform.service.app.inject({ method: 'GET', url: '/v1/public/status' })
    ).json<PublicStatus>();
    expect(after.components.find((c) => c.id === 'docs')).toMatchObject({
      state: 'down',
      status: 'major_outage',
    });
    expect(after.status).toBe('degraded');
  });
});
