// Identity benchmark (issue 5), the platform in its own process on SQLite; autocannon runs here.
// 1. Login: POST /v1/auth/login (argon2id verify, session, refresh token, signed access token) at
//    CONCURRENCY connections, beside raw @node-rs/argon2 verifies with the same OWASP parameters at
//    the same concurrency in this process — the hash is the floor the login cannot beat. A bare
//    Fastify server whose POST only verifies the password, loaded the same way, shows what HTTP on
//    this machine costs by itself (autocannon, the server's event loop and the two hashes share
//    the cores): the ceiling any login route can reach in this harness.
// 2. Authenticated read: GET /v1/auth/me (ES256 access token verified, session checked through the
//    cache, one store read) beside the kernel's unauthenticated store read GET /v1/notes/:id.
// Rounds alternate; medians are quoted. Run after `pnpm build`: node bench/auth.mjs
//   (BENCH_SECONDS, BENCH_ROUNDS, BENCH_CONNECTIONS for the reads)
// Ratios are medians of per-round ratios (each figure over its baseline of the same round).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hash, verify } from '@node-rs/argon2';
import { fmt, load, median, startServer } from './lib/measure.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const seconds = Math.min(60, Number(process.env.BENCH_SECONDS ?? 4));
const rounds = Math.min(15, Number(process.env.BENCH_ROUNDS ?? 5));
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const LOGIN_CONCURRENCY = 2;
const admin = { email: 'bench@example.com', password: 'bench password 1' };

/** Raw argon2id verifies per second with `concurrency` verifies in flight, for `seconds`. */
async function rawVerifies(phc, concurrency) {
  let done = 0;
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let guard = 0; guard < 1_000_000 && performance.now() < until; guard++) {
        if (!(await verify(phc, admin.password))) throw new Error('verify failed');
        done += 1;
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

const platform = await startServer(path.join(here, 'servers/platform.mjs'), {
  LOG_LEVEL: 'warn',
  ADMIN_EMAIL: admin.email,
  ADMIN_PASSWORD: admin.password,
  JOB_RUNNER_ENABLED: 'false',
});
const bare = await startServer(path.join(here, 'servers/bare-fastify.mjs'), {
  BARE_PASSWORD: admin.password,
});
try {
  const phc = await hash(admin.password, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  const loginRequest = {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(admin),
  };
  const signIn = await fetch(`${platform.url}${platform.paths.login}`, loginRequest);
  if (signIn.status !== 200) throw new Error(`login answered ${signIn.status}`);
  const { tokens } = await signIn.json();
  const meRequest = { headers: { authorization: `Bearer ${tokens.accessToken}` } };

  const targets = {
    login: () =>
      load(`${platform.url}${platform.paths.login}`, {
        seconds,
        connections: LOGIN_CONCURRENCY,
        request: loginRequest,
      }),
    bare: () =>
      load(`${bare.url}${bare.paths.login}`, {
        seconds,
        connections: LOGIN_CONCURRENCY,
        request: loginRequest,
      }),
    raw: async () => ({ rps: await rawVerifies(phc, LOGIN_CONCURRENCY), p99: Number.NaN }),
    me: () => load(`${platform.url}${platform.paths.me}`, { seconds, connections, request: meRequest }),
    read: () => load(`${platform.url}${platform.paths.read}`, { seconds, connections }),
  };
  await targets.me(); // warm-up
  await targets.read();
  const samples = { login: [], bare: [], raw: [], me: [], read: [] };
  for (let round = 0; round < rounds; round++) {
    for (const [name, run] of Object.entries(targets)) samples[name].push(await run());
  }
  const rps = (name) => median(samples[name].map((sample) => sample.rps));
  const p99 = (name) => median(samples[name].map((sample) => sample.p99));
  const row = (label, name) =>
    `${label.padEnd(58)}${fmt(rps(name), 1).padStart(10)}${(Number.isNaN(p99(name)) ? '—' : fmt(p99(name))).padStart(9)}`;

  console.log(`\nIdentity, platform on SQLite, ${rounds} alternating rounds of ${seconds}s, medians\n`);
  console.log(`${''.padEnd(58)}${'per s'.padStart(10)}${'p99 ms'.padStart(9)}`);
  console.log(row(`POST /v1/auth/login, ${LOGIN_CONCURRENCY} connections`, 'login'));
  console.log(row(`bare Fastify POST, verify only, ${LOGIN_CONCURRENCY} connections (ceiling)`, 'bare'));
  console.log(row(`raw @node-rs/argon2 verify, ${LOGIN_CONCURRENCY} in flight (baseline)`, 'raw'));
  console.log(row(`GET /v1/auth/me (access token + session), ${connections} connections`, 'me'));
  console.log(row(`GET /v1/notes/:id (unauthenticated read, baseline), ${connections} connections`, 'read'));
  // Each round's figure over the same round's baseline, then the median: a slow spell of this
  // (shared, noisy) machine then weighs on both sides of a ratio, not on one.
  const ratio = (name, base) =>
    median(samples[name].map((sample, round) => sample.rps / samples[base][round].rps));
  const percent = (value) => `${fmt(value * 100)}%`;
  const verdict = (value, target) => `(target >= ${target * 100}%) ${value >= target ? 'MET' : 'NOT MET'}`;
  const loginRatio = ratio('login', 'raw');
  const readRatio = ratio('me', 'read');
  console.log('\nmedians of per-round ratios:');
  console.log(`login / raw argon2 verify: ${percent(loginRatio)} ${verdict(loginRatio, 0.9)}`);
  console.log(
    `  (bare Fastify / raw: ${percent(ratio('bare', 'raw'))}; login / bare Fastify: ${percent(ratio('login', 'bare'))})`,
  );
  console.log(`authenticated read / unauthenticated read: ${percent(readRatio)} ${verdict(readRatio, 0.8)}`);
} finally {
  await Promise.all([platform.stop(), bare.stop()]);
}
