import { type DestinationStream, type LevelWithSilent, type Logger, pino } from 'pino';
import { createPrettyStream } from './pretty-stream.js';
import { REDACT_CENSOR, REDACT_PATHS } from './redact-paths.js';

export interface CreateLoggerOptions {
  /** Service or component name, written as `name` on every line. */
  name: string;
  /** Minimum level written. Default `info`. */
  level?: LevelWithSilent;
  /** Human-readable single-line output instead of JSON (local development). Default `false`. */
  pretty?: boolean;
  /** Where lines go. Default: standard output. */
  destination?: DestinationStream;
  /** Extra pino redact paths, added to `REDACT_PATHS` (e.g. `['user.ssn', '*.iban']`). */
  redact?: string[];
}

/** A pino logger that redacts secrets, tokens, passwords and cookies (see `REDACT_PATHS`). */
export function createLogger(options: CreateLoggerOptions): Logger {
  const paths = [...REDACT_PATHS, ...(options.redact ?? [])];
  const destination = options.pretty
    ? createPrettyStream(options.destination ?? process.stdout)
    : options.destination;
  return pino(
    {
      name: options.name,
      level: options.level ?? 'info',
      redact: { paths, censor: REDACT_CENSOR },
    },
    destination,
  );
}
