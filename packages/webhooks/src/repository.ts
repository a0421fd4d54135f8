/**
 * Store access: the `webhook_subscriptions` (pk `/productId`) and `webhook_deliveries`
 * (pk `/subscriptionId:yyyyMM`, 30-day TTL) containers, ids, and the queries the service runs.
 * Every query names the product; nothing here crosses products.
 */
import { createHash } from 'node:crypto';
import { isAppError } from '@groundwork/errors';
import { idTimestamp, newId } from '@groundwork/http';
import type { Container, ContainerSpec, DocumentStore, Filter, StoredDocument } from '@groundwork/store';
import {
  DELIVERY_ID_PREFIX,
  type DeliveryDocument,
  type DeliveryFilters,
  SUBSCRIPTION_ID_PREFIX,
  type SubscriptionDocument,
} from './schemas.js';

export const DELIVERY_TTL_SECONDS = 30 * 24 * 3600;

export const SUBSCRIPTIONS_CONTAINER: ContainerSpec = {
  name: 'webhook_subscriptions',
  partitionKey: '/productId',
  description: 'Outbound webhook subscriptions: URL, event types, signing secret, limits and health.',
};

export const DELIVERIES_CONTAINER: ContainerSpec = {
  name: 'webhook_deliveries',
  partitionKey: '/subscriptionId:yyyyMM',
  defaultTtl: DELIVERY_TTL_SECONDS,
  description:
    'Webhook delivery log: one document per (event, subscription) delivery with its attempts; kept 30 days.',
};

export type StoredSubscription = StoredDocument<SubscriptionDocument>;
export type StoredDelivery = StoredDocument<DeliveryDocument>;

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

export function newSubscriptionId(nowMs: number): string {
  return newId(SUBSCRIPTION_ID_PREFIX, nowMs);
}

export function newDeliveryId(nowMs: number): string {
  return newId(DELIVERY_ID_PREFIX, nowMs);
}

/**
 * The delivery id of (event, subscription): the event id's time part, then 16 characters of a
 * hash of both ids. Deterministic, so a fan-out that runs twice writes one log document.
 */
export function deliveryIdFor(eventId: string, subscriptionId: string): string {
  const time = eventId.slice(eventId.lastIndexOf('_') + 1).slice(0, 10);
  const digest = createHash('sha256').update(`${eventId}|${subscriptionId}`).digest();
  let random = '';
  for (let i = 0; i < 16; i += 1) random += ALPHABET[(digest[i] ?? 0) & 31];
  return `${DELIVERY_ID_PREFIX}_${time}${random}`;
}

function monthOf(ms: number): string {
  const date = new Date(ms);
  return `${date.getUTCFullYear()}${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The partition of a delivery: `<subscriptionId>:<yyyyMM of the delivery id's time>`. */
export function deliveryPk(subscriptionId: string, deliveryId: string): string {
  return `${subscriptionId}:${monthOf(idTimestamp(deliveryId))}`;
}

export function isConflict(error: unknown): boolean {
  return isAppError(error) && error.status === 409;
}

export function isRace(error: unknown): boolean {
  return isAppError(error) && (error.status === 409 || error.status === 412);
}

export interface WebhooksRepository {
  subscriptions: Container<SubscriptionDocument>;
  deliveries: Container<DeliveryDocument>;
  /** Enabled subscriptions of a product (every page). */
  enabledSubscriptions(productId: string): Promise<StoredSubscription[]>;
  listSubscriptions(
    productId: string,
    limit: number,
    cursor?: string,
  ): Promise<{ items: StoredSubscription[]; nextCursor?: string }>;
  listDeliveries(
    productId: string,
    subscriptionId: string,
    filters: DeliveryFilters,
    limit: number,
    cursor?: string,
  ): Promise<{ items: StoredDelivery[]; nextCursor?: string }>;
  /** The most recent finished deliveries of a subscription (for the health indicator). */
  recentFinished(productId: string, subscriptionId: string, limit: number): Promise<StoredDelivery[]>;
}

export async function ensureWebhookContainers(store: DocumentStore): Promise<void> {
  await store.ensureContainers([SUBSCRIPTIONS_CONTAINER, DELIVERIES_CONTAINER]);
}

export function createWebhooksRepository(store: DocumentStore): WebhooksRepository {
  const subscriptions = store.container<SubscriptionDocument>(SUBSCRIPTIONS_CONTAINER.name);
  const deliveries = store.container<DeliveryDocument>(DELIVERIES_CONTAINER.name);

  function deliveryFilter(productId: string, subscriptionId: string, filters: DeliveryFilters): Filter {
    const parts: Filter[] = [
      { field: 'productId', op: 'eq', value: productId },
      { field: 'subscriptionId', op: 'eq', value: subscriptionId },
    ];
    if (filters.status) parts.push({ field: 'status', op: 'eq', value: filters.status });
    if (filters.eventType) parts.push({ field: 'eventType', op: 'eq', value: filters.eventType });
    if (filters.since !== undefined) parts.push({ field: 'createdAt', op: 'gte', value: filters.since });
    return { and: parts };
  }

  return {
    subscriptions,
    deliveries,

    async enabledSubscriptions(productId) {
      const all: StoredSubscription[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 100; page += 1) {
        const result = await subscriptions.query({
          pk: productId,
          where: { field: 'enabled', op: 'eq', value: true },
          limit: 1000,
          ...(cursor ? { cursor } : {}),
        });
        all.push(...result.items);
        cursor = result.nextCursor;
        if (!cursor) break;
      }
      return all;
    },

    async listSubscriptions(productId, limit, cursor) {
      const page = await subscriptions.query({
        pk: productId,
        orderBy: [{ field: 'id', direction: 'desc' }],
        limit,
        ...(cursor ? { cursor } : {}),
      });
      return page.nextCursor ? { items: page.items, nextCursor: page.nextCursor } : { items: page.items };
    },

    async listDeliveries(productId, subscriptionId, filters, limit, cursor) {
      const page = await deliveries.query({
        where: deliveryFilter(productId, subscriptionId, filters),
        orderBy: [{ field: 'id', direction: 'desc' }],
        limit,
        ...(cursor ? { cursor } : {}),
      });
      return page.nextCursor ? { items: page.items, nextCursor: page.nextCursor } : { items: page.items };
    },

    async recentFinished(productId, subscriptionId, limit) {
      const page = await deliveries.query({
        where: {
          and: [
            deliveryFilter(productId, subscriptionId, {}),
            { field: 'status', op: 'in', values: ['succeeded', 'failed'] },
          ],
        },
        orderBy: [{ field: 'id', direction: 'desc' }],
        limit,
      });
      return page.items;
    },
  };
}
