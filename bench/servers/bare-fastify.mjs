// Baselines: the smallest Fastify 5 server answering a JSON hello-world, the same server reading
// one JSON document by primary key straight from better-sqlite3 (WAL), and one answering a POST
// that only verifies a password with @node-rs/argon2 (OWASP parameters) — with no logger, no
// validation, no security headers, no metrics.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hash, verify } from '@node-rs/argon2';
import Database from 'better-sqlite3';
import Fastify from 'fastify';

const db = new Database(path.join(mkdtempSync(path.join(tmpdir(), 'gw-bench-bare-')), 'bare.db'));
db.pragma('journal_mode = WAL');
db.exec('CREATE TABLE docs (pk TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (pk, id))');
const note = { id: 'note_1', productId: 'default', title: 'Welcome', body: 'A note.', authorId: 'system' };
db.prepare('INSERT INTO docs VALUES (?, ?, ?)').run('default', note.id, JSON.stringify(note));
const get = db.prepare('SELECT body FROM docs WHERE pk = ? AND id = ?');

const password = process.env.BARE_PASSWORD ?? 'bare password';
const phc = await hash(password, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });

const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
app.get('/notes/:id', async (request) => JSON.parse(get.get('default', request.params.id).body));
app.post('/login', async (request, reply) => {
  if (!(await verify(phc, String(request.body?.password)))) return reply.status(401).send({ ok: false });
  return { ok: true };
});
const url = await app.listen({ host: '127.0.0.1', port: 0 });
process.send?.({ ready: true, url, paths: { hello: '/', read: `/notes/${note.id}`, login: '/login' } });
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
