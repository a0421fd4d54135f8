import { envPort, loadEnv, productIdentitySchema } from '@groundwork/config';
import { serviceEnvSchema } from '@groundwork/http';
import { type StoreOptions, storeEnvSchema, storeOptionsFromEnv } from '@groundwork/store';
import type { z } from 'zod';

/** Every variable the platform reads: the service kit's, the store's and the product identity. */
export const platformEnvSchema = serviceEnvSchema
  .extend({ PORT: envPort().default(4003).describe('TCP port of the platform API; 0 picks a free one.') })
  .extend(storeEnvSchema.shape)
  .extend(productIdentitySchema.shape)
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

/** Read by `pnpm docs:env` to generate the configuration reference. */
export const envSchemas = [{ title: 'platform', schema: platformEnvSchema }];
