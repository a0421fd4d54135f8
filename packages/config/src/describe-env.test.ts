import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeEnv } from './describe-env.js';
import { secret } from './env-field.js';
import { envBoolean, envEnum, envList, envPort } from './env-helpers.js';
import { productIdentitySchema } from './product-identity.js';

describe('describeEnv', () => {
  it('renders one table per service with type, default, required, secret and description', () => {
    const platform = z.object({
      ...productIdentitySchema.shape,
      PORT: envPort().default(4003).describe('HTTP port'),
      STORE: envEnum(['sqlite', 'cosmos', 'memory']).default('sqlite').describe('Document store adapter'),
      TRUST_PROXY: envBoolean().default(false),
      CORS_ORIGINS: envList().default(['https://a.test', 'https://b.test']).describe('Allowed | origins'),
      JWT_PRIVATE_KEY: secret(z.string()).describe('PEM key\nthat signs tokens'),
      LOG_LEVEL: z.enum(['debug', 'info']).optional(),
      RATIO: z.coerce.number().min(0).max(1).default(0.5),
    });
    const monitoring = z.object({
      CHECK_INTERVAL: z.string().describe('Interval').meta({ envType: 'duration' }),
    });

    const markdown = describeEnv([
      { title: 'platform', schema: platform },
      { title: 'monitoring', schema: monitoring },
      { title: 'empty', schema: z.object({}) },
    ]);

    expect(markdown).toBe(
      [
        '# Configuration reference',
        '',
        'Environment variables read by each service, generated from their zod schemas by `pnpm docs:env` — do not edit by hand. Empty values count as unset. A secret can also be given as a file named by `<NAME>_FILE`, or come from Azure Key Vault when `KEYVAULT_URL` is set.',
        '',
        '## platform',
        '',
        '| Variable | Type | Default | Required | Secret | Description |',
        '|---|---|---|---|---|---|',
        '| `PRODUCT_ID` | slug (a-z, 0-9, -) | `default` | no | no | Product this deployment serves; stamped as productId on every document |',
        '| `PRODUCT_NAME` | string | `Groundwork` | no | no | Product display name used in emails, pages and the API documentation |',
        '| `PRODUCT_URL` | URL (http, https) | — | no | no | Public URL of the product, used for links in emails |',
        '| `PORT` | port (0–65535) | `4003` | no | no | HTTP port |',
        '| `STORE` | one of: sqlite, cosmos, memory | `sqlite` | no | no | Document store adapter |',
        '| `TRUST_PROXY` | boolean | `false` | no | no |  |',
        '| `CORS_ORIGINS` | comma-separated list | `https://a.test,https://b.test` | no | no | Allowed \\| origins |',
        '| `JWT_PRIVATE_KEY` | string | — | yes | yes | PEM key that signs tokens |',
        '| `LOG_LEVEL` | one of: debug, info | — | no | no |  |',
        '| `RATIO` | number 0–1 | `0.5` | no | no |  |',
        '',
        '## monitoring',
        '',
        '| Variable | Type | Default | Required | Secret | Description |',
        '|---|---|---|---|---|---|',
        '| `CHECK_INTERVAL` | duration | — | yes | no | Interval |',
        '',
        '## empty',
        '',
        'No environment variables.',
        '',
      ].join('\n'),
    );
  });

  it('accepts a custom heading and intro', () => {
    const markdown = describeEnv([{ title: 's', schema: z.object({ A: z.string() }) }], {
      heading: 'Env',
      intro: 'Hello.',
    });
    expect(markdown.startsWith('# Env\n\nHello.\n\n## s\n')).toBe(true);
  });
});
