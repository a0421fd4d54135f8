/** The delivery module in a test service (memory store unless given, fake clock), with a worker for its sends. */
import { createWorker } from '@groundwork/jobs';
import type { DocumentStore } from '@groundwork/store';
import { createFakeClock, createTestService, drainWorker, type FakeClock } from '@groundwork/testing';
import type { EmailAdapter, PushAdapter } from '../src/channels.js';
import type { DeliveryEnv } from '../src/delivery-env.js';
import { SEND_TASK_TYPE } from '../src/dispatcher.js';
import { createDeliveryModule, type DeliveryModule } from '../src/module.js';
import type { DeliveryAuditRecord } from '../src/routes.js';

export { bearer } from '@groundwork/testing';

export async function createDeliveryTestApp(
  options: {
    env?: Partial<DeliveryEnv>;
    email?: EmailAdapter;
    push?: PushAdapter[];
    store?: DocumentStore;
    clock?: FakeClock;
  } = {},
) {
  const clock = options.clock ?? createFakeClock();
  const audited: DeliveryAuditRecord[] = [];
  const delivery: DeliveryModule = createDeliveryModule({
    productId: 'acme',
    env: { DELIVERY_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'), ...options.env },
    branding: { productName: 'Acme', appUrl: 'https://app.acme.test' },
    audit: async (record) => {
      audited.push(record);
    },
    ...(options.email || options.push
      ? {
          adapters: {
            ...(options.email ? { email: options.email } : {}),
            ...(options.push ? { push: options.push } : {}),
          },
        }
      : {}),
  });
  const app = await createTestService({
    modules: [delivery.module],
    clock,
    ...(options.store ? { store: options.store } : {}),
  });
  const worker = createWorker({
    store: app.store,
    clock,
    handlers: {
      [SEND_TASK_TYPE]: (task, ctx) => delivery.delivery().handleSendTask(task, ctx) as Promise<undefined>,
    },
  });
  return {
    ...app,
    delivery,
    audited,
    drain: () => drainWorker(worker),
  };
}

export type DeliveryTestApp = Awaited<ReturnType<typeof createDeliveryTestApp>>;
