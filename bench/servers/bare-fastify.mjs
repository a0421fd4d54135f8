// Baselines: the smallest Fastify 5 server answering a JSON hello-world, and the same server
// reading one JSON document by primary key straight from better-sqlite3 (WAL), with no logger,
// no validation, no security headers, no metrics.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import Fastify from 'fastify';

const db = new Database(path.join(mkdtempSync(path.join(tmpdir(), 'gw-bench-bare-')), 'bare.db'));
db.pragma('journal_mode = WAL');
db.exec('CREATE TABLE docs (pk TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (pk, id))');
const note = { id: 'note_1', productId: 'default', title: 'Welcome', body: 'A note.', authorId: 'system' };
db.prepare('INSERT INTO docs VALUES (?, ?, ?)').run('default', note.id, JSON.stringify(note));
const get = db.prepare('SELECT body FROM docs WHERE pk = ? AND id = ?');

const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
app.get('/notes/:id', async (request) => JSON.parse(get.get('default', request.params.id).body));
const url = await app.listen({ host: '127.0.0.1', port: 0 });
process.send?.({ ready: true, url, paths: { hello: '/', read: `/notes/${note.id}` } });
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
