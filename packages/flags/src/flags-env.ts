/**
 * The environment variables of the flags module. A service spreads the shape into its own env
 * schema (`platformEnvSchema.extend(flagsEnvSchema.shape)`); the configuration reference in the
 * docs is generated from the `.describe()` texts.
 */
import { envInt } from '@groundwork/config';
import { z } from 'zod';

export const flagsEnvSchema = z.object({
  FLAGS_CACHE_TTL_MS: envInt({ min: 0, max: 300_000 })
    .default(5_000)
    .describe(
      'How long an instance reuses a product’s compiled flags, in ms; a change made on another instance is seen within this time (0 = read the store on every evaluation).',
    ),
});

export type FlagsEnv = z.output<typeof flagsEnvSchema>;
