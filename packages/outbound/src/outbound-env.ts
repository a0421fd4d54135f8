/**
 * The operator's outbound settings as environment variables, and the zod schema of a policy
 * object. A service spreads the env shape into its own schema
 * (`platformEnvSchema.extend(outboundEnvSchema.shape)`) and builds the policy with
 * `outboundPolicyFromEnv(env)`. (Plain zod: the kernel does not depend on `@groundwork/config`.)
 */
import { z } from 'zod';
import { type OutboundPolicy, parseAllowEntry } from './address-policy.js';

const allowEntry = z.string().superRefine((entry, ctx) => {
  try {
    parseAllowEntry(entry);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : 'invalid entry' });
  }
});

/** A policy object (e.g. from a config file). */
export const outboundPolicySchema = z.object({
  allow: z
    .array(allowEntry)
    .default([])
    .describe('CIDRs, IP addresses or host names allowed although they are private, loopback or link-local.'),
  allowHttp: z.boolean().default(false).describe('Permit plain http: URLs (default https only).'),
});

const TRUE_WORDS = new Set(['true', '1', 'yes', 'on']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'off']);

export const outboundEnvSchema = z.object({
  OUTBOUND_ALLOW_LIST: z
    .string()
    .default('')
    .transform((raw, ctx): string[] => {
      const entries = raw
        .split(',')
        .map((entry) => entry.trim())
        .filter((entry) => entry !== '');
      for (const entry of entries) {
        try {
          parseAllowEntry(entry);
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : 'invalid entry' });
        }
      }
      return entries;
    })
    .meta({ envType: 'comma-separated list' })
    .describe(
      'Outbound HTTP (webhooks, status checks): CIDRs, IP addresses or host names allowed although private, loopback or link-local, e.g. "127.0.0.1/32,10.1.0.0/16". Empty (default): only public addresses.',
    ),
  OUTBOUND_ALLOW_HTTP: z
    .string()
    .default('false')
    .transform((raw, ctx): boolean => {
      const word = raw.trim().toLowerCase();
      if (TRUE_WORDS.has(word)) return true;
      if (FALSE_WORDS.has(word)) return false;
      ctx.addIssue({ code: 'custom', message: 'expected a boolean (true/false, 1/0, yes/no, on/off)' });
      return z.NEVER;
    })
    .meta({ envType: 'boolean' })
    .describe('Outbound HTTP: permit plain http: URLs. Default false (https only).'),
});

export type OutboundEnv = z.output<typeof outboundEnvSchema>;

/** Builds the policy from parsed env values. */
export function outboundPolicyFromEnv(
  env: Pick<OutboundEnv, 'OUTBOUND_ALLOW_LIST' | 'OUTBOUND_ALLOW_HTTP'>,
): OutboundPolicy {
  return { allow: env.OUTBOUND_ALLOW_LIST, allowHttp: env.OUTBOUND_ALLOW_HTTP };
}
