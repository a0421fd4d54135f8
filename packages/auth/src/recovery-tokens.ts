/**
 * One-time tokens of account recovery (password reset, email verification), one container each.
 * A token is 256 random bits (`newSecretToken`); only its SHA-256 hash is stored, as the document
 * id, so finding it is a point read in the product's partition. A token works until `expiresAt`
 * and exactly once: `consume` deletes the document it read with `ifMatch`, so of two concurrent
 * uses exactly one gets the document. The container's `defaultTtl` removes leftovers.
 */
import { BadRequestError, isAppError } from '@groundwork/errors';
import type { Clock, DocumentStore, StoredDocument } from '@groundwork/store';
import { hashToken, newSecretToken, tokensEqual } from './secret-tokens.js';

/** What a token document holds: never the token itself, nor the email in clear. */
export interface RecoveryTokenDoc {
  productId: string;
  userId: string;
  /** SHA-256 of the user's normalized email when the token was issued: the token dies if it changes. */
  emailHash: string;
  createdAt: number;
  expiresAt: number;
}

export interface IssuedToken {
  /** The raw token: goes into the link and nowhere else. */
  token: string;
  expiresAt: number;
}

export interface RecoveryTokens {
  /** `email` as stored on the user (normalized). */
  issue(owner: { productId: string; userId: string; email: string }, ttlMs: number): Promise<IssuedToken>;
  /** Takes the token: its document when it was valid and this call won it, else `undefined`. */
  consume(productId: string, token: unknown): Promise<StoredDocument<RecoveryTokenDoc> | undefined>;
  /** Deletes every token of the user in the product; returns how many. */
  revokeForUser(productId: string, userId: string): Promise<number>;
  /** A point read of a random id: the store work of an issue, for requests that issue nothing. */
  decoy(productId: string): Promise<void>;
}

/** `newSecretToken()` output: 32 bytes in base64url. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
/** Bounds `revokeForUser` (tokens live a day; requests are throttled to a few per hour). */
const MAX_REVOKE_PAGES = 10;

/** Whether the token was issued for this (normalized) email. */
export function issuedFor(doc: RecoveryTokenDoc, email: string): boolean {
  return tokensEqual(doc.emailHash, hashToken(email));
}

/** The one answer to an unknown, expired, used or otherwise dead token: which one it was stays hidden. */
export function invalidOrExpiredToken(): BadRequestError {
  return new BadRequestError('The link is invalid or has expired.', 'invalid_or_expired_token');
}

const isGone = (error: unknown) => isAppError(error) && (error.status === 404 || error.status === 412);

export function createRecoveryTokens(
  store: DocumentStore,
  clock: Clock,
  containerName: string,
): RecoveryTokens {
  const tokens = () => store.container<RecoveryTokenDoc>(containerName);

  return {
    async issue(owner, ttlMs) {
      const token = newSecretToken();
      const now = clock.now();
      const expiresAt = now + ttlMs;
      await tokens().create({
        id: hashToken(token),
        pk: owner.productId,
        productId: owner.productId,
        userId: owner.userId,
        emailHash: hashToken(owner.email),
        createdAt: now,
        expiresAt,
      });
      return { token, expiresAt };
    },

    async consume(productId, token) {
      if (typeof token !== 'string' || !TOKEN_PATTERN.test(token)) return undefined;
      const id = hashToken(token);
      const doc = await tokens().read(id, productId);
      if (!doc || doc.expiresAt <= clock.now()) return undefined;
      try {
        await tokens().delete(id, productId, { ifMatch: doc.etag });
      } catch (error) {
        if (isGone(error)) return undefined; // a concurrent use took it
        throw error;
      }
      return doc;
    },

    async revokeForUser(productId, userId) {
      let removed = 0;
      // Each page re-queries from the start: the documents just deleted no longer match.
      for (let page = 0; page < MAX_REVOKE_PAGES; page++) {
        const found = await tokens().query({
          pk: productId,
          where: { field: 'userId', op: 'eq', value: userId },
          limit: 100,
        });
        for (const doc of found.items) {
          try {
            await tokens().delete(doc.id, productId);
            removed += 1;
          } catch (error) {
            if (!isGone(error)) throw error;
          }
        }
        if (!found.nextCursor) break;
      }
      return removed;
    },

    async decoy(productId) {
      await tokens().read(hashToken(newSecretToken()), productId);
    },
  };
}
