// Delivery benchmark (issue 6). Two figures, each beside a baseline measured in the same run,
// ROUNDS alternating rounds, medians quoted:
//
// 1. Email, full path on SQLite (temp file): `deliver()` (validate, seal, delivery-log entry, durable
//    task with an idempotency key) → jobs worker → render (Handlebars, layout, text + HTML) →
//    SMTP (pooled nodemailer, 5 connections) → delivery log updated to `sent`. Baseline: raw
//    nodemailer with the same pool sending pre-rendered messages to the same sink.
// 2. Push to a local APNs-like TLS HTTP/2 server over one pooled session, through the APNs adapter
//    (provider JWT reused, headers, payload). Baseline: raw `node:http2` requests on one session.
//    Also printed: push through the full dispatch path on SQLite (deliver → task → APNs).
//
// The SMTP sink and the HTTP/2 server run in a child process (bench/delivery-sinks.mjs).
// Run after building the package: (cd packages/delivery && npx tsup) && node bench/delivery.mjs
// Knobs: BENCH_EMAILS (default 3000), BENCH_PUSHES (20000), BENCH_DISPATCH_PUSHES (3000), BENCH_ROUNDS (3).
import { fork } from 'node:child_process';
import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:http2';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  createApnsAdapter,
  createDelivery,
  createRenderer,
  createSealer,
  createSmtpAdapter,
  deliveryContainers,
  EMAIL_TEMPLATES,
  SEND_TASK_TYPE,
} from '@groundwork/delivery';
import { createQueue, createWorker, TASKS_CONTAINER } from '@groundwork/jobs';
import { createSqliteStore } from '@groundwork/store/sqlite';
import { selfSignedCertificate } from '@groundwork/testing';
import { fmt, median } from './lib/measure.mjs';

const require = createRequire(new URL('../packages/delivery/package.json', import.meta.url));
const nodemailer = require('nodemailer');

const EMAILS = Math.min(50_000, Number(process.env.BENCH_EMAILS ?? 3_000));
const PUSHES = Math.min(200_000, Number(process.env.BENCH_PUSHES ?? 20_000));
const DISPATCH_PUSHES = Math.min(50_000, Number(process.env.BENCH_DISPATCH_PUSHES ?? 3_000));
const ROUNDS = Math.min(9, Number(process.env.BENCH_ROUNDS ?? 3));
const SMTP_CONNECTIONS = Number(process.env.BENCH_SMTP_CONNECTIONS ?? 5);
const WORKER_CONCURRENCY = 64;
const PUSH_CONCURRENCY = 200;
const ROUND_TIMEOUT_MS = 60_000;
const TOPIC = 'com.example.bench';
const KEY_ID = 'BENCHKEY01';
const TEAM_ID = 'BENCHTEAM1';

const EMAIL_DATA = (i) => ({
  name: `User ${i}`,
  daysLeft: 7,
  trialEndsAt: '2026-02-01',
  upgradeUrl: 'https://bench.example.com/upgrade',
});

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

/** Runs `task(i)` for i in [0, count) with at most `concurrency` in flight. */
async function pool(count, concurrency, task) {
  let next = 0;
  const runners = Array.from({ length: Math.min(concurrency, count) }, async () => {
    while (next < count) {
      const i = next++;
      await task(i);
    }
  });
  await Promise.all(runners);
}

function peakRssMb() {
  const status = readFileSync('/proc/self/status', 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN) / 1024;
}

// ----- setup: keys, certificate, servers
const dir = mkdtempSync(path.join(tmpdir(), 'groundwork-bench-delivery-'));
const { key: tlsKey, cert: tlsCert } = selfSignedCertificate();
const apnsKeys = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const apnsPrivatePem = apnsKeys.privateKey.export({ format: 'pem', type: 'pkcs8' });
const apnsPublicPem = apnsKeys.publicKey.export({ format: 'pem', type: 'spki' });

const sinks = fork(new URL('./delivery-sinks.mjs', import.meta.url), {
  env: {
    ...process.env,
    BENCH_APNS_PUBLIC_KEY: apnsPublicPem,
    BENCH_TLS_KEY: tlsKey,
    BENCH_TLS_CERT: tlsCert,
    BENCH_APNS_TOPIC: TOPIC,
  },
  stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
});
const { smtpPort, apnsPort } = await new Promise((resolve, reject) => {
  sinks.once('message', resolve);
  sinks.once('exit', (code) => reject(new Error(`sinks exited with ${code}`)));
});
const smtpUrl = `smtp://127.0.0.1:${smtpPort}`;
const apnsUrl = `https://127.0.0.1:${apnsPort}`;
function sinkCounts() {
  return new Promise((resolve) => {
    sinks.once('message', (message) => resolve(message.counts));
    sinks.send('counts');
  });
}

// ----- email: ours (full path on SQLite)
async function emailOurs(round) {
  const store = createSqliteStore({ path: path.join(dir, `email-${round}.db`) });
  const smtp = createSmtpAdapter({ url: smtpUrl, maxConnections: SMTP_CONNECTIONS });
  let sent = 0;
  let allSent;
  const everySent = new Promise((resolve) => {
    allSent = resolve;
  });
  const counting = {
    name: 'smtp',
    async send(message, signal) {
      const result = await smtp.send(message, signal);
      sent += 1;
      if (sent === EMAILS) allSent();
      return result;
    },
  };
  try {
    await store.ensureContainers([...deliveryContainers(), TASKS_CONTAINER]);
    const queue = createQueue({ store });
    const delivery = createDelivery({
      store,
      queue,
      sealer: createSealer({ key: Buffer.alloc(32, 9).toString('base64') }),
      email: counting,
      defaultBranding: {
        productName: 'Bench',
        fromAddress: 'bench@example.com',
        fromName: 'Bench',
        appUrl: 'https://bench.example.com',
      },
    });
    const worker = createWorker({
      queue,
      concurrency: WORKER_CONCURRENCY,
      pollIntervalMs: 20,
      handlers: { [SEND_TASK_TYPE]: (task, ctx) => delivery.handleSendTask(task, ctx) },
    });
    const before = await sinkCounts();
    const started = Date.now();
    worker.start();
    await pool(EMAILS, 16, (i) =>
      delivery.deliver({
        productId: 'bench',
        to: `user${i}@example.com`,
        template: 'trial-expiring',
        data: {
          name: `User ${i}`,
          daysLeft: 7,
          trialEndsAt: '2026-02-01',
          upgradeUrl: 'https://bench.example.com/upgrade',
        },
        idempotencyKey: `bench-${round}-${i}`,
      }),
    );
    const enqueued = Date.now();
    await withTimeout(everySent, 'email round');
    const ended = Date.now();
    await worker.stop();
    const after = await sinkCounts();
    if (after.smtpMessages - before.smtpMessages !== EMAILS)
      throw new Error(`the sink got ${after.smtpMessages - before.smtpMessages} of ${EMAILS} emails`);
    const log = await delivery.listLog('bench', { status: 'sent' }, { limit: 1 });
    if (log.items.length !== 1) throw new Error('the delivery log has no sent entry');
    return { rate: EMAILS / ((ended - started) / 1000), enqueueRate: EMAILS / ((enqueued - started) / 1000) };
  } finally {
    await smtp.close();
    await store.close();
  }
}

// ----- email: baseline (raw nodemailer, pooled, pre-rendered)
async function emailBaseline() {
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: SMTP_CONNECTIONS,
    maxMessages: Number.POSITIVE_INFINITY,
  });
  // The same message ours sends (rendered once here): the baseline skips templates, queue and store.
  const definition = EMAIL_TEMPLATES.find((template) => template.name === 'trial-expiring');
  const renderer = createRenderer();
  const { subject, html, text } = renderer.renderEmail(
    definition,
    definition,
    renderer.parseData(definition.variables, EMAIL_DATA(0)),
    { productName: 'Bench', appUrl: 'https://bench.example.com', year: 2026, unsubscribeUrl: null },
  );
  try {
    const before = await sinkCounts();
    const started = Date.now();
    await withTimeout(
      pool(EMAILS, WORKER_CONCURRENCY, (i) =>
        transport.sendMail({
          from: { name: 'Bench', address: 'bench@example.com' },
          to: `user${i}@example.com`,
          subject,
          text,
          html,
        }),
      ),
      'baseline email round',
    );
    const ended = Date.now();
    const after = await sinkCounts();
    if (after.smtpMessages - before.smtpMessages !== EMAILS)
      throw new Error('baseline: emails missing at the sink');
    return { rate: EMAILS / ((ended - started) / 1000) };
  } finally {
    transport.close();
  }
}

// ----- push: ours (APNs adapter, one session)
function pushMessage(i) {
  return {
    deliveryId: `dlv_bench_${i}`,
    productId: 'bench',
    platform: 'ios',
    token: `${(i % 1000).toString(16).padStart(4, '0')}${'a'.repeat(60)}`,
    title: 'Your subscription changed',
    body: 'Your plan is now pro (active).',
    data: { type: 'subscription_change', plan: 'pro' },
    pushType: 'alert',
    priority: 'high',
    expiresAt: Date.now() + 86_400_000,
  };
}

async function pushOurs() {
  const adapter = createApnsAdapter({
    privateKey: apnsPrivatePem,
    keyId: KEY_ID,
    teamId: TEAM_ID,
    topic: TOPIC,
    url: apnsUrl,
    tls: { ca: tlsCert },
  });
  try {
    await adapter.send(pushMessage(-1)); // connect and sign outside the timing
    const started = Date.now();
    await withTimeout(
      pool(PUSHES, PUSH_CONCURRENCY, (i) => adapter.send(pushMessage(i))),
      'push round',
    );
    const ended = Date.now();
    if (adapter.sessionsOpened() !== 1)
      throw new Error(`expected one session, opened ${adapter.sessionsOpened()}`);
    return { rate: PUSHES / ((ended - started) / 1000) };
  } finally {
    await adapter.close();
  }
}

// ----- push: baseline (raw http2, one session, a pre-signed token)
function signedJwt() {
  const header = Buffer.from(JSON.stringify({ alg: 'ES256', kid: KEY_ID })).toString('base64url');
  const payload = Buffer.from(JSON.stringify({ iss: TEAM_ID, iat: Math.floor(Date.now() / 1000) })).toString(
    'base64url',
  );
  const signature = sign('sha256', Buffer.from(`${header}.${payload}`), {
    key: apnsKeys.privateKey,
    dsaEncoding: 'ieee-p1363',
  });
  return `${header}.${payload}.${signature.toString('base64url')}`;
}

async function pushBaseline() {
  const session = connect(apnsUrl, { ca: tlsCert });
  const jwt = signedJwt();
  const request = (i) =>
    new Promise((resolve, reject) => {
      const message = pushMessage(i);
      const stream = session.request({
        ':method': 'POST',
        ':path': `/3/device/${message.token}`,
        authorization: `bearer ${jwt}`,
        'apns-topic': TOPIC,
        'apns-push-type': 'alert',
        'apns-priority': '10',
        'apns-id': randomUUID(),
        'content-type': 'application/json',
      });
      let status = 0;
      stream.on('response', (headers) => {
        status = headers[':status'];
      });
      stream.on('data', () => {});
      stream.on('end', () => (status === 200 ? resolve() : reject(new Error(`status ${status}`))));
      stream.on('error', reject);
      stream.end(
        JSON.stringify({ ...message.data, aps: { alert: { title: message.title, body: message.body } } }),
      );
    });
  try {
    await request(-1);
    const started = Date.now();
    await withTimeout(pool(PUSHES, PUSH_CONCURRENCY, request), 'baseline push round');
    const ended = Date.now();
    return { rate: PUSHES / ((ended - started) / 1000) };
  } finally {
    await new Promise((resolve) => session.close(resolve));
  }
}

// ----- push: the full dispatch path on SQLite (deliver → task → APNs)
async function pushDispatch(round) {
  const store = createSqliteStore({ path: path.join(dir, `push-${round}.db`) });
  const apns = createApnsAdapter({
    privateKey: apnsPrivatePem,
    keyId: KEY_ID,
    teamId: TEAM_ID,
    topic: TOPIC,
    url: apnsUrl,
    tls: { ca: tlsCert },
  });
  let sent = 0;
  let allSent;
  const everySent = new Promise((resolve) => {
    allSent = resolve;
  });
  const counting = {
    name: 'apns',
    platforms: ['ios'],
    async send(message, signal) {
      const result = await apns.send(message, signal);
      sent += 1;
      if (sent === DISPATCH_PUSHES) allSent();
      return result;
    },
  };
  try {
    await store.ensureContainers([...deliveryContainers(), TASKS_CONTAINER]);
    const queue = createQueue({ store });
    const delivery = createDelivery({
      store,
      queue,
      sealer: createSealer({ key: Buffer.alloc(32, 9).toString('base64') }),
      email: { name: 'none', send: async () => ({}) },
      push: [counting],
      defaultBranding: {
        productName: 'Bench',
        fromAddress: 'bench@example.com',
        appUrl: 'https://bench.example.com',
      },
    });
    const users = 500;
    for (let u = 0; u < users; u += 1) {
      await delivery.registerDevice('bench', `usr_${u}`, {
        platform: 'ios',
        token: `${u.toString(16).padStart(4, '0')}${'b'.repeat(60)}`,
      });
    }
    const worker = createWorker({
      queue,
      concurrency: WORKER_CONCURRENCY,
      pollIntervalMs: 20,
      handlers: { [SEND_TASK_TYPE]: (task, ctx) => delivery.handleSendTask(task, ctx) },
    });
    const started = Date.now();
    worker.start();
    await pool(DISPATCH_PUSHES, 16, (i) =>
      delivery.deliver({
        productId: 'bench',
        userId: `usr_${i % users}`,
        template: 'subscription_change',
        data: { plan: 'pro', status: 'active' },
        idempotencyKey: `push-${round}-${i}`,
      }),
    );
    await withTimeout(everySent, 'dispatch push round');
    const ended = Date.now();
    await worker.stop();
    return { rate: DISPATCH_PUSHES / ((ended - started) / 1000) };
  } finally {
    await apns.close();
    await store.close();
  }
}

try {
  const results = { emailOurs: [], emailBase: [], pushOurs: [], pushBase: [], pushDispatch: [] };
  const only = process.env.BENCH_ONLY; // 'email' or 'push' to run one half while tuning
  for (let round = 0; round < ROUNDS; round++) {
    if (only !== 'push') {
      results.emailOurs.push(await emailOurs(round));
      results.emailBase.push(await emailBaseline());
    }
    if (only !== 'email') {
      results.pushOurs.push(await pushOurs());
      results.pushBase.push(await pushBaseline());
      results.pushDispatch.push(await pushDispatch(round));
    }
  }
  const med = (samples, key = 'rate') => median(samples.map((s) => s[key]));
  const row = (name, value, unit) => `${name.padEnd(68)}${fmt(value).padStart(9)} ${unit}`;

  console.log(
    `\nDelivery, one process (+ a child process for the SMTP sink and the HTTP/2 server); ${ROUNDS} alternating rounds, medians\n`,
  );
  if (only !== 'push') {
    console.log(
      `Email: ${fmt(EMAILS)} per round, SMTP pool of ${SMTP_CONNECTIONS} connections, worker concurrency ${WORKER_CONCURRENCY}`,
    );
    const emailRate = med(results.emailOurs);
    const emailBase = med(results.emailBase);
    console.log(
      row('@groundwork/delivery: deliver → task → render → SMTP → log (SQLite)', emailRate, 'emails/s'),
    );
    console.log(
      row(
        '  of which deliver() calls (enqueue side, overlapping the sends)',
        med(results.emailOurs, 'enqueueRate'),
        'requests/s',
      ),
    );
    console.log(row('raw nodemailer pool, the same message pre-rendered (baseline)', emailBase, 'emails/s'));
    console.log(`ours / baseline: ${fmt((emailRate / emailBase) * 100)}%`);
    console.log(`email target >= 500/s: ${emailRate >= 500 ? 'MET' : 'NOT MET'}\n`);
  }
  if (only !== 'email') {
    console.log(`Push: ${fmt(PUSHES)} per round, ${PUSH_CONCURRENCY} in flight, one TLS HTTP/2 session`);
    const pushRate = med(results.pushOurs);
    const pushBase = med(results.pushBase);
    console.log(row('@groundwork/delivery APNs adapter (JWT reused, one session)', pushRate, 'pushes/s'));
    console.log(row('raw node:http2 requests, same session shape (baseline)', pushBase, 'pushes/s'));
    console.log(`ours / baseline: ${fmt((pushRate / pushBase) * 100)}%`);
    console.log(`push target >= 2,000/s: ${pushRate >= 2000 ? 'MET' : 'NOT MET'}`);
    console.log(
      row(
        `full dispatch path, ${fmt(DISPATCH_PUSHES)} pushes: deliver → task → APNs (SQLite)`,
        med(results.pushDispatch),
        'pushes/s',
      ),
    );
  }
  console.log(`\npeak RSS (VmHWM): ${fmt(peakRssMb(), 1)} MB`);
} finally {
  sinks.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
