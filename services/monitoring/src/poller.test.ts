import { createOutboundClient, type OutboundClient, type OutboundPolicy } from '@groundwork/outbound';
import { createStatusService, type StatusService, statusContainers } from '@groundwork/status';
import { createMemoryStore } from '@groundwork/store/memory';
import { createFakeClock, type FakeClock, type HttpReceiver, startHttpReceiver } from '@groundwork/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCheckRunner } from './checks.js';
import { StatusPoller } from './poller.js';

const ROUND_MS = 30_000;

let cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

async function receiver(respond: () => number, delayMs = 0): Promise<HttpReceiver> {
  const r = await startHttpReceiver({
    respond: () => ({ status: respond(), body: { status: 'ok' } }),
    delayMs,
  });
  cleanups.push(() => r.close());
  return r;
}

interface Harness {
  status: StatusService;
  clock: FakeClock;
  poller: StatusPoller;
  outbound: OutboundClient;
  /** One round, then the clock moves on (samples are keyed by component and time). */
  round(): Promise<Record<string, string>>;
}

async function harness(policy: OutboundPolicy = {}, rule = { downAfter: 3, upAfter: 2 }): Promise<Harness> {
  const clock = createFakeClock(Date.UTC(2026, 0, 1));
  const store = createMemoryStore({ clock });
  await store.ensureContainers(statusContainers());
  const status = createStatusService({ store, clock });
  const outbound = createOutboundClient(policy);
  cleanups.push(() => outbound.close());
  const poller = new StatusPoller({
    status,
    productId: 'acme',
    runner: createCheckRunner({ outbound }),
    clock,
    intervalMs: ROUND_MS,
    ...rule,
  });
  cleanups.push(() => poller.stop());
  return {
    status,
    clock,
    poller,
    outbound,
    async round() {
      const result = await poller.pollOnce();
      clock.advance(ROUND_MS);
      return Object.fromEntries(result.results.map((r) => [r.componentId, r.reported]));
    },
  };
}

const admin = { productId: 'acme', actor: { type: 'admin' as const, id: 'ann' } };

describe('status poller against local servers', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });

  it('checks services that are up, down, not ready, slow and gone, and records what it saw', async () => {
    const up = await receiver(() => 200);
    const down = await receiver(() => 500);
    let notReadyPath = '';
    const notReady = await startHttpReceiver({
      respond: (req) => {
        notReadyPath = req.path;
        return { status: req.path === '/ready' ? 503 : 200 };
      },
    });
    cleanups.push(() => notReady.close());
    const slow = await receiver(() => 200, 5_000);
    const gone = await startHttpReceiver();
    await gone.close();
    await h.status.components.registerOperatorComponents('acme', [
      { id: 'up', name: 'Up', check: { kind: 'service', baseUrl: up.url, timeoutMs: 2_000 } },
      { id: 'down', name: 'Down', check: { kind: 'service', baseUrl: down.url, timeoutMs: 2_000 } },
      {
        id: 'not-ready',
        name: 'Not ready',
        check: { kind: 'service', baseUrl: notReady.url, timeoutMs: 2_000 },
      },
      { id: 'slow', name: 'Slow', check: { kind: 'http', url: `${slow.url}/ping`, timeoutMs: 200 } },
      { id: 'gone', name: 'Gone', check: { kind: 'http', url: `${gone.url}/`, timeoutMs: 2_000 } },
      { id: 'manual', name: 'No check' },
    ]);
    // The first observation of a component is taken as is (nothing to damp yet).
    expect(await h.round()).toEqual({
      up: 'up',
      down: 'down',
      'not-ready': 'degraded',
      slow: 'down',
      gone: 'down',
    });
    expect(notReadyPath).not.toBe('');
    expect(up.requests.map((r) => r.path).sort()).toEqual(['/health', '/ready']);

    const samples = async (id: string) => h.status.health.samples('acme', id, 0);
    expect((await samples('slow'))[0]).toMatchObject({ state: 'down', error: 'timeout' });
    expect((await samples('down'))[0]).toMatchObject({ state: 'down', httpStatus: 500, error: 'http_500' });
    expect((await samples('gone'))[0]).toMatchObject({ state: 'down', error: 'unreachable' });
    expect((await samples('not-ready'))[0]).toMatchObject({ state: 'degraded', error: 'not_ready' });

    const status = await h.status.public.status('acme');
    expect(status.lastCheckedAt).toBe('2026-01-01T00:00:00.000Z');
    expect(Object.fromEntries(status.components.map((c) => [c.id, c.status]))).toEqual({
      up: 'operational',
      down: 'major_outage',
      'not-ready': 'degraded',
      slow: 'major_outage',
      gone: 'major_outage',
      manual: 'operational',
    });
    // 3 of 6 components in major outage is not a majority.
    expect(status.status).toBe('degraded');
  });

  it('reports a slow answer as degraded past `degradedAboveMs`, with its latency', async () => {
    const slowish = await receiver(() => 200, 50);
    await h.status.components.registerOperatorComponents('acme', [
      {
        id: 'slowish',
        name: 'Slowish',
        check: { kind: 'http', url: slowish.url, timeoutMs: 5_000, degradedAboveMs: 1 },
      },
    ]);
    expect(await h.round()).toEqual({ slowish: 'degraded' });
    const [sample] = await h.status.health.samples('acme', 'slowish', 0);
    expect(sample?.latencyMs).toBeGreaterThanOrEqual(50);
    expect(sample).toMatchObject({ state: 'degraded', error: 'slow', httpStatus: 200 });
  });

  it('damps flapping: down after 3 failures in a row, up after 2 successes', async () => {
    const script = [200, 500, 500, 200, 500, 500, 500, 200, 500, 200, 200, 500];
    let call = 0;
    const flappy = await startHttpReceiver({ respond: () => ({ status: script[call++] ?? 200 }) });
    cleanups.push(() => flappy.close());
    await h.status.components.registerOperatorComponents('acme', [
      { id: 'flappy', name: 'Flappy', check: { kind: 'http', url: flappy.url, timeoutMs: 2_000 } },
    ]);
    const reported: string[] = [];
    for (let i = 0; i < script.length; i += 1) reported.push((await h.round()).flappy as string);
    expect(reported).toEqual([
      'up', // first observation
      'up', // 1 failure
      'up', // 2 failures
      'up', // success resets
      'up',
      'up',
      'down', // 3rd failure in a row
      'down', // 1 success
      'down', // failure resets the successes
      'down', // 1 success
      'up', // 2nd success in a row
      'up', // 1 failure
    ]);
    const current = (await h.status.health.currentStates('acme'))[0];
    // Since the 11th round (index 10), when it came back up.
    expect(current).toMatchObject({
      state: 'up',
      since: new Date(Date.UTC(2026, 0, 1) + 10 * ROUND_MS).toISOString(),
    });

    // The rollup counts raw observations, not the damped state.
    const history = await h.status.public.history('acme', 1);
    expect(history.components[0]?.days[0]).toMatchObject({ samples: 12, up: 5, down: 7 });
  });

  it('continues from the stored state after a restart instead of starting from unknown', async () => {
    let code = 500;
    const server = await receiver(() => code);
    await h.status.components.registerOperatorComponents('acme', [
      { id: 'api', name: 'API', check: { kind: 'http', url: server.url, timeoutMs: 2_000 } },
    ]);
    expect(await h.round()).toEqual({ api: 'down' });
    const restarted = new StatusPoller({
      status: h.status,
      productId: 'acme',
      runner: createCheckRunner({ outbound: h.outbound }),
      clock: h.clock,
      intervalMs: ROUND_MS,
      downAfter: 3,
      upAfter: 2,
    });
    code = 200;
    const first = await restarted.pollOnce();
    expect(first.results[0]?.reported).toBe('down'); // one success is not enough to come back up
  });

  it('runs on its interval and stops cleanly', async () => {
    const server = await receiver(() => 200);
    await h.status.components.registerOperatorComponents('acme', [
      { id: 'api', name: 'API', check: { kind: 'http', url: server.url, timeoutMs: 2_000 } },
    ]);
    const poller = new StatusPoller({
      status: h.status,
      productId: 'acme',
      runner: createCheckRunner({ outbound: h.outbound }),
      clock: h.clock,
      intervalMs: 20,
      downAfter: 1,
      upAfter: 1,
      onRound: () => h.clock.advance(1_000),
    });
    poller.start();
    await server.waitFor(3);
    await poller.stop();
    const seen = server.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.requests.length).toBe(seen);
    expect((await h.status.health.samples('acme', 'api', 0)).length).toBeGreaterThanOrEqual(3);
  });
});

describe('status poller: SSRF rules on user-supplied checks', () => {
  async function adminComponentOn(h: Harness, url: string) {
    await h.status.components.registerOperatorComponents('acme', [{ id: 'probe', name: 'Probe' }]);
    // The entry-time validation refuses loopback targets outright (422 outbound_address_blocked / https_required).
    await expect(
      h.status.components.update(admin, 'probe', { check: { kind: 'http', url } }),
    ).rejects.toMatchObject({
      status: 422,
    });
  }

  it('refuses loopback targets of admin-supplied checks, at entry and at connect time', async () => {
    const h = await harness({});
    const target = await receiver(() => 200);
    await adminComponentOn(h, `${target.url}/`);
    // And at connect time (a name that later resolves to a private address, a policy tightened after entry):
    // a check with source `admin` is fetched through the policy.
    const runner = createCheckRunner({ outbound: h.outbound });
    for (const url of [
      `${target.url}/`,
      'https://127.0.0.1:1/',
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]/',
    ]) {
      const observed = await runner.run({
        source: 'admin',
        check: { kind: 'http', url, expectedStatus: [200], timeoutMs: 1_000 },
      });
      expect(observed, url).toMatchObject({ state: 'down', error: 'blocked' });
    }
    expect(target.requests).toEqual([]);
    // The same target configured by the operator is trusted and checked.
    const trusted = await runner.run({
      source: 'operator',
      check: { kind: 'http', url: `${target.url}/`, expectedStatus: [200], timeoutMs: 1_000 },
    });
    expect(trusted).toMatchObject({ state: 'up', httpStatus: 200 });
    expect(target.requests).toHaveLength(1);
  });

  it('checks a loopback admin target when the operator allow-lists it', async () => {
    const h = await harness({ allow: ['127.0.0.1/32'], allowHttp: true });
    const target = await receiver(() => 204);
    const runner = createCheckRunner({ outbound: h.outbound });
    const observed = await runner.run({
      source: 'admin',
      check: { kind: 'http', url: `${target.url}/x`, expectedStatus: [204], timeoutMs: 1_000 },
    });
    expect(observed).toMatchObject({ state: 'up', httpStatus: 204 });
    expect(target.requests.map((r) => r.headers['user-agent'])).toEqual(['groundwork-outbound']);
    // Redirects are not followed: a 3xx is a failure unless expected.
    const redirect = await startHttpReceiver({
      respond: () => ({ status: 302, headers: { location: 'http://169.254.169.254/' } }),
    });
    cleanups.push(() => redirect.close());
    const redirected = await runner.run({
      source: 'admin',
      check: { kind: 'http', url: redirect.url, expectedStatus: [200], timeoutMs: 1_000 },
    });
    expect(redirected).toMatchObject({ state: 'down', httpStatus: 302, error: 'http_302' });
  });
});
