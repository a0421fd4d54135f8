/**
 * A real crash between a write and its emit: a child process writes a document with its event in
 * the outbox (one write) and is SIGKILLed before dispatching it. The relay in this process finds
 * the outbox, the durable subscriber gets the event exactly once, and the outbox is cleared.
 * The child runs the TypeScript sources through the jobs package's TS hooks, so no build is needed.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createWorker } from '@groundwork/jobs';
import { createSqliteStore } from '@groundwork/store/sqlite';
import { createTempSqliteStore } from '@groundwork/testing';
import { expect, it } from 'vitest';
import { createEventBus, createOutbox, DELIVER_TASK_TYPE, type EventEnvelope } from '../src/index.js';

const registerTs = fileURLToPath(new URL('../../jobs/test/fixtures/register-ts.mjs', import.meta.url));
const child = fileURLToPath(new URL('./fixtures/write-then-die.mjs', import.meta.url));
const silent = { debug() {}, info() {}, warn() {}, error() {} };

function runChild(databasePath: string): Promise<{ stdout: string; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(
      process.execPath,
      ['--conditions=@groundwork/source', '--import', registerTs, child, databasePath],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    proc.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`the child did not finish in 30 s\n${stderr}`));
    }, 30_000);
    proc.once('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL')
        reject(new Error(`the child exited without the crash (${signal})\n${stderr}`));
      else resolve({ stdout, signal });
    });
  });
}

it('delivers an event whose writer was killed between the write and the dispatch', async () => {
  const temp = createTempSqliteStore();
  await temp.store.close(); // the child writes first; this process opens the file afterwards
  const { stdout } = await runChild(temp.path);
  const eventId = /written (evt_\w+)/.exec(stdout)?.[1];
  expect(eventId).toBeDefined();

  const store = createSqliteStore({ path: temp.path });
  try {
    await store.ensureContainers([{ name: 'notes', partitionKey: '/productId' }]); // as its module would
    const clock = { now: () => Date.now() };
    const bus = createEventBus();
    bus.bind({ store, clock, logger: silent });
    const handled: EventEnvelope[] = [];
    bus.subscribeDurable({ name: 'audit', types: '*', handler: (event) => void handled.push(event) });
    const outbox = createOutbox({
      bus,
      store,
      clock,
      logger: silent,
      containers: () => ['notes'],
      graceMs: 0,
    });
    const worker = createWorker({ store, clock, handlers: { [DELIVER_TASK_TYPE]: bus.deliveryHandler } });

    expect(await outbox.relay()).toBe(1);
    expect(await outbox.relay()).toBe(0);
    expect(await worker.runOnce()).toBe(1);
    expect(handled).toEqual([
      expect.objectContaining({ id: eventId, type: 'user.deleted', payload: { userId: 'usr_9' } }),
    ]);
    expect(await store.container('notes').read('note_1', 'prod_a')).not.toHaveProperty('eventOutbox');
  } finally {
    await store.close();
    await temp.cleanup().catch(() => undefined);
  }
});
