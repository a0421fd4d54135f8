import { authEnvSchema } from '@groundwork/auth';
import { envPort, envUrl, loadEnv, productIdentitySchema, resolveSecrets } from '@groundwork/config';
import { deliveryEnvSchema } from '@groundwork/delivery';
import { flagsEnvSchema } from '@groundwork/flags';
import { serviceEnvSchema } from '@groundwork/http';
import { jobsEnvSchema } from '@groundwork/jobs';
import { ratelimitEnvSchema } from '@groundwork/ratelimit';
import { sessionsEnvSchema } from '@groundwork/sessions';
import { settingsEnvSchema } from '@groundwork/settings';
import { statusEnvSchema } from '@groundwork/status';
import { type StoreOptions, storeEnvSchema, storeOptionsFromEnv } from '@groundwork/store';
import { webhooksEnvSchema } from '@groundwork/webhooks';
import type { z } from 'zod';

/** Every variable the platform reads: the service kit's, the store's, the product identity and each module's. */
export const platformEnvSchema = serviceEnvSchema
  .extend({ PORT: envPort().default(4003).describe('TCP port of the platform API; 0 picks a free one.') })
  .extend(storeEnvSchema.shape)
  .extend(productIdentitySchema.shape)
  .extend(jobsEnvSchema.shape)
  .extend(sessionsEnvSchema.shape)
  .extend(authEnvSchema.shape)
  .extend(deliveryEnvSchema.shape)
  .extend(ratelimitEnvSchema.shape)
  .extend(flagsEnvSchema.shape)
  .extend(webhooksEnvSchema.shape)
  .extend(statusEnvSchema.shape)
  .extend(settingsEnvSchema.shape)
  .extend({
    KEYVAULT_URL: envUrl({ protocols: ['https'] })
      .optional()
      .describe(
        'Azure Key Vault to read secrets from (e.g. COSMOS_KEY as `cosmos-key`) when they are neither set nor given as <NAME>_FILE; signs in with DefaultAzureCredential.',
      ),
  })
  .refine((env) => env.STORE_KIND !== 'cosmos' || env.COSMOS_ENDPOINT !== undefined, {
    path: ['COSMOS_ENDPOINT'],
    message: 'required when STORE_KIND=cosmos',
    // Check this even when other variables are invalid, so every problem is reported at once.
    when: (payload) => typeof payload.value === 'object' && payload.value !== null,
  });

export type PlatformEnv = z.output<typeof platformEnvSchema>;

export interface PlatformConfig {
  env: PlatformEnv;
  store: StoreOptions;
}

/** Validates the environment, reporting every problem at once (`ConfigError`). */
export function loadPlatformConfig(env: Record<string, string | undefined> = process.env): PlatformConfig {
  const parsed = loadEnv(platformEnvSchema, env);
  return { env: parsed, store: storeOptionsFromEnv(env) };
}

/** Secrets the platform may read from `<NAME>_FILE` or Key Vault when they are not set directly. */
const PLATFORM_SECRETS = ['COSMOS_KEY', 'AUTH_SIGNING_KEYS', 'ADMIN_PASSWORD'] as const;

/**
 * Fills secrets that are not set in the environment from `<NAME>_FILE` files or Azure Key Vault
 * (`KEYVAULT_URL`). A Cosmos deployment without any key signs in with Entra ID instead.
 */
export async function resolvePlatformSecrets(
  config: PlatformConfig,
  env: Record<string, string | undefined> = process.env,
): Promise<PlatformConfig> {
  const wanted = PLATFORM_SECRETS.filter((name) =>
    name === 'COSMOS_KEY'
      ? config.store.kind === 'cosmos' && config.store.key === undefined
      : config.env[name] === undefined,
  );
  if (wanted.length === 0) return config;
  const secrets = await resolveSecrets([], { env, optional: wanted });
  return {
    env: {
      ...config.env,
      ...(secrets.AUTH_SIGNING_KEYS ? { AUTH_SIGNING_KEYS: secrets.AUTH_SIGNING_KEYS } : {}),
      ...(secrets.ADMIN_PASSWORD ? { ADMIN_PASSWORD: secrets.ADMIN_PASSWORD } : {}),
    },
    store:
      secrets.COSMOS_KEY && config.store.kind === 'cosmos'
        ? { ...config.store, key: secrets.COSMOS_KEY }
        : config.store,
  };
}

/** Read by `pnpm docs:env` to generate the configuration reference. */
export const envSchemas = [{ title: 'platform', schema: platformEnvSchema }];
