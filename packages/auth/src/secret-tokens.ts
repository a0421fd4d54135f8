/**
 * Secret tokens (ARCHITECTURE §7): at least 256 random bits, base64url; only their SHA-256 hash is
 * stored, and comparisons take the same time wherever the inputs differ.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 bytes = 256 bits, the least any secret token carries. */
export const SECRET_TOKEN_MIN_BYTES = 32;

/** A new random token, base64url without padding (43 characters for 32 bytes). */
export function newSecretToken(bytes = SECRET_TOKEN_MIN_BYTES): string {
  if (!Number.isInteger(bytes) || bytes < SECRET_TOKEN_MIN_BYTES || bytes > 1024)
    throw new RangeError(`A secret token needs from ${SECRET_TOKEN_MIN_BYTES} to 1024 random bytes.`);
  return randomBytes(bytes).toString('base64url');
}

/** The hex SHA-256 of a token: what is stored and looked up instead of the token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Constant-time equality of two secrets. Both are hashed first, so `timingSafeEqual` always
 * compares 32 equal-length buffers: neither where the inputs differ nor whether their lengths
 * differ shows in the comparison's timing (hashing time grows with length only).
 */
export function tokensEqual(a: string, b: string): boolean {
  const digestA = createHash('sha256').update(a, 'utf8').digest();
  const digestB = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(digestA, digestB);
}
