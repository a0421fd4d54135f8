/**
 * Refresh tokens: opaque `<sessionId>.<secret>` strings (the secret is 256 random bits), stored
 * only as SHA-256 hashes in `refresh_tokens` (pk `/sessionId`: a session is one token family).
 * Every use rotates: the presented token becomes `rotated` and a new one is issued. Presenting a
 * rotated token again is reuse — the caller revokes the session, so the whole family dies — except
 * within a short grace window after the rotation, when it gets a sibling token: two tabs that
 * refresh at the same moment both stay signed in.
 */
import { createHash, randomBytes } from 'node:crypto';
import { isAppError, UnauthorizedError } from '@groundwork/errors';
import type { Clock, ContainerSpec, DocumentStore } from '@groundwork/store';

export const REFRESH_TOKENS_CONTAINER: ContainerSpec = {
  name: 'refresh_tokens',
  partitionKey: '/sessionId',
  description: 'Refresh token hashes per session (one rotation family per session).',
};

/** A rotated token presented again within this many ms gets a sibling instead of revoking. */
export const DEFAULT_REFRESH_GRACE_MS = 10_000;

interface RefreshTokenDoc {
  sessionId: string;
  userId: string;
  productId: string;
  state: 'active' | 'rotated';
  createdAt: number;
  rotatedAt: number | null;
  expiresAt: number;
}

export interface RefreshTokenOwner {
  sessionId: string;
  userId: string;
  productId: string;
  /** When the session (and so every token of the family) ends, in ms. */
  expiresAt: number;
}

export type RotateResult =
  | { outcome: 'rotated'; token: string; owner: RefreshTokenOwner }
  | { outcome: 'reused'; owner: RefreshTokenOwner };

export interface RefreshTokens {
  issue(owner: RefreshTokenOwner): Promise<string>;
  /**
   * Rotates a presented token; `refresh_token_invalid` (401) when unknown, malformed or expired.
   * `nextExpiresAt` gives the new token's end (the session's, which slides with activity).
   */
  rotate(token: string, nextExpiresAt?: (owner: RefreshTokenOwner) => Promise<number>): Promise<RotateResult>;
  /** Deletes every token of a session (sign-out, reuse, password change). */
  revokeFamily(sessionId: string): Promise<void>;
}

const TOKEN = /^(ses_[0-9a-hjkmnp-tv-z]{26})\.([A-Za-z0-9_-]{43})$/;
const MAX_ROUNDS = 5;

const invalid = () =>
  new UnauthorizedError('The refresh token is invalid or expired.', 'refresh_token_invalid');
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
const isRace = (error: unknown) => isAppError(error) && (error.status === 412 || error.status === 404);

export function createRefreshTokens(options: {
  store: DocumentStore;
  clock: Clock;
  graceMs?: number;
}): RefreshTokens {
  const { store, clock } = options;
  const graceMs = options.graceMs ?? DEFAULT_REFRESH_GRACE_MS;
  const tokens = () => store.container<RefreshTokenDoc>(REFRESH_TOKENS_CONTAINER.name);

  async function issue(owner: RefreshTokenOwner): Promise<string> {
    const now = clock.now();
    const token = `${owner.sessionId}.${randomBytes(32).toString('base64url')}`;
    await tokens().create({
      id: hashOf(token),
      pk: owner.sessionId,
      ...owner,
      state: 'active',
      createdAt: now,
      rotatedAt: null,
      ttl: Math.max(1, Math.ceil((owner.expiresAt - now) / 1000)),
    });
    return token;
  }

  return {
    issue,

    async rotate(token, nextExpiresAt) {
      const match = TOKEN.exec(token);
      if (!match) throw invalid();
      const sessionId = match[1] as string;
      const id = hashOf(token);
      for (let round = 0; round < MAX_ROUNDS; round++) {
        const now = clock.now();
        const doc = await tokens().read(id, sessionId);
        if (!doc || doc.expiresAt <= now) throw invalid();
        const owner = {
          sessionId: doc.sessionId,
          userId: doc.userId,
          productId: doc.productId,
          expiresAt: doc.expiresAt,
        };
        const next = async () => {
          const expiresAt = nextExpiresAt ? await nextExpiresAt(owner) : owner.expiresAt;
          return issue({ ...owner, expiresAt: Math.max(expiresAt, now + 1_000) });
        };
        if (doc.state === 'rotated') {
          if (doc.rotatedAt !== null && now - doc.rotatedAt <= graceMs) {
            return { outcome: 'rotated', token: await next(), owner };
          }
          return { outcome: 'reused', owner };
        }
        const { etag, updatedAt: _updatedAt, ...fields } = doc;
        try {
          await tokens().replace({ ...fields, state: 'rotated', rotatedAt: now }, { ifMatch: etag });
        } catch (error) {
          if (!isRace(error)) throw error;
          continue; // a concurrent refresh rotated it first: read again (grace applies)
        }
        return { outcome: 'rotated', token: await next(), owner };
      }
      throw invalid();
    },

    async revokeFamily(sessionId) {
      let cursor: string | undefined;
      for (let page = 0; page < 100; page++) {
        const result = await tokens().query({ pk: sessionId, limit: 100, ...(cursor ? { cursor } : {}) });
        await Promise.all(
          result.items.map((doc) =>
            tokens()
              .delete(doc.id, sessionId)
              .catch((error: unknown) => {
                if (!isRace(error)) throw error;
              }),
          ),
        );
        cursor = result.nextCursor;
        if (!cursor) return;
      }
    },
  };
}
