// Event bus benchmark (issue 4), one process.
// 1. In-process emit throughput with 3 no-op subscribers: @groundwork/events (validated against the
//    catalog, each handler isolated in its own microtask) beside emittery and a bare node:events
//    EventEmitter, measured in the same run, alternating rounds, medians quoted.
// 2. Durable emit→handler throughput on SQLite: EMITTERS concurrent emitters (as concurrent requests
//    would) each emit their share one by one, each emit awaited (so its delivery is durably
//    enqueued), while a worker delivers them to one durable subscriber (with the event-id receipt);
//    beside it, the same tasks enqueued the same way on the bare jobs queue and run by the same
//    worker (the primitive the durable path stands on).
// Run after `pnpm build`: node bench/events.mjs   (BENCH_EMITS, BENCH_EVENTS, BENCH_ROUNDS)
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createEventBus, DELIVER_TASK_TYPE } from '@groundwork/events';
import { createQueue, createWorker } from '@groundwork/jobs';
import { createSqliteStore } from '@groundwork/store/sqlite';
import Emittery from 'emittery';
import { fmt, median } from './lib/measure.mjs';

const EMITS = Math.min(2_000_000, Number(process.env.BENCH_EMITS ?? 300_000));
const EVENTS = Math.min(100_000, Number(process.env.BENCH_EVENTS ?? 10_000));
const ROUNDS = Math.min(9, Number(process.env.BENCH_ROUNDS ?? 3));
const ROUND_TIMEOUT_MS = 120_000;
const SUBSCRIBERS = 3;
const EMITTERS = 32;

const payload = { userId: 'usr_01jd3v7c0k8x4m2q9t5w6y7z8a', email: 'ann@example.com', plan: 'pro' };
const ctx = { productId: 'prod_bench', actor: { type: 'user', id: 'usr_01jd3v7c0k8x4m2q9t5w6y7z8a' } };
const tick = () => new Promise((resolve) => setImmediate(resolve));

async function timeEmits(emitOnce, handled) {
  const started = performance.now();
  for (let i = 0; i < EMITS; i++) await emitOnce();
  await tick(); // in-process handlers of the last emits
  const seconds = (performance.now() - started) / 1000;
  if (handled() !== EMITS * SUBSCRIBERS) throw new Error(`handled ${handled()} of ${EMITS * SUBSCRIBERS}`);
  return EMITS / seconds;
}

async function ours() {
  const bus = createEventBus();
  let handled = 0;
  for (let s = 0; s < SUBSCRIBERS; s++) {
    bus.on({
      name: `noop-${s}`,
      types: ['user.created'],
      handler: () => {
        handled += 1;
      },
    });
  }
  return timeEmits(
    () => bus.emit('user.created', payload, ctx),
    () => handled,
  );
}

/** A baseline emitter (emittery or node:events: both have `on` and `emit`) with SUBSCRIBERS no-op listeners. */
async function baseline(emitter) {
  let handled = 0;
  for (let s = 0; s < SUBSCRIBERS; s++) {
    emitter.on('user.created', () => {
      handled += 1;
    });
  }
  return timeEmits(
    () => emitter.emit('user.created', payload),
    () => handled,
  );
}

function withTimeout(promise, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} did not finish in ${ROUND_TIMEOUT_MS} ms`)),
      ROUND_TIMEOUT_MS,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Emits (or enqueues) EVENTS one at a time while a worker runs them; rate from first emit to last handler. */
async function durable(dir, round, kind) {
  const store = createSqliteStore({ path: path.join(dir, `${kind}-${round}.db`) });
  try {
    const clock = { now: () => Date.now() };
    const logger = { debug() {}, info() {}, warn() {}, error() {} };
    const queue = createQueue({ store, clock, logger });
    await queue.counts({}); // the tasks container exists before the timing
    let handled = 0;
    let allHandled;
    const everyEventHandled = new Promise((resolve) => {
      allHandled = resolve;
    });
    const count = () => {
      handled += 1;
      if (handled === EVENTS) allHandled();
    };
    let emitOne;
    let handlers;
    if (kind === 'events') {
      const bus = createEventBus();
      bus.bind({ store, clock, logger });
      bus.subscribeDurable({ name: 'bench', types: ['user.created'], handler: count });
      handlers = { [DELIVER_TASK_TYPE]: bus.deliveryHandler };
      emitOne = () => bus.emit('user.created', payload, ctx);
    } else {
      handlers = { 'bench.noop': count };
      emitOne = () => queue.enqueue('bench.noop', { event: payload }, { productId: 'prod_bench' });
    }
    const worker = createWorker({ queue, handlers, concurrency: 256, pollIntervalMs: 10 });
    worker.start();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: EMITTERS }, async (_, emitter) => {
        for (let i = emitter; i < EVENTS; i += EMITTERS) await emitOne();
      }),
    );
    const emitted = performance.now();
    await withTimeout(everyEventHandled, `${kind} deliveries`);
    const ended = performance.now();
    await worker.stop();
    return { emit: EVENTS / ((emitted - started) / 1000), endToEnd: EVENTS / ((ended - started) / 1000) };
  } finally {
    await store.close();
  }
}

const inProcess = { ours: [], emittery: [], node: [] };
for (let round = 0; round < ROUNDS; round++) {
  inProcess.ours.push(await ours());
  inProcess.emittery.push(await baseline(new Emittery()));
  inProcess.node.push(await baseline(new EventEmitter()));
}
const oursRate = median(inProcess.ours);
const emitteryRate = median(inProcess.emittery);
console.log(
  `\nIn-process emit, ${fmt(EMITS)} emits of user.created with ${SUBSCRIBERS} no-op subscribers, each emit awaited ` +
    `when it returns a promise; ${ROUNDS} alternating rounds, medians\n`,
);
console.log(`${''.padEnd(58)}${'emits/s'.padStart(12)}`);
console.log(
  `${'@groundwork/events (catalog-validated, isolated handlers)'.padEnd(58)}${fmt(oursRate).padStart(12)}`,
);
console.log(`${'emittery 1.2.1 (baseline, no validation)'.padEnd(58)}${fmt(emitteryRate).padStart(12)}`);
console.log(
  `${'node:events EventEmitter (baseline, synchronous)'.padEnd(58)}${fmt(median(inProcess.node)).padStart(12)}`,
);
console.log(
  `\nours / emittery: ${fmt((oursRate / emitteryRate) * 100)}% (target >= 100%) ${oursRate >= emitteryRate ? 'MET' : 'NOT MET'}`,
);

const dir = mkdtempSync(path.join(tmpdir(), 'groundwork-bench-events-'));
try {
  const runs = { events: [], queue: [] };
  for (let round = 0; round < ROUNDS; round++) {
    runs.events.push(await durable(dir, round, 'events'));
    runs.queue.push(await durable(dir, round, 'queue'));
  }
  const med = (samples, key) => median(samples.map((sample) => sample[key]));
  console.log(
    `\nDurable, ${fmt(EVENTS)} events on SQLite (temp file), emitted by ${EMITTERS} concurrent emitters (each emit ` +
      `awaited) while a worker (concurrency 256) delivers them; ${ROUNDS} alternating rounds, medians\n`,
  );
  console.log(`${''.padEnd(58)}${'emit/s'.padStart(10)}${'e2e/s'.padStart(10)}`);
  const row = (name, samples) =>
    `${name.padEnd(58)}${fmt(med(samples, 'emit')).padStart(10)}${fmt(med(samples, 'endToEnd')).padStart(10)}`;
  console.log(row('@groundwork/events durable subscriber (with receipts)', runs.events));
  console.log(row('bare @groundwork/jobs enqueue + worker (baseline)', runs.queue));
  const durableRate = med(runs.events, 'endToEnd');
  console.log(
    `\ndurable emit→handler: ${fmt(durableRate)} events/s (target >= 5,000/s) ${durableRate >= 5_000 ? 'MET' : 'NOT MET'}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
