/**
 * The single sign-on API, mounted under `/v1` by the auth module. HTTP only: parse, call
 * `SsoService`, shape the reply. Both routes are public: `start` redirects the browser to the
 * provider; `callback` (the redirect URI registered at the provider) signs the user in and either
 * redirects to the `returnTo` given at start with the tokens in the URL fragment (never the query,
 * so they reach neither servers nor logs) or answers them as JSON.
 */
import { type ModuleRoutes, publicRoute } from '@groundwork/http';
import { signedInSchema } from './auth-schemas.js';
import type { TokenPair } from './request-meta.js';
import { metaOf } from './request-meta.js';
import { userView } from './routes.js';
import type { SsoService } from './sso.js';
import {
  ssoCallbackQuerySchema,
  ssoProviderParamsSchema,
  ssoRedirectSchema,
  ssoStartQuerySchema,
} from './sso-schemas.js';

/** `returnTo` with the tokens in its fragment, as OAuth's implicit responses carry them. */
export function fragmentRedirect(returnTo: string, tokens: TokenPair): string {
  const url = new URL(returnTo);
  url.hash = new URLSearchParams({
    access_token: tokens.accessToken,
    refresh_token: tokens.refreshToken,
    expires_in: String(tokens.expiresIn),
  }).toString();
  return url.href;
}

/** The raw query string of a request URL, exactly as the provider sent it. */
function rawQuery(url: string): URLSearchParams {
  const at = url.indexOf('?');
  return new URLSearchParams(at === -1 ? '' : url.slice(at + 1));
}

export function ssoRoutes(sso: SsoService, defaultProductId: string): ModuleRoutes {
  return async (app) => {
    app.get(
      '/auth/sso/:provider/start',
      {
        ...publicRoute,
        schema: {
          summary: 'Start signing in with an OpenID provider',
          description:
            'Redirects (302) to the provider’s sign-in page (authorization code with PKCE). `sso_provider_unknown` (404) when the provider is not configured for the product; `sso_return_to_not_allowed` (400) when `returnTo` is not on an allowed origin.',
          params: ssoProviderParamsSchema,
          querystring: ssoStartQuerySchema,
          response: { 302: ssoRedirectSchema },
        },
      },
      async (request, reply) => {
        const { authorizationUrl } = await sso.start({
          providerId: request.params.provider,
          productId: request.query.productId ?? defaultProductId,
          returnTo: request.query.returnTo,
        });
        void reply.header('cache-control', 'no-store');
        return reply.redirect(authorizationUrl, 302);
      },
    );

    app.get(
      '/auth/sso/:provider/callback',
      {
        ...publicRoute,
        schema: {
          summary: 'Finish signing in with an OpenID provider',
          description:
            'The redirect URI registered at the provider. Links the provider account to the user with the same email when the provider has verified it, else creates the user. With a `returnTo` at start: 302 to it with `#access_token=…&refresh_token=…&expires_in=…`; else 200 with the user and tokens. Refusals: `sso_provider_error`, `sso_state_invalid`, `sso_exchange_failed`, `sso_email_missing` (400), `sso_email_unverified`, `account_disabled` (403).',
          params: ssoProviderParamsSchema,
          querystring: ssoCallbackQuerySchema,
          response: { 200: signedInSchema, 302: ssoRedirectSchema },
        },
      },
      async (request, reply) => {
        const result = await sso.callback(
          { providerId: request.params.provider, params: rawQuery(request.url) },
          metaOf(request),
        );
        void reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
        if (result.returnTo) return reply.redirect(fragmentRedirect(result.returnTo, result.tokens), 302);
        return { user: userView(result.user), tokens: result.tokens };
      },
    );
  };
}
