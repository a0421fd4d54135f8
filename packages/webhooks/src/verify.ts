/**
 * `verifyWebhook()`: what a receiver runs on each request. It checks the Standard Webhooks headers
 * (`webhook-id`, `webhook-timestamp`, `webhook-signature`) when present, else Groundwork's
 * (`x-webhook-timestamp`, `x-webhook-signature`); compares in constant time against every
 * signature in the header (rotation sends two); and rejects a timestamp more than 5 minutes from
 * now (replay protection). Dedupe on `webhook-id`: retries and resends keep it.
 */
import { timingSafeEqual } from 'node:crypto';
import { secretKey } from './secrets.js';
import { seedSignature, standardSignature } from './signing.js';

export type WebhookVerificationCode =
  | 'webhook_signature_missing'
  | 'webhook_signature_invalid'
  | 'webhook_timestamp_invalid'
  | 'webhook_timestamp_expired';

export class WebhookVerificationError extends Error {
  readonly code: WebhookVerificationCode;
  constructor(code: WebhookVerificationCode, message: string) {
    super(message);
    this.name = 'WebhookVerificationError';
    this.code = code;
  }
}

export type HeaderSource =
  | Record<string, string | string[] | undefined>
  | { get(name: string): string | null };

export interface VerifyWebhookInput {
  /** The raw request body, exactly as received (string or bytes). Do not re-serialize parsed JSON. */
  body: string | Uint8Array;
  headers: HeaderSource;
  /** The subscription's secret (`whsec_…`), or several (e.g. old and new while rotating). */
  secret: string | readonly string[];
  /** Allowed distance between the timestamp and now, seconds (default 300). */
  toleranceSeconds?: number;
  /** Now, ms since the epoch (default `Date.now()`). */
  now?: number;
}

export interface VerifiedWebhook {
  /** The event id (`webhook-id`); absent for a request carrying only the `x-webhook-*` headers. */
  id: string | undefined;
  timestamp: number;
  /** The parsed JSON body: `{ id, type, version, timestamp, data }`. */
  payload: unknown;
}

export const DEFAULT_TOLERANCE_SECONDS = 300;

function headerOf(headers: HeaderSource, name: string): string | undefined {
  if (typeof (headers as { get?: unknown }).get === 'function') {
    return (headers as { get(name: string): string | null }).get(name) ?? undefined;
  }
  const record = headers as Record<string, string | string[] | undefined>;
  const value = record[name] ?? Object.entries(record).find(([key]) => key.toLowerCase() === name)?.[1];
  return Array.isArray(value) ? value.join(' ') : value;
}

function equal(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Verifies a delivery; throws `WebhookVerificationError` (with a stable `code`) when it must be rejected. */
export function verifyWebhook(input: VerifyWebhookInput): VerifiedWebhook {
  const body = typeof input.body === 'string' ? input.body : Buffer.from(input.body).toString('utf8');
  const keys = (typeof input.secret === 'string' ? [input.secret] : input.secret).map(secretKey);
  const standard = headerOf(input.headers, 'webhook-signature');
  const id = headerOf(input.headers, 'webhook-id');
  const rawTimestamp =
    standard !== undefined
      ? headerOf(input.headers, 'webhook-timestamp')
      : headerOf(input.headers, 'x-webhook-timestamp');
  const seed = headerOf(input.headers, 'x-webhook-signature');
  if ((standard === undefined || id === undefined) && seed === undefined) {
    throw new WebhookVerificationError(
      'webhook_signature_missing',
      'The request carries no webhook signature.',
    );
  }
  if (rawTimestamp === undefined || !/^\d{1,12}$/.test(rawTimestamp.trim())) {
    throw new WebhookVerificationError(
      'webhook_timestamp_invalid',
      'The webhook timestamp is missing or malformed.',
    );
  }
  const timestamp = Number(rawTimestamp.trim());
  const nowSeconds = Math.floor((input.now ?? Date.now()) / 1000);
  const tolerance = input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (Math.abs(nowSeconds - timestamp) > tolerance) {
    throw new WebhookVerificationError(
      'webhook_timestamp_expired',
      `The webhook timestamp is more than ${tolerance} s from now.`,
    );
  }
  const useStandard = standard !== undefined && id !== undefined;
  const presented = ((useStandard ? standard : seed) ?? '').split(' ').filter((part) => part.length > 0);
  const expected = keys.map((key) =>
    useStandard ? standardSignature(key, id as string, timestamp, body) : seedSignature(key, timestamp, body),
  );
  const matched = presented.some((signature) => expected.some((candidate) => equal(signature, candidate)));
  if (!matched)
    throw new WebhookVerificationError('webhook_signature_invalid', 'The webhook signature does not match.');
  let payload: unknown;
  try {
    payload = JSON.parse(body);
  } catch {
    payload = body;
  }
  return { id: useStandard ? id : undefined, timestamp, payload };
}
