/**
 * Opens the `DocumentStore` a service is configured for. Options are a zod-validated union of the
 * three adapters; `storeEnvSchema` and `storeOptionsFromEnv` read them from environment variables.
 * Each adapter is imported only when chosen, so a Cosmos deployment never loads SQLite's native
 * module and an embedded one never loads the Azure SDK.
 */
import { z } from 'zod';
import type { CosmosCredential } from './cosmos/cosmos-client.js';
import type { Clock, DocumentStore } from './types.js';

export const storeOptionsSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('sqlite'),
    /** Database file, or `:memory:`. */
    path: z.string().min(1),
  }),
  z.object({ kind: z.literal('memory') }),
  z.object({
    kind: z.literal('cosmos'),
    endpoint: z.url({ protocol: /^https?$/ }),
    /** Account key; when absent the store signs in with `DefaultAzureCredential` (Entra ID). */
    key: z.string().min(1).optional(),
    database: z.string().min(1),
    /** `false` accepts the local emulator's self-signed certificate. */
    tlsRejectUnauthorized: z.boolean().optional(),
  }),
]);

export type StoreOptions = z.infer<typeof storeOptionsSchema>;

export interface OpenStoreRuntime {
  clock?: Clock;
  /** Cosmos only: the Entra ID credential to use when no key is given (default `DefaultAzureCredential`). */
  credential?: CosmosCredential;
}

function invalidOptions(error: z.ZodError): Error {
  return new Error(`Invalid store options:\n${z.prettifyError(error)}`, { cause: error });
}

/** Validates `options` and opens the chosen adapter. Invalid options throw a plain `Error` naming each problem. */
export async function openStore(
  options: StoreOptions,
  runtime: OpenStoreRuntime = {},
): Promise<DocumentStore> {
  const parsed = storeOptionsSchema.safeParse(options);
  if (!parsed.success) throw invalidOptions(parsed.error);
  const clock = runtime.clock ? { clock: runtime.clock } : {};
  const chosen = parsed.data;
  switch (chosen.kind) {
    case 'memory': {
      const { createMemoryStore } = await import('./memory.js');
      return createMemoryStore(clock);
    }
    case 'sqlite': {
      const { createSqliteStore } = await import('./sqlite.js');
      return createSqliteStore({ path: chosen.path, ...clock });
    }
    case 'cosmos': {
      const { createCosmosStore } = await import('./cosmos.js');
      let credential = runtime.credential;
      if (chosen.key === undefined && credential === undefined) {
        const { DefaultAzureCredential } = await import('@azure/identity');
        credential = new DefaultAzureCredential();
      }
      return createCosmosStore({
        endpoint: chosen.endpoint,
        database: chosen.database,
        ...(chosen.key === undefined ? { credential } : { key: chosen.key }),
        ...(chosen.tlsRejectUnauthorized === undefined
          ? {}
          : { tlsRejectUnauthorized: chosen.tlsRejectUnauthorized }),
        ...clock,
      });
    }
  }
}

/** Environment variables that choose and configure the store. */
export const storeEnvSchema = z.object({
  STORE_KIND: z
    .enum(['sqlite', 'cosmos', 'memory'])
    .optional()
    .describe(
      'Document store adapter: `sqlite` (embedded file), `cosmos` (Azure Cosmos DB) or `memory` (tests and examples). ' +
        'Default: `cosmos` when COSMOS_ENDPOINT is set, else `sqlite`.',
    ),
  SQLITE_PATH: z
    .string()
    .min(1)
    .default('./data/groundwork.db')
    .describe(
      'SQLite database file for STORE_KIND=sqlite; its directory is created. `:memory:` keeps it in memory.',
    ),
  COSMOS_ENDPOINT: z
    .url({ protocol: /^https?$/ })
    .optional()
    .describe('Cosmos DB account endpoint, e.g. `https://my-account.documents.azure.com:443/`.'),
  COSMOS_KEY: z
    .string()
    .min(1)
    .optional()
    .meta({ secret: true })
    .describe(
      'Cosmos DB account key. Leave unset in Azure to sign in with Entra ID (DefaultAzureCredential: managed identity, ' +
        'workload identity, Azure CLI…); the identity needs the "Cosmos DB Built-in Data Contributor" role.',
    ),
  COSMOS_DATABASE: z
    .string()
    .min(1)
    .default('groundwork')
    .describe('Cosmos DB database id; created when missing.'),
  COSMOS_TLS_REJECT_UNAUTHORIZED: z
    .stringbool()
    .default(true)
    .meta({ envType: 'boolean' })
    .describe(
      'Verify the Cosmos DB TLS certificate. Set to false only for a local emulator with a self-signed certificate; ' +
        'it applies to the Cosmos client alone, never process-wide.',
    ),
});

export type StoreEnv = z.infer<typeof storeEnvSchema>;

/** Store options from environment variables (`process.env` by default). Empty values count as unset. */
export function storeOptionsFromEnv(env: Record<string, string | undefined> = process.env): StoreOptions {
  const present = Object.fromEntries(
    Object.keys(storeEnvSchema.shape)
      .map((name) => [name, env[name]?.trim()] as const)
      .filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = storeEnvSchema.safeParse(present);
  if (!parsed.success) throw new Error(`Invalid store environment:\n${z.prettifyError(parsed.error)}`);
  const vars = parsed.data;
  const kind = vars.STORE_KIND ?? (vars.COSMOS_ENDPOINT ? 'cosmos' : 'sqlite');
  switch (kind) {
    case 'memory':
      return { kind };
    case 'sqlite':
      return { kind, path: vars.SQLITE_PATH };
    case 'cosmos': {
      if (!vars.COSMOS_ENDPOINT)
        throw new Error('Invalid store environment: COSMOS_ENDPOINT is required when STORE_KIND=cosmos.');
      return {
        kind,
        endpoint: vars.COSMOS_ENDPOINT,
        database: vars.COSMOS_DATABASE,
        tlsRejectUnauthorized: vars.COSMOS_TLS_REJECT_UNAUTHORIZED,
        ...(vars.COSMOS_KEY ? { key: vars.COSMOS_KEY } : {}),
      };
    }
  }
}
