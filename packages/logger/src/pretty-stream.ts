import type { DestinationStream } from 'pino';

const LEVEL_LABELS: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};

const OMITTED_KEYS = new Set(['level', 'time', 'pid', 'hostname', 'name', 'msg']);

export interface TextSink {
  write(text: string): unknown;
}

function formatTime(value: unknown): string {
  const date = typeof value === 'number' || typeof value === 'string' ? new Date(value) : new Date();
  return Number.isNaN(date.getTime()) ? String(value) : date.toISOString().slice(11, 23);
}

/** Renders one pino JSON line as `HH:MM:SS.mmm LEVEL name: message {other fields}`. */
export function formatPrettyLine(line: string): string {
  let record: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(line);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return line;
    record = parsed as Record<string, unknown>;
  } catch {
    return line;
  }
  const level =
    typeof record.level === 'number' ? (LEVEL_LABELS[record.level] ?? String(record.level)) : 'INFO';
  const name = typeof record.name === 'string' ? ` ${record.name}:` : '';
  const message = typeof record.msg === 'string' ? ` ${record.msg}` : '';
  const rest = Object.fromEntries(Object.entries(record).filter(([key]) => !OMITTED_KEYS.has(key)));
  const fields = Object.keys(rest).length > 0 ? ` ${JSON.stringify(rest)}` : '';
  return `${formatTime(record.time)} ${level.padEnd(5)}${name}${message}${fields}`;
}

/**
 * A dependency-free human-readable destination for local development. It receives pino's
 * already-redacted JSON lines, so it can never show more than the JSON output would.
 */
export function createPrettyStream(sink: TextSink = process.stdout): DestinationStream {
  return {
    write(chunk: string): void {
      for (const line of chunk.split('\n')) {
        if (line.trim() !== '') sink.write(`${formatPrettyLine(line)}\n`);
      }
    },
  };
}
