/**
 * The Cosmos DB adapter of the `DocumentStore` port (production and scale-out).
 *
 * - Containers are created with partition key path `/pk` (every document's `pk`) and
 *   `defaultTtl = spec.defaultTtl ?? -1`: -1 turns per-item TTL on without a default, so a
 *   document's own `ttl` expires it natively. Redeclaring a container with another `defaultTtl`
 *   updates the container.
 * - Cosmos removes expired items lazily, so reads, queries and counts also filter on the
 *   `_expiresAt` the adapter stores (from the injected clock); `sweepExpired()` has nothing to do.
 */
import { assertValidContainerSpec } from '../container-name.js';
import { declaredContainer, storeClosedError } from '../store-errors.js';
import type { Clock, Container, ContainerSpec, DocumentStore } from '../types.js';
import { systemClock } from '../types.js';
import { type CosmosConnectionOptions, createCosmosClient } from './cosmos-client.js';
import { CosmosContainer } from './cosmos-container.js';
import { cosmosStatusOf } from './cosmos-errors.js';

export interface CosmosStoreOptions extends CosmosConnectionOptions {
  /** Database id; created when missing. */
  database: string;
  clock?: Clock;
}

/** The partition key path of every container the adapter creates. */
export const COSMOS_PARTITION_KEY_PATH = '/pk';

/** The Cosmos `defaultTtl` for a spec: its own, or -1 (per-item TTL on, no default expiry). */
export function cosmosDefaultTtl(spec: ContainerSpec): number {
  return spec.defaultTtl ?? -1;
}

/**
 * `createIfNotExists` reads, then creates on 404: when another instance creates the same resource
 * in between, the create fails with 409 — and a second call finds it.
 */
async function raceSafe<T>(createIfNotExists: () => Promise<T>): Promise<T> {
  try {
    return await createIfNotExists();
  } catch (error) {
    if (cosmosStatusOf(error) !== 409) throw error;
    return createIfNotExists();
  }
}

export function createCosmosStore(options: CosmosStoreOptions): DocumentStore {
  if (typeof options.database !== 'string' || options.database.length === 0) {
    throw new Error('Cosmos store: `database` is required.');
  }
  const connection = createCosmosClient(options);
  const { client } = connection;
  const database = client.database(options.database);
  const clock = options.clock ?? systemClock;
  const containers = new Map<string, CosmosContainer<Record<string, unknown>>>();
  let databaseReady: Promise<unknown> | undefined;
  let closed = false;
  const assertOpen = (): void => {
    if (closed) throw storeClosedError('cosmos');
  };

  const ensureDatabase = (): Promise<unknown> => {
    databaseReady ??= raceSafe(() => client.databases.createIfNotExists({ id: options.database })).catch(
      (error: unknown) => {
        databaseReady = undefined;
        throw error;
      },
    );
    return databaseReady;
  };

  const ensureContainer = async (spec: ContainerSpec): Promise<void> => {
    const defaultTtl = cosmosDefaultTtl(spec);
    const { container, resource } = await raceSafe(() =>
      database.containers.createIfNotExists({
        id: spec.name,
        partitionKey: { paths: [COSMOS_PARTITION_KEY_PATH] },
        defaultTtl,
      }),
    );
    const paths = resource?.partitionKey?.paths ?? [];
    if (paths.length !== 1 || paths[0] !== COSMOS_PARTITION_KEY_PATH) {
      throw new Error(
        `Cosmos container "${spec.name}" is partitioned on ${JSON.stringify(paths)}; the store needs "${COSMOS_PARTITION_KEY_PATH}".`,
      );
    }
    if (resource && resource.defaultTtl !== defaultTtl) {
      await container.replace({ ...resource, defaultTtl });
    }
    containers.set(spec.name, new CosmosContainer(spec, container, clock, assertOpen));
  };

  return {
    kind: 'cosmos',
    async ensureContainers(specs: ContainerSpec[]): Promise<void> {
      assertOpen();
      for (const spec of specs) assertValidContainerSpec(spec);
      await ensureDatabase();
      for (const spec of specs) await ensureContainer({ ...spec });
    },
    container<T extends object = Record<string, unknown>>(name: string): Container<T> {
      assertOpen();
      return declaredContainer<T>(containers, name);
    },
    async ping(): Promise<void> {
      assertOpen();
      await client.getDatabaseAccount();
    },
    async sweepExpired(): Promise<number> {
      assertOpen();
      return 0;
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      connection.dispose();
    },
  };
}
