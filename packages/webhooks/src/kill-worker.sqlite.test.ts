/**
 * kill -9 of a delivery worker mid-batch loses no delivery: a child process runs the worker on a
 * temp SQLite file and is SIGKILLed once the receiver has seen part of the batch; a second worker
 * (this process) reclaims the lapsed leases and finishes. The receiver sees every event id at
 * least once, and every delivery ends succeeded.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEventBus } from '@groundwork/events';
import { createWorker } from '@groundwork/jobs';
import {
  createTempSqliteStore,
  type HttpReceiver,
  startHttpReceiver,
  type TempSqliteStore,
} from '@groundwork/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createWebhooks, DELIVER_WEBHOOK_TASK_TYPE } from './service.js';

/** The slice of esbuild's API used here (esbuild is tsup's dependency, not ours). */
interface EsbuildPluginBuild {
  onResolve(options: { filter: RegExp }, callback: () => { path: string; external: boolean }): void;
}
interface EsbuildApi {
  build(
    options: Record<string, unknown> & {
      plugins: Array<{ name: string; setup(build: EsbuildPluginBuild): void }>;
    },
  ): Promise<unknown>;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const requireHere = createRequire(import.meta.url);

/** Bundles the TypeScript fixture (workspace packages from source) into one ESM file for `node`. */
async function bundleFixture(outfile: string): Promise<void> {
  const requireTsup = createRequire(realpathSync(requireHere.resolve('tsup/package.json')));
  const esbuild = requireTsup('esbuild') as EsbuildApi;
  const storeRequire = createRequire(
    realpathSync(path.join(here, '../node_modules/@groundwork/store/package.json')),
  );
  const betterSqlite = storeRequire.resolve('better-sqlite3');
  await esbuild.build({
    entryPoints: [path.join(here, '../test/kill-worker.fixture.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['@groundwork/source'],
    logLevel: 'error',
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
    plugins: [
      {
        name: 'native-external',
        setup(build) {
          build.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: betterSqlite, external: true }));
        },
      },
    ],
  });
}

let temp: TempSqliteStore | undefined;
let receiver: HttpReceiver | undefined;
let child: ChildProcess | undefined;
afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await receiver?.close();
  await temp?.cleanup();
});

describe('kill -9 of the delivery worker', () => {
  it('loses no delivery: a second worker finishes what the killed one held', async () => {
    const EVENTS = 120;
    temp = createTempSqliteStore();
    const bundle = path.join(path.dirname(temp.path), 'kill-worker.mjs');
    await bundleFixture(bundle);
    receiver = await startHttpReceiver({ delayMs: 15 });
    const webhooks = createWebhooks({
      store: temp.store,
      policy: { allow: ['127.0.0.1/32'], allowHttp: true },
      subscriptionCacheMs: 0,
    });
    const actor = { type: 'system', id: 'test' } as const;
    const { subscription } = await webhooks.createSubscription(
      'acme',
      { url: `${receiver.url}/hook`, eventTypes: ['user.created'], maxConcurrency: 8 },
      { actor },
    );
    const bus = createEventBus();
    const ids: string[] = [];
    for (let n = 0; n < EVENTS; n += 1) {
      const event = bus.stage(
        'user.created',
        { userId: `u${n}`, email: `u${n}@example.com`, plan: 'pro' },
        { productId: 'acme', actor },
      );
      ids.push(event.id);
      await webhooks.fanOut(event);
    }

    child = spawn(process.execPath, [bundle, temp.path], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    await new Promise<void>((resolve, reject) => {
      child?.stdout?.once('data', () => resolve());
      child?.once('exit', (code) => reject(new Error(`worker exited early (${code}): ${stderr}`)));
    });
    await receiver.waitFor(30, 20_000);
    child.kill('SIGKILL');
    await new Promise((resolve) => child?.once('exit', resolve));
    const seenAtKill = receiver.requests.length;
    expect(seenAtKill).toBeLessThan(EVENTS); // killed mid-batch
    // The dead worker still holds leases on tasks it was running.
    const held = await temp.store
      .container('tasks')
      .count({ where: { field: 'state', op: 'eq', value: 'running' } });
    expect(held).toBeGreaterThan(0);

    const finisher = createWorker({
      store: temp.store,
      handlers: { [DELIVER_WEBHOOK_TASK_TYPE]: webhooks.deliveryHandler },
      concurrency: 8,
      pollIntervalMs: 20,
      leaseMs: 1_500,
    });
    finisher.start();
    // Until every delivery is logged as succeeded (the killed worker's lapsed leases included).
    const deliveries = temp.store.container('webhook_deliveries');
    const succeeded = () => deliveries.count({ where: { field: 'status', op: 'eq', value: 'succeeded' } });
    const deadline = Date.now() + 30_000;
    while ((await succeeded()) < EVENTS && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await finisher.stop();
    await webhooks.close();

    const received = new Set(receiver.requests.map((request) => String(request.headers['webhook-id'])));
    expect(ids.filter((id) => !received.has(id))).toEqual([]);
    const log = await webhooks.listDeliveries('acme', subscription.id, {}, { limit: 200 });
    expect(log.items).toHaveLength(EVENTS);
    const notSucceeded = log.items.filter((delivery) => delivery.status !== 'succeeded');
    // A delivery the killed worker sent but could not log is sent again: at-least-once.
    expect(notSucceeded).toEqual([]);
  }, 90_000);
});
