/** @groundwork/delivery: email and push with templates, preferences, durable sends and verified provider events. */

export type { DeliveryAdapterEnv, DeliveryAdapters } from './adapters-from-env.js';
export { adaptersFromEnv } from './adapters-from-env.js';
export type { ApnsAdapter, ApnsAdapterOptions } from './apns-adapter.js';
export {
  APNS_MAX_PAYLOAD_BYTES,
  APNS_TOKEN_REFRESH_MS,
  apnsIdFor,
  apnsPayload,
  createApnsAdapter,
} from './apns-adapter.js';
export type {
  Channel,
  EmailAdapter,
  EmailAddress,
  EmailMessage,
  PushAdapter,
  PushMessage,
  PushPlatform,
  SendResult,
  SmsAdapter,
  SmsMessage,
} from './channels.js';
export { CHANNELS, PUSH_PLATFORMS } from './channels.js';
export type { ConsoleLog } from './console-adapters.js';
export { createConsoleEmailAdapter, createConsoleSmsAdapter } from './console-adapters.js';
export type {
  DeliveryLogDocument,
  DeliveryStatus,
  DeviceDocument,
  PreferencesDocument,
  QuietHours,
  SuppressionDocument,
  SuppressionReason,
} from './containers.js';
export {
  DEFAULT_LOG_RETENTION_DAYS,
  DELIVERY_STATUSES,
  DEVICE_OWNERS_CONTAINER,
  DEVICES_CONTAINER,
  deliveryContainers,
  deliveryLogContainer,
  devicePartition,
  EMAIL_TEMPLATES_CONTAINER,
  logPartition,
  OUTBOX_CONTAINER,
  PREFERENCES_CONTAINER,
  PROVIDER_EVENTS_CONTAINER,
  SUPPRESSION_REASONS,
  SUPPRESSIONS_CONTAINER,
} from './containers.js';
export type { DeliveryEnv } from './delivery-env.js';
export { deliveryEnvSchema, EMAIL_PROVIDERS } from './delivery-env.js';
export type {
  DeliverRequest,
  DeliverResult,
  DeliveryRef,
  ProductBranding,
  ResolveUser,
  SkippedChannel,
  UserContact,
} from './dispatcher.js';
export { deliverRequestSchema, SEND_TASK_TYPE } from './dispatcher.js';
export type { EventDelivery } from './event-templates.js';
export { DEFAULT_SUBSCRIBED_EVENTS, EVENT_TEMPLATES, eventDelivery } from './event-templates.js';
export type { FailoverAdapter, FailoverOptions } from './failover-adapter.js';
export { createFailoverEmailAdapter } from './failover-adapter.js';
export type { FcmAdapter, FcmAdapterOptions, ServiceAccount } from './fcm-adapter.js';
export { createFcmAdapter, FCM_SCOPE, fcmMessage } from './fcm-adapter.js';
export type { LinkLog, LinkMessage, LinkSenderPort } from './link-sender.js';
export { deliveryLinkSender, LINK_TEMPLATES } from './link-sender.js';
export { maskRecipient, normalizeEmail } from './mask.js';
export type { DeliveryModule, DeliveryModuleOptions } from './module.js';
export { APNS_KEY_EXPIRY_TASK_TYPE, createDeliveryModule } from './module.js';
export type { PostmarkAdapterOptions } from './postmark-adapter.js';
export { createPostmarkAdapter, postmarkBody } from './postmark-adapter.js';
export type { ApplyResult, ProviderEvent, ProviderEventType } from './provider-events.js';
export {
  checkBasicAuth,
  MAX_EVENT_AGE_MS,
  parsePostmarkEvent,
  parseSendGridEvents,
  SENDGRID_SIGNATURE_HEADER,
  SENDGRID_TIMESTAMP_HEADER,
  SIGNATURE_WINDOW_MS,
  sendGridPublicKey,
  verifySendGridSignature,
} from './provider-events.js';
export { quietHoursEnd } from './quiet-hours.js';
export type { BaseVariables, EmailSource, RenderedEmail, RenderedPush, Renderer } from './renderer.js';
export { createRenderer, EMAIL_LAYOUT, TemplateRenderError } from './renderer.js';
export type { DeliveryAuditRecord, DeliveryAuditSink } from './routes.js';
export { deliveryRoutes } from './routes.js';
export type { Sealer } from './sealing.js';
export { createSealer, DELIVERY_KEYS_CONTAINER } from './sealing.js';
export type { SendFailureKind } from './send-errors.js';
export { isSendError, parseRetryAfter, SendError } from './send-errors.js';
export type { SendGridAdapterOptions } from './sendgrid-adapter.js';
export { createSendGridAdapter, sendGridBody } from './sendgrid-adapter.js';
export type {
  CreateDeliveryOptions,
  DayStats,
  Delivery,
  DeliveryLogView,
  DeviceView,
  OutboxMessageView,
  PreferencesView,
  TemplateDetail,
  TemplateView,
} from './service.js';
export { createDelivery } from './service.js';
export type { SmtpAdapterOptions } from './smtp-adapter.js';
export { createSmtpAdapter } from './smtp-adapter.js';
export type { Category, EmailTemplateDefinition, PushTypeDefinition } from './template-catalog.js';
export {
  CATEGORIES,
  EMAIL_TEMPLATE_NAMES,
  EMAIL_TEMPLATES,
  PUSH_TYPE_NAMES,
  PUSH_TYPES,
} from './template-catalog.js';
export { webhookRoutes } from './webhook-routes.js';
