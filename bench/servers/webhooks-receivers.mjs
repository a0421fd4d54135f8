// Loopback webhook receivers for bench/webhooks.mjs: RECEIVERS HTTP servers on 127.0.0.1 in this
// child process. Each verifies every request's Standard Webhooks signature with the
// `standardwebhooks` package (as published), dedupes by webhook-id, and records emit→receive
// latency (now − the body's `timestamp`). The parent drives it over IPC:
//   { secrets: string[] }  → resets counters and sets each receiver's secret(s)
//   { report: true }        → replies { received, unique, invalid, latencies }
import { createServer } from 'node:http';
import { Webhook } from 'standardwebhooks';

const RECEIVERS = Number(process.env.RECEIVERS ?? 4);
let verifiers = [];
let state = fresh();

function fresh() {
  return { received: 0, invalid: 0, ids: Array.from({ length: RECEIVERS }, () => new Set()), latencies: [] };
}

const servers = await Promise.all(
  Array.from({ length: RECEIVERS }, (_, index) => {
    const server = createServer((req, res) => {
      const chunks = [];
      req.on('data', (chunk) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const now = Date.now();
        state.received += 1;
        try {
          const payload = verifiers[index].verify(body, req.headers);
          state.ids[index].add(req.headers['webhook-id']);
          state.latencies.push(now - Date.parse(payload.timestamp));
          res.writeHead(204).end();
        } catch {
          state.invalid += 1;
          res.writeHead(400).end();
        }
      });
    });
    server.keepAliveTimeout = 30_000;
    return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
  }),
);

process.on('message', (message) => {
  if (message.secrets) {
    verifiers = message.secrets.map((secret) => new Webhook(secret));
    state = fresh();
    process.send({ ok: true });
  } else if (message.report) {
    process.send({
      received: state.received,
      invalid: state.invalid,
      unique: state.ids.map((ids) => ids.size),
      latencies: state.latencies,
    });
  }
});
process.send({ ready: true, urls: servers.map((server) => `http://127.0.0.1:${server.address().port}`) });
