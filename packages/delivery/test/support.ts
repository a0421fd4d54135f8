/** Shared test helpers: a delivery service on a store with a worker to run its sends, and store scans. */
import { createQueue, createWorker, type Queue, TASKS_CONTAINER, type Worker } from '@groundwork/jobs';
import type { DocumentStore } from '@groundwork/store';
import { createMemoryStore } from '@groundwork/store/memory';
import { createFakeClock, drainWorker, type FakeClock } from '@groundwork/testing';
import type { EmailAdapter, PushAdapter, SmsAdapter } from '../src/channels.js';
import { deliveryContainers } from '../src/containers.js';
import { type ResolveUser, SEND_TASK_TYPE } from '../src/dispatcher.js';
import { createSealer } from '../src/sealing.js';
import { createDelivery, type Delivery } from '../src/service.js';

export const ALL_CONTAINERS = deliveryContainers();

export interface Harness {
  store: DocumentStore;
  clock: FakeClock;
  queue: Queue;
  worker: Worker;
  delivery: Delivery;
  /** Runs due sends until none is left (bounded). */
  drain(): Promise<number>;
}

export async function createHarness(options: {
  email: EmailAdapter;
  push?: PushAdapter[];
  sms?: SmsAdapter;
  store?: DocumentStore;
  clock?: FakeClock;
  resolveUser?: ResolveUser;
  maxAttempts?: number;
}): Promise<Harness> {
  const clock = options.clock ?? createFakeClock();
  const store = options.store ?? createMemoryStore({ clock });
  await store.ensureContainers([...ALL_CONTAINERS, TASKS_CONTAINER]);
  const queue = createQueue({ store, clock });
  const delivery = createDelivery({
    store,
    clock,
    queue,
    sealer: createSealer({ store }),
    email: options.email,
    ...(options.push ? { push: options.push } : {}),
    ...(options.sms ? { sms: options.sms } : {}),
    defaultBranding: {
      productName: 'Acme',
      fromAddress: 'hello@acme.test',
      fromName: 'Acme',
      replyTo: 'support@acme.test',
      appUrl: 'https://app.acme.test',
    },
    ...(options.resolveUser ? { resolveUser: options.resolveUser } : {}),
    maxAttempts: options.maxAttempts ?? 3,
  });
  const worker = createWorker({
    queue,
    concurrency: 4,
    handlers: { [SEND_TASK_TYPE]: (task, ctx) => delivery.handleSendTask(task, ctx) as Promise<undefined> },
  });
  return {
    store,
    clock,
    queue,
    worker,
    delivery,
    drain: () => drainWorker(worker),
  };
}
