/**
 * Builds the `CosmosClient`: account key when given, otherwise an Entra ID credential (for example
 * `DefaultAzureCredential` from `@azure/identity`, i.e. managed identity in Azure). A self-signed
 * certificate (the local emulator's) is accepted only through an https.Agent on this client when
 * `tlsRejectUnauthorized` is false — never by switching TLS checks off for the whole process.
 */
import { Agent } from 'node:https';
import { CosmosClient, type CosmosClientOptions } from '@azure/cosmos';

/** An Entra ID token credential (`TokenCredential` from `@azure/identity`). */
export type CosmosCredential = NonNullable<CosmosClientOptions['aadCredentials']>;

export interface CosmosConnectionOptions {
  /** Account endpoint, e.g. `https://my-account.documents.azure.com:443/`. */
  endpoint: string;
  /** Account key. When absent, `credential` is used. */
  key?: string;
  /** Entra ID credential, used when no `key` is given. */
  credential?: CosmosCredential;
  /** `false` accepts a self-signed server certificate (the local emulator). Default `true`. */
  tlsRejectUnauthorized?: boolean;
}

export interface CosmosConnection {
  client: CosmosClient;
  /** Disposes the client and closes the sockets of its own https agent, if any. */
  dispose(): void;
}

export function createCosmosClient(options: CosmosConnectionOptions): CosmosConnection {
  if (typeof options.endpoint !== 'string' || options.endpoint.length === 0) {
    throw new Error('Cosmos store: `endpoint` is required.');
  }
  const clientOptions: CosmosClientOptions = { endpoint: options.endpoint };
  if (options.key) {
    clientOptions.key = options.key;
  } else if (options.credential) {
    clientOptions.aadCredentials = options.credential;
  } else {
    throw new Error(
      'Cosmos store: pass an account `key` or an Entra ID `credential` (e.g. DefaultAzureCredential).',
    );
  }
  const agent =
    options.tlsRejectUnauthorized === false
      ? new Agent({ rejectUnauthorized: false, keepAlive: true })
      : undefined;
  if (agent) clientOptions.agent = agent;
  const client = new CosmosClient(clientOptions);
  return {
    client,
    dispose() {
      client.dispose();
      agent?.destroy();
    },
  };
}
