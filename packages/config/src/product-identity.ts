import { z } from 'zod';
import { envUrl } from './env-helpers.js';
import { type Env, loadEnv } from './load-env.js';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The product this deployment serves. Spread its shape into a service's env schema. */
export const productIdentitySchema = z.object({
  PRODUCT_ID: z
    .string()
    .trim()
    .regex(SLUG, 'expected a slug (lowercase letters, digits and single dashes)')
    .default('default')
    .meta({ envType: 'slug (a-z, 0-9, -)' })
    .describe('Product this deployment serves; stamped as productId on every document'),
  PRODUCT_NAME: z
    .string()
    .trim()
    .min(1)
    .default('Groundwork')
    .describe('Product display name used in emails, pages and the API documentation'),
  PRODUCT_URL: envUrl().optional().describe('Public URL of the product, used for links in emails'),
});

export interface ProductIdentity {
  /** Slug, e.g. `acme`. */
  id: string;
  /** Display name, e.g. `Acme`. */
  name: string;
  /** Public URL, when configured. */
  url?: string;
}

/** Reads `PRODUCT_ID`, `PRODUCT_NAME` and `PRODUCT_URL` (throws `ConfigError` when invalid). */
export function loadProductIdentity(env: Env = process.env): ProductIdentity {
  const values = loadEnv(productIdentitySchema, env);
  const identity: ProductIdentity = { id: values.PRODUCT_ID, name: values.PRODUCT_NAME };
  if (values.PRODUCT_URL !== undefined) identity.url = values.PRODUCT_URL;
  return identity;
}
