/**
 * Single sign-on with OpenID Connect (authorization code + PKCE S256, through `openid-client`),
 * configured per product and provider (Google, Microsoft, any OpenID provider). No HTTP here.
 *
 * - `start` keeps state, nonce and PKCE verifier server-side in `sso_states` (document id = SHA-256
 *   of the state, TTL 10 min) and returns the provider's authorization URL: no cookie is needed,
 *   so bearer clients (mobile, desktop) use it through a browser too.
 * - `callback` consumes the state once (read, then delete with `ifMatch`: of two concurrent
 *   callbacks only one wins), exchanges the code (PKCE verifier, state and nonce checked), and
 *   finds the user: first by the provider's subject (`sso_links`, unique per provider subject, so
 *   a changed email at the provider still finds the same user), else by email, which must be
 *   verified by the provider — an existing user of the product with that email is linked (and
 *   marked verified), otherwise a new password-less user is created (`user.created`). The caller's
 *   `signIn` then opens a session. Every refusal is audited `auth.sso_failed`, a success
 *   `auth.sso_login`.
 */
import { createHash } from 'node:crypto';
import {
  type AppError,
  BadRequestError,
  ForbiddenError,
  isAppError,
  NotFoundError,
  ServiceUnavailableError,
} from '@groundwork/errors';
import type { Actor } from '@groundwork/events';
import type { Clock, ContainerSpec, DocumentStore } from '@groundwork/store';
import * as client from 'openid-client';
import { z } from 'zod';
import type { AuditRecord, AuditSink, EventEmitterPort } from './auth-ports.js';
import { recordAudit } from './auth-ports.js';
import type { RequestMeta, TokenPair } from './request-meta.js';
import { hashToken, newSecretToken } from './secret-tokens.js';
import { type SsoProviderConfig, type SsoProviderInput, ssoProviderListSchema } from './sso-schemas.js';
import {
  createUserRepository,
  emailSchema,
  type Profile,
  profileSchema,
  toUser,
  type User,
} from './users.js';

/** How long a started sign-in may take at the provider. */
export const SSO_STATE_TTL_SECONDS = 600;

export const SSO_STATES_CONTAINER: ContainerSpec = {
  name: 'sso_states',
  partitionKey: '/productId',
  defaultTtl: SSO_STATE_TTL_SECONDS,
  description:
    'Pending single sign-ons: nonce, PKCE verifier and return URL, keyed by the SHA-256 of the state; single use, 10 min.',
};

export const SSO_LINKS_CONTAINER: ContainerSpec = {
  name: 'sso_links',
  partitionKey: '/productId',
  description: 'Which user an OpenID provider subject signs in as: one per (product, provider, subject).',
};

interface SsoStateDocument {
  productId: string;
  providerId: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string | null;
  expiresAt: number;
}

interface SsoLinkDocument {
  productId: string;
  providerId: string;
  subject: string;
  userId: string;
  createdAt: number;
}

export type SignInFunction = (user: User, meta: RequestMeta) => Promise<TokenPair>;

export interface SsoServiceOptions {
  /** The providers, per product (see `ssoProviderSchema`); validated here. */
  providers: readonly SsoProviderInput[];
  /** Origins `returnTo` may point at, e.g. `https://app.example.com` or `com.example.app://sso`. */
  allowedReturnOrigins: readonly string[];
  store: DocumentStore;
  clock: Clock;
  /** Opens a session for the user and returns its tokens (the auth service's sign-in). */
  signIn: SignInFunction;
  /** Emits `user.created` for users SSO creates. */
  events?: EventEmitterPort | undefined;
  audit?: AuditSink | undefined;
  /** Tests and local development only: lets issuers and their endpoints be plain `http://`. */
  allowInsecureRequests?: boolean;
  /** Seconds each request to a provider may take (default 10). */
  providerTimeoutSeconds?: number;
}

export type SsoOutcome = 'created' | 'linked' | 'signed_in';

export interface SsoSignIn {
  user: User;
  tokens: TokenPair;
  /** How the user was found: created now, linked now by verified email, or by an earlier link. */
  outcome: SsoOutcome;
  /** The allow-listed URL given to `start`, if any. */
  returnTo?: string;
}

/** What the service reads from the ID token (or the userinfo endpoint). */
const identityClaimsSchema = z.object({
  sub: z.string().min(1).max(255),
  email: z.string().max(320).optional().catch(undefined),
  email_verified: z.boolean().optional().catch(undefined),
  name: z.string().optional().catch(undefined),
  locale: z.string().optional().catch(undefined),
});
type IdentityClaims = z.infer<typeof identityClaimsSchema>;

/** `scheme://host[:port]` of a URL: its origin for http(s), and the same shape for app schemes. */
function originOf(url: URL): string {
  return `${url.protocol}//${url.host}`.toLowerCase();
}

function parseOrigin(value: string): string {
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (!url?.host) throw new TypeError(`"${value}" is not an origin like https://app.example.com.`);
  return originOf(url);
}

function linkIdOf(providerId: string, subject: string): string {
  return createHash('sha256').update(`${providerId}\n${subject}`, 'utf8').digest('hex');
}

const isStatus = (error: unknown, ...statuses: number[]) =>
  isAppError(error) && statuses.includes(error.status);

const stateInvalid = () =>
  new BadRequestError(
    'This sign-in link is unknown, expired or used already; start the sign-in again.',
    'sso_state_invalid',
  );

function profileOf(claims: IdentityClaims): Profile {
  const name = profileSchema.shape.name.safeParse(claims.name?.slice(0, 200));
  const locale = profileSchema.shape.locale.safeParse(claims.locale);
  return {
    ...(name.success && name.data ? { name: name.data } : {}),
    ...(locale.success && locale.data ? { locale: locale.data } : {}),
  };
}

export function createSsoService(options: SsoServiceOptions) {
  const { store, clock } = options;
  const providers: readonly SsoProviderConfig[] = ssoProviderListSchema.parse(options.providers);
  const allowedOrigins = new Set(options.allowedReturnOrigins.map(parseOrigin));
  const users = createUserRepository(store, clock);
  const states = () => store.container<SsoStateDocument>(SSO_STATES_CONTAINER.name);
  const links = () => store.container<SsoLinkDocument>(SSO_LINKS_CONTAINER.name);
  const configurations = new Map<string, Promise<client.Configuration>>();

  function providersNamed(providerId: string): SsoProviderConfig[] {
    const found = providers.filter((provider) => provider.id === providerId);
    if (found.length === 0)
      throw new NotFoundError(`No sign-in provider "${providerId}".`, 'sso_provider_unknown');
    return found;
  }

  function providerFor(providerId: string, productId: string): SsoProviderConfig {
    const provider = providersNamed(providerId).find((candidate) => candidate.productId === productId);
    if (!provider) {
      throw new NotFoundError(
        `No sign-in provider "${providerId}" for product "${productId}".`,
        'sso_provider_unknown',
      );
    }
    return provider;
  }

  /** Discovers the provider once; a failed discovery is retried on the next request. */
  function configurationOf(provider: SsoProviderConfig): Promise<client.Configuration> {
    const key = `${provider.id}|${provider.productId}`;
    let pending = configurations.get(key);
    if (!pending) {
      const secret = provider.clientSecret;
      const clientAuth = !secret
        ? client.None()
        : provider.tokenEndpointAuthMethod === 'client_secret_post'
          ? client.ClientSecretPost(secret)
          : client.ClientSecretBasic(secret);
      pending = client.discovery(new URL(provider.issuer), provider.clientId, undefined, clientAuth, {
        execute: options.allowInsecureRequests ? [client.allowInsecureRequests] : [],
        timeout: options.providerTimeoutSeconds ?? 10,
      });
      configurations.set(key, pending);
      pending.catch(() => configurations.delete(key));
    }
    return pending.catch((error: unknown) => {
      throw new ServiceUnavailableError(
        'The sign-in provider cannot be reached; try again later.',
        undefined,
        'sso_provider_unavailable',
        { cause: error },
      );
    });
  }

  function allowedReturnTo(returnTo: string): string {
    const url = URL.canParse(returnTo) ? new URL(returnTo) : undefined;
    if (!url?.host || !allowedOrigins.has(originOf(url))) {
      throw new BadRequestError('returnTo is not an allowed address.', 'sso_return_to_not_allowed');
    }
    url.hash = '';
    return url.href;
  }

  const audit = (record: AuditRecord, meta: RequestMeta) => recordAudit(options.audit, record, meta);

  /** Audits a refused sign-in, then throws its error. */
  async function refuse(
    error: AppError,
    at: { productId: string; providerId: string; userId?: string },
    meta: RequestMeta,
  ): Promise<never> {
    const actor: Actor = at.userId ? { type: 'user', id: at.userId } : { type: 'system', id: 'auth' };
    await audit(
      {
        productId: at.productId,
        actor,
        action: 'auth.sso_failed',
        ...(at.userId ? { target: { type: 'user', id: at.userId } } : {}),
        summary: { after: { provider: at.providerId, reason: error.code } },
      },
      meta,
    );
    throw error;
  }

  /** Reads and deletes the pending sign-in of `state`; undefined when unknown, used or expired. */
  async function consumeState(
    providerId: string,
    state: string,
  ): Promise<{ provider: SsoProviderConfig; pending: SsoStateDocument } | undefined> {
    const id = hashToken(state);
    for (const provider of providersNamed(providerId)) {
      const pending = await states().read(id, provider.productId);
      if (!pending) continue;
      try {
        await states().delete(id, provider.productId, { ifMatch: pending.etag });
      } catch (error) {
        if (isStatus(error, 404, 412)) return undefined; // another callback consumed it first
        throw error;
      }
      if (pending.providerId !== providerId || pending.expiresAt <= clock.now()) return undefined;
      return { provider, pending };
    }
    return undefined;
  }

  async function exchange(
    config: client.Configuration,
    provider: SsoProviderConfig,
    params: URLSearchParams,
    state: string,
    pending: SsoStateDocument,
  ): Promise<IdentityClaims> {
    const currentUrl = new URL(provider.redirectUri);
    currentUrl.search = params.toString();
    const response = await client.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const claims = identityClaimsSchema.parse(response.claims());
    if (claims.email !== undefined || !config.serverMetadata().userinfo_endpoint) return claims;
    // Some providers put profile claims only in the userinfo response.
    const info = identityClaimsSchema.parse(
      await client.fetchUserInfo(config, response.access_token, claims.sub),
    );
    return { ...info, sub: claims.sub };
  }

  async function findLinkedUser(productId: string, providerId: string, subject: string) {
    const linkId = linkIdOf(providerId, subject);
    const link = await links().read(linkId, productId);
    if (!link) return undefined;
    const user = await users.get(productId, link.userId);
    if (!user) {
      // The user was deleted: forget the link, the email decides again.
      await links()
        .delete(linkId, productId, { ifMatch: link.etag })
        .catch((error: unknown) => {
          if (!isStatus(error, 404, 412)) throw error;
        });
    }
    return user;
  }

  async function link(productId: string, providerId: string, subject: string, userId: string) {
    await links()
      .create({
        id: linkIdOf(providerId, subject),
        pk: productId,
        productId,
        providerId,
        subject,
        userId,
        createdAt: clock.now(),
      })
      .catch((error: unknown) => {
        if (!isStatus(error, 409)) throw error; // a concurrent callback linked it already
      });
  }

  async function createUser(productId: string, email: string, claims: IdentityClaims) {
    try {
      return {
        user: await users.create({
          productId,
          email,
          passwordHash: null,
          role: 'user',
          emailVerified: true,
          profile: profileOf(claims),
        }),
        created: true,
      };
    } catch (error) {
      const raced = isStatus(error, 409) ? await users.findByEmail(productId, email) : undefined;
      if (!raced) throw error;
      return { user: raced, created: false };
    }
  }

  return {
    /** The provider's authorization URL for a new sign-in (`sso_return_to_not_allowed`, `sso_provider_unknown`). */
    async start(input: {
      providerId: string;
      productId: string;
      returnTo?: string | undefined;
    }): Promise<{ authorizationUrl: string }> {
      const provider = providerFor(input.providerId, input.productId);
      const returnTo = input.returnTo === undefined ? null : allowedReturnTo(input.returnTo);
      const config = await configurationOf(provider);
      const state = newSecretToken();
      const nonce = newSecretToken();
      const codeVerifier = newSecretToken();
      await states().create({
        id: hashToken(state),
        pk: provider.productId,
        productId: provider.productId,
        providerId: provider.id,
        nonce,
        codeVerifier,
        returnTo,
        expiresAt: clock.now() + SSO_STATE_TTL_SECONDS * 1000,
        ttl: SSO_STATE_TTL_SECONDS,
      });
      const url = client.buildAuthorizationUrl(config, {
        response_type: 'code',
        redirect_uri: provider.redirectUri,
        scope: provider.scopes.join(' '),
        state,
        nonce,
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
      });
      return { authorizationUrl: url.href };
    },

    /** Completes a sign-in from the provider's redirect (every query parameter it sent). */
    async callback(
      input: { providerId: string; params: URLSearchParams },
      meta: RequestMeta,
    ): Promise<SsoSignIn> {
      const { providerId, params } = input;
      const fallbackProduct = providersNamed(providerId)[0]?.productId ?? '';
      const state = params.get('state');
      const consumed = state ? await consumeState(providerId, state) : undefined;
      const productId = consumed?.provider.productId ?? fallbackProduct;
      const at = { productId, providerId };

      const providerError = params.get('error');
      if (providerError !== null) {
        const code = /^[a-z0-9_]{1,64}$/i.test(providerError) ? providerError : 'unknown';
        return refuse(
          new BadRequestError(`The sign-in provider refused the sign-in (${code}).`, 'sso_provider_error', {
            extensions: { providerError: code },
          }),
          at,
          meta,
        );
      }
      if (!state || !consumed) return refuse(stateInvalid(), at, meta);
      const { provider, pending } = consumed;

      const config = await configurationOf(provider);
      let claims: IdentityClaims;
      try {
        claims = await exchange(config, provider, params, state, pending);
      } catch (error) {
        // A refused code, a bad ID token (signature, nonce, audience), a PKCE mismatch, or the
        // provider failing: the details go to the logs through `cause`, never to the client.
        const failure = new BadRequestError('The sign-in could not be completed.', 'sso_exchange_failed', {
          cause: error,
        });
        return refuse(failure, at, meta);
      }

      let stored = await findLinkedUser(productId, providerId, claims.sub);
      let outcome: SsoOutcome = 'signed_in';
      if (!stored) {
        const email = emailSchema.safeParse(claims.email ?? '');
        if (!email.success) {
          return refuse(
            new BadRequestError('The sign-in provider did not share an email address.', 'sso_email_missing'),
            at,
            meta,
          );
        }
        if (claims.email_verified !== true) {
          return refuse(
            new ForbiddenError(
              'The sign-in provider has not verified this email address.',
              'sso_email_unverified',
            ),
            at,
            meta,
          );
        }
        const existing = await users.findByEmail(productId, email.data);
        const found = existing
          ? { user: existing, created: false }
          : await createUser(productId, email.data, claims);
        stored = found.user;
        outcome = found.created ? 'created' : 'linked';
        if (found.created) {
          await options.events?.emit(
            'user.created',
            { userId: stored.id, email: stored.email, plan: 'free' },
            { productId, actor: { type: 'user', id: stored.id } },
          );
        }
        if (stored.status === 'active') {
          if (!stored.emailVerified) stored = await users.replace({ ...stored, emailVerified: true });
          await link(productId, providerId, claims.sub, stored.id);
        }
      }
      if (stored.status !== 'active') {
        return refuse(
          new ForbiddenError('This account is disabled.', 'account_disabled'),
          { ...at, userId: stored.id },
          meta,
        );
      }

      const user = toUser(stored);
      const tokens = await options.signIn(user, meta);
      await audit(
        {
          productId,
          actor: { type: 'user', id: user.id },
          action: 'auth.sso_login',
          target: { type: 'user', id: user.id },
          summary: { after: { provider: providerId, outcome } },
        },
        meta,
      );
      return { user, tokens, outcome, ...(pending.returnTo ? { returnTo: pending.returnTo } : {}) };
    },
  };
}

export type SsoService = ReturnType<typeof createSsoService>;
