import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/identity';
import { SecretClient } from '@azure/keyvault-secrets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FAKE_TENANT_ID,
  type FakeKeyVault,
  KEY_VAULT_RESOURCE,
  startFakeKeyVault,
} from '../test/fake-key-vault.js';
import { ConfigError } from './config-error.js';
import { createKeyVaultReader, isSecretNotFound, keyVaultSecretName } from './key-vault.js';
import { resolveSecrets } from './resolve-secrets.js';

interface TokenRequest {
  scopes: string[];
  tenantId: string | undefined;
}

/** A TokenCredential standing in for Entra ID: hands out the token the fake vault accepts. */
function fakeCredential(token: () => string): TokenCredential & { requests: TokenRequest[] } {
  const requests: TokenRequest[] = [];
  return {
    requests,
    async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken> {
      requests.push({ scopes: Array.isArray(scopes) ? scopes : [scopes], tenantId: options?.tenantId });
      return { token: token(), expiresOnTimestamp: Date.now() + 3_600_000 };
    },
  };
}

let vault: FakeKeyVault;

beforeAll(async () => {
  vault = await startFakeKeyVault({
    'sendgrid-api-key': { value: 'SG.kv-sendgrid-value' },
    'jwt-private-key': { value: '-----BEGIN PRIVATE KEY-----kv' },
    'acme-stripe-secret-key': { value: 'sk_live_acme' },
    'disabled-secret': { value: 'nope', enabled: false },
  });
});

afterAll(async () => {
  await vault?.close();
});

function clientOptions() {
  return { agent: vault.agent, retryOptions: { maxRetries: 0 } };
}

describe('keyVaultSecretName', () => {
  it('lowercases and swaps underscores for dashes, after an optional prefix', () => {
    expect(keyVaultSecretName('SENDGRID_API_KEY')).toBe('sendgrid-api-key');
    expect(keyVaultSecretName('STRIPE_SECRET_KEY', 'acme')).toBe('acme-stripe-secret-key');
    expect(keyVaultSecretName('STRIPE_SECRET_KEY', 'ACME_PROD-')).toBe('acme-prod-stripe-secret-key');
  });
});

describe('real SecretClient against the fake Key Vault', () => {
  it('authenticates through the 401 challenge and reads a secret', async () => {
    const credential = fakeCredential(() => vault.token);
    const reader = await createKeyVaultReader({
      vaultUrl: vault.vaultUrl,
      credential,
      clientOptions: clientOptions(),
    });
    const start = vault.requests.length;

    const secret = await reader.getSecret('sendgrid-api-key');

    expect(secret.value).toBe('SG.kv-sendgrid-value');
    const exchange = vault.requests.slice(start);
    expect(exchange.map((request) => [request.method, request.path, request.status])).toEqual([
      ['GET', '/secrets/sendgrid-api-key/', 401],
      ['GET', '/secrets/sendgrid-api-key/', 200],
    ]);
    expect(exchange[0]?.authorization).toBeUndefined();
    expect(exchange[1]?.authorization).toBe(`Bearer ${vault.token}`);
    expect(exchange.every((request) => request.apiVersion === '2025-07-01')).toBe(true);
    expect(credential.requests).toEqual([
      { scopes: [`${KEY_VAULT_RESOURCE}/.default`], tenantId: FAKE_TENANT_ID },
    ]);
  });

  it("creates the SDK's SecretClient, with DefaultAzureCredential when no credential is given", async () => {
    const reader = await createKeyVaultReader({ vaultUrl: vault.vaultUrl });
    expect(reader).toBeInstanceOf(SecretClient);
    expect((reader as SecretClient).vaultUrl).toBe(vault.vaultUrl);
  });

  it('reports a missing secret as SecretNotFound', async () => {
    const reader = await createKeyVaultReader({
      vaultUrl: vault.vaultUrl,
      credential: fakeCredential(() => vault.token),
      clientOptions: clientOptions(),
    });
    const error = await reader.getSecret('no-such-secret').catch((caught: unknown) => caught);
    expect(isSecretNotFound(error)).toBe(true);
  });

  it('fails when the credential hands out a token the vault rejects', async () => {
    const reader = await createKeyVaultReader({
      vaultUrl: vault.vaultUrl,
      credential: fakeCredential(() => 'forged-token'),
      clientOptions: clientOptions(),
    });
    const error = await reader.getSecret('sendgrid-api-key').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ statusCode: 401 });
    expect(isSecretNotFound(error)).toBe(false);
  });

  it('resolveSecrets falls back to Key Vault (KEYVAULT_URL) after env and file', async () => {
    const credential = fakeCredential(() => vault.token);
    const secrets = await resolveSecrets(['SENDGRID_API_KEY', 'JWT_PRIVATE_KEY', 'STRIPE_SECRET_KEY'], {
      env: { KEYVAULT_URL: vault.vaultUrl, JWT_PRIVATE_KEY: 'from-env' },
      credential,
      keyVaultClientOptions: clientOptions(),
      optional: ['WEBHOOK_SIGNING_SECRET'],
      keyVaultPrefix: '',
    }).catch((error: unknown) => error);
    // STRIPE_SECRET_KEY only exists under the "acme-" prefix, so it is missing here.
    expect(secrets).toBeInstanceOf(ConfigError);
    expect((secrets as ConfigError).issues).toEqual([
      {
        variable: 'STRIPE_SECRET_KEY',
        message:
          'not set (looked in env STRIPE_SECRET_KEY, file STRIPE_SECRET_KEY_FILE, Key Vault secret "stripe-secret-key")',
      },
    ]);

    const resolved = await resolveSecrets(['SENDGRID_API_KEY', 'JWT_PRIVATE_KEY'], {
      env: { KEYVAULT_URL: vault.vaultUrl, JWT_PRIVATE_KEY: 'from-env' },
      credential,
      keyVaultClientOptions: clientOptions(),
    });
    expect(resolved).toEqual({ SENDGRID_API_KEY: 'SG.kv-sendgrid-value', JWT_PRIVATE_KEY: 'from-env' });

    const prefixed = await resolveSecrets(['STRIPE_SECRET_KEY'], {
      env: {},
      keyVaultUrl: vault.vaultUrl,
      keyVaultPrefix: 'acme',
      credential,
      keyVaultClientOptions: clientOptions(),
    });
    expect(prefixed).toEqual({ STRIPE_SECRET_KEY: 'sk_live_acme' });
  });

  it('reports a disabled secret as a failed lookup without its value', async () => {
    const error = await resolveSecrets(['DISABLED_SECRET'], {
      env: { KEYVAULT_URL: vault.vaultUrl },
      credential: fakeCredential(() => vault.token),
      keyVaultClientOptions: clientOptions(),
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain(
      'DISABLED_SECRET: Key Vault lookup of "disabled-secret" failed: HTTP 403 Forbidden',
    );
    expect(message).not.toContain('nope');
  });
});
