/**
 * Signing secrets: `whsec_` + base64 of 32 random bytes (Standard Webhooks format). The HMAC key
 * is the decoded bytes after the prefix. A secret is shown once, at creation or rotation; it is
 * stored (it must be, to sign) but never returned by a read.
 */
import { randomBytes } from 'node:crypto';

export const SECRET_PREFIX = 'whsec_';
const SECRET_BYTES = 32;

export function generateSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(SECRET_BYTES).toString('base64')}`;
}

/** The HMAC key of a secret (with or without the `whsec_` prefix). */
export function secretKey(secret: string): Buffer {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  const key = Buffer.from(encoded, 'base64');
  if (key.length < 24)
    throw new TypeError('A webhook secret must hold at least 24 bytes (base64 after whsec_).');
  return key;
}
