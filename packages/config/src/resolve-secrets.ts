import { readFile } from 'node:fs/promises';
import type { TokenCredential } from '@azure/identity';
import type { SecretClientOptions } from '@azure/keyvault-secrets';
import { ConfigError, type ConfigIssue } from './config-error.js';
import {
  createKeyVaultReader,
  describeKeyVaultError,
  isSecretNotFound,
  type KeyVaultSecretReader,
  keyVaultSecretName,
} from './key-vault.js';
import type { Env } from './load-env.js';

export interface ResolveSecretsOptions<Optional extends string = never> {
  /** Default `process.env`. */
  env?: Env;
  /** Secrets that may be absent; they are left out of the result instead of failing. */
  optional?: readonly Optional[];
  /** Key Vault to fall back to. Default `env.KEYVAULT_URL`; without either (and no client), Key Vault is not used. */
  keyVaultUrl?: string;
  /** Prefix of Key Vault secret names (`acme` → `acme-sendgrid-api-key`). */
  keyVaultPrefix?: string;
  /** Credential for Key Vault. Default `DefaultAzureCredential`. */
  credential?: TokenCredential;
  /** Options passed to `SecretClient`. */
  keyVaultClientOptions?: SecretClientOptions;
  /** A ready Key Vault client (replaces `keyVaultUrl`, `credential` and `keyVaultClientOptions`). */
  keyVaultClient?: KeyVaultSecretReader;
}

export type ResolvedSecrets<Required extends string, Optional extends string> = Record<Required, string> &
  Partial<Record<Optional, string>>;

type Lookup = { found: true; value: string } | { found: false; issue?: string };

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function fromEnv(name: string, env: Env): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value;
}

async function fromFile(name: string, env: Env): Promise<Lookup | undefined> {
  const path = fromEnv(`${name}_FILE`, env);
  if (path === undefined) return undefined;
  try {
    const value = (await readFile(path, 'utf8')).trim();
    if (value === '') return { found: false, issue: `${name}_FILE names ${path}, which is empty` };
    return { found: true, value };
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    return { found: false, issue: `${name}_FILE names ${path}, which cannot be read (${reason})` };
  }
}

async function fromKeyVault(client: KeyVaultSecretReader, secretName: string): Promise<Lookup> {
  try {
    const secret = await client.getSecret(secretName);
    if (secret.value === undefined || secret.value === '') {
      return { found: false, issue: `Key Vault secret "${secretName}" has no value` };
    }
    return { found: true, value: secret.value };
  } catch (error) {
    if (isSecretNotFound(error)) return { found: false };
    return {
      found: false,
      issue: `Key Vault lookup of "${secretName}" failed: ${describeKeyVaultError(error)}`,
    };
  }
}

/**
 * Resolves secrets by name. Each comes from, in order: the env var `NAME`; the file named by
 * `NAME_FILE` (Docker/Kubernetes secrets, trimmed); Azure Key Vault when `KEYVAULT_URL` (or
 * `keyVaultUrl`/`keyVaultClient`) is set, under the name `name-in-kebab-case`. Every missing
 * required secret and every failed lookup is reported at once in one `ConfigError`; values are
 * never part of an error.
 */
export async function resolveSecrets<const Required extends string, const Optional extends string = never>(
  names: readonly Required[],
  options: ResolveSecretsOptions<Optional> = {},
): Promise<ResolvedSecrets<Required, Optional>> {
  const env = options.env ?? process.env;
  const optional: readonly string[] = options.optional ?? [];
  const all = [...new Set<string>([...names, ...optional])];
  for (const name of all) {
    if (!ENV_NAME.test(name))
      throw new TypeError(`resolveSecrets: "${name}" is not a valid environment variable name`);
  }

  const keyVaultUrl = options.keyVaultUrl ?? fromEnv('KEYVAULT_URL', env);
  let keyVault: Promise<KeyVaultSecretReader> | undefined;
  const keyVaultClient = (): Promise<KeyVaultSecretReader> | undefined => {
    if (options.keyVaultClient) return Promise.resolve(options.keyVaultClient);
    if (keyVaultUrl === undefined) return undefined;
    keyVault ??= createKeyVaultReader({
      vaultUrl: keyVaultUrl,
      ...(options.credential ? { credential: options.credential } : {}),
      ...(options.keyVaultClientOptions ? { clientOptions: options.keyVaultClientOptions } : {}),
    });
    return keyVault;
  };

  const resolveOne = async (name: string): Promise<{ name: string; lookup: Lookup; lookedIn: string[] }> => {
    const lookedIn = [`env ${name}`];
    const direct = fromEnv(name, env);
    if (direct !== undefined) return { name, lookup: { found: true, value: direct }, lookedIn };
    lookedIn.push(`file ${name}_FILE`);
    const file = await fromFile(name, env);
    if (file !== undefined) return { name, lookup: file, lookedIn };
    const client = keyVaultClient();
    if (client === undefined) return { name, lookup: { found: false }, lookedIn };
    const secretName = keyVaultSecretName(name, options.keyVaultPrefix);
    lookedIn.push(`Key Vault secret "${secretName}"`);
    return { name, lookup: await fromKeyVault(await client, secretName), lookedIn };
  };

  const results = await Promise.all(all.map(resolveOne));
  const resolved: Record<string, string> = {};
  const issues: ConfigIssue[] = [];
  for (const { name, lookup, lookedIn } of results) {
    if (lookup.found) {
      resolved[name] = lookup.value;
    } else if (lookup.issue !== undefined) {
      issues.push({ variable: name, message: lookup.issue });
    } else if (!optional.includes(name)) {
      issues.push({ variable: name, message: `not set (looked in ${lookedIn.join(', ')})` });
    }
  }
  if (issues.length > 0) throw new ConfigError(issues, 'Missing secrets');
  return resolved as ResolvedSecrets<Required, Optional>;
}
