/**
 * The audit admin API, mounted under `/v1` by the audit module. HTTP only: parse, authorize (admin
 * role), call `AuditLog`, shape the reply. Read-only: there is no route that writes, changes or
 * deletes an entry (the export records itself through the service). The product is always the
 * principal's, so no request reads another product's entries.
 */
import { Readable } from 'node:stream';
import { guard, type ModuleRoutes } from '@groundwork/http';
import {
  auditPageSchema,
  exportAuditQuerySchema,
  exportResponseSchema,
  listAuditQuerySchema,
} from './admin-schemas.js';
import type { AuditFilters } from './audit-filters.js';
import type { AuditLog } from './audit-log.js';
import { EXPORT_CONTENT_TYPES, entryView, formatExport } from './export-format.js';
import { auditRequestContext } from './request-context.js';

const adminOnly = guard({ roles: ['admin'] });
const ADMIN = 'Requires role `admin`; reads the caller’s product only.';

/** The action an export is recorded under. */
export const AUDIT_EXPORT_ACTION = 'audit.export';

function filtersOf(query: Record<string, unknown>): AuditFilters {
  const filters: AuditFilters = {};
  for (const key of [
    'actorId',
    'actorType',
    'impersonatedBy',
    'action',
    'targetType',
    'targetId',
    'from',
    'to',
  ] as const) {
    const value = query[key];
    if (typeof value === 'string') Object.assign(filters, { [key]: value });
  }
  return filters;
}

function safeFilenamePart(value: string): string {
  return value.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 100);
}

export function auditAdminRoutes(audit: AuditLog): ModuleRoutes {
  return async (app) => {
    app.get(
      '/audit',
      {
        ...adminOnly,
        schema: {
          summary: 'Search the audit log',
          description: `Entries newest first, filtered by actor, action, target and time range. ${ADMIN}`,
          querystring: listAuditQuerySchema,
          response: { 200: auditPageSchema },
        },
      },
      async (request) => {
        const { productId } = auditRequestContext(request);
        const { limit, cursor } = request.query;
        const page = await audit.query(productId, filtersOf(request.query), {
          limit,
          cursor,
        });
        return {
          items: page.items.map(entryView),
          ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
        };
      },
    );

    app.get(
      '/audit/export',
      {
        ...adminOnly,
        schema: {
          summary: 'Export the audit log',
          description: `Every matching entry, newest first, streamed as CSV or NDJSON. The export is itself recorded (action \`${AUDIT_EXPORT_ACTION}\`) before it is read. ${ADMIN}`,
          querystring: exportAuditQuerySchema,
          response: { 200: exportResponseSchema },
        },
      },
      async (request, reply) => {
        const context = auditRequestContext(request);
        const { format } = request.query;
        const filters = filtersOf(request.query);
        const entries = audit.exportEntries(context.productId, filters); // checks the filters first
        const recorded = await audit.record({
          ...context,
          action: AUDIT_EXPORT_ACTION,
          summary: { after: { format, filters: { ...filters } } },
        });
        // Nothing is read until Fastify pulls the stream; a failure before the first chunk is still
        // an error response (Fastify sends headers with the first data), a later one cuts the stream.
        const chunks = formatExport(entries, format);
        const stamp = recorded.at.replace(/[-:]|\.\d+/g, '');
        const filename = `audit-${safeFilenamePart(context.productId)}-${stamp}.${format}`;
        // Fastify sends a stream as is; the schema's string only documents the body for OpenAPI.
        const body = Readable.from(chunks, {
          objectMode: false,
        }) as unknown as string;
        return reply
          .header('content-type', EXPORT_CONTENT_TYPES[format])
          .header('content-disposition', `attachment; filename="${filename}"`)
          .header('cache-control', 'no-store')
          .send(body);
      },
    );
  };
}
