/**
 * What an audit entry is: the zod schemas of a stored entry and of what `record()` accepts, the
 * action and target formats, and the id rules (`aud_…`, or derived from the event id so an event
 * recorded twice is one entry).
 */
import { actorSchema } from '@groundwork/events';
import { idPattern, newId } from '@groundwork/http';
import { z } from 'zod';
import { auditSummarySchema } from './summary.js';

export const AUDIT_ID_PREFIX = 'aud';
const EVENT_ID = idPattern('evt');

export const auditIdSchema = z
  .string()
  .regex(idPattern(AUDIT_ID_PREFIX), 'must be an audit entry id (aud_…)');

export const productIdSchema = z
  .string()
  .regex(/^[^/\\?#\s]{1,200}$/, 'must be 1-200 characters without / \\ ? # or spaces');

/** Lowercase dotted words, like event types: `jobs.pause`, `user.created`, `auth.login_failed`. */
export const ACTION_PATTERN = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;
export const MAX_ACTION_LENGTH = 100;

export const actionSchema = z
  .string()
  .max(MAX_ACTION_LENGTH)
  .regex(ACTION_PATTERN, 'must be lowercase dotted words, e.g. `jobs.pause` or `auth.login_failed`');

export const targetTypeSchema = z
  .string()
  .max(50)
  .regex(/^[a-z][a-z0-9_]*$/, 'must be a lowercase word, e.g. `user` or `api_token`');

export const targetSchema = z
  .strictObject({
    type: targetTypeSchema,
    id: z.string().min(1).max(200),
  })
  .describe('What the action was done to.');

export type AuditTarget = z.infer<typeof targetSchema>;

export const eventIdSchema = z.string().regex(EVENT_ID, 'must be an event id (evt_…)');

/** Request metadata is clipped, not rejected: an oversized header must not lose the entry. */
function clipped(max: number) {
  return z
    .string()
    .transform((value) => (value.length > max ? value.slice(0, max) : value))
    .optional();
}

export const MAX_IP_LENGTH = 100;
export const MAX_USER_AGENT_LENGTH = 512;
export const MAX_REQUEST_ID_LENGTH = 200;

/** What `AuditLog.record()` accepts. The time and the id are the audit log's. */
export const auditRecordInputSchema = z.strictObject({
  productId: productIdSchema,
  actor: actorSchema,
  action: actionSchema,
  target: targetSchema.optional(),
  /** Redacted and size-capped before it is stored (see `summary.ts`). */
  summary: z
    .strictObject({
      before: z.record(z.string(), z.unknown()).optional(),
      after: z.record(z.string(), z.unknown()).optional(),
    })
    .optional(),
  ip: clipped(MAX_IP_LENGTH),
  userAgent: clipped(MAX_USER_AGENT_LENGTH),
  requestId: clipped(MAX_REQUEST_ID_LENGTH),
  /** The event this entry records: the entry id derives from it, so recording it again is a no-op. */
  eventId: eventIdSchema.optional(),
});

export type AuditRecordInput = z.input<typeof auditRecordInputSchema>;

/** An entry as the audit log returns it. */
export const auditEntrySchema = z.object({
  id: auditIdSchema,
  productId: z.string(),
  actor: actorSchema,
  action: z.string().describe('What was done, e.g. `jobs.pause`, `user.created`, `auth.login_failed`.'),
  target: targetSchema.optional(),
  summary: auditSummarySchema.optional(),
  ip: z.string().optional().describe('The client address of the request.'),
  userAgent: z.string().optional(),
  requestId: z.string().optional(),
  eventId: z.string().optional().describe('The event this entry records, if any.'),
  at: z.iso.datetime().describe('When it happened (ISO 8601, the service clock).'),
  atMs: z.number().int().describe('`at` in ms since the epoch (sort and range key).'),
});

export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** A new random, time-sortable entry id. */
export function newAuditId(nowMs: number): string {
  return newId(AUDIT_ID_PREFIX, nowMs);
}

/** The entry id of an event (`evt_X` → `aud_X`): one event is one entry, however often it is recorded. */
export function auditIdForEvent(eventId: string): string {
  if (!EVENT_ID.test(eventId)) throw new TypeError(`"${eventId}" is not an event id (evt_…).`);
  return `${AUDIT_ID_PREFIX}_${eventId.slice(eventId.indexOf('_') + 1)}`;
}
