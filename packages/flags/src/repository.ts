/**
 * Store access for flags: the `feature_flags` container (the seed's name), partitioned by
 * product. A flag's document id is its key, so "one key per product" is enforced by the store
 * itself (`create` conflicts), even between instances; the public, time-sortable id (`flag_…`)
 * is a field.
 */
import { ConflictError, NotFoundError, PreconditionFailedError } from '@groundwork/errors';
import type { ContainerSpec, DocumentStore, StoredDocument } from '@groundwork/store';
import type { FlagDefinition } from './schemas.js';

export const FEATURE_FLAGS_CONTAINER_NAME = 'feature_flags';

export const FEATURE_FLAGS_CONTAINER: ContainerSpec = {
  name: FEATURE_FLAGS_CONTAINER_NAME,
  partitionKey: '/productId',
  description: 'Feature flags, one document per flag key, one partition per product.',
};

/** Products hold at most this many flags (the evaluator loads them all). */
export const MAX_FLAGS_PER_PRODUCT = 5_000;
const LOAD_PAGE = 1_000;

export type FlagFields = FlagDefinition & {
  flagId: string;
  productId: string;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedBy: string;
};

export type FlagDocument = StoredDocument<FlagFields>;

export interface FlagRepository {
  read(productId: string, key: string): Promise<FlagDocument | undefined>;
  create(fields: FlagFields): Promise<FlagDocument>;
  replace(fields: FlagFields, ifMatch: string): Promise<FlagDocument>;
  remove(productId: string, key: string, ifMatch: string): Promise<void>;
  page(
    productId: string,
    options: { limit: number; cursor?: string | undefined },
  ): Promise<{ items: FlagDocument[]; nextCursor?: string }>;
  /** Every flag of the product (at most `MAX_FLAGS_PER_PRODUCT`), by key. */
  all(productId: string): Promise<FlagDocument[]>;
}

function changed(): PreconditionFailedError {
  return new PreconditionFailedError(
    'The flag was changed since it was read; reload it and try again.',
    'flag_changed',
  );
}

export function flagNotFound(key: string): NotFoundError {
  return new NotFoundError(`No flag "${key}" in this product.`, 'flag_not_found');
}

export function createFlagRepository(store: DocumentStore): FlagRepository {
  const flags = () => store.container<FlagFields>(FEATURE_FLAGS_CONTAINER_NAME);
  return {
    read: (productId, key) => flags().read(key, productId),

    async create(fields) {
      try {
        return await flags().create({ ...fields, id: fields.key, pk: fields.productId });
      } catch (error) {
        if (error instanceof ConflictError) {
          throw new ConflictError(`A flag "${fields.key}" already exists in this product.`, 'flag_exists');
        }
        throw error;
      }
    },

    async replace(fields, ifMatch) {
      try {
        return await flags().replace({ ...fields, id: fields.key, pk: fields.productId }, { ifMatch });
      } catch (error) {
        if (error instanceof PreconditionFailedError) throw changed();
        if (error instanceof NotFoundError) throw flagNotFound(fields.key);
        throw error;
      }
    },

    async remove(productId, key, ifMatch) {
      try {
        await flags().delete(key, productId, { ifMatch });
      } catch (error) {
        if (error instanceof PreconditionFailedError) throw changed();
        if (error instanceof NotFoundError) throw flagNotFound(key);
        throw error;
      }
    },

    async page(productId, { limit, cursor }) {
      const page = await flags().query({
        pk: productId,
        orderBy: [{ field: 'id', direction: 'asc' }],
        limit,
        ...(cursor ? { cursor } : {}),
      });
      return { items: page.items, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
    },

    async all(productId) {
      const items: FlagDocument[] = [];
      let cursor: string | undefined;
      for (let pages = 0; pages <= MAX_FLAGS_PER_PRODUCT / LOAD_PAGE; pages += 1) {
        const page = await flags().query({ pk: productId, limit: LOAD_PAGE, ...(cursor ? { cursor } : {}) });
        items.push(...page.items);
        cursor = page.nextCursor;
        if (!cursor) return items;
      }
      throw new Error(`Product "${productId}" has more than ${MAX_FLAGS_PER_PRODUCT} flags.`);
    },
  };
}
