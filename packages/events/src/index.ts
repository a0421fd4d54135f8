export type { Actor } from './actor.js';
export {
  ACTOR_TYPES,
  actorFromPrincipal,
  actorSchema,
  systemActor,
} from './actor.js';
export type { BuiltInPayloads, EventPayloads } from './built-in-events.js';
export { builtInEvents } from './built-in-events.js';
export type {
  BusBinding,
  CreateEventBusOptions,
  EmitContext,
  EventBus,
  EventType,
} from './bus.js';
export { createEventBus, DELIVER_TASK_TYPE } from './bus.js';
export type { CatalogEntry, EventDefinition } from './catalog.js';
export { defineEvent, EventCatalog } from './catalog.js';
export type { EventEnvelope } from './envelope.js';
export {
  EVENT_ID_PREFIX,
  eventEnvelopeSchema,
  eventIdSchema,
} from './envelope.js';
export type { EventMetrics } from './metrics.js';
export type { EventsModuleOptions } from './module.js';
export {
  createEventsModule,
  eventsExtension,
  OUTBOX_RELAY_TASK_TYPE,
  outboxOf,
} from './module.js';
export type { ModuleEvents } from './module-contract.js';
export { collectModuleEvents } from './module-contract.js';
export type { CreateOutboxOptions, Outbox, OutboxFields } from './outbox.js';
export {
  createOutbox,
  DEFAULT_OUTBOX_GRACE_MS,
  OUTBOX_AT_FIELD,
  OUTBOX_FIELD,
  withOutbox,
  withoutOutbox,
} from './outbox.js';
export type { HandleOnceOptions, ReceiptOutcome } from './receipts.js';
export {
  EVENT_RECEIPTS_CONTAINER,
  handleOnce,
  RECEIPT_TTL_SECONDS,
} from './receipts.js';
export { catalogEntrySchema, catalogListSchema } from './routes.js';
export type {
  DurableEnqueueContext,
  DurableHandler,
  DurableHandlerContext,
  DurableSubscriber,
  EnvelopeOf,
  EventSelector,
  InProcessHandler,
  InProcessSubscriber,
} from './subscribers.js';
