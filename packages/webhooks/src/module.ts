/**
 * The webhooks platform module: composition only. It declares the two containers, adds its events
 * to the catalog, subscribes durably to every event (the fan-out), registers the
 * `webhooks.deliver` task handler with the jobs module, mounts the admin routes and reports
 * health. Needs `createEventsModule` + `eventsExtension` and `createJobsModule` + `jobsExtension`.
 */
import type { DurableSubscriber, EventBus } from '@groundwork/events';
import { defineModule, type HealthCheck, type ModuleContext, type PlatformModule } from '@groundwork/http';
import type { JobsLogger } from '@groundwork/jobs';
import type { OutboundPolicy, Resolver } from '@groundwork/outbound';
import { webhookEvents } from './events.js';
import { createWebhooksRepository, DELIVERIES_CONTAINER, SUBSCRIPTIONS_CONTAINER } from './repository.js';
import { webhooksAdminRoutes } from './routes.js';
import {
  type AuditSink,
  type CreateWebhooksOptions,
  createWebhooks,
  DELIVER_WEBHOOK_TASK_TYPE,
  type Webhooks,
} from './service.js';

export const WEBHOOKS_SUBSCRIBER = 'webhooks';

export interface WebhooksModuleOptions {
  /** The service's event bus: the fan-out subscribes to it, notices are emitted on it. */
  bus: EventBus;
  /** Records every admin change (e.g. `(record) => audit.audit.record(record)`). */
  audit?: AuditSink;
  /** Outbound address policy: `outboundPolicyFromEnv(env)`. Default: public https only. */
  policy?: OutboundPolicy;
  /** `WEBHOOK_DELIVERY_TIMEOUT_MS`. */
  deliveryTimeoutMs?: number;
  /** `WEBHOOK_MAX_RETRIES`. */
  maxRetries?: number;
  /** `WEBHOOK_RETRY_SCHEDULE_MS` (empty = default). */
  retryScheduleMs?: readonly number[];
  /** Tests: fake DNS. */
  resolver?: Resolver;
  /** Tests: deterministic jitter. */
  random?: () => number;
  autoDisableAfter?: number;
  subscriptionCacheMs?: number;
}

export interface WebhooksModule {
  module: PlatformModule;
  /** The service bound to the module's store; available once the module is mounted. */
  webhooks(): Webhooks;
}

export function createWebhooksModule(options: WebhooksModuleOptions): WebhooksModule {
  let bound: Webhooks | undefined;

  function bind(ctx: {
    store: ModuleContext['store'];
    clock: ModuleContext['clock'];
    logger: JobsLogger;
  }): Webhooks {
    if (bound) return bound;
    const settings: CreateWebhooksOptions = {
      store: ctx.store,
      clock: ctx.clock,
      logger: ctx.logger,
      bus: options.bus,
      ...(options.audit ? { audit: options.audit } : {}),
      ...(options.policy ? { policy: options.policy } : {}),
      ...(options.deliveryTimeoutMs ? { deliveryTimeoutMs: options.deliveryTimeoutMs } : {}),
      ...(options.maxRetries !== undefined ? { maxRetries: options.maxRetries } : {}),
      ...(options.retryScheduleMs && options.retryScheduleMs.length > 0
        ? { retryScheduleMs: options.retryScheduleMs }
        : {}),
      ...(options.resolver ? { resolver: options.resolver } : {}),
      ...(options.random ? { random: options.random } : {}),
      ...(options.autoDisableAfter ? { autoDisableAfter: options.autoDisableAfter } : {}),
      ...(options.subscriptionCacheMs !== undefined
        ? { subscriptionCacheMs: options.subscriptionCacheMs }
        : {}),
    };
    bound = createWebhooks(settings);
    return bound;
  }

  function webhooks(): Webhooks {
    if (!bound)
      throw new Error('The webhooks module is not mounted yet: pass `module` to createServiceApp first.');
    return bound;
  }

  const fanOut: DurableSubscriber = {
    name: WEBHOOKS_SUBSCRIBER,
    types: '*',
    // The fan-out is idempotent by itself (deterministic delivery ids, task idempotency keys).
    dedupe: false,
    // At emit time, in the emit's batch: the log documents and one `webhooks.deliver` task per
    // (event, subscription) are written before `emit` resolves, with no `events.deliver` task between.
    enqueue: async (events, ctx) => {
      const webhooks = bind(ctx);
      await Promise.all(events.map((event) => webhooks.fanOut(event, { atEmit: true })));
    },
    // Only for `events.deliver` tasks enqueued before this subscriber enqueued by itself.
    handler: async (event, ctx) => {
      await bind(ctx).fanOut(event);
    },
  };

  const module = defineModule({
    name: 'webhooks',
    containers: [SUBSCRIPTIONS_CONTAINER, DELIVERIES_CONTAINER],
    events: { definitions: [...webhookEvents], durableSubscribers: [fanOut] },
    jobs: {
      handlers: {
        [DELIVER_WEBHOOK_TASK_TYPE]: (task, ctx) => webhooks().deliveryHandler(task, ctx),
      },
    },
    routes: async (app, { ctx }) => {
      bind(ctx);
      await app.register(
        webhooksAdminRoutes(webhooks, () => options.bus.catalog.describe()),
        { ctx },
      );
    },
    async health(ctx): Promise<HealthCheck> {
      try {
        await createWebhooksRepository(ctx.store).subscriptions.read(
          'whsub-health-probe',
          'whsub-health-probe',
        );
        return { status: 'ok' };
      } catch {
        return { status: 'down', detail: 'the webhook_subscriptions container cannot be read' };
      }
    },
    start(ctx) {
      bind(ctx);
    },
    async stop() {
      await bound?.close();
    },
  });
  return { module, webhooks };
}
