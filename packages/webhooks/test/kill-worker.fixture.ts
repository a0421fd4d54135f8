/**
 * The child process of the kill -9 test: a webhooks delivery worker on a SQLite file, run until
 * it is killed. argv: <database path>. Prints "ready" once polling.
 */
import { createWorker } from '@groundwork/jobs';
import { createSqliteStore } from '@groundwork/store/sqlite';
import { createWebhooks, DELIVER_WEBHOOK_TASK_TYPE } from '../src/service.js';

const file = process.argv[2];
if (!file) throw new Error('usage: kill-worker <database path>');
const store = createSqliteStore({ path: file });
const webhooks = createWebhooks({
  store,
  policy: { allow: ['127.0.0.1/32'], allowHttp: true },
  subscriptionCacheMs: 0,
});
const worker = createWorker({
  store,
  handlers: { [DELIVER_WEBHOOK_TASK_TYPE]: webhooks.deliveryHandler },
  concurrency: 8,
  pollIntervalMs: 20,
  leaseMs: 1_500,
});
worker.start();
process.stdout.write('ready\n');
