import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PublicStatus } from '@groundwork/status';
import { createFakeClock, startHttpReceiver } from '@groundwork/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { startPlatform, type TestPlatform } from '../test/platform.js';
import { loadStatusPageConfig } from './env.js';
import { PAGE_CSP } from './page.js';
import { createStatusPage, runStatusPage, type StatusPageService } from './service.js';

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function platform(scenario?: Parameters<typeof startPlatform>[0]): Promise<TestPlatform> {
  const p = await startPlatform(scenario);
  cleanups.push(() => p.stop());
  return p;
}

async function page(env: Record<string, string>): Promise<StatusPageService> {
  const service = await createStatusPage(
    loadStatusPageConfig({
      LOG_LEVEL: 'silent',
      PORT: '0',
      STORE_SWEEP_INTERVAL_MS: '0',
      STATUS_PAGE_TITLE: 'Acme',
      ...env,
    }),
  );
  cleanups.push(() => service.stop());
  return service;
}

async function get(service: StatusPageService, url: string) {
  return service.app.inject({ method: 'GET', url });
}

describe('status page configuration', () => {
  it('defaults to the platform on 4003 and listens on 4005', () => {
    const env = loadStatusPageConfig({});
    expect(env).toMatchObject({
      PORT: 4005,
      STATUS_PLATFORM_URL: 'http://127.0.0.1:4003',
      STATUS_REFRESH_MS: 30_000,
    });
  });

  it('refuses to start on bad config, naming every bad variable', async () => {
    let written = '';
    const service = await runStatusPage({
      env: { STATUS_PLATFORM_URL: 'ftp://x', STATUS_REFRESH_MS: '5' },
      stderr: { write: (t: string) => (written += t) },
    });
    expect(service).toBeUndefined();
    expect(written).toContain('status: refusing to start.');
    expect(written).toContain('STATUS_PLATFORM_URL');
    expect(written).toContain('STATUS_REFRESH_MS');
  });
});

describe('status page', () => {
  it('renders the platform’s status: overall state, incidents on top, bars, maintenance and history', async () => {
    const p = await platform('degraded');
    const service = await page({ STATUS_PLATFORM_URL: p.url });
    const response = await get(service, '/');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-security-policy']).toBe(PAGE_CSP);
    expect(response.headers['cache-control']).toContain('public');
    const body = response.body;
    expect(body).toContain('<h1>Acme status</h1>');
    expect(body).toContain('Some systems are degraded');
    expect(body).not.toContain('<script');
    // Current incidents come before the components, with their timeline newest first.
    const current = body.indexOf('Current incidents');
    expect(current).toBeGreaterThan(0);
    expect(current).toBeLessThan(body.indexOf('id="components-heading"'));
    expect(body.indexOf('A fix is deployed')).toBeLessThan(
      body.indexOf('Some API requests take several seconds'),
    );
    // 90 bars per component, each with a title, and a text alternative for the chart.
    expect(body.match(/<rect class="bar /g)).toHaveLength(3 * 90);
    expect(body).toContain('aria-label="API: ');
    expect(body).toMatch(/API: [\d.]+% uptime over the last 90 days/);
    expect(body).toContain('data-status="major_outage"'); // day 30's outage
    expect(body).toContain('Upcoming maintenance');
    expect(body).toContain('Network maintenance');
    expect(body).toContain('Past maintenance');
    expect(body).toContain('Incident history');
    expect(body).toContain('Slow API responses');
    expect(body).toMatch(/Last updated at <time datetime="/);
    expect(body).not.toContain('cannot be reached');

    const css = await get(service, '/status.css');
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    const rss = await get(service, '/feed.rss');
    expect(rss.statusCode).toBe(200);
    expect(rss.body).toContain('Elevated API latency');
    const atom = await get(service, '/feed.atom');
    expect(atom.headers['content-type']).toContain('application/atom+xml');
    const json = (await get(service, '/status.json')).json<{ stale: boolean; status: PublicStatus }>();
    expect(json).toMatchObject({ stale: false, status: { status: 'degraded' } });
  });

  it('escapes what admins wrote', async () => {
    const p = await platform('operational');
    await p.status.incidents.create(
      { productId: 'acme', actor: { type: 'admin', id: 'ops' } },
      { title: '<script>alert(1)</script>', message: '<img src=x onerror=alert(1)> & "quotes"' },
    );
    const service = await page({ STATUS_PLATFORM_URL: p.url });
    const body = (await get(service, '/')).body;
    expect(body).not.toContain('<script>alert');
    expect(body).not.toContain('<img src=x');
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(body).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;');
  });

  it('keeps serving the last known state when the platform goes away, and says so', async () => {
    const p = await platform('operational');
    const service = await page({ STATUS_PLATFORM_URL: p.url, STATUS_FETCH_TIMEOUT_MS: '2000' });
    const first = await get(service, '/');
    expect(first.body).toContain('All systems operational');
    const known = service.source.snapshot().known?.fetchedAtMs as number;

    await p.stop();
    const after = await service.source.refresh();
    expect(after.unreachable).toBe(true);
    expect(after.lastError).toBeDefined();
    const stale = await get(service, '/');
    expect(stale.statusCode).toBe(200);
    expect(stale.body).toContain('All systems operational');
    expect(stale.body).toContain('The status service cannot be reached right now.');
    expect(stale.body).toContain(`last updated at <time datetime="${new Date(known).toISOString()}"`);
    expect((await get(service, '/feed.rss')).statusCode).toBe(200);
    expect((await get(service, '/status.json')).json()).toMatchObject({ stale: true });
    // Still ready: serving the last known state is the page's job.
    const ready = await get(service, '/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ checks: { 'status-page': { status: 'degraded' } } });
  });

  it('treats a slow or nonsensical platform as unreachable', async () => {
    const p = await platform('operational');
    const service = await page({ STATUS_PLATFORM_URL: p.url, STATUS_FETCH_TIMEOUT_MS: '300' });
    await service.source.refresh();
    const slow = await startHttpReceiver({
      respond: () => ({ status: 200, body: { status: 'fine' } }),
      delayMs: 3_000,
    });
    cleanups.push(() => slow.close());
    const liar = await startHttpReceiver({
      respond: () => ({ status: 200, body: { status: 'everything is fine' } }),
    });
    cleanups.push(() => liar.close());
    for (const url of [slow.url, liar.url]) {
      const other = await page({ STATUS_PLATFORM_URL: url, STATUS_FETCH_TIMEOUT_MS: '300' });
      const snapshot = await other.source.refresh();
      expect(snapshot).toMatchObject({ unreachable: true });
      expect(snapshot.known).toBeUndefined();
    }
  });

  it('answers 503 with an explanation when nothing was ever known', async () => {
    const gone = await startHttpReceiver();
    const url = gone.url;
    await gone.close();
    const service = await page({ STATUS_PLATFORM_URL: url, STATUS_FETCH_TIMEOUT_MS: '1000' });
    const response = await get(service, '/');
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('30');
    expect(response.body).toContain('Status temporarily unavailable');
    expect((await get(service, '/feed.atom')).statusCode).toBe(503);
    expect((await get(service, '/status.json')).statusCode).toBe(503);
  });

  it('survives a restart while the platform is down, from its cache file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gw-status-page-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const cacheFile = path.join(dir, 'state.json');
    const p = await platform('major_outage');
    const first = await page({ STATUS_PLATFORM_URL: p.url, STATUS_CACHE_FILE: cacheFile });
    await first.start();
    await first.stop();
    await p.stop();

    const second = await page({
      STATUS_PLATFORM_URL: p.url,
      STATUS_CACHE_FILE: cacheFile,
      STATUS_FETCH_TIMEOUT_MS: '1000',
    });
    await second.start();
    const body = (await get(second, '/')).body;
    expect(body).toContain('Major outage');
    expect(body).toContain('API and web app unavailable');
    expect(body).toContain('The status service cannot be reached right now.');
  });

  it('refreshes in the background once the known state is older than the refresh interval', async () => {
    const p = await platform('operational');
    const clock = createFakeClock(Date.UTC(2026, 5, 1));
    const service = await createStatusPage(
      loadStatusPageConfig({
        LOG_LEVEL: 'silent',
        PORT: '0',
        STATUS_PLATFORM_URL: p.url,
        STATUS_REFRESH_MS: '60000',
      }),
      { clock },
    );
    cleanups.push(() => service.stop());
    await get(service, '/');
    const fetched = service.source.snapshot().known?.fetchedAtMs;
    await get(service, '/');
    expect(service.source.snapshot().known?.fetchedAtMs).toBe(fetched); // fresh: no refetch
    await p.status.incidents.create(
      { productId: 'acme', actor: { type: 'admin', id: 'ops' } },
      { title: 'New problem', impact: 'major', message: 'Investigating.' },
    );
    clock.advance(60_000);
    await get(service, '/'); // serves the old copy at once and refreshes behind it
    for (let i = 0; i < 100 && service.source.snapshot().known?.fetchedAtMs === fetched; i += 1)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await get(service, '/')).body).toContain('New problem');
  });
});
