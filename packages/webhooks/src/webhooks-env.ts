/**
 * The environment variables of the webhooks module (seed §5), with the outbound client's
 * (`OUTBOUND_ALLOW_LIST`, `OUTBOUND_ALLOW_HTTP`). A service spreads the shape into its own env
 * schema (`platformEnvSchema.extend(webhooksEnvSchema.shape)`).
 */
import { envInt, envList } from '@groundwork/config';
import { outboundEnvSchema } from '@groundwork/outbound';
import { z } from 'zod';

export const webhooksEnvSchema = z.object({
  WEBHOOK_DELIVERY_TIMEOUT_MS: envInt({ min: 100, max: 60_000 })
    .default(5_000)
    .describe('Time budget of one webhook delivery attempt (connect, send, response), in ms.'),
  WEBHOOK_MAX_RETRIES: envInt({ min: 0, max: 20 })
    .default(3)
    .describe('Retries after a failed webhook delivery attempt (so at most 1 + this many attempts).'),
  WEBHOOK_RETRY_SCHEDULE_MS: envList()
    .default([])
    .transform((items, ctx): number[] => {
      const delays = items.map(Number);
      if (delays.some((delay) => !Number.isInteger(delay) || delay < 0 || delay > 86_400_000)) {
        ctx.addIssue({ code: 'custom', message: 'expected whole numbers of ms (0–86400000)' });
        return z.NEVER;
      }
      return delays;
    })
    .describe(
      'Delays before retry 1, 2, 3, … in ms (the last repeats), each with ±20 % jitter. Empty: 10000,60000,300000.',
    ),
  ...outboundEnvSchema.shape,
});

export type WebhooksEnv = z.output<typeof webhooksEnvSchema>;
