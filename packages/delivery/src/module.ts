/**
 * The delivery platform module: composition only. It declares the containers, the `delivery.send`
 * task handler (run by the jobs worker), a durable subscriber for the events that send mail, the
 * APNs key expiry check (Appendix A risk 6), the admin and user routes and the provider webhooks;
 * and it hands other modules a link sender for the identity flows. The service (`createDelivery`)
 * is bound to the service's store, clock and a jobs queue when the module is mounted.
 */
import type { DurableSubscriber } from '@groundwork/events';
import { defineModule, type ModuleContext, type PlatformModule } from '@groundwork/http';
import { createQueue, type JobDefinitionInput } from '@groundwork/jobs';
import { adaptersFromEnv, type DeliveryAdapterEnv } from './adapters-from-env.js';
import type { EmailAdapter, PushAdapter, SmsAdapter } from './channels.js';
import { DEFAULT_LOG_RETENTION_DAYS, deliveryContainers } from './containers.js';
import type { DeliveryEnv } from './delivery-env.js';
import { type ProductBranding, type ResolveUser, SEND_TASK_TYPE } from './dispatcher.js';
import { DEFAULT_SUBSCRIBED_EVENTS, eventDelivery } from './event-templates.js';
import { deliveryLinkSender, type LinkSenderPort } from './link-sender.js';
import { type DeliveryAuditSink, deliveryRoutes } from './routes.js';
import { createSealer } from './sealing.js';
import { createDelivery, type Delivery } from './service.js';
import { webhookRoutes } from './webhook-routes.js';

export const APNS_KEY_EXPIRY_TASK_TYPE = 'delivery.apns-key-expiry-check';
const APNS_EXPIRY_WARNING_DAYS = 30;

export interface DeliveryModuleOptions {
  /** The default product (its branding comes from `EMAIL_FROM_*` and `branding`). */
  productId: string;
  /** The parsed delivery env (`deliveryEnvSchema`); defaults apply to what is missing. */
  env?: Partial<DeliveryEnv>;
  /** Overrides of the default product's branding (`productName` defaults to the product id). */
  branding?: Partial<ProductBranding>;
  /** Branding of other products. */
  products?: Record<string, Partial<ProductBranding>>;
  /** Email address, phone and time zone of a user (e.g. from the auth module). Without it, sends need `to`. */
  resolveUser?: ResolveUser;
  /** Records admin changes (e.g. `(record) => audit.audit.record(record)`). */
  audit?: DeliveryAuditSink;
  /** Adapters instead of those the env describes (tests, custom providers). */
  adapters?: { email?: EmailAdapter; push?: PushAdapter[]; sms?: SmsAdapter };
  /** Event types that send mail (default `user.created`, `payment.failed`); each must be in the service's catalog. */
  subscribeTo?: readonly string[];
  /** How long a template override is cached per instance, in ms (default 5 s). */
  templateCacheMs?: number;
}

export interface DeliveryModule {
  module: PlatformModule;
  /** The bound service; throws until the module is mounted. */
  delivery(): Delivery;
  /** For `createAuthModule({ linkSender })`: queues password-reset and verification emails. */
  linkSender: LinkSenderPort;
}

const DEFAULT_ENV: Pick<
  DeliveryEnv,
  | 'EMAIL_PROVIDER'
  | 'EMAIL_FROM_ADDRESS'
  | 'EMAIL_FROM_NAME'
  | 'EMAIL_LINK_BASE_URL'
  | 'SENDGRID_BASE_URL'
  | 'POSTMARK_BASE_URL'
  | 'POSTMARK_MESSAGE_STREAM'
  | 'APNS_URL'
  | 'FCM_BASE_URL'
  | 'DELIVERY_MAX_ATTEMPTS'
  | 'DELIVERY_LOG_RETENTION_DAYS'
> = {
  EMAIL_PROVIDER: 'console',
  EMAIL_FROM_ADDRESS: 'no-reply@localhost',
  EMAIL_FROM_NAME: 'Groundwork',
  EMAIL_LINK_BASE_URL: 'http://localhost:3000',
  SENDGRID_BASE_URL: 'https://api.sendgrid.com',
  POSTMARK_BASE_URL: 'https://api.postmarkapp.com',
  POSTMARK_MESSAGE_STREAM: 'outbound',
  APNS_URL: 'https://api.push.apple.com',
  FCM_BASE_URL: 'https://fcm.googleapis.com',
  DELIVERY_MAX_ATTEMPTS: 8,
  DELIVERY_LOG_RETENTION_DAYS: DEFAULT_LOG_RETENTION_DAYS,
};

export function createDeliveryModule(options: DeliveryModuleOptions): DeliveryModule {
  const env = { ...DEFAULT_ENV, ...stripUndefined(options.env ?? {}) };
  const defaultBranding: ProductBranding = {
    productName: options.productId,
    fromAddress: env.EMAIL_FROM_ADDRESS,
    fromName: env.EMAIL_FROM_NAME,
    replyTo: env.EMAIL_REPLY_TO,
    appUrl: env.EMAIL_LINK_BASE_URL,
    ...stripUndefined(options.branding ?? {}),
  };
  let bound:
    | {
        delivery: Delivery;
        ctx: ModuleContext;
        adapters: { email: EmailAdapter; push: PushAdapter[] };
        close: () => Promise<void>;
      }
    | undefined;

  function delivery(): Delivery {
    if (!bound)
      throw new Error('The delivery module is not mounted yet: pass `module` to createServiceApp first.');
    return bound.delivery;
  }

  function bind(ctx: ModuleContext): Delivery {
    if (bound) return bound.delivery;
    const logger = ctx.logger;
    const fromEnv = adaptersFromEnv(env as DeliveryAdapterEnv, {
      outbox: (message) => delivery().keepInOutbox(message),
      logger,
    });
    const email = options.adapters?.email ?? fromEnv.email;
    const push = options.adapters?.push ?? fromEnv.push;
    const sms = options.adapters?.sms ?? fromEnv.sms;
    const service = createDelivery({
      store: ctx.store,
      clock: ctx.clock,
      queue: createQueue({ store: ctx.store, clock: ctx.clock, logger }),
      sealer: createSealer({ key: env.DELIVERY_ENCRYPTION_KEY, store: ctx.store }),
      email,
      push,
      sms,
      defaultBranding,
      ...(options.products ? { products: options.products } : {}),
      ...(options.resolveUser ? { resolveUser: options.resolveUser } : {}),
      maxAttempts: env.DELIVERY_MAX_ATTEMPTS,
      logger,
      ...(options.templateCacheMs === undefined ? {} : { templateCacheMs: options.templateCacheMs }),
    });
    if (email.name === 'console' && process.env.NODE_ENV === 'production') {
      logger.warn(
        {},
        'EMAIL_PROVIDER is console: emails are kept in the dev outbox and never sent. Set EMAIL_PROVIDER for production.',
      );
    }
    const close = async () => {
      await Promise.all([email.close?.(), ...push.map((adapter) => adapter.close?.()), sms.close?.()]);
    };
    bound = { delivery: service, ctx, adapters: { email, push }, close };
    ctx.onShutdown(close);
    return service;
  }

  const subscriber: DurableSubscriber = {
    name: 'delivery',
    types: [...(options.subscribeTo ?? DEFAULT_SUBSCRIBED_EVENTS)],
    handler: async (event) => {
      const branding = { ...defaultBranding, ...(options.products?.[event.productId] ?? {}) };
      const mapped = eventDelivery(event, { appUrl: branding.appUrl.replace(/\/+$/, '') });
      if (!mapped) return;
      await delivery().deliver({
        productId: event.productId,
        template: mapped.template,
        data: mapped.data,
        ...(mapped.userId ? { userId: mapped.userId } : {}),
        ...(mapped.to ? { to: mapped.to } : {}),
        idempotencyKey: `event:${event.id}`,
      });
    },
  };

  const definitions: JobDefinitionInput[] = env.APNS_KEY_EXPIRES_AT
    ? [
        {
          name: 'delivery.apns-key-expiry-check',
          type: APNS_KEY_EXPIRY_TASK_TYPE,
          productId: options.productId,
          schedule: { cron: '0 9 * * *' },
          payload: { expiresAt: env.APNS_KEY_EXPIRES_AT },
        },
      ]
    : [];

  const module = defineModule({
    name: 'delivery',
    containers: deliveryContainers(env.DELIVERY_LOG_RETENTION_DAYS),
    events: { durableSubscribers: [subscriber] },
    jobs: {
      definitions,
      handlers: {
        [SEND_TASK_TYPE]: (task, ctx) => delivery().handleSendTask(task, ctx) as Promise<undefined>,
        [APNS_KEY_EXPIRY_TASK_TYPE]: (_task, ctx) => {
          const expiresAt = Date.parse(env.APNS_KEY_EXPIRES_AT ?? '');
          if (Number.isNaN(expiresAt) || !bound) return { daysLeft: null };
          const daysLeft = Math.floor((expiresAt - bound.ctx.clock.now()) / 86_400_000);
          if (daysLeft <= APNS_EXPIRY_WARNING_DAYS)
            ctx.logger.warn(
              { daysLeft, expiresAt: env.APNS_KEY_EXPIRES_AT },
              'the APNs key must be renewed soon: iOS push stops when it expires',
            );
          return { daysLeft };
        },
      },
    },
    routes: async (app, { ctx }) => {
      bind(ctx);
      await app.register(deliveryRoutes({ delivery, audit: options.audit }), { ctx });
      await app.register(
        webhookRoutes({
          delivery,
          clock: () => ctx.clock,
          sendGridPublicKey: env.SENDGRID_WEBHOOK_PUBLIC_KEY,
          postmark:
            env.POSTMARK_WEBHOOK_USER && env.POSTMARK_WEBHOOK_PASSWORD
              ? { user: env.POSTMARK_WEBHOOK_USER, password: env.POSTMARK_WEBHOOK_PASSWORD }
              : undefined,
        }),
        { ctx },
      );
    },
    start(ctx) {
      bind(ctx);
    },
    async health() {
      if (!bound) return { status: 'down', detail: 'not started' };
      const { email, push } = bound.adapters;
      const circuit =
        'state' in email && typeof email.state === 'function' ? String(email.state()) : undefined;
      return {
        status: circuit === 'open' ? 'degraded' : 'ok',
        ...(circuit === 'open'
          ? { detail: 'the primary email provider is failing; sending through the secondary' }
          : {}),
        data: {
          email: email.name,
          push: push.map((adapter) => adapter.name),
          ...(circuit ? { emailCircuit: circuit } : {}),
        },
      };
    },
  });

  return {
    module,
    delivery,
    linkSender: deliveryLinkSender(delivery, () => (bound ? bound.ctx.clock.now() : Date.now())),
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
