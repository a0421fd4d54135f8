// Store adapters measured directly: point reads, writes and queries per second on the sqlite
// and memory adapters, each beside a baseline doing the same work without the port in the same
// run (raw better-sqlite3 prepared statements; a plain Map). Rounds alternate; medians quoted.
// Run after `pnpm build`: node bench/store.mjs
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createMemoryStore } from '@groundwork/store/memory';
import { createSqliteStore } from '@groundwork/store/sqlite';
import Database from 'better-sqlite3';
import { fmt, median } from './lib/measure.mjs';

const ROUNDS = 3;
const DOCS = 5_000;
const READS = 20_000;
const QUERIES = 1_000;
const PARTITIONS = 10;
const spec = { name: 'items', partitionKey: '/productId' };

const doc = (i, round) => ({
  id: `r${round}_${i}`,
  pk: `p${i % PARTITIONS}`,
  status: i % 3 === 0 ? 'open' : 'closed',
  rank: i,
  title: `item ${i}`,
});

async function timed(count, fn) {
  const started = process.hrtime.bigint();
  await fn();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return count / seconds;
}

async function measurePort(store, round) {
  const items = store.container('items');
  const writes = await timed(DOCS, async () => {
    for (let i = 0; i < DOCS; i++) await items.create(doc(i, round));
  });
  const reads = await timed(READS, async () => {
    for (let i = 0; i < READS; i++) {
      const n = i % DOCS;
      if (!(await items.read(`r${round}_${n}`, `p${n % PARTITIONS}`))) throw new Error('missing doc');
    }
  });
  const queries = await timed(QUERIES, async () => {
    for (let i = 0; i < QUERIES; i++) {
      await items.query({
        pk: `p${i % PARTITIONS}`,
        where: { field: 'status', op: 'eq', value: 'open' },
        orderBy: [{ field: 'rank' }],
        limit: 50,
      });
    }
  });
  return { writes, reads, queries };
}

function rawSqlite(dbPath) {
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE docs (pk TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (pk, id))');
  const insert = db.prepare('INSERT INTO docs (pk, id, body) VALUES (?, ?, ?)');
  const get = db.prepare('SELECT body FROM docs WHERE pk = ? AND id = ?');
  const query = db.prepare(
    "SELECT body FROM docs WHERE pk = ? AND json_extract(body, '$.status') = ? ORDER BY json_extract(body, '$.rank'), id LIMIT 50",
  );
  return {
    async measure(round) {
      const writes = await timed(DOCS, async () => {
        for (let i = 0; i < DOCS; i++) {
          const d = doc(i, round);
          insert.run(d.pk, d.id, JSON.stringify(d));
        }
      });
      const reads = await timed(READS, async () => {
        for (let i = 0; i < READS; i++) {
          const n = i % DOCS;
          const row = get.get(`p${n % PARTITIONS}`, `r${round}_${n}`);
          if (!row) throw new Error('missing row');
          JSON.parse(row.body);
        }
      });
      const queries = await timed(QUERIES, async () => {
        for (let i = 0; i < QUERIES; i++)
          query.all(`p${i % PARTITIONS}`, 'open').map((r) => JSON.parse(r.body));
      });
      return { writes, reads, queries };
    },
    close: () => db.close(),
  };
}

function rawMap() {
  const map = new Map();
  return {
    async measure(round) {
      const writes = await timed(DOCS, async () => {
        for (let i = 0; i < DOCS; i++) {
          const d = doc(i, round);
          map.set(`${d.pk}/${d.id}`, structuredClone(d));
        }
      });
      const reads = await timed(READS, async () => {
        for (let i = 0; i < READS; i++) {
          const n = i % DOCS;
          if (!structuredClone(map.get(`p${n % PARTITIONS}/r${round}_${n}`))) throw new Error('missing');
        }
      });
      const queries = await timed(QUERIES, async () => {
        for (let i = 0; i < QUERIES; i++) {
          const pk = `p${i % PARTITIONS}`;
          [...map.values()]
            .filter((d) => d.pk === pk && d.status === 'open')
            .sort((a, b) => a.rank - b.rank || a.id.localeCompare(b.id))
            .slice(0, 50)
            .map((d) => structuredClone(d));
        }
      });
      return { writes, reads, queries };
    },
    close() {},
  };
}

const dir = mkdtempSync(path.join(tmpdir(), 'gw-bench-store-'));
const sqliteStore = await createSqliteStore({ path: path.join(dir, 'port.db') });
await sqliteStore.ensureContainers([spec]);
const memoryStore = await createMemoryStore();
await memoryStore.ensureContainers([spec]);
const subjects = [
  ['sqlite adapter', (r) => measurePort(sqliteStore, r)],
  ['raw better-sqlite3 (baseline)', rawSqlite(path.join(dir, 'raw.db'))],
  ['memory adapter', (r) => measurePort(memoryStore, r)],
  ['plain Map + structuredClone (baseline)', rawMap()],
].map(([name, s]) => ({
  name,
  run: typeof s === 'function' ? s : (r) => s.measure(r),
  close: s.close,
  samples: [],
}));

for (let round = 0; round < ROUNDS; round++) {
  for (const subject of subjects) subject.samples.push(await subject.run(round));
}

const result = Object.fromEntries(
  subjects.map((s) => [
    s.name,
    Object.fromEntries(['writes', 'reads', 'queries'].map((k) => [k, median(s.samples.map((x) => x[k]))])),
  ]),
);
console.log(
  `\nStore adapters, ops/s (median of ${ROUNDS} alternating rounds; ${DOCS} writes, ${READS} point reads, ${QUERIES} queries of 50 per round)\n`,
);
console.log(
  `${'subject'.padEnd(42)}${'writes/s'.padStart(12)}${'reads/s'.padStart(12)}${'queries/s'.padStart(12)}`,
);
for (const [name, r] of Object.entries(result)) {
  console.log(
    `${name.padEnd(42)}${fmt(r.writes).padStart(12)}${fmt(r.reads).padStart(12)}${fmt(r.queries).padStart(12)}`,
  );
}
const ratio = (a, b, k) => `${fmt((result[a][k] / result[b][k]) * 100)}%`;
console.log(
  `\nsqlite adapter vs raw better-sqlite3: writes ${ratio('sqlite adapter', 'raw better-sqlite3 (baseline)', 'writes')}, reads ${ratio('sqlite adapter', 'raw better-sqlite3 (baseline)', 'reads')}, queries ${ratio('sqlite adapter', 'raw better-sqlite3 (baseline)', 'queries')}`,
);
console.log(
  `memory adapter vs plain Map: writes ${ratio('memory adapter', 'plain Map + structuredClone (baseline)', 'writes')}, reads ${ratio('memory adapter', 'plain Map + structuredClone (baseline)', 'reads')}, queries ${ratio('memory adapter', 'plain Map + structuredClone (baseline)', 'queries')}`,
);
await sqliteStore.close();
await memoryStore.close();
for (const s of subjects) s.close?.();
rmSync(dir, { recursive: true, force: true });
