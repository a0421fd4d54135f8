/**
 * API tokens of a product (no HTTP here): create, list, revoke, and check a presented token.
 *
 * Storage: the `api_tokens` container, one document per token whose `id` AND partition key are
 * the hex SHA-256 of the token. Checking a token therefore is one point read that needs nothing
 * but the token (not its product), the same on memory, SQLite and Cosmos, and the hash spreads
 * tokens evenly over Cosmos partitions. The raw token is never stored: the caller sees it once,
 * from `create`. The price is that listing a product's tokens and finding one by its `tok_…` id
 * are cross-partition queries filtered on `productId`; both are rare admin actions over a handful
 * of documents, so that is simpler than keeping a second, per-product container in step.
 *
 * A presented token is checked in this order, and every failure looks the same (`token_invalid`):
 * the format and checksum (a typo or a made-up token costs no store read), the environment (a
 * `gw_test_` token is refused by a `live` service), then the point read, revocation and expiry.
 * The lookup key is a hash of the secret, so its timing tells nothing about the secret.
 * `lastUsedAt` is written at most once per `LAST_USED_INTERVAL_MS` per token (a conditional patch,
 * so concurrent requests and instances write it once), and a failed write never fails a request.
 */
import {
  ForbiddenError,
  isAppError,
  NotFoundError,
  UnauthorizedError,
  ValidationError,
} from '@groundwork/errors';
import { idPattern, newId, type Principal } from '@groundwork/http';
import type { Clock, ContainerSpec, DocumentStore, StoredDocument } from '@groundwork/store';
import { z } from 'zod';
import { type ApiTokenEnvironment, newApiToken, parseApiToken } from './api-token-format.js';
import type { AuditRecord, AuditSink } from './auth-ports.js';
import { recordAudit } from './auth-ports.js';
import { actorOfPrincipal, type RequestMeta } from './request-meta.js';
import { hashToken } from './secret-tokens.js';

export const API_TOKENS_CONTAINER: ContainerSpec = {
  name: 'api_tokens',
  partitionKey: '/id',
  description:
    'API tokens: id and partition key are the SHA-256 of the token (a point read validates it); product, name, scopes, expiry, revocation.',
  indexes: [{ equal: ['productId'], sort: 'createdAt' }, { equal: ['productId', 'tokenId'] }],
};

/** `lastUsedAt` is written at most this often per token. */
export const LAST_USED_INTERVAL_MS = 60_000;
export const API_TOKEN_ID_PATTERN = idPattern('tok');
const DAY_MS = 24 * 60 * 60 * 1000;

/** `resource:action`, lowercase words, e.g. `notes:read` or `billing-reports:export`. */
export const apiTokenScopeSchema = z
  .string()
  .max(100)
  .regex(
    /^[a-z][a-z0-9_-]*:[a-z][a-z0-9_-]*$/,
    'must be `resource:action` in lowercase letters, digits, _ and -, e.g. notes:read',
  );

export const apiTokenInputSchema = z
  .object({
    name: z.string().trim().min(1).max(100).describe('What the token is for, e.g. "CI deploys".'),
    scopes: z
      .array(apiTokenScopeSchema)
      .min(1)
      .max(50)
      .describe('What the token may do, e.g. `["notes:read"]`.'),
    expiresInDays: z
      .number()
      .int()
      .min(1)
      .max(3650)
      .optional()
      .describe('Days until the token stops working; omit for a token that does not expire.'),
  })
  .strict();
export type ApiTokenInput = z.input<typeof apiTokenInputSchema>;

export type ApiTokenStatus = 'active' | 'expired' | 'revoked';

/** A token as callers see it: never the secret or its hash. Times are ms since the epoch. */
export interface ApiToken {
  id: string;
  productId: string;
  name: string;
  /** The first 12 characters of the token (`gw_live_` and 4 more): tells tokens apart, safe to show. */
  prefix: string;
  scopes: string[];
  /** The user who created it. */
  createdBy: string;
  createdAt: number;
  expiresAt: number | null;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

/** As stored: `id` and `pk` are the token's SHA-256; `tokenId` is its public `tok_…` id. */
export interface ApiTokenDocument extends Omit<ApiToken, 'id'> {
  tokenId: string;
}
type StoredApiToken = StoredDocument<ApiTokenDocument>;

export interface ApiTokenServiceOptions {
  store: DocumentStore;
  clock: Clock;
  /** The environment in new tokens (`gw_live_…`/`gw_test_…`); tokens of the other one are refused. */
  environment?: ApiTokenEnvironment;
  /** Records creation and revocation. */
  audit?: AuditSink | undefined;
  /** Told when recording `lastUsedAt` fails (the request goes on). */
  logger?: { warn(obj: object, msg?: string): void } | undefined;
}

export interface ApiTokenService {
  /** A new token for the actor's product; `token` is the secret, returned here and never again. */
  create(
    actor: Principal,
    input: ApiTokenInput,
    meta?: RequestMeta,
  ): Promise<{ token: string; apiToken: ApiToken }>;
  /** The product's tokens, newest first, revoked and expired ones included. */
  list(
    productId: string,
    page?: { limit?: number | undefined; cursor?: string | undefined },
  ): Promise<{ items: ApiToken[]; nextCursor?: string }>;
  /** Revokes a token of the actor's product (again: no change); `api_token_not_found` (404) otherwise. */
  revoke(actor: Principal, tokenId: string, meta?: RequestMeta): Promise<void>;
  /** The token if it is valid in `productId` (and records its use); `undefined` otherwise. */
  validate(productId: string, token: string): Promise<ApiToken | undefined>;
  /** The principal of a valid token (and records its use); `token_invalid` (401) otherwise. */
  authenticate(token: string): Promise<Principal>;
}

export function apiTokenStatus(token: ApiToken, now: number): ApiTokenStatus {
  if (token.revokedAt !== null) return 'revoked';
  if (token.expiresAt !== null && token.expiresAt <= now) return 'expired';
  return 'active';
}

function toApiToken(doc: StoredApiToken): ApiToken {
  return {
    id: doc.tokenId,
    productId: doc.productId,
    name: doc.name,
    prefix: doc.prefix,
    scopes: doc.scopes,
    createdBy: doc.createdBy,
    createdAt: doc.createdAt,
    expiresAt: doc.expiresAt,
    lastUsedAt: doc.lastUsedAt,
    revokedAt: doc.revokedAt,
  };
}

function parseInput(input: unknown) {
  const parsed = apiTokenInputSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
    code: issue.code,
  }));
  throw new ValidationError(issues, issues[0]?.message ?? 'The API token is invalid.');
}

const tokenInvalid = () =>
  new UnauthorizedError('The API token is invalid, expired or revoked.', 'token_invalid');
const tokenNotFound = (tokenId: string) =>
  new NotFoundError(`API token "${tokenId}" was not found.`, 'api_token_not_found');
const isStatus = (error: unknown, status: number) => isAppError(error) && error.status === status;
const MAX_REVOKE_ATTEMPTS = 5;

export function createApiTokenService(options: ApiTokenServiceOptions): ApiTokenService {
  const { store, clock } = options;
  const environment = options.environment ?? 'live';
  const tokens = () => store.container<ApiTokenDocument>(API_TOKENS_CONTAINER.name);

  const audit = (record: AuditRecord, meta: RequestMeta = {}) => recordAudit(options.audit, record, meta);

  function assertManager(actor: Principal): void {
    if (actor.kind === 'api_token')
      throw new ForbiddenError('API tokens cannot manage API tokens.', 'api_token_not_allowed');
  }

  async function findInProduct(productId: string, tokenId: string): Promise<StoredApiToken | undefined> {
    const page = await tokens().query({
      where: {
        and: [
          { field: 'productId', op: 'eq', value: productId },
          { field: 'tokenId', op: 'eq', value: tokenId },
        ],
      },
      limit: 1,
    });
    return page.items[0];
  }

  /** The stored token when it is well formed, known, unrevoked and unexpired. */
  async function lookUp(token: string): Promise<StoredApiToken | undefined> {
    const parsed = parseApiToken(token);
    if (!parsed?.validChecksum || parsed.env !== environment) return undefined;
    const hash = hashToken(token);
    const doc = await tokens().read(hash, hash);
    if (!doc || apiTokenStatus(toApiToken(doc), clock.now()) !== 'active') return undefined;
    return doc;
  }

  /** Records a use when the last recorded one is old enough; the token as it then is. */
  async function touch(doc: StoredApiToken): Promise<StoredApiToken> {
    const now = clock.now();
    if (doc.lastUsedAt !== null && now - doc.lastUsedAt < LAST_USED_INTERVAL_MS) return doc;
    try {
      return await tokens().patch(doc.id, doc.pk, [{ op: 'set', path: 'lastUsedAt', value: now }], {
        ifMatch: doc.etag,
      });
    } catch (error) {
      // 412: another request recorded it (or the token changed) since the read: nothing to do.
      if (!isStatus(error, 412))
        options.logger?.warn(
          { err: error, tokenId: doc.tokenId },
          'could not record the use of an API token',
        );
      return doc;
    }
  }

  return {
    async create(actor, input, meta) {
      assertManager(actor);
      const { name, scopes, expiresInDays } = parseInput(input);
      const now = clock.now();
      const { token, prefix, hash } = newApiToken(environment);
      const stored = await tokens().create({
        id: hash,
        pk: hash,
        tokenId: newId('tok', now),
        productId: actor.productId,
        name,
        prefix,
        scopes: [...new Set(scopes)].sort(),
        createdBy: actor.subject,
        createdAt: now,
        expiresAt: expiresInDays === undefined ? null : now + expiresInDays * DAY_MS,
        lastUsedAt: null,
        revokedAt: null,
      });
      const apiToken = toApiToken(stored);
      await audit(
        {
          productId: actor.productId,
          actor: actorOfPrincipal(actor),
          action: 'auth.api_token_created',
          target: { type: 'api_token', id: apiToken.id },
          summary: { after: { name, prefix, scopes: apiToken.scopes, expiresAt: apiToken.expiresAt } },
        },
        meta,
      );
      return { token, apiToken };
    },

    async list(productId, page = {}) {
      const result = await tokens().query({
        where: { field: 'productId', op: 'eq', value: productId },
        orderBy: [{ field: 'createdAt', direction: 'desc' }],
        limit: page.limit ?? 50,
        ...(page.cursor ? { cursor: page.cursor } : {}),
      });
      return {
        items: result.items.map(toApiToken),
        ...(result.nextCursor ? { nextCursor: result.nextCursor } : {}),
      };
    },

    async revoke(actor, tokenId, meta) {
      assertManager(actor);
      for (let attempt = 1; attempt <= MAX_REVOKE_ATTEMPTS; attempt += 1) {
        const doc = await findInProduct(actor.productId, tokenId);
        if (!doc) throw tokenNotFound(tokenId);
        if (doc.revokedAt !== null) return;
        try {
          await tokens().patch(doc.id, doc.pk, [{ op: 'set', path: 'revokedAt', value: clock.now() }], {
            ifMatch: doc.etag,
          });
        } catch (error) {
          // Changed since the read (e.g. `lastUsedAt`): read again.
          if (isStatus(error, 412) && attempt < MAX_REVOKE_ATTEMPTS) continue;
          throw error;
        }
        await audit(
          {
            productId: actor.productId,
            actor: actorOfPrincipal(actor),
            action: 'auth.api_token_revoked',
            target: { type: 'api_token', id: tokenId },
            summary: { before: { name: doc.name, prefix: doc.prefix } },
          },
          meta,
        );
        return;
      }
    },

    async validate(productId, token) {
      const doc = await lookUp(token);
      if (!doc || doc.productId !== productId) return undefined;
      return toApiToken(await touch(doc));
    },

    async authenticate(token) {
      const doc = await lookUp(token);
      if (!doc) throw tokenInvalid();
      await touch(doc);
      return {
        subject: doc.tokenId,
        productId: doc.productId,
        roles: [],
        scopes: doc.scopes,
        kind: 'api_token',
      };
    },
  };
}
