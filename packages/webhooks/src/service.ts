/**
 * `createWebhooks()`: the webhooks service, usable without HTTP. Subscriptions (CRUD, secrets,
 * rotation), the fan-out of events into one durable delivery task per (event, subscription), the
 * delivery task itself (sign, POST through the outbound client, retry, endpoint health), and the
 * deliveries log with resend and test pings.
 */
import type { AuditRecordInput } from '@groundwork/audit';
import { ConflictError, NotFoundError, ValidationError } from '@groundwork/errors';
import {
  type Actor,
  type EventCatalog,
  type EventEnvelope,
  type EventType,
  systemActor,
} from '@groundwork/events';
import { newId } from '@groundwork/http';
import {
  createQueue,
  type EnqueueItem,
  type JobsLogger,
  type JsonValue,
  type Queue,
  RetryAt,
  type TaskHandler,
} from '@groundwork/jobs';
import {
  checkUrl,
  compilePolicy,
  createOutboundClient,
  isOutboundError,
  type OutboundClient,
  type OutboundPolicy,
  type OutboundResponse,
  type Resolver,
} from '@groundwork/outbound';
import { type BatchItemResult, type Clock, type DocumentStore, systemClock } from '@groundwork/store';
import { z } from 'zod';
import { SUBSCRIPTION_DISABLED_EVENT, SUBSCRIPTION_FAILING_EVENT, WEBHOOK_TEST_EVENT } from './events.js';
import { createEndpointRateLimiter } from './rate-limiter.js';
import {
  createWebhooksRepository,
  deliveryIdFor,
  deliveryPk,
  ensureWebhookContainers,
  isConflict,
  isRace,
  newDeliveryId,
  newSubscriptionId,
  type StoredDelivery,
  type StoredSubscription,
  type WebhooksRepository,
} from './repository.js';
import {
  DEFAULT_MAX_RETRIES,
  DEFAULT_MAX_RETRY_AFTER_MS,
  DEFAULT_RETRY_SCHEDULE_MS,
  type RetryPolicy,
  retryDelayMs,
} from './retry-policy.js';
import {
  type CreateSubscriptionInput,
  createSubscriptionSchema,
  type DeliveryAttempt,
  type DeliveryDocument,
  type DeliveryFilters,
  type DeliveryView,
  type SubscriptionDocument,
  type SubscriptionView,
  type UpdateSubscriptionInput,
  updateSubscriptionSchema,
} from './schemas.js';
import { generateSecret } from './secrets.js';
import { signatureHeaders } from './signing.js';
import { deliveryDetail, deliveryView, healthOf, subscriptionView } from './views.js';

export const DELIVER_WEBHOOK_TASK_TYPE = 'webhooks.deliver';
/** The body of one delivery is at most 256 KB (the jobs queue holds event payloads to the same size). */
export const WEBHOOK_MAX_PAYLOAD_BYTES = 256 * 1024;
export const DEFAULT_DELIVERY_TIMEOUT_MS = 5_000;
export const DEFAULT_AUTO_DISABLE_AFTER = 10;
export const SECRET_ROTATION_OVERLAP_MS = 24 * 3600 * 1000;
/** Response bodies are kept in the log up to this size. */
export const RESPONSE_BODY_LOG_BYTES = 1_024;
const HEALTH_SAMPLE = 100;
const RESEND_BATCH_LIMIT = 1_000;
const TASK_MAX_ATTEMPTS = 1_000;
const MAX_WRITE_ROUNDS = 8;

/** One admin action or security event for the audit log: what `@groundwork/audit` records. */
export type AuditRecord = AuditRecordInput;
export type AuditSink = (record: AuditRecord) => Promise<unknown>;

/** Who asked (from the request): recorded with every admin change. */
export interface RequestMeta {
  actor: Actor;
  ip?: string;
  userAgent?: string;
  requestId?: string;
}

export interface EventsPort {
  readonly catalog: EventCatalog;
  emit(type: EventType, payload: never, ctx: { productId: string; actor: Actor }): Promise<unknown>;
}

export interface CreateWebhooksOptions {
  store: DocumentStore;
  clock?: Clock;
  logger?: JobsLogger;
  /** The event bus: its catalog validates subscriptions' event types; admin notices are emitted on it. */
  bus?: EventsPort;
  /** The operator's outbound address policy (allow-list, allow http). Default: public https only. */
  policy?: OutboundPolicy;
  /** Replaces DNS resolution for URL checks and connections (tests). */
  resolver?: Resolver;
  /** A shared outbound client (its policy is then the one enforced at delivery). */
  outbound?: OutboundClient;
  /** `WEBHOOK_DELIVERY_TIMEOUT_MS` (default 5000). */
  deliveryTimeoutMs?: number;
  /** `WEBHOOK_MAX_RETRIES` (default 3). */
  maxRetries?: number;
  /** Delay before retry 1, 2, 3, … in ms; the last repeats (default 10 s, 60 s, 300 s). */
  retryScheduleMs?: readonly number[];
  /** Cap on an honoured `Retry-After` (default 1 h). */
  maxRetryAfterMs?: number;
  /** Consecutive failed deliveries that disable a subscription (default 10). */
  autoDisableAfter?: number;
  /** Randomness for retry jitter, in [0, 1) (default `Math.random`). */
  random?: () => number;
  audit?: AuditSink;
  /** How long the enabled subscriptions of a product are cached for the fan-out, ms (default 1000; 0 = no cache). */
  subscriptionCacheMs?: number;
}

export interface Webhooks {
  createSubscription(
    productId: string,
    input: CreateSubscriptionInput,
    meta: RequestMeta,
  ): Promise<{ subscription: SubscriptionView; secret: string }>;
  listSubscriptions(
    productId: string,
    page?: { limit?: number; cursor?: string },
  ): Promise<{ items: SubscriptionView[]; nextCursor?: string }>;
  getSubscription(productId: string, subscriptionId: string): Promise<SubscriptionView>;
  updateSubscription(
    productId: string,
    subscriptionId: string,
    input: UpdateSubscriptionInput,
    meta: RequestMeta,
  ): Promise<SubscriptionView>;
  deleteSubscription(productId: string, subscriptionId: string, meta: RequestMeta): Promise<void>;
  /** New secret (returned once); the previous one keeps signing for 24 hours. */
  rotateSecret(
    productId: string,
    subscriptionId: string,
    meta: RequestMeta,
  ): Promise<{ subscription: SubscriptionView; secret: string }>;
  listDeliveries(
    productId: string,
    subscriptionId: string,
    filters?: DeliveryFilters,
    page?: { limit?: number; cursor?: string },
  ): Promise<{ items: DeliveryView[]; nextCursor?: string }>;
  getDelivery(
    productId: string,
    subscriptionId: string,
    deliveryId: string,
  ): Promise<ReturnType<typeof deliveryDetail>>;
  resend(
    productId: string,
    subscriptionId: string,
    deliveryId: string,
    meta: RequestMeta,
  ): Promise<DeliveryView>;
  resendFailedSince(
    productId: string,
    subscriptionId: string,
    sinceMs: number,
    meta: RequestMeta,
  ): Promise<{ resent: number; deliveryIds: string[] }>;
  sendTest(productId: string, subscriptionId: string, meta: RequestMeta): Promise<DeliveryView>;
  /**
   * The durable subscriber's work: one delivery (log document + task) per matching subscription.
   * Fan-outs of the same turn of the event loop share one write. With `atEmit` (the subscriber's
   * emit-time `enqueue`), an event over the payload cap is refused with a `ValidationError` (the
   * emit fails); otherwise it is logged as a failed delivery.
   */
  fanOut(event: EventEnvelope, options?: { atEmit?: boolean }): Promise<number>;
  /** The `webhooks.deliver` task handler. */
  readonly deliveryHandler: TaskHandler;
  /** Closes the outbound connections (when this service created the client). */
  close(): Promise<void>;
}

const deliveryTaskSchema = z.object({
  deliveryId: z.string(),
  subscriptionId: z.string(),
  productId: z.string(),
});

function selects(eventTypes: readonly string[], type: string): boolean {
  if (eventTypes.includes(type)) return true;
  return eventTypes.includes('*') && !type.startsWith('webhook.');
}

function withoutMeta<T extends { etag: string; updatedAt: string }>(doc: T): Omit<T, 'etag' | 'updatedAt'> {
  const { etag: _etag, updatedAt: _updatedAt, ...rest } = doc;
  return rest;
}

function errorText(error: unknown): string {
  if (isOutboundError(error)) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

export function webhookBody(
  event: Pick<EventEnvelope, 'id' | 'type' | 'version' | 'occurredAt' | 'payload'>,
): string {
  return JSON.stringify({
    id: event.id,
    type: event.type,
    version: event.version,
    timestamp: event.occurredAt,
    data: event.payload,
  });
}

export function createWebhooks(options: CreateWebhooksOptions): Webhooks {
  const { store } = options;
  const clock = options.clock ?? systemClock;
  const logger = options.logger;
  const policy = compilePolicy(options.policy ?? {});
  const timeoutMs = options.deliveryTimeoutMs ?? DEFAULT_DELIVERY_TIMEOUT_MS;
  const ownsClient = options.outbound === undefined;
  const outbound =
    options.outbound ??
    createOutboundClient(policy, {
      timeoutMs,
      maxResponseBytes: RESPONSE_BODY_LOG_BYTES,
      ...(options.resolver ? { resolver: options.resolver } : {}),
    });
  const retry: RetryPolicy = {
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    scheduleMs: options.retryScheduleMs ?? DEFAULT_RETRY_SCHEDULE_MS,
    maxRetryAfterMs: options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS,
    random: options.random ?? Math.random,
  };
  const autoDisableAfter = options.autoDisableAfter ?? DEFAULT_AUTO_DISABLE_AFTER;
  const cacheMs = options.subscriptionCacheMs ?? 1_000;
  const limiter = createEndpointRateLimiter();
  const queue: Queue = createQueue({ store, clock, ...(logger ? { logger } : {}) });

  let repoReady: Promise<WebhooksRepository> | undefined;
  function repo(): Promise<WebhooksRepository> {
    repoReady ??= ensureWebhookContainers(store)
      .then(() => createWebhooksRepository(store))
      .catch((error: unknown) => {
        repoReady = undefined;
        throw error;
      });
    return repoReady;
  }

  // Caches (wall-clock TTL; invalidated on every local change).
  const enabledCache = new Map<string, { at: number; items: StoredSubscription[] }>();
  const subscriptionCache = new Map<string, { at: number; doc: StoredSubscription | undefined }>();
  function invalidate(productId: string, subscriptionId?: string): void {
    enabledCache.delete(productId);
    if (subscriptionId) subscriptionCache.delete(`${productId}/${subscriptionId}`);
  }
  async function enabledSubscriptions(productId: string): Promise<StoredSubscription[]> {
    const cached = enabledCache.get(productId);
    if (cached && cacheMs > 0 && performance.now() - cached.at < cacheMs) return cached.items;
    const items = await (await repo()).enabledSubscriptions(productId);
    if (cacheMs > 0) enabledCache.set(productId, { at: performance.now(), items });
    return items;
  }
  async function cachedSubscription(productId: string, id: string): Promise<StoredSubscription | undefined> {
    const key = `${productId}/${id}`;
    const cached = subscriptionCache.get(key);
    if (cached && cacheMs > 0 && performance.now() - cached.at < cacheMs) return cached.doc;
    const doc = await (await repo()).subscriptions.read(id, productId);
    if (cacheMs > 0) {
      if (subscriptionCache.size > 10_000) subscriptionCache.clear();
      subscriptionCache.set(key, { at: performance.now(), doc });
    }
    return doc;
  }

  async function record(
    productId: string,
    meta: RequestMeta,
    action: string,
    target: string,
    summary?: AuditRecord['summary'],
  ) {
    if (!options.audit) return;
    await options.audit({
      productId,
      actor: meta.actor,
      action,
      target: { type: 'webhook_subscription', id: target },
      ...(summary ? { summary } : {}),
      ...(meta.ip ? { ip: meta.ip } : {}),
      ...(meta.userAgent ? { userAgent: meta.userAgent } : {}),
      ...(meta.requestId ? { requestId: meta.requestId } : {}),
    });
  }

  async function emitNotice(
    productId: string,
    type: EventType,
    payload: Record<string, unknown>,
  ): Promise<void> {
    if (!options.bus) return;
    try {
      await options.bus.emit(type, payload as never, { productId, actor: systemActor('webhooks') });
    } catch (error) {
      logger?.error({ err: error, type, productId }, 'could not emit the webhook notice');
    }
  }

  function checkEventTypes(types: readonly string[]): void {
    const catalog = options.bus?.catalog;
    const issues = types.flatMap((type, index) => {
      if (type === '*')
        return types.length === 1
          ? []
          : [{ path: `body.eventTypes.${index}`, message: '"*" must be alone', code: 'invalid' }];
      if (catalog && !catalog.has(type))
        return [
          {
            path: `body.eventTypes.${index}`,
            message: `"${type}" is not in the event catalog`,
            code: 'unknown_event_type',
          },
        ];
      return [];
    });
    if (issues.length > 0) throw new ValidationError(issues, 'Unknown event types.');
  }

  async function checkSubscriptionUrl(url: string): Promise<string> {
    const checked = await checkUrl(url, policy, options.resolver ? { resolver: options.resolver } : {});
    return checked.url.href;
  }

  function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
    const parsed = schema.safeParse(input);
    if (parsed.success) return parsed.data;
    throw new ValidationError(
      parsed.error.issues.map((issue) => ({
        path: ['body', ...issue.path.map(String)].join('.'),
        message: issue.message,
        code: issue.code,
      })),
      'The subscription is invalid.',
    );
  }

  async function mustReadSubscription(productId: string, id: string): Promise<StoredSubscription> {
    const doc = await (await repo()).subscriptions.read(id, productId);
    if (!doc || doc.productId !== productId)
      throw new NotFoundError(`Subscription "${id}" was not found.`, 'webhook_subscription_not_found');
    return doc;
  }

  /** Read-modify-write with ifMatch; `next` returns undefined to leave the document as it is. */
  async function updateSubscriptionDoc(
    productId: string,
    id: string,
    next: (doc: StoredSubscription) => SubscriptionDocument | undefined,
  ): Promise<{ before: StoredSubscription; after: StoredSubscription } | undefined> {
    const { subscriptions } = await repo();
    for (let round = 0; round < MAX_WRITE_ROUNDS; round += 1) {
      const before = await subscriptions.read(id, productId);
      if (!before) return undefined;
      const replacement = next(before);
      if (!replacement) return { before, after: before };
      try {
        const after = await subscriptions.replace(replacement, { ifMatch: before.etag });
        invalidate(productId, id);
        return { before, after };
      } catch (error) {
        if (!isRace(error)) throw error;
      }
    }
    throw new ConflictError(
      `Subscription "${id}" kept changing; try again.`,
      'webhook_subscription_contention',
    );
  }

  async function health(doc: StoredSubscription) {
    const recent = await (await repo()).recentFinished(doc.productId, doc.id, HEALTH_SAMPLE);
    const succeeded = recent.filter((delivery) => delivery.status === 'succeeded').length;
    return healthOf(doc, succeeded, recent.length);
  }

  function taskFor(delivery: DeliveryDocument, subscription: SubscriptionDocument): EnqueueItem {
    return {
      type: DELIVER_WEBHOOK_TASK_TYPE,
      payload: {
        deliveryId: delivery.id,
        subscriptionId: subscription.id,
        productId: subscription.productId,
      },
      options: {
        productId: subscription.productId,
        idempotencyKey: delivery.id,
        maxAttempts: TASK_MAX_ATTEMPTS,
        timeoutMs: timeoutMs + 15_000,
        backoff: { type: 'exponential', baseMs: 10_000, maxMs: 300_000 },
        concurrencyKey: `webhook:${subscription.id}`,
        concurrencyLimit: subscription.maxConcurrency,
      },
    };
  }

  function newDelivery(
    id: string,
    subscription: SubscriptionDocument,
    event: { id: string; type: string },
    body: string,
    extra: Partial<DeliveryDocument> = {},
  ): DeliveryDocument {
    return {
      id,
      pk: deliveryPk(subscription.id, id),
      productId: subscription.productId,
      subscriptionId: subscription.id,
      eventId: event.id,
      eventType: event.type,
      status: 'pending',
      body,
      attempts: [],
      responseCode: null,
      durationMs: null,
      responseBody: null,
      error: null,
      nextAttemptAt: null,
      createdAt: clock.now(),
      finishedAt: null,
      resendOf: null,
      test: false,
      ...extra,
    };
  }

  type DeliveryPair = { delivery: DeliveryDocument; subscription: SubscriptionDocument };

  // Fan-outs that run in the same turn of the event loop (concurrent `events.deliver` tasks) share
  // one write: one `createMany` of log documents and one `enqueueMany` of tasks for all of them.
  let pendingPairs: Array<{ pairs: DeliveryPair[]; settle: (error?: unknown) => void }> = [];
  async function flushPairs(): Promise<void> {
    const batch = pendingPairs;
    pendingPairs = [];
    try {
      await startDeliveries(batch.flatMap((entry) => entry.pairs));
      for (const entry of batch) entry.settle();
    } catch (error) {
      for (const entry of batch) entry.settle(error);
    }
  }
  function startDeliveriesBatched(pairs: DeliveryPair[]): Promise<void> {
    if (pairs.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const settle = (error?: unknown) => (error === undefined ? resolve() : reject(error));
      if (pendingPairs.push({ pairs, settle }) === 1) setImmediate(() => void flushPairs());
    });
  }

  /** Writes the log documents (ignoring ones that exist: a repeated fan-out) and enqueues their tasks. */
  async function startDeliveries(pairs: DeliveryPair[]) {
    if (pairs.length === 0) return;
    const { deliveries } = await repo();
    const docs = pairs.map((pair) => pair.delivery);
    const created = deliveries.createMany ? await deliveries.createMany(docs) : undefined;
    if (created) {
      for (const result of created) if (!result.ok && !isConflict(result.error)) throw result.error;
    } else {
      await Promise.all(
        docs.map((doc) =>
          deliveries.create(doc).catch((error: unknown) => {
            if (!isConflict(error)) throw error;
          }),
        ),
      );
    }
    const items = pairs
      .filter((pair) => pair.delivery.status === 'pending')
      .map((pair) => taskFor(pair.delivery, pair.subscription));
    if (items.length > 0) await queue.enqueueMany(items);
  }

  async function fanOut(event: EventEnvelope, fanOutOptions: { atEmit?: boolean } = {}): Promise<number> {
    const matching = (await enabledSubscriptions(event.productId)).filter((subscription) =>
      selects(subscription.eventTypes, event.type),
    );
    if (matching.length === 0) return 0;
    const body = webhookBody(event);
    const tooLarge = Buffer.byteLength(body, 'utf8') > WEBHOOK_MAX_PAYLOAD_BYTES;
    if (tooLarge && fanOutOptions.atEmit)
      throw new ValidationError(
        [
          {
            path: 'payload',
            message: `the webhook body is over ${WEBHOOK_MAX_PAYLOAD_BYTES} bytes`,
            code: 'webhook_payload_too_large',
          },
        ],
        'The event cannot be enqueued for its webhook subscriptions: its payload is over the cap.',
      );
    const pairs = matching.map((subscription) => ({
      subscription,
      delivery: newDelivery(
        deliveryIdFor(event.id, subscription.id),
        subscription,
        event,
        tooLarge ? '' : body,
        tooLarge
          ? {
              status: 'failed',
              finishedAt: clock.now(),
              error: `webhook_payload_too_large: the body is over ${WEBHOOK_MAX_PAYLOAD_BYTES} bytes`,
            }
          : {},
      ),
    }));
    await startDeliveriesBatched(pairs);
    return pairs.length;
  }

  // --- the delivery task -------------------------------------------------------------------------

  const touchedAt = new Map<string, number>();

  // Log writes of attempts that end in the same turn of the event loop reach the store together:
  // one `replaceMany` (one transaction) where the store offers it. Each still has its own `ifMatch`.
  let pendingLogs: Array<{
    doc: DeliveryDocument;
    etag: string;
    settle: (result: BatchItemResult<DeliveryDocument>) => void;
  }> = [];
  async function flushLogs(): Promise<void> {
    const batch = pendingLogs;
    pendingLogs = [];
    try {
      const { deliveries } = await repo();
      const results = deliveries.replaceMany
        ? await deliveries.replaceMany(batch.map(({ doc, etag }) => ({ doc, ifMatch: etag })))
        : await Promise.all(
            batch.map(({ doc, etag }) =>
              deliveries.replace(doc, { ifMatch: etag }).then(
                (document): BatchItemResult<DeliveryDocument> => ({ ok: true, document }),
                (error: unknown): BatchItemResult<DeliveryDocument> => ({
                  ok: false,
                  error: error instanceof Error ? error : new Error(String(error)),
                }),
              ),
            ),
          );
      for (const [index, entry] of batch.entries())
        entry.settle(results[index] ?? { ok: false, error: new Error('replaceMany gave no result') });
    } catch (error) {
      const failure = {
        ok: false as const,
        error: error instanceof Error ? error : new Error(String(error)),
      };
      for (const entry of batch) entry.settle(failure);
    }
  }

  async function finish(delivery: StoredDelivery, changes: Partial<DeliveryDocument>): Promise<void> {
    const doc: DeliveryDocument = { ...withoutMeta(delivery), ...changes };
    const result = await new Promise<BatchItemResult<DeliveryDocument>>((settle) => {
      if (pendingLogs.push({ doc, etag: delivery.etag, settle }) === 1) setImmediate(() => void flushLogs());
    });
    if (result.ok) return;
    if (!isRace(result.error)) throw result.error;
    logger?.warn(
      { deliveryId: delivery.id },
      'the delivery log changed meanwhile; this attempt is not logged',
    );
  }

  async function onSuccess(subscription: StoredSubscription): Promise<void> {
    const now = clock.now();
    if (subscription.failing || subscription.consecutiveFailures > 0) {
      await updateSubscriptionDoc(subscription.productId, subscription.id, (doc) =>
        doc.failing || doc.consecutiveFailures > 0
          ? {
              ...withoutMeta(doc),
              failing: false,
              consecutiveFailures: 0,
              lastSuccessAt: now,
              lastDeliveryAt: now,
            }
          : undefined,
      );
      return;
    }
    // Timestamps are refreshed at most every 10 s per subscription and process (no hot document).
    const last = touchedAt.get(subscription.id) ?? 0;
    if (now - last < 10_000 && now >= last) return;
    touchedAt.set(subscription.id, now);
    const { subscriptions } = await repo();
    await subscriptions
      .patch(subscription.id, subscription.productId, [
        { op: 'set', path: 'lastSuccessAt', value: now },
        { op: 'set', path: 'lastDeliveryAt', value: now },
      ])
      .catch(() => undefined);
  }

  async function disable(
    subscription: StoredSubscription,
    reason: 'gone' | 'consecutive_failures',
  ): Promise<void> {
    const changed = await updateSubscriptionDoc(subscription.productId, subscription.id, (doc) =>
      doc.enabled ? { ...withoutMeta(doc), enabled: false, disabledReason: reason } : undefined,
    );
    if (!changed?.before.enabled) return;
    logger?.warn({ subscriptionId: subscription.id, reason }, 'webhook subscription disabled');
    await emitNotice(subscription.productId, SUBSCRIPTION_DISABLED_EVENT, {
      subscriptionId: subscription.id,
      url: subscription.url,
      reason,
      consecutiveFailures: changed.after.consecutiveFailures,
    });
  }

  async function onExhausted(subscription: StoredSubscription, lastError: string): Promise<void> {
    const now = clock.now();
    const changed = await updateSubscriptionDoc(subscription.productId, subscription.id, (doc) => ({
      ...withoutMeta(doc),
      failing: true,
      consecutiveFailures: doc.consecutiveFailures + 1,
      lastFailureAt: now,
      lastDeliveryAt: now,
    }));
    if (!changed) return;
    const { before, after } = changed;
    if (!before.failing && after.enabled) {
      await emitNotice(subscription.productId, SUBSCRIPTION_FAILING_EVENT, {
        subscriptionId: subscription.id,
        url: subscription.url,
        consecutiveFailures: after.consecutiveFailures,
        lastError: lastError.slice(0, 1_000),
      });
    }
    if (after.enabled && after.consecutiveFailures >= autoDisableAfter)
      await disable(after, 'consecutive_failures');
  }

  function secretsOf(subscription: SubscriptionDocument, now: number): string[] {
    const secrets = [subscription.secret];
    if (
      subscription.previousSecret &&
      subscription.previousSecretExpiresAt !== null &&
      subscription.previousSecretExpiresAt > now
    )
      secrets.push(subscription.previousSecret);
    return secrets;
  }

  const deliveryHandler: TaskHandler = async (task, ctx): Promise<JsonValue> => {
    const ref = deliveryTaskSchema.parse(task.payload);
    const { deliveries } = await repo();
    const delivery = await deliveries.read(ref.deliveryId, deliveryPk(ref.subscriptionId, ref.deliveryId));
    if (!delivery || delivery.productId !== ref.productId) return { skipped: 'missing' };
    if (delivery.status === 'succeeded' || delivery.status === 'failed') return { skipped: delivery.status };
    const subscription = await cachedSubscription(ref.productId, ref.subscriptionId);
    if (!subscription?.enabled) {
      await finish(delivery, {
        status: 'failed',
        finishedAt: clock.now(),
        nextAttemptAt: null,
        error: subscription ? 'subscription_disabled: not delivered' : 'subscription_deleted: not delivered',
      });
      return { skipped: subscription ? 'disabled' : 'deleted' };
    }
    if (subscription.rateLimit) {
      const wait = limiter.wait(subscription.id, delivery.id, subscription.rateLimit, clock.now());
      if (wait > 0) throw new RetryAt(wait, 'endpoint rate limit');
    }

    const attemptNumber = delivery.attempts.length + 1;
    const startedAt = clock.now();
    const timestamp = Math.floor(startedAt / 1000);
    const headers = {
      ...subscription.headers,
      'content-type': 'application/json',
      ...signatureHeaders({
        id: delivery.eventId,
        timestamp,
        body: delivery.body,
        secrets: secretsOf(subscription, startedAt),
      }),
    };
    let response: OutboundResponse | undefined;
    let failure: string | null = null;
    const began = performance.now();
    try {
      response = await outbound.request(subscription.url, {
        method: 'POST',
        headers,
        body: delivery.body,
        timeoutMs,
        maxResponseBytes: RESPONSE_BODY_LOG_BYTES,
        signal: ctx.signal,
      });
    } catch (error) {
      failure = errorText(error);
    }
    // Worker shutdown, a lost lease or the task timeout: not the endpoint's failure. The jobs
    // engine requeues (or retries) the task; no delivery attempt is counted or logged.
    if (ctx.signal.aborted) throw ctx.signal.reason ?? new Error('delivery aborted');
    const durationMs = Math.round((response?.durationMs ?? performance.now() - began) * 10) / 10;
    const status = response?.status ?? null;
    const ok = status !== null && status >= 200 && status < 300;
    if (!ok && failure === null) failure = `http_${status}`;
    const now = clock.now();
    const attempt: DeliveryAttempt = {
      attempt: attemptNumber,
      at: startedAt,
      responseCode: status,
      durationMs,
      error: failure,
    };
    const logged: Partial<DeliveryDocument> = {
      attempts: [...delivery.attempts, attempt],
      responseCode: status,
      durationMs,
      responseBody: response ? response.body.toString('utf8') : null,
      error: failure,
    };

    if (ok) {
      await finish(delivery, { ...logged, status: 'succeeded', finishedAt: now, nextAttemptAt: null });
      await onSuccess(subscription);
      return { status };
    }
    if (status === 410) {
      await finish(delivery, { ...logged, status: 'failed', finishedAt: now, nextAttemptAt: null });
      await disable(subscription, 'gone');
      return { status, disabled: true };
    }
    if (attemptNumber <= retry.maxRetries) {
      const delay = retryDelayMs(
        retry,
        attemptNumber,
        response ? { status: response.status, retryAfter: response.headers['retry-after'] } : undefined,
        now,
      );
      await finish(delivery, { ...logged, status: 'retrying', nextAttemptAt: now + delay });
      throw new RetryAt(delay, `delivery attempt ${attemptNumber} failed (${failure}); retry in ${delay} ms`);
    }
    await finish(delivery, { ...logged, status: 'failed', finishedAt: now, nextAttemptAt: null });
    await onExhausted(subscription, failure ?? 'failed');
    return { status, exhausted: true };
  };

  // --- admin operations --------------------------------------------------------------------------

  async function resendOne(
    original: StoredDelivery,
    subscription: StoredSubscription,
  ): Promise<StoredDelivery> {
    const id = newDeliveryId(clock.now());
    const delivery = newDelivery(
      id,
      subscription,
      { id: original.eventId, type: original.eventType },
      original.body,
      {
        resendOf: original.id,
        test: original.test,
      },
    );
    await startDeliveries([{ delivery, subscription }]);
    const stored = await (await repo()).deliveries.read(id, delivery.pk);
    if (!stored) throw new Error(`Delivery "${id}" vanished after it was written.`);
    return stored;
  }

  function assertEnabled(subscription: StoredSubscription): void {
    if (!subscription.enabled)
      throw new ConflictError(
        `Subscription "${subscription.id}" is disabled; enable it first.`,
        'webhook_subscription_disabled',
      );
  }

  async function mustReadDelivery(
    productId: string,
    subscriptionId: string,
    deliveryId: string,
  ): Promise<StoredDelivery> {
    const { deliveries } = await repo();
    const doc = await deliveries.read(deliveryId, deliveryPk(subscriptionId, deliveryId));
    if (!doc || doc.productId !== productId || doc.subscriptionId !== subscriptionId)
      throw new NotFoundError(`Delivery "${deliveryId}" was not found.`, 'webhook_delivery_not_found');
    return doc;
  }

  return {
    async createSubscription(productId, input, meta) {
      const body = parse(createSubscriptionSchema, input);
      checkEventTypes(body.eventTypes);
      const url = await checkSubscriptionUrl(body.url);
      const now = clock.now();
      const secret = generateSecret();
      const doc: SubscriptionDocument = {
        id: newSubscriptionId(now),
        pk: productId,
        productId,
        url,
        eventTypes: [...new Set(body.eventTypes)],
        description: body.description,
        enabled: body.enabled,
        failing: false,
        disabledReason: body.enabled ? null : 'admin',
        rateLimit: body.rateLimit,
        maxConcurrency: body.maxConcurrency,
        headers: body.headers,
        secret,
        previousSecret: null,
        previousSecretExpiresAt: null,
        consecutiveFailures: 0,
        lastDeliveryAt: null,
        lastSuccessAt: null,
        lastFailureAt: null,
        createdAt: now,
        createdBy: meta.actor.id,
      };
      const stored = await (await repo()).subscriptions.create(doc);
      invalidate(productId, stored.id);
      await record(productId, meta, 'webhook.subscription_created', stored.id, {
        after: { url, eventTypes: doc.eventTypes, enabled: doc.enabled },
      });
      return { subscription: subscriptionView(stored, now), secret };
    },

    async listSubscriptions(productId, page = {}) {
      const result = await (await repo()).listSubscriptions(productId, page.limit ?? 50, page.cursor);
      const now = clock.now();
      return {
        items: result.items.map((doc) => subscriptionView(doc, now)),
        ...(result.nextCursor ? { nextCursor: result.nextCursor } : {}),
      };
    },

    async getSubscription(productId, subscriptionId) {
      const doc = await mustReadSubscription(productId, subscriptionId);
      return subscriptionView(doc, clock.now(), await health(doc));
    },

    async updateSubscription(productId, subscriptionId, input, meta) {
      const body = parse(updateSubscriptionSchema, input);
      if (body.eventTypes) checkEventTypes(body.eventTypes);
      const url = body.url === undefined ? undefined : await checkSubscriptionUrl(body.url);
      await mustReadSubscription(productId, subscriptionId);
      const changed = await updateSubscriptionDoc(productId, subscriptionId, (doc) => {
        const next: SubscriptionDocument = { ...withoutMeta(doc) };
        if (url !== undefined) next.url = url;
        if (body.eventTypes) next.eventTypes = [...new Set(body.eventTypes)];
        if (body.description !== undefined) next.description = body.description;
        if (body.rateLimit !== undefined) next.rateLimit = body.rateLimit;
        if (body.maxConcurrency !== undefined) next.maxConcurrency = body.maxConcurrency;
        if (body.headers !== undefined) next.headers = body.headers;
        if (body.enabled === true && !doc.enabled) {
          Object.assign(next, {
            enabled: true,
            disabledReason: null,
            failing: false,
            consecutiveFailures: 0,
          });
        } else if (body.enabled === false && doc.enabled) {
          Object.assign(next, { enabled: false, disabledReason: 'admin' });
        }
        return next;
      });
      if (!changed)
        throw new NotFoundError(
          `Subscription "${subscriptionId}" was not found.`,
          'webhook_subscription_not_found',
        );
      const { before, after } = changed;
      const fields = ['url', 'eventTypes', 'description', 'enabled', 'rateLimit', 'maxConcurrency'] as const;
      const pick = (doc: SubscriptionDocument) =>
        Object.fromEntries(
          fields.filter((field) => body[field] !== undefined).map((field) => [field, doc[field]]),
        );
      await record(productId, meta, 'webhook.subscription_updated', subscriptionId, {
        before: { ...pick(before), ...(body.headers ? { headerNames: Object.keys(before.headers) } : {}) },
        after: { ...pick(after), ...(body.headers ? { headerNames: Object.keys(after.headers) } : {}) },
      });
      return subscriptionView(after, clock.now());
    },

    async deleteSubscription(productId, subscriptionId, meta) {
      const doc = await mustReadSubscription(productId, subscriptionId);
      await (await repo()).subscriptions.delete(subscriptionId, productId);
      invalidate(productId, subscriptionId);
      await record(productId, meta, 'webhook.subscription_deleted', subscriptionId, {
        before: { url: doc.url, eventTypes: doc.eventTypes },
      });
    },

    async rotateSecret(productId, subscriptionId, meta) {
      await mustReadSubscription(productId, subscriptionId);
      const secret = generateSecret();
      const now = clock.now();
      const changed = await updateSubscriptionDoc(productId, subscriptionId, (doc) => ({
        ...withoutMeta(doc),
        secret,
        previousSecret: doc.secret,
        previousSecretExpiresAt: now + SECRET_ROTATION_OVERLAP_MS,
      }));
      if (!changed)
        throw new NotFoundError(
          `Subscription "${subscriptionId}" was not found.`,
          'webhook_subscription_not_found',
        );
      await record(productId, meta, 'webhook.secret_rotated', subscriptionId, {
        after: { previousSecretValidUntil: new Date(now + SECRET_ROTATION_OVERLAP_MS).toISOString() },
      });
      return { subscription: subscriptionView(changed.after, now), secret };
    },

    async listDeliveries(productId, subscriptionId, filters = {}, page = {}) {
      await mustReadSubscription(productId, subscriptionId);
      const result = await (await repo()).listDeliveries(
        productId,
        subscriptionId,
        filters,
        page.limit ?? 50,
        page.cursor,
      );
      return {
        items: result.items.map(deliveryView),
        ...(result.nextCursor ? { nextCursor: result.nextCursor } : {}),
      };
    },

    async getDelivery(productId, subscriptionId, deliveryId) {
      await mustReadSubscription(productId, subscriptionId);
      return deliveryDetail(await mustReadDelivery(productId, subscriptionId, deliveryId));
    },

    async resend(productId, subscriptionId, deliveryId, meta) {
      const subscription = await mustReadSubscription(productId, subscriptionId);
      assertEnabled(subscription);
      const original = await mustReadDelivery(productId, subscriptionId, deliveryId);
      if (original.body === '')
        throw new ConflictError(
          'This delivery has no body to send (it was over the payload cap).',
          'webhook_payload_too_large',
        );
      const resent = await resendOne(original, subscription);
      await record(productId, meta, 'webhook.delivery_resent', subscriptionId, {
        after: { deliveryId, newDeliveryId: resent.id },
      });
      return deliveryView(resent);
    },

    async resendFailedSince(productId, subscriptionId, sinceMs, meta) {
      const subscription = await mustReadSubscription(productId, subscriptionId);
      assertEnabled(subscription);
      const r = await repo();
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await r.listDeliveries(
          productId,
          subscriptionId,
          { status: 'failed', since: sinceMs },
          200,
          cursor,
        );
        for (const failed of page.items) {
          if (ids.length >= RESEND_BATCH_LIMIT || failed.body === '') continue;
          ids.push((await resendOne(failed, subscription)).id);
        }
        cursor = page.nextCursor;
      } while (cursor && ids.length < RESEND_BATCH_LIMIT);
      await record(productId, meta, 'webhook.deliveries_resent', subscriptionId, {
        after: { since: new Date(sinceMs).toISOString(), resent: ids.length },
      });
      return { resent: ids.length, deliveryIds: ids };
    },

    async sendTest(productId, subscriptionId, meta) {
      const subscription = await mustReadSubscription(productId, subscriptionId);
      assertEnabled(subscription);
      const now = clock.now();
      const event = {
        id: newId('evt', now),
        type: WEBHOOK_TEST_EVENT,
        version: 1,
        occurredAt: new Date(now).toISOString(),
        payload: { subscriptionId, message: 'Test ping from Groundwork webhooks.' },
      };
      const id = newDeliveryId(now);
      const delivery = newDelivery(id, subscription, event, webhookBody(event), { test: true });
      await startDeliveries([{ delivery, subscription }]);
      await record(productId, meta, 'webhook.test_sent', subscriptionId, {
        after: { deliveryId: id, eventId: event.id },
      });
      return deliveryView(await mustReadDelivery(productId, subscriptionId, id));
    },

    fanOut,
    deliveryHandler,

    async close() {
      if (ownsClient) await outbound.close();
    },
  };
}
