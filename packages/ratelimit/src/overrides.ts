/**
 * Per-user overrides (`ratelimit_overrides`, pk `/productId`, id = user id): exempt a user from
 * every limit (an allow-listed key) or multiply each rule's limit for them. Cached per product like
 * the IP rules (immediate here, within `cacheTtlMs` elsewhere).
 */
import { NotFoundError } from '@groundwork/errors';
import type { Clock, ContainerSpec, DocumentStore, StoredDocument } from '@groundwork/store';
import type { PutOverrideInput, RateLimitOverride } from './schemas.js';

export const RATELIMIT_OVERRIDES_CONTAINER: ContainerSpec = {
  name: 'ratelimit_overrides',
  partitionKey: '/productId',
  description: 'Per-user rate-limit overrides (exempt, or a limit multiplier) per product.',
};

const MAX_OVERRIDES_PER_PRODUCT = 10_000;

type OverrideDocument = RateLimitOverride & { expiresAtMs?: number };

export interface Overrides {
  put(
    productId: string,
    userId: string,
    input: PutOverrideInput,
    createdBy: string,
  ): Promise<{ before?: RateLimitOverride; after: RateLimitOverride }>;
  remove(productId: string, userId: string): Promise<RateLimitOverride>;
  list(
    productId: string,
    page: { limit: number; cursor?: string | undefined },
  ): Promise<{ items: RateLimitOverride[]; nextCursor?: string }>;
  /** The active override of `userId` (cached), or undefined. */
  active(productId: string, userId: string): Promise<RateLimitOverride | undefined>;
}

function view(doc: StoredDocument<OverrideDocument>): RateLimitOverride {
  const { id: _id, pk: _pk, etag: _etag, ttl: _ttl, expiresAtMs: _ms, ...rest } = doc;
  return rest;
}

export function createOverrides(options: {
  store: DocumentStore;
  clock: Clock;
  cacheTtlMs: number;
}): Overrides {
  const { store, clock, cacheTtlMs } = options;
  const container = () => store.container<OverrideDocument>(RATELIMIT_OVERRIDES_CONTAINER.name);
  const cache = new Map<string, { at: number; byUser: Promise<Map<string, OverrideDocument>> }>();

  async function load(productId: string): Promise<Map<string, OverrideDocument>> {
    const byUser = new Map<string, OverrideDocument>();
    let cursor: string | undefined;
    do {
      const page = await container().query({ pk: productId, limit: 1000, ...(cursor ? { cursor } : {}) });
      for (const doc of page.items)
        byUser.set(doc.userId, {
          ...view(doc),
          ...(doc.expiresAtMs !== undefined ? { expiresAtMs: doc.expiresAtMs } : {}),
        });
      cursor = page.nextCursor;
    } while (cursor && byUser.size < MAX_OVERRIDES_PER_PRODUCT);
    return byUser;
  }

  return {
    async put(productId, userId, input, createdBy) {
      const now = clock.now();
      const before = await container().read(userId, productId);
      const expiresAtMs = input.expiresAt ? Date.parse(input.expiresAt) : undefined;
      const doc: OverrideDocument = {
        productId,
        userId,
        exempt: input.exempt,
        multiplier: input.multiplier,
        reason: input.reason,
        createdBy,
        updatedAt: new Date(now).toISOString(),
        ...(expiresAtMs !== undefined ? { expiresAt: new Date(expiresAtMs).toISOString(), expiresAtMs } : {}),
      };
      const stored = await container().upsert({ ...doc, id: userId, pk: productId });
      cache.delete(productId);
      return { ...(before ? { before: view(before) } : {}), after: view(stored) };
    },

    async remove(productId, userId) {
      const doc = await container().read(userId, productId);
      if (!doc) throw new NotFoundError('This user has no override.', 'override_not_found');
      await container().delete(userId, productId);
      cache.delete(productId);
      return view(doc);
    },

    async list(productId, page) {
      const result = await container().query({
        pk: productId,
        limit: page.limit,
        ...(page.cursor ? { cursor: page.cursor } : {}),
      });
      return {
        items: result.items.map(view),
        ...(result.nextCursor ? { nextCursor: result.nextCursor } : {}),
      };
    },

    async active(productId, userId) {
      const now = clock.now();
      let hit = cache.get(productId);
      if (!hit || now - hit.at >= cacheTtlMs) {
        const byUser = load(productId);
        byUser.catch(() => cache.delete(productId));
        hit = { at: now, byUser };
        cache.set(productId, hit);
      }
      const doc = (await hit.byUser).get(userId);
      if (!doc || (doc.expiresAtMs !== undefined && doc.expiresAtMs <= now)) return undefined;
      const { expiresAtMs: _ms, ...rest } = doc;
      return rest;
    },
  };
}
