/**
 * Subscribers. In-process ones run in the emitting process, isolated from the emitter and from
 * each other, best effort (lost if the process dies). Durable ones get each event through the
 * jobs queue: at-least-once, retried with backoff, and, through the receipt check, handled once
 * per event id.
 */
import type { JobsLogger } from '@groundwork/jobs';
import type { Clock, DocumentStore } from '@groundwork/store';
import type { EventPayloads } from './built-in-events.js';
import type { EventEnvelope } from './envelope.js';

/** `'*'` for every event type, or a list of types. */
export type EventSelector = '*' | readonly string[];

/** The envelope a handler of `K` receives (any event for `'*'`). */
export type EnvelopeOf<K extends string> = K extends keyof EventPayloads
  ? EventEnvelope<EventPayloads[K], K>
  : EventEnvelope;

export type InProcessHandler = (event: EventEnvelope) => unknown;

export interface InProcessSubscriber {
  /** Names the subscriber in logs and metrics. */
  name: string;
  types: EventSelector;
  handler: InProcessHandler;
}

/** What a durable handler gets beside the event: the service's store, clock and logger. */
export interface DurableHandlerContext {
  store: DocumentStore;
  clock: Clock;
  logger: JobsLogger;
  /** Aborted on the task's timeout, cancellation or worker shutdown. */
  signal: AbortSignal;
  /** This delivery attempt, 1-based. */
  attempt: number;
}

export type DurableHandler = (event: EventEnvelope, ctx: DurableHandlerContext) => Promise<void> | void;

export interface DurableSubscriber {
  /** Unique in the service; lowercase words with `-` or `_` (it is part of task idempotency keys). */
  name: string;
  types: EventSelector;
  handler: DurableHandler;
  /**
   * Events with the same key are handled one at a time, in the order their deliveries are claimed
   * (e.g. `(event) => event.productId` or a user id), through the queue's `concurrencyKey`.
   */
  orderKey?: (event: EventEnvelope) => string | undefined;
  /** Delivery attempts before the task goes to dead letter (default 8). */
  maxAttempts?: number;
  /** Per-attempt timeout in ms (default 30 s). */
  timeoutMs?: number;
  /**
   * Skip an event id this subscriber already handled (default true): see `receipts.ts`. Turn off
   * only for handlers that are idempotent by themselves.
   */
  dedupe?: boolean;
  /**
   * Writes this subscriber's own durable work for the events at emit time, in the emit's batch,
   * instead of one `events.deliver` task per event (then `handler` is not called by the bus).
   * `emit` resolves once it resolved, and rejects if it throws, exactly as with the task: use it
   * only when the work is a few idempotent store writes, e.g. enqueueing tasks of your own
   * (webhooks writes its per-subscription delivery tasks this way). Saves a task write, claim and
   * completion per event.
   */
  enqueue?: (events: readonly EventEnvelope[], ctx: DurableEnqueueContext) => Promise<void>;
}

/** What `DurableSubscriber.enqueue` gets: the bound service's store, clock and logger. */
export interface DurableEnqueueContext {
  store: DocumentStore;
  clock: Clock;
  logger: JobsLogger;
}

const SUBSCRIBER_NAME = /^[a-z][a-z0-9]*([_-][a-z0-9]+)*$/;

export function assertSubscriberName(name: string): void {
  if (!SUBSCRIBER_NAME.test(name) || name.length > 100) {
    throw new TypeError(
      `Subscriber name "${name}" must be lowercase words joined by "-" or "_" (at most 100 characters).`,
    );
  }
}

export function selects(selector: EventSelector, type: string): boolean {
  return selector === '*' || selector.includes(type);
}
