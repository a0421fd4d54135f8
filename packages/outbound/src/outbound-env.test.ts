import { describe, expect, it } from 'vitest';
import { outboundEnvSchema, outboundPolicyFromEnv, outboundPolicySchema } from './outbound-env.js';

describe('outboundEnvSchema', () => {
  it('defaults to no allow-list and https only', () => {
    const env = outboundEnvSchema.parse({});
    expect(outboundPolicyFromEnv(env)).toEqual({ allow: [], allowHttp: false });
  });

  it('parses a comma-separated allow-list and a boolean', () => {
    const env = outboundEnvSchema.parse({
      OUTBOUND_ALLOW_LIST: ' 127.0.0.1/32, ,hooks.internal,fd00::/8',
      OUTBOUND_ALLOW_HTTP: 'yes',
    });
    expect(outboundPolicyFromEnv(env)).toEqual({
      allow: ['127.0.0.1/32', 'hooks.internal', 'fd00::/8'],
      allowHttp: true,
    });
  });

  it('reports a bad entry or boolean instead of ignoring it', () => {
    expect(outboundEnvSchema.safeParse({ OUTBOUND_ALLOW_LIST: '10.0.0.0/99' }).success).toBe(false);
    expect(outboundEnvSchema.safeParse({ OUTBOUND_ALLOW_HTTP: 'maybe' }).success).toBe(false);
    expect(outboundPolicySchema.safeParse({ allow: ['not a host'] }).success).toBe(false);
    expect(outboundPolicySchema.parse({})).toEqual({ allow: [], allowHttp: false });
  });
});
