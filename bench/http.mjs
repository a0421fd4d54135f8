// HTTP benchmark: bare Fastify hello-world (baseline) vs the platform's /health and the example
// module's store-backed point read on SQLite, in the same run. Each server runs in its own
// process; autocannon runs here. Rounds alternate between targets; medians are quoted.
// Also prints the platform's resident memory idle and at peak under load.
// Run after `pnpm build`: node bench/http.mjs   (BENCH_SECONDS, BENCH_ROUNDS, BENCH_CONNECTIONS)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, load, median, memoryOf, startServer } from './lib/measure.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);

const bare = await startServer(path.join(here, 'servers/bare-fastify.mjs'));
const platform = await startServer(path.join(here, 'servers/platform.mjs'));
try {
  await new Promise((resolve) => setTimeout(resolve, 2_000)); // let start-up garbage settle
  const idle = memoryOf(platform.child.pid);

  const targets = [
    { name: 'bare Fastify hello-world (baseline)', url: `${bare.url}${bare.paths.hello}` },
    { name: 'bare Fastify + raw better-sqlite3 read', url: `${bare.url}${bare.paths.read}` },
    { name: 'platform GET /health', url: `${platform.url}${platform.paths.health}` },
    { name: 'platform GET /v1/notes/:id (SQLite read)', url: `${platform.url}${platform.paths.read}` },
  ];
  for (const t of targets) await load(t.url, { seconds: 1, connections }); // warm-up
  const samples = new Map(targets.map((t) => [t.name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const t of targets) samples.get(t.name).push(await load(t.url, { seconds, connections }));
  }
  const peak = memoryOf(platform.child.pid);

  const baseline = median(samples.get(targets[0].name).map((s) => s.rps));
  console.log(
    `\nHTTP, ${connections} connections, ${rounds} alternating rounds of ${seconds}s each, medians (platform LOG_LEVEL=${platform.logLevel})\n`,
  );
  console.log(
    `${'target'.padEnd(44)}${'req/s'.padStart(10)}${'p99 ms'.padStart(9)}${'vs baseline'.padStart(13)}`,
  );
  for (const t of targets) {
    const rps = median(samples.get(t.name).map((s) => s.rps));
    const p99 = median(samples.get(t.name).map((s) => s.p99));
    console.log(
      `${t.name.padEnd(44)}${fmt(rps).padStart(10)}${fmt(p99).padStart(9)}${`${fmt((rps / baseline) * 100)}%`.padStart(13)}`,
    );
  }
  const readRatio = median(samples.get(targets[3].name).map((s) => s.rps)) / baseline;
  const rawReadRatio = median(samples.get(targets[1].name).map((s) => s.rps)) / baseline;
  console.log(
    `\nstore-backed read / bare Fastify: ${fmt(readRatio * 100)}% (target >= 50%) ${readRatio >= 0.5 ? 'MET' : 'NOT MET'}`,
  );
  console.log(
    `(for scale: bare Fastify doing the same kind of SQLite read with no kit: ${fmt(rawReadRatio * 100)}%)`,
  );
  console.log(
    `platform RSS idle: ${fmt(idle.rssMb, 1)} MB (target <= 150 MB) ${idle.rssMb <= 150 ? 'MET' : 'NOT MET'}`,
  );
  console.log(
    `platform RSS peak: ${fmt(peak.peakMb, 1)} MB (target <= 250 MB) ${peak.peakMb <= 250 ? 'MET' : 'NOT MET'}`,
  );
} finally {
  await Promise.all([bare.stop(), platform.stop()]);
}
