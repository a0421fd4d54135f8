// Webhooks fan-out benchmark (issue 7). EVENTS events, each to SUBSCRIPTIONS subscriptions whose
// loopback receivers (a child process, bench/servers/webhooks-receivers.mjs) verify every
// signature with the `standardwebhooks` package.
//
// Ours: the full durable path on SQLite (temp dir): bus.emit (validated) → the durable `webhooks`
//   subscriber's emit-time fan-out writes one log document and one `webhooks.deliver` task per
//   subscription (batched across concurrent emits) before emit resolves → the worker claims under
//   the per-endpoint concurrency cap, signs (both header sets), POSTs through @groundwork/outbound
//   (address policy, keep-alive pool) and logs the outcome. Events are emitted by EMITTERS
//   concurrent emitters at RATE events/s (0 = as fast as they go).
// Baseline, same run, same receivers: a bare undici loop signing with standardwebhooks, no store,
//   no retries, no log, at most INFLIGHT requests in flight.
// Printed: deliveries/s (deliveries received ÷ time from the first emit to the last receipt) and
// emit→receive p50/p99, per round; ROUNDS alternating rounds, medians quoted.
// Run after building (outbound, webhooks and their dependencies):
//   node bench/webhooks.mjs   (BENCH_EVENTS=20000 BENCH_RATE=0 BENCH_ROUNDS=3 BENCH_CONCURRENCY=64
//   BENCH_ENDPOINT_CONCURRENCY=16)
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEventBus, DELIVER_TASK_TYPE } from '@groundwork/events';
import { createWorker } from '@groundwork/jobs';
import { createSqliteStore } from '@groundwork/store/sqlite';
import { createWebhooks, DELIVER_WEBHOOK_TASK_TYPE } from '@groundwork/webhooks';
import { Webhook } from 'standardwebhooks';
import { Agent } from 'undici';
import { fmt, median } from './lib/measure.mjs';

const EVENTS = Math.min(100_000, Number(process.env.BENCH_EVENTS ?? process.argv[2] ?? 20_000));
const RATE = Number(process.env.BENCH_RATE ?? 0);
const ROUNDS = Math.min(9, Number(process.env.BENCH_ROUNDS ?? 3));
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
/** Each subscription's `maxConcurrency` (the per-endpoint cap the jobs engine enforces). */
const ENDPOINT_CONCURRENCY = Number(process.env.BENCH_ENDPOINT_CONCURRENCY ?? 16);
const SUBSCRIPTIONS = 4;
const EMITTERS = 32;
const INFLIGHT = 64;
const ROUND_TIMEOUT_MS = 300_000;
const here = path.dirname(fileURLToPath(import.meta.url));
const actor = { type: 'user', id: 'usr_bench' };
const policy = { allow: ['127.0.0.1/32'], allowHttp: true };

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
}

function startReceivers() {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(here, 'servers/webhooks-receivers.mjs'), {
      env: { ...process.env, RECEIVERS: String(SUBSCRIPTIONS) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.once('message', (message) => resolve({ child, urls: message.urls }));
    child.once('exit', (code) => reject(new Error(`receivers exited with ${code}`)));
  });
}

function ask(child, message) {
  return new Promise((resolve) => {
    child.once('message', resolve);
    child.send(message);
  });
}

/** Polls the receivers until every one has seen EVENTS unique ids; returns when the last arrived. */
async function waitForAll(receivers, started) {
  for (;;) {
    const report = await ask(receivers.child, { report: true });
    if (report.invalid > 0) throw new Error(`${report.invalid} deliveries failed signature verification`);
    if (report.unique.every((count) => count >= EVENTS)) return report;
    if (performance.now() - started > ROUND_TIMEOUT_MS) {
      throw new Error(`timed out: receivers saw ${report.unique.join('/')} of ${EVENTS}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Runs `count` jobs from EMITTERS concurrent loops, paced to RATE per second overall when set. */
async function paced(count, job) {
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: EMITTERS }, async () => {
      for (;;) {
        const index = next++;
        if (index >= count) return;
        if (RATE > 0) {
          const due = started + (index * 1000) / RATE;
          const wait = due - performance.now();
          if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
        }
        await job(index);
      }
    }),
  );
}

function figures(report, startedAt, finishedAt) {
  const latencies = report.latencies.sort((a, b) => a - b);
  const seconds = (finishedAt - startedAt) / 1000;
  return {
    perSecond: report.received / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    received: report.received,
  };
}

async function measureOurs(receivers, dir, round) {
  const store = createSqliteStore({ path: path.join(dir, `webhooks-${round}.db`) });
  const bus = createEventBus();
  const silent = { debug() {}, info() {}, warn() {}, error() {} };
  bus.bind({ store, clock: { now: () => Date.now() }, logger: silent });
  const webhooks = createWebhooks({ store, bus, policy, subscriptionCacheMs: 1_000 });
  bus.subscribeDurable({
    name: 'webhooks',
    types: '*',
    dedupe: false,
    // As the webhooks module does: the fan-out is written at emit time, in the emit's batch.
    enqueue: (events) =>
      Promise.all(events.map((event) => webhooks.fanOut(event, { atEmit: true }))).then(() => {}),
    handler: (event) => webhooks.fanOut(event),
  });
  const secrets = [];
  for (const url of receivers.urls) {
    const { secret } = await webhooks.createSubscription(
      'prod_bench',
      { url: `${url}/hook`, eventTypes: ['user.created'], maxConcurrency: ENDPOINT_CONCURRENCY },
      { actor },
    );
    secrets.push(secret);
  }
  await ask(receivers.child, { secrets });
  const worker = createWorker({
    store,
    handlers: {
      [DELIVER_TASK_TYPE]: bus.deliveryHandler,
      [DELIVER_WEBHOOK_TASK_TYPE]: webhooks.deliveryHandler,
    },
    concurrency: CONCURRENCY,
    pollIntervalMs: 20,
    // As the jobs module does: tasks the bus and webhooks enqueue in this process wake the worker.
    wakeOnLocalEnqueue: true,
  });
  worker.start();
  try {
    const started = performance.now();
    const startedAt = Date.now();
    await paced(EVENTS, (n) =>
      bus.emit(
        'user.created',
        { userId: `usr_${n}`, email: `u${n}@example.com`, plan: 'pro' },
        { productId: 'prod_bench', actor },
      ),
    );
    const report = await waitForAll(receivers, started);
    return figures(report, startedAt, Date.now());
  } finally {
    await worker.stop();
    await webhooks.close();
    await store.close();
  }
}

async function measureBaseline(receivers) {
  const secrets = receivers.urls.map(
    () => `whsec_${Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64')}`,
  );
  const signers = secrets.map((secret) => new Webhook(secret));
  await ask(receivers.child, { secrets });
  const agent = new Agent({ connections: 128, keepAliveTimeout: 10_000 });
  const started = performance.now();
  const startedAt = Date.now();
  let inflight = 0;
  const waiting = [];
  const slot = () =>
    inflight < INFLIGHT ? Promise.resolve() : new Promise((resolve) => waiting.push(resolve));
  const sends = [];
  await paced(EVENTS, async (n) => {
    const id = `msg_${n}`;
    const now = new Date();
    const body = JSON.stringify({
      id,
      type: 'user.created',
      version: 1,
      timestamp: now.toISOString(),
      data: { userId: `usr_${n}` },
    });
    for (let s = 0; s < receivers.urls.length; s += 1) {
      await slot();
      inflight += 1;
      const signature = signers[s].sign(id, now, body);
      const url = new URL('/hook', receivers.urls[s]);
      sends.push(
        agent
          .request({
            origin: url.origin,
            path: url.pathname,
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'webhook-id': id,
              'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
              'webhook-signature': signature,
            },
            body,
          })
          .then((response) => response.body.dump())
          .finally(() => {
            inflight -= 1;
            waiting.shift()?.();
          }),
      );
    }
  });
  await Promise.all(sends);
  const report = await waitForAll(receivers, started);
  await agent.close();
  return figures(report, startedAt, Date.now());
}

const receivers = await startReceivers();
const dir = mkdtempSync(path.join(tmpdir(), 'groundwork-bench-webhooks-'));
console.log(
  `webhooks fan-out: ${fmt(EVENTS)} events × ${SUBSCRIPTIONS} subscriptions = ${fmt(EVENTS * SUBSCRIPTIONS)} deliveries per round, ` +
    `${RATE > 0 ? `${fmt(RATE)} events/s` : 'unpaced'}, worker concurrency ${CONCURRENCY}, per-endpoint cap ${ENDPOINT_CONCURRENCY}, ${ROUNDS} rounds`,
);
const ours = [];
const base = [];
try {
  for (let round = 0; round < ROUNDS; round += 1) {
    const b = await measureBaseline(receivers);
    base.push(b);
    const o = await measureOurs(receivers, dir, round);
    ours.push(o);
    console.log(
      `round ${round + 1}: groundwork ${fmt(o.perSecond)} deliveries/s, p50 ${fmt(o.p50)} ms, p99 ${fmt(o.p99)} ms | ` +
        `bare undici + standardwebhooks ${fmt(b.perSecond)} deliveries/s, p50 ${fmt(b.p50)} ms, p99 ${fmt(b.p99)} ms`,
    );
  }
  const med = (list, key) => median(list.map((item) => item[key]));
  console.log(
    `median: groundwork (durable, signed, logged) ${fmt(med(ours, 'perSecond'))} deliveries/s, emit→receive p50 ${fmt(med(ours, 'p50'))} ms, p99 ${fmt(med(ours, 'p99'))} ms`,
  );
  console.log(
    `median: bare undici + standardwebhooks       ${fmt(med(base, 'perSecond'))} deliveries/s, emit→receive p50 ${fmt(med(base, 'p50'))} ms, p99 ${fmt(med(base, 'p99'))} ms`,
  );
  console.log(
    `ratio: ${fmt((med(ours, 'perSecond') / med(base, 'perSecond')) * 100, 1)} % of the baseline's throughput`,
  );
} finally {
  receivers.child.kill();
  rmSync(dir, { recursive: true, force: true });
}
