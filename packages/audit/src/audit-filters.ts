/**
 * Query filters of the audit log: their schema (times as ms, ISO strings or Dates), and their
 * translation into one store filter. Every filter narrows the result (they are ANDed); the product
 * is never a filter, it is the partition every query is confined to.
 */
import { type FieldIssue, ValidationError } from '@groundwork/errors';
import { ACTOR_TYPES } from '@groundwork/events';
import type { Filter } from '@groundwork/store';
import { z } from 'zod';
import { ACTION_PATTERN, MAX_ACTION_LENGTH, targetTypeSchema } from './audit-entry.js';

/** An exact action, or every action under a prefix: `jobs.*`. */
const actionFilterSchema = z
  .string()
  .max(MAX_ACTION_LENGTH)
  .refine(
    (value) => ACTION_PATTERN.test(value) || /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*\.\*$/.test(value),
    'must be an action like `jobs.pause`, or a prefix like `jobs.*`',
  );

const timeSchema = z
  .union([
    z.number().int().min(0),
    z.iso.datetime({ offset: true }).transform((value) => Date.parse(value)),
    z.date().transform((value) => value.getTime()),
  ])
  .refine((value) => Number.isFinite(value), 'must be a valid time');

const idSchema = z.string().min(1).max(200);

export const auditFiltersSchema = z
  .strictObject({
    actorId: idSchema.optional(),
    actorType: z.enum(ACTOR_TYPES).optional(),
    impersonatedBy: idSchema.optional(),
    action: actionFilterSchema.optional(),
    targetType: targetTypeSchema.optional(),
    targetId: idSchema.optional(),
    /** Inclusive lower bound of `at`. */
    from: timeSchema.optional(),
    /** Exclusive upper bound of `at`. */
    to: timeSchema.optional(),
  })
  .refine((filters) => filters.from === undefined || filters.to === undefined || filters.from <= filters.to, {
    message: 'must not be after `to`',
    path: ['from'],
  });

/** What `query` and `exportEntries` filter on. */
export type AuditFilters = z.input<typeof auditFiltersSchema>;
export type ParsedAuditFilters = z.output<typeof auditFiltersSchema>;

/** One field issue per zod issue (one per unknown key), paths prefixed with `prefix`. */
export function issuesOf(error: z.ZodError, prefix?: string): FieldIssue[] {
  const pathOf = (parts: PropertyKey[]) =>
    [prefix ?? '', ...parts.map(String)].filter((part) => part.length > 0).join('.') || 'input';
  return error.issues.flatMap((issue): FieldIssue[] =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          path: pathOf([...issue.path, key]),
          message: 'is not allowed',
          code: issue.code,
        }))
      : [
          {
            path: pathOf(issue.path),
            message: issue.message,
            code: issue.code,
          },
        ],
  );
}

export function parseFilters(filters: AuditFilters | undefined): ParsedAuditFilters {
  const parsed = auditFiltersSchema.safeParse(filters ?? {});
  if (!parsed.success) throw new ValidationError(issuesOf(parsed.error), 'Invalid audit filters.');
  return parsed.data;
}

/** The store filter for `filters`, or `undefined` when nothing is filtered. */
export function storeFilterOf(filters: ParsedAuditFilters): Filter | undefined {
  const conditions: Filter[] = [];
  const eq = (field: string, value: string | undefined) => {
    if (value !== undefined) conditions.push({ field, op: 'eq', value });
  };
  eq('actor.id', filters.actorId);
  eq('actor.type', filters.actorType);
  eq('actor.impersonatedBy', filters.impersonatedBy);
  if (filters.action?.endsWith('.*')) {
    conditions.push({
      field: 'action',
      op: 'startsWith',
      value: filters.action.slice(0, -1),
    });
  } else {
    eq('action', filters.action);
  }
  eq('target.type', filters.targetType);
  eq('target.id', filters.targetId);
  if (filters.from !== undefined) conditions.push({ field: 'atMs', op: 'gte', value: filters.from });
  if (filters.to !== undefined) conditions.push({ field: 'atMs', op: 'lt', value: filters.to });
  if (conditions.length === 0) return undefined;
  return conditions.length === 1 ? conditions[0] : { and: conditions };
}
