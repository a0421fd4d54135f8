/**
 * Schemas of single sign-on: a provider's configuration (and the JSON env var that lists them),
 * and the HTTP params, queries and replies of the SSO routes.
 */
import { z } from 'zod';

export const SSO_DEFAULT_SCOPES = ['openid', 'email', 'profile'] as const;

const providerIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be lowercase letters, digits and dashes, e.g. google');

const httpUrl = z.url({ protocol: /^https?$/ });

/** One OpenID provider for one product, e.g. `{ id: 'google', productId: 'acme', ... }`. */
export const ssoProviderSchema = z
  .object({
    id: providerIdSchema.describe('Names the provider in the routes: `/v1/auth/sso/<id>/start`.'),
    productId: z.string().min(1).max(200),
    issuer: httpUrl.describe(
      'The issuer identifier (its discovery document is `<issuer>/.well-known/openid-configuration`).',
    ),
    clientId: z.string().min(1).max(500),
    clientSecret: z.string().min(1).max(2000).optional().describe('Absent: a public client (PKCE only).'),
    tokenEndpointAuthMethod: z
      .enum(['client_secret_basic', 'client_secret_post'])
      .default('client_secret_basic')
      .describe('How the client secret is sent to the token endpoint.'),
    scopes: z
      .array(z.string().regex(/^[\x21\x23-\x5b\x5d-\x7e]+$/, 'must be a scope token'))
      .min(1)
      .default([...SSO_DEFAULT_SCOPES])
      .refine((scopes) => scopes.includes('openid'), 'must include openid'),
    redirectUri: httpUrl.describe(
      'This service’s callback as registered at the provider: `<public url>/v1/auth/sso/<id>/callback`.',
    ),
  })
  .strict();

export type SsoProviderInput = z.input<typeof ssoProviderSchema>;
export type SsoProviderConfig = z.output<typeof ssoProviderSchema>;

/** A list of providers; each (id, product) pair at most once. */
export const ssoProviderListSchema = z.array(ssoProviderSchema).superRefine((providers, ctx) => {
  const seen = new Set<string>();
  for (const [index, provider] of providers.entries()) {
    const key = `${provider.id}|${provider.productId}`;
    if (seen.has(key)) {
      ctx.addIssue({
        code: 'custom',
        path: [index, 'id'],
        message: `provider "${provider.id}" is configured twice for product "${provider.productId}"`,
      });
    }
    seen.add(key);
  }
});

/**
 * The `AUTH_SSO_PROVIDERS` env var: a JSON array of providers (it holds client secrets, so the
 * service marks it `secret()`).
 */
export const ssoProvidersSchema = z
  .string()
  .transform((raw, ctx): unknown => {
    try {
      return JSON.parse(raw);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'expected a JSON array of SSO providers' });
      return z.NEVER;
    }
  })
  .pipe(ssoProviderListSchema)
  .meta({ envType: 'JSON array of SSO providers' });

// --- HTTP ---

export const ssoProviderParamsSchema = z.object({ provider: providerIdSchema });

export const ssoStartQuerySchema = z
  .object({
    productId: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe('The product to sign in to; default: the service’s own product.'),
    returnTo: z
      .string()
      .max(2000)
      .optional()
      .describe(
        'Where the callback sends the browser with the tokens in the URL fragment; its origin must be allow-listed.',
      ),
  })
  .strict();

/** What the provider appends to the redirect URI; unknown members (e.g. `session_state`) pass. */
export const ssoCallbackQuerySchema = z
  .object({
    code: z.string().max(4000).optional(),
    state: z.string().max(500).optional(),
    iss: z.string().max(2000).optional(),
    error: z
      .string()
      .max(200)
      .regex(/^[\x20-\x21\x23-\x5b\x5d-\x7e]*$/)
      .optional(),
    error_description: z.string().max(2000).optional(),
  })
  .catchall(z.string().max(4000));

export const ssoRedirectSchema = z.null().describe('Redirect (the URL is in `Location`).');
