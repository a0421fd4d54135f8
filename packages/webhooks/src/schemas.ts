/**
 * Zod schemas of the webhooks package: stored documents, API bodies and views. The single source
 * of its types and of its OpenAPI document.
 */
import { idPattern } from '@groundwork/http';
import { z } from 'zod';

export const SUBSCRIPTION_ID_PREFIX = 'whsub';
export const DELIVERY_ID_PREFIX = 'whdel';
export const subscriptionIdSchema = z
  .string()
  .regex(idPattern(SUBSCRIPTION_ID_PREFIX), 'must be a subscription id (whsub_…)');
export const deliveryIdSchema = z
  .string()
  .regex(idPattern(DELIVERY_ID_PREFIX), 'must be a delivery id (whdel_…)');

export const DELIVERY_STATUSES = ['pending', 'retrying', 'succeeded', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export const SUBSCRIPTION_STATUSES = ['active', 'failing', 'disabled'] as const;
export const DISABLED_REASONS = ['admin', 'gone', 'consecutive_failures'] as const;
export type DisabledReason = (typeof DISABLED_REASONS)[number];
export const HEALTH_INDICATORS = ['green', 'yellow', 'red', 'unknown'] as const;

/** Header names a subscription may not set: they carry the signature, framing or routing. */
const RESERVED_HEADERS = new Set([
  'host',
  'content-type',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
  'expect',
  'user-agent',
  'webhook-id',
  'webhook-timestamp',
  'webhook-signature',
  'x-webhook-signature',
  'x-webhook-timestamp',
]);
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/;
// Visible ASCII and spaces/tabs only: no CR/LF (header injection), no control characters.
const HEADER_VALUE = /^[\t\x20-\x7e]{0,1000}$/;

export const customHeadersSchema = z
  .record(z.string(), z.string())
  .superRefine((headers, ctx) => {
    const names = Object.keys(headers);
    if (names.length > 20) ctx.addIssue({ code: 'custom', message: 'at most 20 custom headers' });
    for (const name of names) {
      if (!HEADER_NAME.test(name))
        ctx.addIssue({ code: 'custom', path: [name], message: 'is not a valid header name' });
      else if (RESERVED_HEADERS.has(name.toLowerCase()) || name.toLowerCase().startsWith('webhook-'))
        ctx.addIssue({ code: 'custom', path: [name], message: 'is reserved (set by the platform)' });
      if (!HEADER_VALUE.test(headers[name] ?? ''))
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message: 'must be printable ASCII, at most 1000 characters',
        });
    }
  })
  .describe('Extra request headers sent with every delivery (not the signature or framing headers).');

export const rateLimitSchema = z
  .strictObject({
    max: z.number().int().min(1).max(100_000).describe('Deliveries allowed per window.'),
    perSeconds: z.number().int().min(1).max(3_600).describe('Window length in seconds.'),
  })
  .describe('Per-endpoint rate limit: at most `max` deliveries every `perSeconds` seconds.');

const eventTypesSchema = z
  .array(z.string().min(1).max(100))
  .min(1)
  .max(100)
  .describe(
    'Event types to deliver, from the catalog, or `["*"]` for all (the `webhook.*` notices excepted).',
  );

const urlSchema = z
  .string()
  .min(1)
  .max(2_048)
  .describe('Where deliveries are POSTed (https unless the operator allows http).');

export const createSubscriptionSchema = z.strictObject({
  url: urlSchema,
  eventTypes: eventTypesSchema,
  description: z.string().max(500).default(''),
  enabled: z.boolean().default(true),
  rateLimit: rateLimitSchema.nullable().default(null),
  maxConcurrency: z
    .number()
    .int()
    .min(1)
    .max(100)
    .default(10)
    .describe('Deliveries to this endpoint in flight at once, across all workers.'),
  headers: customHeadersSchema.default({}),
});
export type CreateSubscriptionInput = z.input<typeof createSubscriptionSchema>;

export const updateSubscriptionSchema = z
  .strictObject({
    url: urlSchema.optional(),
    eventTypes: eventTypesSchema.optional(),
    description: z.string().max(500).optional(),
    enabled: z
      .boolean()
      .optional()
      .describe('`true` re-enables a disabled subscription and clears its failures.'),
    rateLimit: rateLimitSchema.nullable().optional(),
    maxConcurrency: z.number().int().min(1).max(100).optional(),
    headers: customHeadersSchema.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'give at least one field to change' });
export type UpdateSubscriptionInput = z.input<typeof updateSubscriptionSchema>;

/** A subscription as stored (`webhook_subscriptions`, pk `/productId`). */
export interface SubscriptionDocument {
  id: string;
  pk: string;
  productId: string;
  url: string;
  eventTypes: string[];
  description: string;
  enabled: boolean;
  failing: boolean;
  disabledReason: DisabledReason | null;
  rateLimit: { max: number; perSeconds: number } | null;
  maxConcurrency: number;
  headers: Record<string, string>;
  secret: string;
  previousSecret: string | null;
  previousSecretExpiresAt: number | null;
  consecutiveFailures: number;
  lastDeliveryAt: number | null;
  lastSuccessAt: number | null;
  lastFailureAt: number | null;
  createdAt: number;
  createdBy: string;
}

export const healthSchema = z
  .object({
    indicator: z.enum(HEALTH_INDICATORS),
    successRate: z.number().nullable().describe('Share of the recent finished deliveries that succeeded.'),
    sample: z.number().int().describe('How many recent finished deliveries the rate is computed over.'),
  })
  .describe('green: ≥ 95 % success and not failing; yellow: ≥ 75 % or failing; red: below, or disabled.');

export const subscriptionViewSchema = z.object({
  id: z.string(),
  url: z.string(),
  eventTypes: z.array(z.string()),
  description: z.string(),
  enabled: z.boolean(),
  status: z.enum(SUBSCRIPTION_STATUSES),
  disabledReason: z.enum(DISABLED_REASONS).nullable(),
  rateLimit: rateLimitSchema.nullable(),
  maxConcurrency: z.number().int(),
  headers: z.record(z.string(), z.string()),
  consecutiveFailures: z.number().int(),
  secretRotationEndsAt: z
    .string()
    .nullable()
    .describe('While the previous secret still signs (24 h after a rotation).'),
  lastDeliveryAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  lastFailureAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  health: healthSchema.optional(),
});
export type SubscriptionView = z.infer<typeof subscriptionViewSchema>;

export const subscriptionWithSecretSchema = subscriptionViewSchema.extend({
  secret: z.string().describe('The signing secret (`whsec_…`). Shown only in this response: store it now.'),
});

export const subscriptionPageSchema = z.object({
  items: z.array(subscriptionViewSchema),
  nextCursor: z.string().optional(),
});

export interface DeliveryAttempt {
  attempt: number;
  at: number;
  responseCode: number | null;
  durationMs: number;
  error: string | null;
}

/** A delivery as stored (`webhook_deliveries`, pk `/subscriptionId:yyyyMM`, TTL 30 days). */
export interface DeliveryDocument {
  id: string;
  pk: string;
  productId: string;
  subscriptionId: string;
  eventId: string;
  eventType: string;
  status: DeliveryStatus;
  /** The exact JSON body sent (the same on every attempt and resend). */
  body: string;
  attempts: DeliveryAttempt[];
  responseCode: number | null;
  durationMs: number | null;
  responseBody: string | null;
  error: string | null;
  nextAttemptAt: number | null;
  createdAt: number;
  finishedAt: number | null;
  resendOf: string | null;
  test: boolean;
}

const attemptViewSchema = z.object({
  attempt: z.number().int(),
  at: z.string(),
  responseCode: z.number().int().nullable(),
  durationMs: z.number(),
  error: z.string().nullable(),
});

export const deliveryViewSchema = z.object({
  id: z.string(),
  subscriptionId: z.string(),
  eventId: z.string(),
  eventType: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.array(attemptViewSchema),
  responseCode: z.number().int().nullable(),
  durationMs: z.number().nullable(),
  responseBody: z.string().nullable().describe('The last response body, truncated.'),
  error: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  resendOf: z.string().nullable(),
  test: z.boolean(),
});
export type DeliveryView = z.infer<typeof deliveryViewSchema>;

export const deliveryDetailSchema = deliveryViewSchema.extend({
  payloadPreview: z.string().describe('The body sent, first 4 KB.'),
  payloadBytes: z.number().int(),
});

export const deliveryPageSchema = z.object({
  items: z.array(deliveryViewSchema),
  nextCursor: z.string().optional(),
});

const timeQuery = z.iso.datetime({ offset: true });

export const listDeliveriesQuerySchema = z.object({
  status: z.enum(DELIVERY_STATUSES).optional(),
  eventType: z.string().min(1).max(100).optional(),
  since: timeQuery.optional().describe('Deliveries created at or after this time (ISO 8601).'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(4_000).optional(),
});
export type DeliveryFilters = Partial<
  Pick<z.output<typeof listDeliveriesQuerySchema>, 'status' | 'eventType'>
> & {
  since?: number;
};

export const resendFailedSchema = z.strictObject({
  since: timeQuery.describe(
    'Resend every failed delivery created at or after this time (at most 30 days back).',
  ),
});

export const listPageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(4_000).optional(),
});

export const eventTypesListSchema = z.object({
  items: z.array(
    z.object({
      type: z.string(),
      version: z.number().int(),
      description: z.string(),
      schema: z.record(z.string(), z.unknown()).describe('JSON Schema of the payload (`data`).'),
    }),
  ),
});
