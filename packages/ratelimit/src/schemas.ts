/** Zod schemas of the rate-limit capability: the single source of its types and of its OpenAPI. */
import { z } from 'zod';
import { parseRange } from './ip-match.js';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/**
 * A limit from code (module options). `route` is a Fastify route pattern as declared
 * (`/v1/notes/:id`), or a prefix ending in `*` (`/v1/*`); it is compared with the matched route,
 * so `/v1/notes/abc` and `/v1/notes/xyz` share the rule of `/v1/notes/:id`.
 */
export const rateLimitRuleSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'lowercase letters, digits, . _ -')
      .describe('Stable rule id; part of every counter key.'),
    productId: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .describe('Only requests of this product; absent = every product (each product still counts apart).'),
    route: z.string().min(1).max(300).describe('Route pattern (`/v1/notes/:id`) or prefix ending in `*`.'),
    methods: z.array(z.enum(METHODS)).min(1).optional().describe('Only these methods; absent = all.'),
    by: z
      .enum(['principal', 'ip'])
      .default('principal')
      .describe('`principal`: per user or API token, anonymous requests per IP; `ip`: per client IP.'),
    limit: z.number().int().min(1).max(1_000_000),
    windowMs: z.number().int().min(1_000).max(86_400_000),
  })
  .strict();
export type RateLimitRuleInput = z.input<typeof rateLimitRuleSchema>;
export type RateLimitRule = z.output<typeof rateLimitRuleSchema>;

const cidrSchema = z
  .string()
  .min(2)
  .max(64)
  .refine((text) => parseRange(text) !== undefined, 'must be an IPv4/IPv6 address or CIDR range')
  .describe('An IPv4 or IPv6 address or CIDR range (`203.0.113.0/24`, `2001:db8::/32`).');

export const ipRuleSchema = z.object({
  id: z.string(),
  productId: z.string(),
  ip: z.string().describe('Canonical CIDR (`203.0.113.0/24`, `2001:db8::1/128`).'),
  action: z.enum(['allow', 'deny']),
  reason: z.string(),
  createdBy: z.string(),
  createdAt: z.string().describe('ISO-8601.'),
  expiresAt: z.string().optional().describe('ISO-8601; the rule stops applying then.'),
});
export type IpRule = z.infer<typeof ipRuleSchema>;

export const createIpRuleSchema = z
  .object({
    ip: cidrSchema,
    action: z.enum(['allow', 'deny']),
    reason: z.string().trim().min(1).max(500),
    expiresAt: z.iso.datetime({ offset: true }).optional().describe('ISO-8601, in the future.'),
  })
  .strict();
export type CreateIpRuleInput = z.infer<typeof createIpRuleSchema>;

export const ipRulePageSchema = z.object({ items: z.array(ipRuleSchema), nextCursor: z.string().optional() });

export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().min(1).max(2_000).optional(),
});

export const overrideSchema = z.object({
  productId: z.string(),
  userId: z.string(),
  exempt: z.boolean().describe('True: this user skips every limit.'),
  multiplier: z
    .number()
    .describe('Each rule’s limit is multiplied by this for the user (ignored when exempt).'),
  reason: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  expiresAt: z.string().optional(),
});
export type RateLimitOverride = z.infer<typeof overrideSchema>;

export const putOverrideSchema = z
  .object({
    exempt: z.boolean().default(false),
    multiplier: z.number().min(0.01).max(1_000).default(1),
    reason: z.string().trim().min(1).max(500),
    expiresAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();
export type PutOverrideInput = z.infer<typeof putOverrideSchema>;

export const overridePageSchema = z.object({
  items: z.array(overrideSchema),
  nextCursor: z.string().optional(),
});

export const userIdParamsSchema = z.object({ userId: z.string().min(1).max(200) });
export const idParamsSchema = z.object({ id: z.string().min(1).max(100) });

export const limitedKeySchema = z.object({
  key: z.string().describe('`user:<id>`, `token:<id>` or `ip:<address>`.'),
  rule: z.string(),
  limited: z.number().int().describe('429s answered to this key (last day, this instance).'),
  lastLimitedAt: z.string(),
  blockedUntil: z.string().describe('When its latest refusal’s Retry-After ends.'),
});
export type LimitedKey = z.infer<typeof limitedKeySchema>;

export const statsSchema = z.object({
  scope: z
    .literal('instance')
    .describe('Counts are kept in this instance’s memory (seed §2.11): each instance reports its own.'),
  limitedLastHour: z.number().int(),
  limitedLastDay: z.number().int(),
  deniedByIpLastHour: z.number().int(),
  deniedByIpLastDay: z.number().int(),
  topLimitedKeys: z.array(limitedKeySchema),
});
export type RateLimitStats = z.infer<typeof statsSchema>;

export const blockedSchema = z.object({
  scope: z.literal('instance'),
  items: z.array(limitedKeySchema).describe('Keys whose latest 429 still has Retry-After left.'),
  deniedIpRules: z.array(ipRuleSchema).describe('Active deny rules of the product.'),
});
