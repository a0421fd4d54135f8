/**
 * The audit log service, without HTTP: records entries (from modules, from events, from the jobs
 * admin), and reads them back one product at a time: filtered pages, newest first, and an export
 * that walks the pages lazily. It never updates or deletes an entry; entries leave only by TTL.
 */
import { type FieldIssue, isAppError, ValidationError } from '@groundwork/errors';
import type { EventEnvelope } from '@groundwork/events';
import { type Clock, type Container, type DocumentStore, type OrderBy, systemClock } from '@groundwork/store';
import { AUDIT_LOG_CONTAINER_NAME, type AuditDocument, toAuditEntry } from './audit-container.js';
import {
  type AuditEntry,
  type AuditRecordInput,
  auditIdForEvent,
  auditRecordInputSchema,
  eventIdSchema,
  newAuditId,
  productIdSchema,
} from './audit-entry.js';
import { type AuditFilters, issuesOf, parseFilters, storeFilterOf } from './audit-filters.js';
import { recordInputOfEvent } from './event-entry.js';
import { summarize } from './summary.js';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;
/** Entries the export reads from the store at a time. */
export const EXPORT_PAGE_SIZE = 500;
/** Writes at once when the store has no `createMany`. */
const PARALLEL_WRITES = 25;

/** Newest first; the store breaks ties by id. */
const NEWEST_FIRST: OrderBy[] = [{ field: 'atMs', direction: 'desc' }];

export interface CreateAuditLogOptions {
  /** A store where the `audit_log` container has been ensured (see `AUDIT_LOG_CONTAINER`). */
  store: DocumentStore;
  /** Times entries (default: the system clock). */
  clock?: Clock;
}

export interface AuditPageOptions {
  /** 1-200, default 50. */
  limit?: number;
  /** `nextCursor` of the previous page of the same query. */
  cursor?: string;
}

export interface AuditPage {
  items: AuditEntry[];
  /** Present when more entries may follow. */
  nextCursor?: string;
}

export interface AuditLog {
  /** Validates (`ValidationError` listing each field), redacts and stores one entry, timed now. */
  record(input: AuditRecordInput): Promise<AuditEntry>;
  /** `record` for many entries (validated together first; one transaction when the store has `createMany`). */
  recordMany(inputs: readonly AuditRecordInput[]): Promise<AuditEntry[]>;
  /**
   * The entry of an event, timed at `occurredAt`. Its id derives from the event id, so recording
   * the same event again returns the stored entry and writes nothing.
   */
  recordEvent(event: EventEnvelope): Promise<AuditEntry>;
  /** One page of the product's entries, newest first. */
  query(productId: string, filters?: AuditFilters, page?: AuditPageOptions): Promise<AuditPage>;
  /**
   * Every matching entry of the product, newest first, read `EXPORT_PAGE_SIZE` at a time as it is
   * iterated (never all at once). Arguments are checked now: a bad filter throws here, not on the
   * first iteration.
   */
  exportEntries(productId: string, filters?: AuditFilters): AsyncIterable<AuditEntry>;
}

function checkedProductId(productId: unknown): string {
  const parsed = productIdSchema.safeParse(productId);
  if (!parsed.success) throw new ValidationError(issuesOf(parsed.error, 'productId'), 'Invalid product id.');
  return parsed.data;
}

function checkedLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new ValidationError(
      [
        {
          path: 'limit',
          message: `must be an integer from 1 to ${MAX_PAGE_SIZE}`,
          code: 'invalid',
        },
      ],
      'Invalid page size.',
    );
  }
  return limit;
}

function isDocumentConflict(error: unknown): boolean {
  return isAppError(error) && error.status === 409;
}

export function createAuditLog(options: CreateAuditLogOptions): AuditLog {
  const { store } = options;
  const clock = options.clock ?? systemClock;
  const container = (): Container<AuditDocument> => store.container<AuditDocument>(AUDIT_LOG_CONTAINER_NAME);

  /** The document for `input` at `atMs`, or the issues (paths prefixed with `prefix`). */
  function build(
    input: AuditRecordInput,
    atMs: number,
    prefix?: string,
  ): { doc: AuditDocument } | { issues: FieldIssue[] } {
    const parsed = auditRecordInputSchema.safeParse(input);
    if (!parsed.success) return { issues: issuesOf(parsed.error, prefix) };
    const { summary, ip, userAgent, requestId, eventId, target, ...rest } = parsed.data;
    const stored = summarize(summary);
    const doc: AuditDocument = {
      id: eventId === undefined ? newAuditId(atMs) : auditIdForEvent(eventId),
      pk: rest.productId,
      ...rest,
      ...(target ? { target } : {}),
      ...(stored ? { summary: stored } : {}),
      ...(ip ? { ip } : {}),
      ...(userAgent ? { userAgent } : {}),
      ...(requestId ? { requestId } : {}),
      ...(eventId ? { eventId } : {}),
      at: new Date(atMs).toISOString(),
      atMs,
    };
    return { doc };
  }

  function buildOrThrow(input: AuditRecordInput, atMs: number): AuditDocument {
    const built = build(input, atMs);
    if ('issues' in built) throw new ValidationError(built.issues, 'Invalid audit entry.');
    return built.doc;
  }

  /** An entry whose id derives from an event exists already: that one stands. */
  async function existing(doc: AuditDocument, error: unknown): Promise<AuditEntry> {
    if (doc.eventId !== undefined && isDocumentConflict(error)) {
      const stored = await container().read(doc.id, doc.pk);
      if (stored) return toAuditEntry(stored);
    }
    throw error;
  }

  async function write(doc: AuditDocument): Promise<AuditEntry> {
    try {
      return toAuditEntry(await container().create(doc));
    } catch (error) {
      return existing(doc, error);
    }
  }

  async function writeMany(docs: AuditDocument[]): Promise<AuditEntry[]> {
    const target = container();
    if (target.createMany) {
      const results = await target.createMany(docs);
      return Promise.all(
        results.map((result, index) =>
          result.ok ? toAuditEntry(result.document) : existing(docs[index] as AuditDocument, result.error),
        ),
      );
    }
    const entries: AuditEntry[] = [];
    for (let start = 0; start < docs.length; start += PARALLEL_WRITES) {
      entries.push(...(await Promise.all(docs.slice(start, start + PARALLEL_WRITES).map(write))));
    }
    return entries;
  }

  function pages(productId: string, filters: AuditFilters | undefined) {
    const pk = checkedProductId(productId);
    const where = storeFilterOf(parseFilters(filters));
    const target = container();
    return (limit: number, cursor: string | undefined) =>
      target.query({
        pk,
        orderBy: NEWEST_FIRST,
        limit,
        ...(where ? { where } : {}),
        ...(cursor ? { cursor } : {}),
      });
  }

  return {
    record(input) {
      return write(buildOrThrow(input, clock.now()));
    },

    async recordMany(inputs) {
      const atMs = clock.now();
      const issues: FieldIssue[] = [];
      const docs: AuditDocument[] = [];
      inputs.forEach((input, index) => {
        const built = build(input, atMs, `items.${index}`);
        if ('issues' in built) issues.push(...built.issues);
        else docs.push(built.doc);
      });
      if (issues.length > 0) throw new ValidationError(issues, 'Invalid audit entries; none were recorded.');
      return writeMany(docs);
    },

    recordEvent(event) {
      const id = eventIdSchema.safeParse(event.id);
      if (!id.success) throw new ValidationError(issuesOf(id.error, 'id'), 'Invalid event.');
      const occurredAt = Date.parse(event.occurredAt);
      const atMs = Number.isFinite(occurredAt) && occurredAt >= 0 ? occurredAt : clock.now();
      return write(buildOrThrow(recordInputOfEvent(event), atMs));
    },

    async query(productId, filters, page = {}) {
      const limit = checkedLimit(page.limit);
      const result = await pages(productId, filters)(limit, page.cursor);
      return {
        items: result.items.map(toAuditEntry),
        ...(result.nextCursor ? { nextCursor: result.nextCursor } : {}),
      };
    },

    exportEntries(productId, filters) {
      const next = pages(productId, filters);
      return (async function* () {
        let cursor: string | undefined;
        do {
          const page = await next(EXPORT_PAGE_SIZE, cursor);
          for (const doc of page.items) yield toAuditEntry(doc);
          cursor = page.nextCursor;
        } while (cursor);
      })();
    },
  };
}
