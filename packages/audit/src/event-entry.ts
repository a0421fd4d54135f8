/**
 * How an event becomes an audit entry: the action is the event type, the actor the event's actor,
 * the summary's `after` the payload (redacted later like any summary), and the target the entity
 * the payload names: the one the type is about (`subscription.*` → `subscriptionId`) when present,
 * else the first known id field, the user last.
 */
import type { EventEnvelope } from '@groundwork/events';
import type { AuditRecordInput, AuditTarget } from './audit-entry.js';

/** Payload id fields that name a target, most specific first; `userId` is the fallback. */
export const TARGET_ID_FIELDS: readonly (readonly [field: string, type: string])[] = [
  ['invoiceId', 'invoice'],
  ['subscriptionId', 'subscription'],
  ['licenseId', 'license'],
  ['invitationId', 'invitation'],
  ['referralId', 'referral'],
  ['flagId', 'flag'],
  ['sessionId', 'session'],
  ['apiTokenId', 'api_token'],
  ['jobName', 'job'],
  ['taskId', 'task'],
  ['userId', 'user'],
];

const TARGET_TYPE = /^[a-z][a-z0-9_]*$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function usableId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 200;
}

/** `api_token` → `apiTokenId`. */
function idFieldOf(type: string): string {
  return `${type.replace(/_([a-z0-9])/g, (_, char: string) => char.toUpperCase())}Id`;
}

/** The entity an event is about, from its payload; `undefined` when it names none. */
export function targetOfEvent(type: string, payload: unknown): AuditTarget | undefined {
  if (!isRecord(payload)) return undefined;
  const subject = type.slice(0, type.indexOf('.'));
  if (TARGET_TYPE.test(subject) && subject.length <= 50) {
    const id = payload[idFieldOf(subject)];
    if (usableId(id)) return { type: subject, id };
  }
  for (const [field, targetType] of TARGET_ID_FIELDS) {
    const id = payload[field];
    if (usableId(id)) return { type: targetType, id };
  }
  return undefined;
}

/** The `record()` input for an event (the caller derives the entry id and time from the event). */
export function recordInputOfEvent(event: EventEnvelope): AuditRecordInput {
  const target = targetOfEvent(event.type, event.payload);
  const payload = event.payload;
  const after = isRecord(payload)
    ? payload
    : payload === undefined || payload === null
      ? undefined
      : { value: payload };
  return {
    productId: event.productId,
    actor: event.actor,
    action: event.type,
    eventId: event.id,
    ...(target ? { target } : {}),
    ...(after ? { summary: { after } } : {}),
  };
}
