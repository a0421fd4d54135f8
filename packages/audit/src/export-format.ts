/**
 * Export formats of the audit log: CSV (RFC 4180: CRLF lines, quoted cells where needed, a header
 * row; cells that a spreadsheet would run as a formula are prefixed with `'`) and NDJSON (one JSON
 * entry per line). `formatExport` turns an entry stream into text chunks of a few tens of KiB.
 */
import type { AuditEntry } from './audit-entry.js';

export const EXPORT_FORMATS = ['csv', 'ndjson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
};

export const CSV_COLUMNS = [
  'id',
  'at',
  'actorType',
  'actorId',
  'impersonatedBy',
  'action',
  'targetType',
  'targetId',
  'ip',
  'userAgent',
  'requestId',
  'eventId',
  'summary',
] as const;

/** Characters that make Excel, Sheets or LibreOffice read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV cell: formula-looking text prefixed with `'`, quoted (quotes doubled) when it holds `"`, `,`, CR or LF. */
export function csvCell(value: string | undefined): string {
  if (value === undefined || value === '') return '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvHeader(): string {
  return `${CSV_COLUMNS.join(',')}\r\n`;
}

export function csvLine(entry: AuditEntry): string {
  const cells: Record<(typeof CSV_COLUMNS)[number], string | undefined> = {
    id: entry.id,
    at: entry.at,
    actorType: entry.actor.type,
    actorId: entry.actor.id,
    impersonatedBy: entry.actor.impersonatedBy,
    action: entry.action,
    targetType: entry.target?.type,
    targetId: entry.target?.id,
    ip: entry.ip,
    userAgent: entry.userAgent,
    requestId: entry.requestId,
    eventId: entry.eventId,
    summary: entry.summary ? JSON.stringify(entry.summary) : undefined,
  };
  return `${CSV_COLUMNS.map((column) => csvCell(cells[column])).join(',')}\r\n`;
}

/** The entry as the API shows it (without the internal `atMs`). */
export type AuditEntryView = Omit<AuditEntry, 'atMs'>;

export function entryView(entry: AuditEntry): AuditEntryView {
  const { atMs: _atMs, ...view } = entry;
  return view;
}

export function ndjsonLine(entry: AuditEntry): string {
  return `${JSON.stringify(entryView(entry))}\n`;
}

/** Text is handed on once a chunk reaches this many characters (and at the end). */
const CHUNK_CHARS = 64 * 1024;

/** The export as text chunks, pulling entries only as the consumer reads (so never all in memory). */
export async function* formatExport(
  entries: AsyncIterable<AuditEntry>,
  format: ExportFormat,
): AsyncGenerator<string> {
  const line = format === 'csv' ? csvLine : ndjsonLine;
  let chunk = format === 'csv' ? csvHeader() : '';
  for await (const entry of entries) {
    chunk += line(entry);
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk.length > 0) yield chunk;
}
