export type { WebhookEventType } from './events.js';
export {
  SUBSCRIPTION_DISABLED_EVENT,
  SUBSCRIPTION_FAILING_EVENT,
  WEBHOOK_TEST_EVENT,
  webhookEvents,
} from './events.js';
export type { WebhooksModule, WebhooksModuleOptions } from './module.js';
export { createWebhooksModule, WEBHOOKS_SUBSCRIBER } from './module.js';
export type { StoredDelivery, StoredSubscription } from './repository.js';
export {
  DELIVERIES_CONTAINER,
  DELIVERY_TTL_SECONDS,
  deliveryIdFor,
  deliveryPk,
  SUBSCRIPTIONS_CONTAINER,
} from './repository.js';
export type { RetryPolicy } from './retry-policy.js';
export {
  DEFAULT_MAX_RETRIES,
  DEFAULT_MAX_RETRY_AFTER_MS,
  DEFAULT_RETRY_SCHEDULE_MS,
  JITTER_RATIO,
  parseRetryAfter,
  retryDelayMs,
  scheduledDelayMs,
} from './retry-policy.js';
export { webhooksAdminRoutes } from './routes.js';
export type {
  CreateSubscriptionInput,
  DeliveryAttempt,
  DeliveryDocument,
  DeliveryFilters,
  DeliveryStatus,
  DeliveryView,
  DisabledReason,
  SubscriptionDocument,
  SubscriptionView,
  UpdateSubscriptionInput,
} from './schemas.js';
export {
  createSubscriptionSchema,
  DELIVERY_STATUSES,
  deliveryViewSchema,
  subscriptionViewSchema,
  updateSubscriptionSchema,
} from './schemas.js';
export { generateSecret, SECRET_PREFIX, secretKey } from './secrets.js';
export type {
  AuditRecord,
  AuditSink,
  CreateWebhooksOptions,
  EventsPort,
  RequestMeta,
  Webhooks,
} from './service.js';
export {
  createWebhooks,
  DEFAULT_AUTO_DISABLE_AFTER,
  DEFAULT_DELIVERY_TIMEOUT_MS,
  DELIVER_WEBHOOK_TASK_TYPE,
  RESPONSE_BODY_LOG_BYTES,
  SECRET_ROTATION_OVERLAP_MS,
  WEBHOOK_MAX_PAYLOAD_BYTES,
  webhookBody,
} from './service.js';
export type { SignInput } from './signing.js';
export { seedSignature, signatureHeaders, standardSignature } from './signing.js';
export type {
  HeaderSource,
  VerifiedWebhook,
  VerifyWebhookInput,
  WebhookVerificationCode,
} from './verify.js';
export { DEFAULT_TOLERANCE_SECONDS, verifyWebhook, WebhookVerificationError } from './verify.js';
export type { Health, HealthIndicator } from './views.js';
export { healthOf } from './views.js';
export type { WebhooksEnv } from './webhooks-env.js';
export { webhooksEnvSchema } from './webhooks-env.js';
