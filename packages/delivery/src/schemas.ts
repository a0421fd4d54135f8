/**
 * Zod schemas of the delivery HTTP API (`routes.ts`, `webhook-routes.ts`): bodies, query strings
 * and responses, the single source of their types and of the OpenAPI document.
 */
import { z } from 'zod';
import { CHANNELS, PUSH_PLATFORMS } from './channels.js';
import { DELIVERY_STATUSES, SUPPRESSION_REASONS } from './containers.js';
import { CATEGORIES, EMAIL_TEMPLATE_NAMES, PUSH_TYPE_NAMES } from './template-catalog.js';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

const pageQuery = {
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE_SIZE)
    .default(DEFAULT_PAGE_SIZE)
    .describe(`Page size (1-${MAX_PAGE_SIZE}).`),
  cursor: z.string().min(1).max(4_000).optional().describe('`nextCursor` of the previous page.'),
};
const nextCursor = z
  .string()
  .optional()
  .describe('Pass as `cursor` for the next page; absent on the last page.');
const timeQuery = z.iso.datetime({ offset: true });
const ms = z.number().int().describe('Milliseconds since the epoch.');

export const templateNameParams = z.object({
  name: z.enum(EMAIL_TEMPLATE_NAMES as [string, ...string[]]).describe('An email template.'),
});

const templateText = (max: number) => z.string().min(1).max(max);

export const emailSourceSchema = z
  .object({
    subject: templateText(500).describe('Handlebars, rendered as text.'),
    html: templateText(100_000).describe('Handlebars, HTML-escaped, placed in the shared layout.'),
    text: templateText(100_000).describe('Handlebars, rendered as text (plain-text part).'),
  })
  .strict();

export const templateViewSchema = z.object({
  name: z.string(),
  channel: z.literal('email'),
  category: z.enum(CATEGORIES),
  transactional: z.boolean().describe('False: carries List-Unsubscribe and follows opt-outs.'),
  security: z.boolean().describe('Security mail: always sent, data never kept once sent.'),
  description: z.string(),
  overridden: z.boolean().describe('True when the product has its own version.'),
  updatedAt: ms.nullable(),
  updatedBy: z.string().nullable(),
  variables: z
    .array(z.string())
    .describe('Variables the template declares (plus productName, appUrl, year, unsubscribeUrl).'),
  sample: z.record(z.string(), z.unknown()).describe('Sample data used by previews and tests.'),
});

export const templateListSchema = z.object({ items: z.array(templateViewSchema) });

export const templateDetailSchema = templateViewSchema.extend({
  source: emailSourceSchema.describe('What is sent now (the override or the default).'),
  defaultSource: emailSourceSchema.describe('The shipped default.'),
});

export const previewBodySchema = z
  .object({
    source: emailSourceSchema.optional().describe('Unsaved source to try; default the current one.'),
    data: z.record(z.string(), z.unknown()).optional().describe('Variables; default the sample.'),
  })
  .strict();

export const renderedEmailSchema = z.object({ subject: z.string(), html: z.string(), text: z.string() });

export const sendTestBodySchema = z
  .object({
    to: z.email().max(320),
    data: z.record(z.string(), z.unknown()).optional().describe('Variables; default the sample.'),
  })
  .strict();

const deliveryRefSchema = z.object({
  id: z.string(),
  channel: z.enum(CHANNELS),
  status: z.enum(DELIVERY_STATUSES),
  deviceId: z.string().optional(),
  scheduledFor: ms,
});

export const deliverResultSchema = z.object({
  deliveries: z.array(deliveryRefSchema),
  skipped: z.array(
    z.object({
      channel: z.enum(CHANNELS),
      reason: z.enum(['preferences', 'no_address', 'no_devices', 'channel_unavailable']),
    }),
  ),
});

export const adminNotifyBodySchema = z
  .object({
    userId: z.string().min(1).max(200),
    template: z.enum([...EMAIL_TEMPLATE_NAMES, ...PUSH_TYPE_NAMES] as [string, ...string[]]),
    data: z.record(z.string(), z.unknown()).default({}),
    channels: z.array(z.enum(CHANNELS)).min(1).max(3).optional(),
    critical: z.boolean().default(false).describe('Bypass preferences and quiet hours.'),
    idempotencyKey: z
      .string()
      .min(1)
      .max(200)
      .describe('Repeating the request with the same key sends nothing more.'),
  })
  .strict();

export const logQuerySchema = z
  .object({
    channel: z.enum(CHANNELS).optional(),
    status: z.enum(DELIVERY_STATUSES).optional(),
    template: z.string().min(1).max(100).optional(),
    userId: z.string().min(1).max(200).optional(),
    from: timeQuery.optional().describe('Entries created at or after this time (ISO 8601).'),
    to: timeQuery.optional().describe('Entries created before this time (ISO 8601).'),
    ...pageQuery,
  })
  .strict();

export const logEntrySchema = z.object({
  id: z.string(),
  productId: z.string(),
  channel: z.enum(CHANNELS),
  template: z.string(),
  category: z.enum(CATEGORIES),
  critical: z.boolean(),
  userId: z.string().nullable(),
  recipient: z.string().describe('Masked.'),
  deviceId: z.string().nullable(),
  platform: z.enum(PUSH_PLATFORMS).nullable(),
  status: z.enum(DELIVERY_STATUSES),
  provider: z.string().nullable(),
  providerMessageId: z.string().nullable(),
  attempts: z.number().int(),
  error: z.string().nullable(),
  idempotencyKey: z.string(),
  day: z.string(),
  createdAt: ms,
  scheduledFor: ms,
  sentAt: ms.nullable(),
  deliveredAt: ms.nullable(),
  openedAt: ms.nullable(),
  bouncedAt: ms.nullable(),
  failedAt: ms.nullable(),
});

export const logPageSchema = z.object({ items: z.array(logEntrySchema), nextCursor });

export const statsQuerySchema = z
  .object({
    from: timeQuery.describe('Start (ISO 8601).'),
    to: timeQuery.describe('End, exclusive (ISO 8601); at most 92 days after `from`.'),
  })
  .strict();

export const statsSchema = z.object({
  days: z.array(
    z.object({
      day: z.string().describe('YYYY-MM-DD (UTC) the sends were requested.'),
      queued: z.number().int(),
      sent: z.number().int(),
      failed: z.number().int(),
      bounced: z.number().int(),
      delivered: z.number().int(),
      opened: z.number().int(),
      suppressed: z.number().int(),
    }),
  ),
});

export const suppressionSchema = z.object({
  id: z.string(),
  productId: z.string(),
  email: z.string(),
  reason: z.enum(SUPPRESSION_REASONS),
  source: z.string(),
  createdAt: ms,
});

export const suppressionPageSchema = z.object({ items: z.array(suppressionSchema), nextCursor });
export const pageQuerySchema = z.object(pageQuery).strict();

export const addSuppressionBodySchema = z
  .object({ email: z.email().max(320), reason: z.enum(['manual']).default('manual') })
  .strict();

export const suppressionParams = z.object({ id: z.string().regex(/^sup_[0-9a-f]{32}$/) });

export const outboxPageSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      template: z.string(),
      createdAt: ms,
      to: z.string(),
      from: z.string(),
      subject: z.string(),
      text: z.string(),
      html: z.string(),
      headers: z.record(z.string(), z.string()),
    }),
  ),
  nextCursor,
});

export const registerDeviceBodySchema = z
  .object({
    platform: z.enum(PUSH_PLATFORMS),
    token: z
      .string()
      .min(8)
      .max(4096)
      .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces'),
    appVersion: z.string().min(1).max(50).optional(),
    locale: z.string().min(2).max(35).optional(),
  })
  .strict();

export const deviceSchema = z.object({
  id: z.string(),
  platform: z.enum(PUSH_PLATFORMS),
  tokenSuffix: z.string().describe('The token’s last 4 characters.'),
  appVersion: z.string().nullable(),
  locale: z.string().nullable(),
  createdAt: ms,
  lastSeenAt: ms,
  active: z.boolean().describe('False once the provider said the token is no longer valid.'),
  deactivationReason: z.string().nullable(),
});

export const deviceListSchema = z.object({ items: z.array(deviceSchema) });
export const deviceParams = z.object({ id: z.string().regex(/^dev_[0-9a-f]{32}$/) });

const channelSwitches = z
  .object({ email: z.boolean().optional(), push: z.boolean().optional(), sms: z.boolean().optional() })
  .strict();

const quietHoursSchema = z
  .object({
    start: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
      .describe('HH:MM local time.'),
    end: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
      .describe('HH:MM local time.'),
  })
  .strict();

export const preferencesSchema = z.object({
  timezone: z.string().describe('IANA time zone for quiet hours.'),
  quietHours: quietHoursSchema.nullable().describe('Push and SMS wait until they end, unless critical.'),
  categories: z
    .partialRecord(z.enum(CATEGORIES), channelSwitches)
    .describe('false turns a channel off for a category; security mail is always sent.'),
  updatedAt: ms.nullable(),
});

export const updatePreferencesBodySchema = z
  .object({
    timezone: z.string().min(1).max(100).optional(),
    quietHours: quietHoursSchema.nullable().optional(),
    categories: z.partialRecord(z.enum(CATEGORIES), channelSwitches).optional(),
  })
  .strict();

export const webhookResultSchema = z.object({
  received: z.number().int(),
  applied: z.number().int(),
  duplicates: z.number().int(),
  unmatched: z.number().int(),
  stale: z.number().int(),
});
