/** The logging surface the queue uses; a `@groundwork/logger` (pino) logger satisfies it. */
export interface JobsLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

const ignore = (): void => {};

export const silentLogger: JobsLogger = { debug: ignore, info: ignore, warn: ignore, error: ignore };
