/**
 * Inbound provider events (delivered, opened, bounced, spam complaint), verified before anything
 * is read: SendGrid's signed event webhook (ECDSA P-256 / SHA-256 over the timestamp header
 * followed by the raw body, DER signature, base64 — what `@sendgrid/eventwebhook` checks, here
 * with `node:crypto`), and Postmark's basic auth (constant-time comparison). Replays are refused
 * by a window on the signed timestamp (SendGrid) and on each event's own time (both), and every
 * event id is applied once (`delivery_provider_events`). Events are matched to the delivery log
 * by the delivery id the adapters send as custom args / metadata; a hard bounce or a spam
 * complaint suppresses the address for the entry's product.
 */
import { createHash, createPublicKey, type KeyObject, timingSafeEqual, verify } from 'node:crypto';
import { idTimestamp } from '@groundwork/http';
import type { Clock } from '@groundwork/store';
import { type DeliveryStatus, logPartition, suppressionIdFor } from './containers.js';
import { normalizeEmail } from './mask.js';
import type { DeliveryRepository } from './repository.js';

export const SENDGRID_SIGNATURE_HEADER = 'x-twilio-email-event-webhook-signature';
export const SENDGRID_TIMESTAMP_HEADER = 'x-twilio-email-event-webhook-timestamp';
/** How far a signed timestamp may be from now (either way). */
export const SIGNATURE_WINDOW_MS = 5 * 60_000;
/** Events older than this are refused: their dedupe record (kept 7 days) could have expired. */
export const MAX_EVENT_AGE_MS = 6 * 86_400_000;

export type ProviderEventType = 'delivered' | 'opened' | 'bounced' | 'complained' | 'dropped' | 'other';

/** One provider event, normalized. */
export interface ProviderEvent {
  provider: 'sendgrid' | 'postmark';
  eventId: string;
  type: ProviderEventType;
  /** Hard bounce (permanent): the address is suppressed. */
  hard: boolean;
  email: string | undefined;
  deliveryId: string | undefined;
  productId: string | undefined;
  at: number;
}

export interface ApplyResult {
  received: number;
  applied: number;
  duplicates: number;
  unmatched: number;
  stale: number;
}

/** The SendGrid verification key: base64 DER (SPKI), as SendGrid shows it, or PEM. */
export function sendGridPublicKey(value: string): KeyObject {
  const text = value.trim();
  if (text.startsWith('-----BEGIN')) return createPublicKey(text);
  return createPublicKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'spki' });
}

export type VerifyOutcome = { ok: true } | { ok: false; reason: 'missing' | 'stale' | 'invalid' };

export function verifySendGridSignature(input: {
  key: KeyObject;
  rawBody: string | Buffer;
  signature: string | undefined;
  timestamp: string | undefined;
  nowMs: number;
}): VerifyOutcome {
  const { signature, timestamp } = input;
  if (!signature || !timestamp) return { ok: false, reason: 'missing' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'invalid' };
  const payload = Buffer.concat([
    Buffer.from(timestamp),
    Buffer.isBuffer(input.rawBody) ? input.rawBody : Buffer.from(input.rawBody),
  ]);
  let valid = false;
  try {
    valid = verify(
      'sha256',
      payload,
      { key: input.key, dsaEncoding: 'der' },
      Buffer.from(signature, 'base64'),
    );
  } catch {
    valid = false;
  }
  if (!valid) return { ok: false, reason: 'invalid' };
  // Checked after the signature, so the window applies to a timestamp SendGrid vouched for.
  if (Math.abs(input.nowMs - Number(timestamp) * 1000) > SIGNATURE_WINDOW_MS)
    return { ok: false, reason: 'stale' };
  return { ok: true };
}

/** Constant-time check of a `Basic` authorization header. */
export function checkBasicAuth(header: string | undefined, user: string, password: string): boolean {
  const expected = createHash('sha256').update(`${user}:${password}`).digest();
  let given = Buffer.alloc(0);
  if (header?.startsWith('Basic ')) {
    given = Buffer.from(header.slice(6).trim(), 'base64');
  }
  const givenHash = createHash('sha256').update(given).digest();
  return timingSafeEqual(expected, givenHash);
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 && value.length <= 500 ? value : undefined;
}

/** SendGrid posts an array of events; `custom_args` appear as top-level fields. */
export function parseSendGridEvents(body: unknown): ProviderEvent[] {
  if (!Array.isArray(body)) return [];
  return body.slice(0, 1000).map((raw): ProviderEvent => {
    const event = record(raw);
    const name = str(event.event);
    const bounceType = str(event.type);
    let type: ProviderEventType = 'other';
    if (name === 'delivered') type = 'delivered';
    else if (name === 'open') type = 'opened';
    else if (name === 'bounce') type = 'bounced';
    else if (name === 'spamreport') type = 'complained';
    else if (name === 'dropped') type = 'dropped';
    const timestamp = typeof event.timestamp === 'number' ? event.timestamp * 1000 : Number.NaN;
    return {
      provider: 'sendgrid',
      eventId: str(event.sg_event_id) ?? createHash('sha256').update(JSON.stringify(raw)).digest('hex'),
      type,
      // `bounce` with type `blocked` is a temporary refusal; `bounce` otherwise is hard.
      hard: type === 'bounced' && bounceType !== 'blocked',
      email: str(event.email),
      deliveryId: str(event.deliveryId),
      productId: str(event.productId),
      at: timestamp,
    };
  });
}

/** One Postmark webhook (one event per request), by `RecordType`. */
export function parsePostmarkEvent(body: unknown): ProviderEvent[] {
  const event = record(body);
  const recordType = str(event.RecordType);
  if (!recordType) return [];
  const metadata = record(event.Metadata);
  let type: ProviderEventType = 'other';
  let time: string | undefined;
  let hard = false;
  if (recordType === 'Delivery') {
    type = 'delivered';
    time = str(event.DeliveredAt);
  } else if (recordType === 'Open') {
    type = 'opened';
    time = str(event.ReceivedAt);
  } else if (recordType === 'Bounce') {
    type = 'bounced';
    time = str(event.BouncedAt);
    hard = str(event.Type) === 'HardBounce' || event.Inactive === true;
  } else if (recordType === 'SpamComplaint') {
    type = 'complained';
    time = str(event.BouncedAt);
  }
  const id = event.ID ?? event.MessageID;
  return [
    {
      provider: 'postmark',
      eventId: `${recordType}:${typeof id === 'number' || typeof id === 'string' ? String(id) : createHash('sha256').update(JSON.stringify(body)).digest('hex')}`,
      type,
      hard,
      email: str(event.Email) ?? str(event.Recipient),
      deliveryId: str(metadata.deliveryId),
      productId: str(metadata.productId),
      at: time ? Date.parse(time) : Number.NaN,
    },
  ];
}

const RANK: Record<DeliveryStatus, number> = {
  queued: 0,
  suppressed: 0,
  failed: 0,
  sent: 1,
  delivered: 2,
  opened: 3,
  bounced: 4,
};

/** Applies verified events: log status and timestamps, suppression on hard bounce / complaint. */
export async function applyProviderEvents(
  repo: DeliveryRepository,
  clock: Clock,
  events: ProviderEvent[],
): Promise<ApplyResult> {
  const result: ApplyResult = { received: events.length, applied: 0, duplicates: 0, unmatched: 0, stale: 0 };
  const now = clock.now();
  for (const event of events) {
    if (
      !Number.isFinite(event.at) ||
      now - event.at > MAX_EVENT_AGE_MS ||
      event.at - now > SIGNATURE_WINDOW_MS
    ) {
      result.stale += 1;
      continue;
    }
    if (!event.deliveryId || !event.productId) {
      result.unmatched += 1;
      continue;
    }
    let createdAt: number;
    try {
      createdAt = idTimestamp(event.deliveryId);
    } catch {
      result.unmatched += 1;
      continue;
    }
    const entry = await repo.readLog(event.deliveryId, logPartition(event.productId, 'email', createdAt));
    if (!entry || entry.productId !== event.productId) {
      result.unmatched += 1;
      continue;
    }
    const dedupeId = `pev_${createHash('sha256').update(`${event.provider}:${event.eventId}`).digest('hex').slice(0, 40)}`;
    if (!(await repo.claimProviderEvent(event.provider, dedupeId, now))) {
      result.duplicates += 1;
      continue;
    }
    result.applied += 1;
    const fields: Record<string, unknown> = {};
    let status: DeliveryStatus | undefined;
    if (event.type === 'delivered') {
      status = 'delivered';
      fields.deliveredAt = event.at;
    } else if (event.type === 'opened') {
      status = 'opened';
      fields.openedAt = event.at;
    } else if ((event.type === 'bounced' && event.hard) || event.type === 'dropped') {
      status = 'bounced';
      fields.bouncedAt = event.at;
    }
    if (status && RANK[status] > RANK[entry.status]) fields.status = status;
    const operations = Object.entries(fields).map(([path, value]) => ({ op: 'set' as const, path, value }));
    if (operations.length > 0) await repo.patchLog(entry.id, entry.pk, operations);
    if (event.email && ((event.type === 'bounced' && event.hard) || event.type === 'complained')) {
      const email = normalizeEmail(event.email);
      await repo.createSuppression({
        id: suppressionIdFor(email),
        pk: entry.productId,
        productId: entry.productId,
        email,
        reason: event.type === 'complained' ? 'spam_complaint' : 'hard_bounce',
        source: event.provider,
        createdAt: now,
      });
    }
  }
  return result;
}
