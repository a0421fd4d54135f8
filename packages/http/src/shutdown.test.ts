import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import type { DocumentStore } from '@groundwork/store';
import { createMemoryStore } from '@groundwork/store/memory';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, silentLogger, testConfig } from '../test/support.js';
import { publicRoute } from './auth.js';
import type { ServiceApp } from './create-service-app.js';
import { defineModule } from './module.js';
import { startService } from './start-service.js';

/** A deferred the test resolves by hand. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

function trackedStore(): { store: DocumentStore; closed: () => boolean } {
  const inner = createMemoryStore();
  let closed = false;
  const store: DocumentStore = {
    kind: inner.kind,
    ensureContainers: (specs) => inner.ensureContainers(specs),
    container: <T extends object>(name: string) => inner.container<T>(name),
    ping: () => inner.ping(),
    sweepExpired: () => inner.sweepExpired(),
    close: async () => {
      closed = true;
      await inner.close();
    },
  };
  return { store, closed: () => closed };
}

/** GET over a fresh connection (no keep-alive); resolves with status and body. */
function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let attempt = 0; attempt < 500; attempt += 1) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('graceful shutdown', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it('lets in-flight requests finish, refuses new connections, stops modules then hooks, closes the store', async () => {
    const release = deferred();
    const entered = deferred();
    const events: string[] = [];
    const slow = defineModule({
      name: 'slow',
      routes: async (app, { ctx }) => {
        ctx.onShutdown(() => {
          events.push('slow.onShutdown.routes');
        });
        app.get('/slow', publicRoute, async () => {
          entered.resolve();
          await release.promise;
          return { finished: true };
        });
      },
      start: (ctx) => {
        events.push('slow.start');
        ctx.onShutdown(() => {
          events.push('slow.onShutdown.start');
        });
      },
      stop: () => {
        events.push('slow.stop');
      },
    });
    const later = defineModule({
      name: 'later',
      stop: () => {
        events.push('later.stop');
      },
    });
    const { store, closed } = trackedStore();
    const service = await createTestApp({ store, modules: [slow, later] });
    const { url } = await service.start();
    const port = Number(new URL(url).port);
    expect(events).toEqual(['slow.start']);

    const inFlight = get(`${url}/v1/slow`);
    await entered.promise;
    const stopping = service.stop();
    expect(service.ready.shuttingDown).toBe(true);

    await until(() => !service.app.server.listening, 'the server to stop listening');
    expect(await canConnect(port)).toBe(false);
    expect(closed()).toBe(false);

    release.resolve();
    expect(await inFlight).toEqual({ status: 200, body: '{"finished":true}' });
    expect(await stopping).toEqual({ timedOut: false });
    expect(events).toEqual([
      'slow.start',
      'later.stop',
      'slow.stop',
      'slow.onShutdown.start',
      'slow.onShutdown.routes',
    ]);
    expect(closed()).toBe(true);
    expect(service.stop()).toBe(stopping);
  });

  it('is bounded by SHUTDOWN_TIMEOUT_MS when teardown hangs', async () => {
    const stuck = defineModule({ name: 'stuck', stop: () => new Promise<void>(() => {}) });
    const { store, closed } = trackedStore();
    const service = await createTestApp({
      store,
      modules: [stuck],
      config: testConfig({ SHUTDOWN_TIMEOUT_MS: '200' }),
    });
    await service.start();
    expect(await service.stop()).toEqual({ timedOut: true });
    expect(closed()).toBe(true);
  });

  it('startService listens, logs its URL and exits 0 after a clean shutdown on a signal', async () => {
    const lines: string[] = [];
    const exited = deferred<number>();
    const { createLogger } = await import('@groundwork/logger');
    const listenersBefore = process.listenerCount('SIGUSR2');
    const service = await startService({
      name: 'signals',
      version: '0.0.1',
      config: testConfig(),
      store: createMemoryStore(),
      modules: [],
      logger: createLogger({
        name: 'signals',
        level: 'info',
        destination: { write: (line: string) => lines.push(line) },
      }),
      signals: ['SIGUSR2'],
      exit: (code) => exited.resolve(code),
    });
    cleanups.push(() => service.stop());
    expect(service.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await get(`${service.url}/health`)).status).toBe(200);
    expect(
      lines.some((line) => line.includes(`listening on ${service.url}`) && line.includes('/documentation')),
    ).toBe(true);

    process.emit('SIGUSR2', 'SIGUSR2');
    expect(await exited.promise).toBe(0);
    expect(service.app.server.listening).toBe(false);
    expect(process.listenerCount('SIGUSR2')).toBe(listenersBefore);
  });

  it('exits 1 when a signal-triggered shutdown times out', async () => {
    const exited = deferred<number>();
    const service = await startService({
      name: 'stuck',
      version: '0.0.1',
      config: testConfig({ SHUTDOWN_TIMEOUT_MS: '100' }),
      store: createMemoryStore(),
      modules: [defineModule({ name: 'stuck', stop: () => new Promise<void>(() => {}) })],
      logger: silentLogger(),
      signals: ['SIGUSR2'],
      exit: (code) => exited.resolve(code),
    });
    cleanups.push(() => service.stop());
    process.emit('SIGUSR2', 'SIGUSR2');
    expect(await exited.promise).toBe(1);
  });
});

describe('stop without start', () => {
  let service: ServiceApp | undefined;
  afterEach(async () => {
    await service?.stop();
  });

  it('works for inject-only apps', async () => {
    service = await createTestApp();
    expect(await service.stop()).toEqual({ timedOut: false });
  });
});
