/**
 * Signatures of a delivery. Both header sets cover the same raw body bytes:
 *
 * - Standard Webhooks: `webhook-id` (the event id, stable across retries), `webhook-timestamp`
 *   (unix seconds), `webhook-signature: v1,<base64 HMAC-SHA256(key, "<id>.<timestamp>.<body>")>`.
 * - Groundwork's own (seed §2.3): `X-Webhook-Timestamp` (unix seconds, the same value) and
 *   `X-Webhook-Signature: sha256=<hex HMAC-SHA256(key, "<timestamp>.<body>")>`.
 *
 * `key` is the base64-decoded part of the `whsec_…` secret. During a rotation overlap each header
 * carries one signature per valid secret, newest first, separated by a space.
 */
import { createHmac } from 'node:crypto';
import { secretKey } from './secrets.js';

export interface SignInput {
  /** The event id (`webhook-id`). */
  id: string;
  /** Unix seconds. */
  timestamp: number;
  /** The exact body bytes sent. */
  body: string;
  /** Secrets to sign with, newest first. */
  secrets: readonly string[];
}

export function standardSignature(key: Buffer, id: string, timestamp: number, body: string): string {
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

export function seedSignature(key: Buffer, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', key).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** The signature headers of one delivery attempt (names lowercase). */
export function signatureHeaders(input: SignInput): Record<string, string> {
  const keys = input.secrets.map(secretKey);
  return {
    'webhook-id': input.id,
    'webhook-timestamp': String(input.timestamp),
    'webhook-signature': keys
      .map((key) => standardSignature(key, input.id, input.timestamp, input.body))
      .join(' '),
    'x-webhook-timestamp': String(input.timestamp),
    'x-webhook-signature': keys.map((key) => seedSignature(key, input.timestamp, input.body)).join(' '),
  };
}
