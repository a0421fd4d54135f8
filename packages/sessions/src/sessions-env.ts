/**
 * The environment variables of the sessions module. A service spreads the shape into its own env
 * schema (`platformEnvSchema.extend(sessionsEnvSchema.shape)`) and passes the values to
 * `createSessionsModule`; the configuration reference in the docs is generated from the
 * `.describe()` texts.
 */
import { envInt } from '@groundwork/config';
import { z } from 'zod';
import { DEFAULT_SESSION_TTL_DAYS, MAX_SESSION_TTL_DAYS } from './session.js';

export const DEFAULT_SESSION_CACHE_TTL_MS = 30_000;
export const MAX_SESSION_CACHE_TTL_MS = 600_000;

export const sessionsEnvSchema = z.object({
  SESSION_TTL_DAYS: envInt({ min: 1, max: MAX_SESSION_TTL_DAYS })
    .default(DEFAULT_SESSION_TTL_DAYS)
    .describe(
      'Days a sign-in session lasts without activity; each request moves the end forward (recorded at most every 5 minutes).',
    ),
  SESSION_CACHE_TTL_MS: envInt({ min: 0, max: MAX_SESSION_CACHE_TTL_MS })
    .default(DEFAULT_SESSION_CACHE_TTL_MS)
    .describe(
      'How long an instance trusts its cached answer to "is this session still active?", in ms: the longest a session revoked on another instance keeps working here (the revoking instance stops it at once). 0 reads the store on every request.',
    ),
});

export type SessionsEnv = z.output<typeof sessionsEnvSchema>;
