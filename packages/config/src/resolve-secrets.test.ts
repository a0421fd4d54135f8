import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.js';
import type { KeyVaultSecretReader } from './key-vault.js';
import { resolveSecrets } from './resolve-secrets.js';

const dir = mkdtempSync(join(tmpdir(), 'resolve-secrets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function secretFile(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** A Key Vault stand-in that records which secret names were asked for. */
function fakeVault(secrets: Record<string, string>, failing: Record<string, Error> = {}) {
  const asked: string[] = [];
  const client: KeyVaultSecretReader = {
    async getSecret(name: string) {
      asked.push(name);
      const failure = failing[name];
      if (failure) throw failure;
      const value = secrets[name];
      if (value === undefined) {
        throw Object.assign(new Error(`A secret with (name/id) ${name} was not found in this key vault.`), {
          statusCode: 404,
          code: 'SecretNotFound',
        });
      }
      return { value };
    },
  };
  return { client, asked };
}

async function configErrorOf(promise: Promise<unknown>): Promise<ConfigError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (error instanceof ConfigError) return error;
  throw new Error(`expected a ConfigError, got ${String(error)}`);
}

describe('resolveSecrets', () => {
  it('prefers the env var, then the _FILE file, then Key Vault', async () => {
    const vault = fakeVault({
      'from-env': 'vault-env',
      'from-file': 'vault-file',
      'from-vault': 'vault-value',
    });
    const secrets = await resolveSecrets(['FROM_ENV', 'FROM_FILE', 'FROM_VAULT'], {
      env: {
        FROM_ENV: 'env-value',
        FROM_ENV_FILE: secretFile('ignored', 'file-ignored'),
        FROM_FILE_FILE: secretFile('from-file', '  file-value\n'),
      },
      keyVaultClient: vault.client,
    });
    expect(secrets).toEqual({ FROM_ENV: 'env-value', FROM_FILE: 'file-value', FROM_VAULT: 'vault-value' });
    expect(vault.asked).toEqual(['from-vault']);
  });

  it('does not use Key Vault without KEYVAULT_URL or a client', async () => {
    const error = await configErrorOf(resolveSecrets(['SENDGRID_API_KEY'], { env: {} }));
    expect(error.message).toBe(
      'Missing secrets: 1 problem\n  - SENDGRID_API_KEY: not set (looked in env SENDGRID_API_KEY, file SENDGRID_API_KEY_FILE)',
    );
  });

  it('lists every missing secret at once and skips missing optional ones', async () => {
    const vault = fakeVault({ 'present-key': 'p' });
    const error = await configErrorOf(
      resolveSecrets(['PRESENT_KEY', 'FIRST_MISSING', 'SECOND_MISSING'], {
        env: {},
        optional: ['OPTIONAL_MISSING'],
        keyVaultClient: vault.client,
      }),
    );
    expect(error.issues.map((issue) => issue.variable)).toEqual(['FIRST_MISSING', 'SECOND_MISSING']);
    expect(error.issues[0]?.message).toBe(
      'not set (looked in env FIRST_MISSING, file FIRST_MISSING_FILE, Key Vault secret "first-missing")',
    );
    expect([...vault.asked].sort()).toEqual([
      'first-missing',
      'optional-missing',
      'present-key',
      'second-missing',
    ]);

    const withOptional = await resolveSecrets(['PRESENT_KEY'], {
      env: { OPTIONAL_SET: 'o' },
      optional: ['OPTIONAL_SET', 'OPTIONAL_MISSING'],
      keyVaultClient: vault.client,
    });
    expect(withOptional).toEqual({ PRESENT_KEY: 'p', OPTIONAL_SET: 'o' });
  });

  it('treats empty env values as unset', async () => {
    const secrets = await resolveSecrets(['API_KEY'], {
      env: { API_KEY: '  ', API_KEY_FILE: secretFile('api-key', 'from-file') },
    });
    expect(secrets).toEqual({ API_KEY: 'from-file' });
  });

  it('reports unreadable and empty secret files, and failed Key Vault lookups, without values', async () => {
    const vault = fakeVault(
      { 'leaky-secret': 'super-secret-value' },
      {
        'broken-secret': Object.assign(new Error('Access denied to caller'), {
          statusCode: 403,
          code: 'Forbidden',
        }),
      },
    );
    const error = await configErrorOf(
      resolveSecrets(['NO_FILE', 'EMPTY_FILE', 'BROKEN_SECRET', 'LEAKY_SECRET', 'SET_SECRET'], {
        env: {
          NO_FILE_FILE: join(dir, 'does-not-exist'),
          EMPTY_FILE_FILE: secretFile('empty', ' \n'),
          SET_SECRET: 'env-secret-value',
        },
        keyVaultClient: vault.client,
      }),
    );
    expect(error.issues).toEqual([
      {
        variable: 'NO_FILE',
        message: `NO_FILE_FILE names ${join(dir, 'does-not-exist')}, which cannot be read (ENOENT)`,
      },
      { variable: 'EMPTY_FILE', message: `EMPTY_FILE_FILE names ${join(dir, 'empty')}, which is empty` },
      {
        variable: 'BROKEN_SECRET',
        message: 'Key Vault lookup of "broken-secret" failed: HTTP 403 Forbidden Access denied to caller',
      },
    ]);
    expect(error.message).not.toContain('super-secret-value');
    expect(error.message).not.toContain('env-secret-value');
  });

  it('rejects names that are not environment variable names', async () => {
    await expect(resolveSecrets(['not-valid'], { env: {} })).rejects.toThrow(TypeError);
  });
});
