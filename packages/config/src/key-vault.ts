import type { TokenCredential } from '@azure/identity';
import type { SecretClientOptions } from '@azure/keyvault-secrets';

/** What `resolveSecrets` needs from Key Vault; `SecretClient` from `@azure/keyvault-secrets` fits it. */
export interface KeyVaultSecretReader {
  getSecret(name: string): Promise<{ value?: string | undefined }>;
}

export interface KeyVaultReaderOptions {
  /** e.g. `https://my-vault.vault.azure.net`. */
  vaultUrl: string;
  /** Default: `DefaultAzureCredential` (managed identity, workload identity, Azure CLI, env, …). */
  credential?: TokenCredential;
  /** Passed to `SecretClient` (retry options, custom agent, service version, …). */
  clientOptions?: SecretClientOptions;
}

/**
 * Creates a `SecretClient`. The Azure SDK packages are loaded only here, so services that never
 * use Key Vault do not pay for loading them.
 */
export async function createKeyVaultReader(options: KeyVaultReaderOptions): Promise<KeyVaultSecretReader> {
  const { SecretClient } = await import('@azure/keyvault-secrets');
  const credential = options.credential ?? new (await import('@azure/identity')).DefaultAzureCredential();
  return new SecretClient(options.vaultUrl, credential, options.clientOptions);
}

/**
 * The Key Vault secret name for an environment variable: lowercased, `_` → `-`, after an optional
 * prefix (`SENDGRID_API_KEY` → `sendgrid-api-key`; with prefix `acme` → `acme-sendgrid-api-key`).
 */
export function keyVaultSecretName(variable: string, prefix = ''): string {
  const name = variable.toLowerCase().replace(/_/g, '-');
  if (prefix === '') return name;
  const normalizedPrefix = prefix.toLowerCase().replace(/_/g, '-');
  return normalizedPrefix.endsWith('-') ? `${normalizedPrefix}${name}` : `${normalizedPrefix}-${name}`;
}

interface ErrorShape {
  statusCode?: unknown;
  code?: unknown;
  message?: unknown;
}

/** Whether an error from `getSecret` means "no such secret" (HTTP 404 / `SecretNotFound`). */
export function isSecretNotFound(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { statusCode, code } = error as ErrorShape;
  return statusCode === 404 || code === 'SecretNotFound';
}

/** A short, value-free description of a failed Key Vault call. */
export function describeKeyVaultError(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  const { statusCode, code, message } = error as ErrorShape;
  const parts = [
    typeof statusCode === 'number' ? `HTTP ${statusCode}` : undefined,
    typeof code === 'string' ? code : undefined,
    typeof message === 'string' ? message.split('\n')[0]?.slice(0, 200) : undefined,
  ].filter((part): part is string => part !== undefined && part !== '');
  return parts.length > 0 ? parts.join(' ') : 'unknown error';
}
