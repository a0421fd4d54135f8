/**
 * HTTP schemas of the API token routes (`api-token-routes.ts`): bodies, params, queries, the views
 * they answer with, and `apiTokenView`, which shapes a token for the API (ISO times, a status; never
 * the secret or its hash). Only the create response carries the secret.
 */
import { z } from 'zod';
import { API_TOKEN_ID_PATTERN, type ApiToken, apiTokenInputSchema, apiTokenStatus } from './api-tokens.js';

const isoTime = z.iso.datetime().describe('ISO 8601.');

function iso(ms: number): string;
function iso(ms: number | null): string | null;
function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

export const createApiTokenBodySchema = apiTokenInputSchema;

export const apiTokenIdParamsSchema = z.object({
  id: z.string().regex(API_TOKEN_ID_PATTERN, 'must be an API token id (tok_…)').describe('`tok_…`'),
});

export const listApiTokensQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50).describe('Page size (1-200).'),
    cursor: z.string().min(1).max(4_000).optional().describe('`nextCursor` of the previous page.'),
  })
  .strict();

export const validateApiTokenBodySchema = z
  .object({ token: z.string().max(200).describe('The API token to check (`gw_…`).') })
  .strict();

export const apiTokenViewSchema = z.object({
  id: z.string().describe('`tok_…`'),
  productId: z.string(),
  name: z.string(),
  prefix: z.string().describe('The first 12 characters of the token, to tell tokens apart.'),
  scopes: z.array(z.string()),
  status: z.enum(['active', 'expired', 'revoked']),
  createdBy: z.string().describe('The user who created it.'),
  createdAt: isoTime,
  expiresAt: isoTime.nullable().describe('Null: never expires.'),
  lastUsedAt: isoTime.nullable().describe('Recorded at most once a minute.'),
  revokedAt: isoTime.nullable(),
});

export const createdApiTokenSchema = apiTokenViewSchema.extend({
  token: z
    .string()
    .describe('The secret: shown in this response only. Store it now; it cannot be read again.'),
});

export const apiTokenPageSchema = z.object({
  items: z.array(apiTokenViewSchema),
  nextCursor: z.string().optional(),
});

export const validateApiTokenResponseSchema = z.object({
  valid: z
    .boolean()
    .describe('False for a malformed, unknown, revoked or expired token, or another product’s.'),
  token: apiTokenViewSchema.optional().describe('The token, when valid: its scopes say what it may do.'),
});

export function apiTokenView(token: ApiToken, now: number) {
  return {
    id: token.id,
    productId: token.productId,
    name: token.name,
    prefix: token.prefix,
    scopes: token.scopes,
    status: apiTokenStatus(token, now),
    createdBy: token.createdBy,
    createdAt: iso(token.createdAt),
    expiresAt: iso(token.expiresAt),
    lastUsedAt: iso(token.lastUsedAt),
    revokedAt: iso(token.revokedAt),
  };
}
