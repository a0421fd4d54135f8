import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError } from '@groundwork/config';
import { exampleNotesModule, type ServiceApp } from '@groundwork/http';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPlatformConfig, resolvePlatformSecrets } from './env.js';
import { createPlatform } from './platform.js';
import { runPlatform } from './run.js';

const dirs: string[] = [];
const services: ServiceApp[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.stop()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDbPath(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'gw-platform-'));
  dirs.push(dir);
  return path.join(dir, 'nested', 'platform.db');
}

const quiet = { LOG_LEVEL: 'silent' };

describe('platform configuration', () => {
  it('defaults to SQLite under ./data on port 4003', () => {
    const config = loadPlatformConfig({});
    expect(config.store).toEqual({ kind: 'sqlite', path: './data/groundwork.db' });
    expect(config.env.PORT).toBe(4003);
    expect(config.env.PRODUCT_ID).toBe('default');
  });

  it('chooses Cosmos when COSMOS_ENDPOINT is set, and memory when asked', () => {
    expect(
      loadPlatformConfig({ COSMOS_ENDPOINT: 'https://acct.documents.azure.com:443/' }).store,
    ).toMatchObject({
      kind: 'cosmos',
      database: 'groundwork',
    });
    expect(loadPlatformConfig({ STORE_KIND: 'memory' }).store).toEqual({ kind: 'memory' });
  });

  it('reports every bad variable at once and never echoes a secret', () => {
    let caught: unknown;
    try {
      loadPlatformConfig({
        PORT: 'eighty',
        STORE_KIND: 'cosmos',
        LOG_LEVEL: 'loud',
        CORS_ORIGINS: 'https://a.example',
        COSMOS_KEY: 'super-secret-key',
        SWAGGER_UI_ENABLED: 'maybe',
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const error = caught as ConfigError;
    expect(error.issues.map((i) => i.variable).sort()).toEqual([
      'COSMOS_ENDPOINT',
      'LOG_LEVEL',
      'PORT',
      'SWAGGER_UI_ENABLED',
    ]);
    expect(error.message).toContain('PORT');
    expect(error.message).not.toContain('super-secret-key');
  });

  it('reads the jobs variables with their defaults and reports bad ones', () => {
    expect(loadPlatformConfig({}).env).toMatchObject({
      JOB_RUNNER_ENABLED: true,
      JOB_TICK_INTERVAL_MS: 60_000,
    });
    expect(
      loadPlatformConfig({ JOB_RUNNER_ENABLED: 'false', JOB_TICK_INTERVAL_MS: '5000' }).env,
    ).toMatchObject({ JOB_RUNNER_ENABLED: false, JOB_TICK_INTERVAL_MS: 5_000 });
    let caught: unknown;
    try {
      loadPlatformConfig({ JOB_RUNNER_ENABLED: 'sometimes', JOB_TICK_INTERVAL_MS: '0' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).issues.map((i) => i.variable).sort()).toEqual([
      'JOB_RUNNER_ENABLED',
      'JOB_TICK_INTERVAL_MS',
    ]);
  });

  it('refuses to start on bad config with a clear message and starts nothing', async () => {
    let written = '';
    const service = await runPlatform({
      env: { PORT: '-1', STORE_KIND: 'postgres' },
      stderr: { write: (t: string) => (written += t) },
    });
    expect(service).toBeUndefined();
    expect(written).toContain('platform: refusing to start.');
    expect(written).toMatch(/PORT/);
    expect(written).toMatch(/STORE_KIND/);
  });
});

describe('platform service', () => {
  it('serves health, readiness, metrics and OpenAPI on embedded SQLite', async () => {
    const service = await createPlatform({
      config: loadPlatformConfig({ ...quiet, SQLITE_PATH: tempDbPath() }),
    });
    services.push(service);
    const health = await service.app.inject({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ status: 'ok', service: 'platform' });
    const ready = await service.app.inject({ method: 'GET', url: '/ready' });
    expect(ready.statusCode).toBe(200);
    const metrics = await service.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toContain('http_request_duration_seconds');
    const openapi = await service.app.inject({ method: 'GET', url: '/documentation/json' });
    expect(openapi.json()).toMatchObject({
      openapi: expect.stringMatching(/^3\.1\./),
      info: { title: 'platform' },
    });
  });

  it('serves the jobs module: admin routes behind auth, in OpenAPI and in readiness', async () => {
    const config = loadPlatformConfig({ ...quiet, STORE_KIND: 'memory', JOB_RUNNER_ENABLED: 'false' });
    const service = await createPlatform({
      config,
      authenticator: async (request) =>
        request.headers.authorization === 'Bearer admin'
          ? { subject: 'usr_admin', productId: 'default', roles: ['admin'], scopes: [], kind: 'user' }
          : null,
    });
    services.push(service);
    const anonymous = await service.app.inject({ method: 'GET', url: '/v1/jobs' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ code: 'unauthorized' });
    const listed = await service.app.inject({
      method: 'GET',
      url: '/v1/jobs',
      headers: { authorization: 'Bearer admin' },
    });
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items).toEqual([
      expect.objectContaining({
        name: 'events.outbox-relay',
        productId: 'default',
        schedule: { kind: 'interval', everyMs: 10_000 },
      }),
      expect.objectContaining({
        name: 'jobs.dead-letter-report',
        productId: 'default',
        schedule: { kind: 'interval', everyMs: 900_000 },
      }),
      expect.objectContaining({
        name: 'sessions.stale-cleanup',
        productId: 'default',
        schedule: { kind: 'interval', everyMs: 6 * 3_600_000 },
      }),
      expect.objectContaining({
        name: 'settings.maintenance-windows',
        productId: 'default',
        schedule: { kind: 'interval', everyMs: 60_000 },
      }),
      expect.objectContaining({
        name: 'status.maintenance-transitions',
        productId: 'default',
        schedule: { kind: 'interval', everyMs: 60_000 },
      }),
    ]);
    const openapi = (await service.app.inject({ method: 'GET', url: '/documentation/json' })).json();
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining(['/v1/jobs', '/v1/jobs/{name}/runs', '/v1/tasks', '/v1/tasks/counts']),
    );
    const ready = (await service.app.inject({ method: 'GET', url: '/ready' })).json();
    expect(ready.checks.jobs).toMatchObject({ status: 'ok', data: { runner: 'disabled' } });
  });

  it('answers client mistakes with problem+json, never a 500', async () => {
    const service = await createPlatform({
      config: loadPlatformConfig({ ...quiet, STORE_KIND: 'memory', BODY_LIMIT_BYTES: '1024' }),
      modules: [exampleNotesModule],
      authenticator: async () => ({
        subject: 'usr_1',
        productId: 'default',
        roles: ['member'],
        scopes: [],
        kind: 'user',
      }),
    });
    services.push(service);
    const cases = [
      { method: 'GET' as const, url: '/v1/nope', status: 404, code: 'route_not_found' },
      {
        method: 'POST' as const,
        url: '/v1/notes',
        headers: { 'content-type': 'application/json' },
        payload: '{"title": ',
        status: 400,
        code: 'malformed_json',
      },
      {
        method: 'POST' as const,
        url: '/v1/notes',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ title: 'x'.repeat(4096) }),
        status: 413,
        code: 'payload_too_large',
      },
      {
        method: 'POST' as const,
        url: '/v1/notes',
        headers: { 'content-type': 'text/plain' },
        payload: 'hello',
        status: 415,
        code: 'unsupported_media_type',
      },
    ];
    for (const { status, code, ...request } of cases) {
      const response = await service.app.inject(request);
      expect(response.statusCode, `${request.method} ${request.url}`).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ status, code });
      expect(response.body).not.toMatch(/at .*\.(ts|js):\d+/);
    }
  });

  it('keeps data across restarts on the same SQLite file', async () => {
    const config = loadPlatformConfig({ ...quiet, SQLITE_PATH: tempDbPath() });
    const first = await createPlatform({ config, modules: [exampleNotesModule] });
    const listed = await first.app.inject({ method: 'GET', url: '/v1/notes' });
    expect(listed.statusCode).toBe(200);
    const before = listed.json().items.length;
    expect(before).toBeGreaterThan(0);
    await first.stop();
    const second = await createPlatform({ config, modules: [exampleNotesModule] });
    services.push(second);
    const again = await second.app.inject({ method: 'GET', url: '/v1/notes' });
    expect(again.json().items).toHaveLength(before);
  });

  it('listens on loopback and shuts down when stopped', async () => {
    const service = await runPlatform({ env: { ...quiet, PORT: '0', STORE_KIND: 'memory' }, exit: () => {} });
    expect(service).toBeDefined();
    if (!service) return;
    const response = await fetch(`${service.url}/health`);
    expect(response.status).toBe(200);
    await service.stop();
    await expect(fetch(`${service.url}/health`)).rejects.toThrow();
  });
});

describe('platform secrets', () => {
  it('reads COSMOS_KEY from COSMOS_KEY_FILE when it is not set directly', async () => {
    const file = path.join(path.dirname(path.dirname(tempDbPath())), 'cosmos-key');
    writeFileSync(file, 'key-from-file\n');
    const env = { COSMOS_ENDPOINT: 'https://acct.documents.azure.com:443/', COSMOS_KEY_FILE: file };
    const config = await resolvePlatformSecrets(loadPlatformConfig(env), env);
    expect(config.store).toMatchObject({ kind: 'cosmos', key: 'key-from-file' });
  });

  it('leaves Cosmos without a key (Entra ID) when no secret source has one', async () => {
    const env = { COSMOS_ENDPOINT: 'https://acct.documents.azure.com:443/' };
    const config = await resolvePlatformSecrets(loadPlatformConfig(env), env);
    expect(config.store).not.toHaveProperty('key');
  });

  it('reports an unreadable COSMOS_KEY_FILE instead of starting', async () => {
    let written = '';
    const service = await runPlatform({
      env: { COSMOS_ENDPOINT: 'https://acct.documents.azure.com:443/', COSMOS_KEY_FILE: '/nonexistent/key' },
      stderr: { write: (t: string) => (written += t) },
    });
    expect(service).toBeUndefined();
    expect(written).toContain('COSMOS_KEY_FILE');
  });
});
