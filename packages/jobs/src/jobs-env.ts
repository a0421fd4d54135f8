/**
 * The environment variables of the jobs module. A service spreads the shape into its own env
 * schema (`platformEnvSchema.extend(jobsEnvSchema.shape)`); the configuration reference in the
 * docs is generated from the `.describe()` texts.
 */
import { envBoolean, envInt } from '@groundwork/config';
import { z } from 'zod';

export const jobsEnvSchema = z.object({
  JOB_RUNNER_ENABLED: envBoolean()
    .default(true)
    .describe(
      'Run background task workers and the job scheduler on this instance; false serves the jobs admin API only (API-only instances).',
    ),
  JOB_WORKER_CONCURRENCY: envInt({ min: 1, max: 512 })
    .default(16)
    .describe(
      'Tasks one instance runs at once (webhook deliveries, emails, pushes, event handlers); a slow endpoint holds a slot only up to its own concurrency cap.',
    ),
  JOB_TICK_INTERVAL_MS: envInt({ min: 1_000, max: 3_600_000 })
    .default(60_000)
    .describe('How often the scheduler materializes due job slots as tasks, in ms.'),
});

export type JobsEnv = z.output<typeof jobsEnvSchema>;
