/**
 * `createEventBus()`: validated emits against the catalog, isolated in-process subscribers, and
 * durable subscribers fed through the jobs queue once the bus is bound to a service's store.
 *
 * - `emit` validates the type, payload and context and throws `ValidationError` at the emitter; it
 *   resolves once the durable deliveries are enqueued (at once when none match).
 * - In-process handlers each run in their own microtask, after `emit` returned: a handler that
 *   throws, rejects or never settles is logged and counted, and never fails the emit or delays
 *   another handler. No order between handlers is promised.
 * - Durable deliveries are tasks of type `events.deliver` (one per event and subscriber, with the
 *   idempotency key `<subscriber>:<eventId>`, so enqueueing twice is harmless), run by the jobs
 *   worker through `deliveryHandler`, which skips event ids the subscriber already handled.
 */
import { ValidationError } from '@groundwork/errors';
import {
  createQueue,
  type EnqueueItem,
  type JobsLogger,
  type Queue,
  type TaskHandler,
} from '@groundwork/jobs';
import type { Clock, DocumentStore } from '@groundwork/store';
import type { Registry } from 'prom-client';
import { type Actor, actorSchema } from './actor.js';
import { builtInEvents, type EventPayloads } from './built-in-events.js';
import { EventCatalog, type EventDefinition } from './catalog.js';
import { type EventEnvelope, isoTime, newEventId, PRODUCT_ID_PATTERN } from './envelope.js';
import { type EventMetrics, noEventMetrics, registerEventMetrics } from './metrics.js';
import { handleOnce } from './receipts.js';
import {
  assertSubscriberName,
  type DurableSubscriber,
  type EnvelopeOf,
  type InProcessSubscriber,
  selects,
} from './subscribers.js';

export const DELIVER_TASK_TYPE = 'events.deliver';
const DEFAULT_DELIVERY_ATTEMPTS = 8;
const DEFAULT_DELIVERY_TIMEOUT_MS = 30_000;

/** Who and where: required on every emit. */
export interface EmitContext {
  productId: string;
  actor: Actor;
  /** When it happened (default: now, by the bus clock). */
  occurredAt?: Date | number;
}

/** The service a bus delivers durably through (set by the events module, or by hand). */
export interface BusBinding {
  store: DocumentStore;
  clock: Clock;
  logger: JobsLogger;
  /** Where the event metrics go (the service's registry). */
  metrics?: Registry;
}

export interface CreateEventBusOptions {
  /** Extra catalog entries; the built-in events are always included. */
  definitions?: readonly EventDefinition[];
  /** Clock for `occurredAt` before the bus is bound (then the binding's). */
  clock?: Clock;
  /** Logger before the bus is bound (then the binding's). */
  logger?: JobsLogger;
}

export type EventType = keyof EventPayloads & string;

export interface EventBus {
  readonly catalog: EventCatalog;
  /** Adds a catalog entry (modules do it through `events.definitions`). */
  define(definition: EventDefinition): void;
  /** Subscribes in-process; returns the unsubscribe function. */
  on(subscriber: InProcessSubscriber): () => void;
  /** Subscribes durably; deliveries need the bus bound to a store. */
  subscribeDurable(subscriber: DurableSubscriber): void;
  /** Validates, then dispatches to in-process subscribers and enqueues durable deliveries. */
  emit<K extends EventType>(type: K, payload: EventPayloads[K], ctx: EmitContext): Promise<EnvelopeOf<K>>;
  /** Validates and builds the envelope without dispatching it (for `withOutbox`). */
  stage<K extends EventType>(type: K, payload: EventPayloads[K], ctx: EmitContext): EnvelopeOf<K>;
  /**
   * Dispatches envelopes built by `stage` (or read back from an outbox). With `inProcess: false`
   * only durable subscribers get them (the outbox relay, in a process that did not emit them).
   */
  publish(events: readonly EventEnvelope[], options?: { inProcess?: boolean }): Promise<void>;
  /** Binds durable delivery to a service's store (once). */
  bind(binding: BusBinding): void;
  /** The bound service, if any. */
  readonly binding: BusBinding | undefined;
  /** The `events.deliver` task handler (the events module registers it with the jobs worker). */
  readonly deliveryHandler: TaskHandler;
}

/** The payload of an `events.deliver` task (written by this bus; checked, not trusted blindly). */
function deliveryOf(payload: unknown, taskId: string): { subscriber: string; event: EventEnvelope } {
  const { subscriber, event } = (payload ?? {}) as { subscriber?: unknown; event?: Partial<EventEnvelope> };
  if (
    typeof subscriber !== 'string' ||
    typeof event !== 'object' ||
    event === null ||
    typeof event.id !== 'string' ||
    typeof event.type !== 'string' ||
    typeof event.productId !== 'string' ||
    typeof event.occurredAt !== 'string'
  ) {
    throw new Error(`Task ${taskId} is not an event delivery.`);
  }
  return { subscriber, event: event as EventEnvelope };
}

const silent: JobsLogger = { debug() {}, info() {}, warn() {}, error() {} };
const systemClock: Clock = { now: () => Date.now() };

export function createEventBus(options: CreateEventBusOptions = {}): EventBus {
  const catalog = new EventCatalog([...builtInEvents, ...(options.definitions ?? [])]);
  const inProcess: InProcessSubscriber[] = [];
  const durable = new Map<string, DurableSubscriber>();
  // Subscribers per event type, rebuilt when subscriptions change.
  let inProcessByType = new Map<string, InProcessSubscriber[]>();
  let durableByType = new Map<string, DurableSubscriber[]>();
  let binding: BusBinding | undefined;
  let queue: Queue | undefined;
  let metrics: EventMetrics = noEventMetrics;
  // Actor objects already validated: emitters usually pass the same one for a whole request.
  const validActors = new WeakSet<object>();

  const clock = (): Clock => binding?.clock ?? options.clock ?? systemClock;
  const logger = (): JobsLogger => binding?.logger ?? options.logger ?? silent;

  function subscribersOf<S extends { types: InProcessSubscriber['types'] }>(
    cache: Map<string, S[]>,
    all: Iterable<S>,
    type: string,
  ): S[] {
    let list = cache.get(type);
    if (list === undefined) {
      list = [...all].filter((subscriber) => selects(subscriber.types, type));
      cache.set(type, list);
    }
    return list;
  }

  function assertKnownTypes(name: string, types: InProcessSubscriber['types']): void {
    if (types === '*') return;
    const unknown = types.filter((type) => !catalog.has(type));
    if (unknown.length > 0) {
      throw new TypeError(
        `Subscriber "${name}" listens to events not in the catalog: ${unknown.join(', ')}.`,
      );
    }
  }

  function checkContext(ctx: EmitContext): void {
    const issues = [];
    if (typeof ctx?.productId !== 'string' || !PRODUCT_ID_PATTERN.test(ctx.productId)) {
      issues.push({
        path: 'ctx.productId',
        message: 'must be a product id',
        code: 'invalid_product',
      });
    }
    const actor = ctx?.actor;
    if (typeof actor !== 'object' || actor === null || !validActors.has(actor)) {
      const parsed = actorSchema.safeParse(actor);
      if (parsed.success) validActors.add(actor as object);
      else
        issues.push({
          path: 'ctx.actor',
          message: 'must be { type, id[, impersonatedBy] }',
          code: 'invalid_actor',
        });
    }
    const at = ctx?.occurredAt;
    if (at !== undefined && !(at instanceof Date ? Number.isFinite(at.getTime()) : Number.isFinite(at))) {
      issues.push({
        path: 'ctx.occurredAt',
        message: 'must be a valid time',
        code: 'invalid_time',
      });
    }
    if (issues.length > 0) throw new ValidationError(issues, 'Invalid event context.');
  }

  function stage(type: string, payload: unknown, ctx: EmitContext): EventEnvelope {
    const parsed = catalog.validate(type, payload);
    checkContext(ctx);
    const definition = catalog.get(type) as EventDefinition;
    const now = clock().now();
    const at =
      ctx.occurredAt === undefined
        ? now
        : ctx.occurredAt instanceof Date
          ? ctx.occurredAt.getTime()
          : ctx.occurredAt;
    return {
      id: newEventId(now),
      type,
      version: definition.version,
      productId: ctx.productId,
      occurredAt: isoTime(at),
      actor: ctx.actor,
      payload: parsed,
    };
  }

  function runInProcess(subscriber: InProcessSubscriber, event: EventEnvelope): void {
    const failed = (error: unknown) => {
      metrics.handlerFailed(subscriber.name);
      logger().error(
        {
          err: error,
          subscriber: subscriber.name,
          eventId: event.id,
          eventType: event.type,
        },
        'event handler failed',
      );
    };
    try {
      const result = subscriber.handler(event);
      if (result instanceof Promise) {
        metrics.handlerStarted(subscriber.name);
        result.then(
          () => metrics.handlerSettled(subscriber.name),
          (error: unknown) => {
            metrics.handlerSettled(subscriber.name);
            failed(error);
          },
        );
      }
    } catch (error) {
      failed(error);
    }
  }

  function dispatchInProcess(event: EventEnvelope): void {
    const subscribers = subscribersOf(inProcessByType, inProcess, event.type);
    if (subscribers.length === 0) return;
    // One microtask per event, after emit returned; each handler isolated inside it.
    queueMicrotask(() => {
      for (const subscriber of subscribers) runInProcess(subscriber, event);
    });
  }

  /** Per-event tasks for the durable subscribers, and the events of those that enqueue by themselves. */
  function deliveries(events: readonly EventEnvelope[]): {
    items: EnqueueItem[];
    direct: Map<DurableSubscriber, EventEnvelope[]>;
  } {
    const items: EnqueueItem[] = [];
    const direct = new Map<DurableSubscriber, EventEnvelope[]>();
    for (const event of events) {
      for (const subscriber of subscribersOf(durableByType, durable.values(), event.type)) {
        if (subscriber.enqueue) {
          const list = direct.get(subscriber);
          if (list) list.push(event);
          else direct.set(subscriber, [event]);
          continue;
        }
        const orderKey = subscriber.orderKey?.(event);
        items.push({
          type: DELIVER_TASK_TYPE,
          payload: { subscriber: subscriber.name, event },
          options: {
            productId: event.productId,
            idempotencyKey: `${subscriber.name}:${event.id}`,
            maxAttempts: subscriber.maxAttempts ?? DEFAULT_DELIVERY_ATTEMPTS,
            timeoutMs: subscriber.timeoutMs ?? DEFAULT_DELIVERY_TIMEOUT_MS,
            ...(orderKey === undefined ? {} : { concurrencyKey: `${subscriber.name}:${orderKey}` }),
          },
        });
      }
    }
    return { items, direct };
  }

  // Deliveries enqueued in the same turn of the event loop (concurrent emits) share one
  // `enqueueMany`: one store transaction on SQLite, a group commit.
  let pendingItems: Array<{
    items: EnqueueItem[];
    direct: Map<DurableSubscriber, EventEnvelope[]>;
    settle: (error?: unknown) => void;
  }> = [];
  async function flushDeliveries(target: Queue, bound: BusBinding): Promise<void> {
    const batch = pendingItems;
    pendingItems = [];
    try {
      const items = batch.flatMap((entry) => entry.items);
      const direct = new Map<DurableSubscriber, EventEnvelope[]>();
      for (const entry of batch)
        for (const [subscriber, events] of entry.direct) {
          const merged = direct.get(subscriber);
          if (merged) merged.push(...events);
          else direct.set(subscriber, [...events]);
        }
      const ctx = { store: bound.store, clock: bound.clock, logger: bound.logger };
      await Promise.all([
        items.length > 0 ? target.enqueueMany(items) : undefined,
        ...[...direct].map(async ([subscriber, events]) => {
          await subscriber.enqueue?.(events, ctx);
          metrics.enqueued(subscriber.name, events.length);
        }),
      ]);
      for (const item of items) metrics.enqueued((item.payload as { subscriber: string }).subscriber, 1);
      for (const entry of batch) entry.settle();
    } catch (error) {
      for (const entry of batch) entry.settle(error);
    }
  }

  function enqueueDurable(events: readonly EventEnvelope[]): Promise<void> {
    const { items, direct } = deliveries(events);
    if (items.length === 0 && direct.size === 0) return Promise.resolve();
    const target = queue;
    const bound = binding;
    if (!target || !bound) {
      return Promise.reject(
        new Error(
          'Durable subscribers need the event bus bound to a store: mount createEventsModule (with eventsExtension) or call bus.bind().',
        ),
      );
    }
    return new Promise((resolve, reject) => {
      const settle = (error?: unknown) => (error === undefined ? resolve() : reject(error));
      if (pendingItems.push({ items, direct, settle }) === 1)
        setImmediate(() => void flushDeliveries(target, bound));
    });
  }

  const deliveryHandler: TaskHandler = async (task, ctx) => {
    const { subscriber: name, event } = deliveryOf(task.payload, task.id);
    const subscriber = durable.get(name);
    if (!subscriber || !binding || !queue)
      throw new Error(`No durable subscriber "${name}" is registered here.`);
    const { store, clock: boundClock } = binding;
    const handlerCtx = {
      store,
      clock: boundClock,
      logger: ctx.logger,
      signal: ctx.signal,
      attempt: ctx.attempt,
    };
    const run = () => subscriber.handler(event, handlerCtx);
    if (subscriber.dedupe === false) {
      await run();
      return;
    }
    // A first attempt cannot repeat an earlier handling while an earlier task for this event and
    // subscriber would still be kept (its id is the same, so the enqueue would have returned it).
    const keptMs = queue.config.completedTtlSeconds * 1000;
    const firstDelivery = ctx.attempt === 1 && boundClock.now() - Date.parse(event.occurredAt) < keptMs / 2;
    await handleOnce({ store, clock: boundClock, subscriber: name, event, firstDelivery }, run);
  };

  const bus: EventBus = {
    catalog,
    get binding() {
      return binding;
    },
    deliveryHandler,

    define(definition) {
      catalog.add(definition);
    },

    on(subscriber) {
      assertSubscriberName(subscriber.name);
      assertKnownTypes(subscriber.name, subscriber.types);
      inProcess.push(subscriber);
      inProcessByType = new Map();
      return () => {
        const index = inProcess.indexOf(subscriber);
        if (index >= 0) inProcess.splice(index, 1);
        inProcessByType = new Map();
      };
    },

    subscribeDurable(subscriber) {
      assertSubscriberName(subscriber.name);
      assertKnownTypes(subscriber.name, subscriber.types);
      if (durable.has(subscriber.name)) {
        throw new TypeError(`A durable subscriber named "${subscriber.name}" exists already.`);
      }
      durable.set(subscriber.name, subscriber);
      durableByType = new Map();
    },

    emit(type, payload, ctx) {
      let event: EventEnvelope;
      try {
        event = stage(type, payload, ctx);
      } catch (error) {
        return Promise.reject(error);
      }
      metrics.emitted(type);
      dispatchInProcess(event);
      if (subscribersOf(durableByType, durable.values(), type).length === 0) {
        return Promise.resolve(event as EnvelopeOf<typeof type>);
      }
      return enqueueDurable([event]).then(() => event as EnvelopeOf<typeof type>);
    },

    stage(type, payload, ctx) {
      return stage(type, payload, ctx) as EnvelopeOf<typeof type>;
    },

    async publish(events, publishOptions = {}) {
      for (const event of events) {
        if (publishOptions.inProcess !== false) dispatchInProcess(event);
      }
      await enqueueDurable(events);
    },

    bind(next) {
      if (binding) {
        if (binding.store === next.store) return;
        throw new Error('This event bus is bound to another store already; create one bus per service.');
      }
      binding = next;
      queue = createQueue({
        store: next.store,
        clock: next.clock,
        logger: next.logger,
      });
      if (next.metrics) metrics = registerEventMetrics(next.metrics);
    },
  };
  return bus;
}
