/**
 * Lifecycle of a local Cosmos DB wire-protocol server (`@vercel/cosmosdb-server`) for tests, and a
 * helper that opens a `DocumentStore` on a fresh database of it. The server speaks HTTPS with a
 * self-signed certificate and listens on 127.0.0.1 on an ephemeral port; it keeps everything in
 * memory and never expires TTL documents (the adapter filters expired documents on read).
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Clock, DocumentStore } from '@groundwork/store';
import { createCosmosStore } from '@groundwork/store/cosmos';
import { createHttpsServer } from '@vercel/cosmosdb-server';

export interface CosmosEmulator {
  /** `https://127.0.0.1:<port>`; the certificate is self-signed (use `tlsRejectUnauthorized: false`). */
  endpoint: string;
  /** The well-known public emulator key. The server accepts any key; the SDK needs one to sign requests. */
  key: string;
  stop(): Promise<void>;
}

/** The documented, public Azure Cosmos DB emulator key (not a secret). */
export const COSMOS_EMULATOR_KEY =
  'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';

export async function startCosmosEmulator(): Promise<CosmosEmulator> {
  const server = createHttpsServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let stopped: Promise<void> | undefined;
  return {
    endpoint: `https://127.0.0.1:${port}`,
    key: COSMOS_EMULATOR_KEY,
    stop() {
      stopped ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return stopped;
    },
  };
}

export interface CosmosTestStoreOptions {
  clock?: Clock;
  /** Database name; defaults to a fresh unique one so tests never see each other's documents. */
  database?: string;
}

/** A cosmos `DocumentStore` on a fresh database of the emulator. */
export function createCosmosTestStore(
  emulator: Pick<CosmosEmulator, 'endpoint' | 'key'>,
  options: CosmosTestStoreOptions = {},
): DocumentStore {
  return createCosmosStore({
    endpoint: emulator.endpoint,
    key: emulator.key,
    database: options.database ?? `test-${randomUUID()}`,
    tlsRejectUnauthorized: false,
    ...(options.clock ? { clock: options.clock } : {}),
  });
}
