/**
 * A real crash: a worker in a child process (on the same SQLite file) is SIGKILLed mid-task; a
 * worker in this process finishes the task once the dead worker's lease lapses. Real time with a
 * short lease; every wait is bounded. The child runs the TypeScript sources through
 * `fixtures/ts-hooks.mjs`, so no build is needed.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createTempSqliteStore } from '@groundwork/testing';
import { expect, it } from 'vitest';
import { createQueue, createWorker, type Task } from '../src/index.js';

const LEASE_MS = 300;
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves with the first stdout line matching `pattern`; rejects if the child exits or `ms` pass. */
function waitForLine(child: ChildProcess, pattern: RegExp, ms: number): Promise<string> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(
      () => reject(new Error(`no "${pattern}" from the child in ${ms} ms\n${stderr}`)),
      ms,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const line = buffered.split('\n').find((candidate) => pattern.test(candidate));
      if (line) {
        clearTimeout(timer);
        resolve(line);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`child exited (${code ?? signal}) before "${pattern}"\n${stderr}`));
    });
  });
}

it('finishes the task of a worker process killed mid-task (SIGKILL) once its lease lapses', async () => {
  const { store, path, cleanup } = createTempSqliteStore();
  let child: ChildProcess | undefined;
  try {
    const queue = createQueue({ store });
    const task = await queue.enqueue('crash-test', { n: 1 }, { productId: 'prod_a' });
    child = spawn(
      process.execPath,
      [
        '--conditions=@groundwork/source',
        '--import',
        fixture('register-ts.mjs'),
        fixture('crash-worker.mjs'),
        path,
        String(LEASE_MS),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    expect(await waitForLine(child, /^started /, 20_000)).toBe(`started ${task.id}`);
    expect(await queue.get(task.id, 'prod_a')).toMatchObject({
      state: 'running',
      lease: { workerId: 'child' },
    });
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;

    const ranHere: string[] = [];
    const worker = createWorker({
      queue,
      workerId: 'parent',
      leaseMs: LEASE_MS,
      pollIntervalMs: 20,
      handlers: {
        'crash-test': (claimed) => {
          ranHere.push(claimed.id);
          return { recoveredBy: 'parent' };
        },
      },
    });
    worker.start();
    let current: Task | undefined;
    for (let poll = 0; poll < 500 && current?.state !== 'completed'; poll++) {
      await sleep(20);
      current = await queue.get(task.id, 'prod_a');
    }
    await worker.stop();
    expect(current).toMatchObject({ state: 'completed', attempts: 2, result: { recoveredBy: 'parent' } });
    expect(current?.errors).toEqual([
      expect.objectContaining({
        attempt: 1,
        name: 'LeaseExpiredError',
        message: expect.stringContaining('"child"'),
      }),
    ]);
    expect(ranHere).toEqual([task.id]);
  } finally {
    child?.kill('SIGKILL');
    await cleanup();
  }
}, 40_000);
