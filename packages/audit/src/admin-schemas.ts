/**
 * Zod schemas of the audit admin API (`routes.ts`): the query strings and the responses, the
 * single source of its types and of its OpenAPI document.
 */
import { ACTOR_TYPES } from '@groundwork/events';
import { z } from 'zod';
import { ACTION_PATTERN, auditEntrySchema, MAX_ACTION_LENGTH, targetTypeSchema } from './audit-entry.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './audit-log.js';
import { EXPORT_FORMATS } from './export-format.js';

const ACTION_PREFIX = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*\.\*$/;
const idQuery = z.string().min(1).max(200);
const timeQuery = z.iso.datetime({ offset: true });

const filterFields = {
  actorId: idQuery
    .optional()
    .describe('Only entries by this actor (user, admin, API token or system component id).'),
  actorType: z.enum(ACTOR_TYPES).optional().describe('Only entries by this kind of actor.'),
  impersonatedBy: idQuery.optional().describe('Only entries done by this admin while impersonating a user.'),
  action: z
    .string()
    .max(MAX_ACTION_LENGTH)
    .refine((value) => ACTION_PATTERN.test(value) || ACTION_PREFIX.test(value), {
      message: 'must be an action like `jobs.pause`, or a prefix like `jobs.*`',
    })
    .optional()
    .describe('One action (`jobs.pause`), or every action under a prefix (`jobs.*`).'),
  targetType: targetTypeSchema.optional().describe('Only entries about this kind of target, e.g. `user`.'),
  targetId: idQuery.optional().describe('Only entries about this target id.'),
  from: timeQuery.optional().describe('Entries at or after this time (ISO 8601).'),
  to: timeQuery.optional().describe('Entries before this time (ISO 8601).'),
};

function fromNotAfterTo(query: { from?: string | undefined; to?: string | undefined }): boolean {
  return query.from === undefined || query.to === undefined || Date.parse(query.from) <= Date.parse(query.to);
}

const fromAfterTo = { message: 'must not be after `to`', path: ['from'] };

export const listAuditQuerySchema = z
  .object({
    ...filterFields,
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(MAX_PAGE_SIZE)
      .default(DEFAULT_PAGE_SIZE)
      .describe(`Page size (1-${MAX_PAGE_SIZE}).`),
    cursor: z.string().min(1).max(4_000).optional().describe('`nextCursor` of the previous page.'),
  })
  .refine(fromNotAfterTo, fromAfterTo);

export const exportAuditQuerySchema = z
  .object({
    ...filterFields,
    format: z.enum(EXPORT_FORMATS).default('ndjson').describe('`csv` (with a header row) or `ndjson`.'),
  })
  .refine(fromNotAfterTo, fromAfterTo);

export const auditEntryViewSchema = auditEntrySchema.omit({ atMs: true }).describe('One audit entry.');

export const auditPageSchema = z
  .object({
    items: z.array(auditEntryViewSchema),
    nextCursor: z
      .string()
      .optional()
      .describe('Pass as `cursor` for the next page; absent on the last page.'),
  })
  .describe('A page of audit entries, newest first.');

export const exportResponseSchema = {
  description: 'The matching entries, newest first, streamed.',
  content: {
    'text/csv': {
      schema: z.string().describe('A header row, then one entry per line (RFC 4180).'),
    },
    'application/x-ndjson': {
      schema: z.string().describe('One JSON entry per line.'),
    },
  },
};
