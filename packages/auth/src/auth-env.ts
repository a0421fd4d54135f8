/**
 * The environment variables of the auth module. A service spreads the shape into its own env
 * schema; the configuration reference in the docs is generated from the `.describe()` texts.
 */
import { envBoolean, envInt, envList, envUrl, secret } from '@groundwork/config';
import { z } from 'zod';
import { ssoProvidersSchema } from './sso-schemas.js';

export const authEnvSchema = z.object({
  AUTH_ISSUER: z
    .string()
    .min(1)
    .default('groundwork')
    .describe('`iss` of access tokens (usually the public URL of the platform); checked on every request.'),
  AUTH_AUDIENCE: z
    .string()
    .min(1)
    .default('groundwork')
    .describe('`aud` of access tokens; checked on every request.'),
  AUTH_ACCESS_TOKEN_TTL_SECONDS: envInt({ min: 60, max: 3_600 })
    .default(900)
    .describe('Lifetime of an access token, in seconds (refresh tokens renew them).'),
  AUTH_PRODUCT_IDS: envList()
    .default([])
    .describe(
      'Products users may register in besides PRODUCT_ID (comma-separated), until the products registry exists.',
    ),
  AUTH_SIGNING_KEYS: secret(z.string().min(1).optional()).describe(
    'JSON array of private EC P-256 JWKs (or PKCS#8 PEM strings) that sign access tokens; the first signs. Unset: a key is generated and kept in the store.',
  ),
  AUTH_SSO_PROVIDERS: secret(ssoProvidersSchema.optional()).describe(
    'JSON array of OpenID Connect providers per product: [{"id":"google","productId":"acme","issuer":"https://accounts.google.com","clientId":"…","clientSecret":"…","redirectUri":"https://api.example.com/v1/auth/sso/google/callback"}]; scopes default to openid email profile. Unset: no single sign-on.',
  ),
  AUTH_SSO_RETURN_ORIGINS: envList()
    .default([])
    .describe(
      'Origins the SSO callback may redirect to with the tokens in the URL fragment (comma-separated), e.g. https://app.example.com.',
    ),
  AUTH_LINK_BASE_URL: envUrl()
    .optional()
    .describe(
      'Base of password-reset and email-verification links (`<base>/reset-password?token=…`), e.g. the web app’s URL. Default http://localhost:3000.',
    ),
  AUTH_LOG_RECOVERY_LINKS: envBoolean()
    .default(false)
    .describe(
      'Development only: log reset and verification links (with their tokens) through the request log instead of emailing them through the delivery module.',
    ),
  ADMIN_EMAIL: z
    .string()
    .email()
    .optional()
    .describe('The first super admin, created on first start when the product has no users.'),
  ADMIN_PASSWORD: secret(z.string().min(8).max(128).optional()).describe(
    'Password of the first super admin. Unset: a strong one is generated and logged once.',
  ),
});

export type AuthEnv = z.output<typeof authEnvSchema>;
