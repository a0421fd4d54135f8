/** Stored documents → API views (no secret, ISO times), and the health indicator. */
import type { StoredDelivery, StoredSubscription } from './repository.js';
import type { DeliveryView, SubscriptionView } from './schemas.js';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export type HealthIndicator = 'green' | 'yellow' | 'red' | 'unknown';

export interface Health {
  indicator: HealthIndicator;
  successRate: number | null;
  sample: number;
}

/**
 * green: ≥ 95 % of the recent finished deliveries succeeded and the subscription is not failing;
 * yellow: ≥ 75 %, or failing; red: below 75 %, or disabled; unknown: nothing delivered yet.
 */
export function healthOf(
  subscription: Pick<StoredSubscription, 'enabled' | 'failing'>,
  succeeded: number,
  sample: number,
): Health {
  const successRate = sample === 0 ? null : succeeded / sample;
  let indicator: HealthIndicator;
  if (!subscription.enabled) indicator = 'red';
  else if (successRate === null) indicator = subscription.failing ? 'yellow' : 'unknown';
  else if (successRate < 0.75) indicator = 'red';
  else if (successRate < 0.95 || subscription.failing) indicator = 'yellow';
  else indicator = 'green';
  return { indicator, successRate, sample };
}

export function subscriptionView(doc: StoredSubscription, nowMs: number, health?: Health): SubscriptionView {
  const rotating =
    doc.previousSecret !== null &&
    doc.previousSecretExpiresAt !== null &&
    doc.previousSecretExpiresAt > nowMs;
  return {
    id: doc.id,
    url: doc.url,
    eventTypes: doc.eventTypes,
    description: doc.description,
    enabled: doc.enabled,
    status: !doc.enabled ? 'disabled' : doc.failing ? 'failing' : 'active',
    disabledReason: doc.enabled ? null : doc.disabledReason,
    rateLimit: doc.rateLimit,
    maxConcurrency: doc.maxConcurrency,
    headers: doc.headers,
    consecutiveFailures: doc.consecutiveFailures,
    secretRotationEndsAt: rotating ? iso(doc.previousSecretExpiresAt) : null,
    lastDeliveryAt: iso(doc.lastDeliveryAt),
    lastSuccessAt: iso(doc.lastSuccessAt),
    lastFailureAt: iso(doc.lastFailureAt),
    createdAt: new Date(doc.createdAt).toISOString(),
    updatedAt: doc.updatedAt,
    ...(health ? { health } : {}),
  };
}

export function deliveryView(doc: StoredDelivery): DeliveryView {
  return {
    id: doc.id,
    subscriptionId: doc.subscriptionId,
    eventId: doc.eventId,
    eventType: doc.eventType,
    status: doc.status,
    attempts: doc.attempts.map((attempt) => ({ ...attempt, at: new Date(attempt.at).toISOString() })),
    responseCode: doc.responseCode,
    durationMs: doc.durationMs,
    responseBody: doc.responseBody,
    error: doc.error,
    nextAttemptAt: iso(doc.nextAttemptAt),
    createdAt: new Date(doc.createdAt).toISOString(),
    finishedAt: iso(doc.finishedAt),
    resendOf: doc.resendOf,
    test: doc.test,
  };
}

export const PREVIEW_BYTES = 4_096;

export function deliveryDetail(doc: StoredDelivery) {
  const bytes = Buffer.byteLength(doc.body, 'utf8');
  return {
    ...deliveryView(doc),
    payloadPreview:
      bytes <= PREVIEW_BYTES
        ? doc.body
        : Buffer.from(doc.body, 'utf8').subarray(0, PREVIEW_BYTES).toString('utf8'),
    payloadBytes: bytes,
  };
}
