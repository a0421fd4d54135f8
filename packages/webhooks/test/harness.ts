/** A test service with events, jobs and webhooks mounted, a hand-driven worker and a fake clock. */
import {
  createEventBus,
  createEventsModule,
  DELIVER_TASK_TYPE,
  type EventEnvelope,
  eventsExtension,
} from '@groundwork/events';
import { createJobsModule, createWorker, jobsExtension, type Worker } from '@groundwork/jobs';
import type { DocumentStore } from '@groundwork/store';
import { bearer, createFakeClock, createTestService, drainWorker, type FakeClock } from '@groundwork/testing';
import { createWebhooksModule, type WebhooksModuleOptions } from '../src/module.js';
import { type AuditRecord, DELIVER_WEBHOOK_TASK_TYPE } from '../src/service.js';

export const LOOPBACK = { allow: ['127.0.0.1/32'], allowHttp: true };
export const admin = (product = 'acme') => bearer('root', product, ['admin']);
export const actor = { type: 'user', id: 'ann' } as const;

export interface Harness {
  service: Awaited<ReturnType<typeof createTestService>>['service'];
  store: DocumentStore;
  clock: FakeClock;
  bus: ReturnType<typeof createEventBus>;
  webhooks: ReturnType<typeof createWebhooksModule>;
  audits: AuditRecord[];
  notices: EventEnvelope[];
  worker: Worker;
  /** Runs due tasks until none is left (bounded). */
  drain(maxRounds?: number): Promise<number>;
  /** Creates a subscription through the API and returns its body (with the secret). */
  subscribe(
    body: Record<string, unknown>,
    product?: string,
  ): Promise<{ id: string; secret: string } & Record<string, unknown>>;
  close(): Promise<void>;
}

export async function createHarness(
  options: Partial<Omit<WebhooksModuleOptions, 'bus'>> & { store?: DocumentStore; clock?: FakeClock } = {},
): Promise<Harness> {
  const bus = createEventBus();
  const audits: AuditRecord[] = [];
  const notices: EventEnvelope[] = [];
  const { store: givenStore, clock: givenClock, ...moduleOptions } = options;
  const webhooks = createWebhooksModule({
    bus,
    audit: async (record) => void audits.push(record),
    policy: LOOPBACK,
    subscriptionCacheMs: 0,
    random: () => 0.5,
    ...moduleOptions,
  });
  const built = await createTestService({
    modules: [
      createEventsModule({ bus, productId: 'ops' }),
      createJobsModule({ runnerEnabled: false, tickIntervalMs: 60_000 }),
      webhooks.module,
    ],
    extensions: [eventsExtension, jobsExtension],
    clock: givenClock ?? createFakeClock(Date.now()),
    ...(givenStore ? { store: givenStore } : {}),
  });
  bus.on({
    name: 'test-notices',
    types: ['webhook.subscription_failing', 'webhook.subscription_disabled'],
    handler: (event) => void notices.push(event),
  });
  const worker = createWorker({
    store: built.store,
    clock: built.clock,
    handlers: {
      [DELIVER_TASK_TYPE]: bus.deliveryHandler,
      [DELIVER_WEBHOOK_TASK_TYPE]: webhooks.webhooks().deliveryHandler,
    },
    concurrency: 8,
  });
  return {
    ...built,
    bus,
    webhooks,
    audits,
    notices,
    worker,
    drain: (maxRounds = 100) => drainWorker(worker, maxRounds),
    async subscribe(body, product = 'acme') {
      const response = await built.service.app.inject({
        method: 'POST',
        url: '/v1/webhooks/subscriptions',
        headers: admin(product),
        payload: body,
      });
      if (response.statusCode !== 201)
        throw new Error(`subscribe failed: ${response.statusCode} ${response.body}`);
      return response.json();
    },
    async close() {
      await worker.stop();
      await built.service.stop();
    },
  };
}
