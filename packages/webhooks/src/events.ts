/**
 * The events the webhooks module owns (added to the service's catalog through the module's
 * `events.definitions`): the `webhook.test` ping, and the admin notices about endpoint health.
 * A subscription for `*` does not receive the `webhook.*` types (no feedback loops); name them
 * explicitly to get them.
 */
import { defineEvent } from '@groundwork/events';
import { z } from 'zod';

export const WEBHOOK_TEST_EVENT = 'webhook.test';
export const SUBSCRIPTION_FAILING_EVENT = 'webhook.subscription_failing';
export const SUBSCRIPTION_DISABLED_EVENT = 'webhook.subscription_disabled';

const id = z.string().min(1).max(200);

export const webhookEvents = [
  defineEvent({
    type: WEBHOOK_TEST_EVENT,
    version: 1,
    description: 'A test ping sent by an admin to one subscription (never fanned out).',
    payload: z.strictObject({ subscriptionId: id, message: z.string().max(500) }),
  }),
  defineEvent({
    type: SUBSCRIPTION_FAILING_EVENT,
    version: 1,
    description: 'A webhook delivery exhausted its retries: the subscription is now failing.',
    payload: z.strictObject({
      subscriptionId: id,
      url: z.string().max(2_048),
      consecutiveFailures: z.number().int().min(0),
      lastError: z.string().max(1_000),
    }),
  }),
  defineEvent({
    type: SUBSCRIPTION_DISABLED_EVENT,
    version: 1,
    description:
      'A webhook subscription was disabled: the endpoint answered 410 Gone, or 10 deliveries in a row failed.',
    payload: z.strictObject({
      subscriptionId: id,
      url: z.string().max(2_048),
      reason: z.enum(['gone', 'consecutive_failures']),
      consecutiveFailures: z.number().int().min(0),
    }),
  }),
] as const;

declare module '@groundwork/events' {
  interface EventPayloads {
    'webhook.test': { subscriptionId: string; message: string };
    'webhook.subscription_failing': {
      subscriptionId: string;
      url: string;
      consecutiveFailures: number;
      lastError: string;
    };
    'webhook.subscription_disabled': {
      subscriptionId: string;
      url: string;
      reason: 'gone' | 'consecutive_failures';
      consecutiveFailures: number;
    };
  }
}

/** The event types the webhooks module adds to the catalog. */
export type WebhookEventType = (typeof webhookEvents)[number]['type'];
