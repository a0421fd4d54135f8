import { type DestinationStream, type LevelWithSilent, type Logger, pino } from 'pino';
import { createPrettyStream } from './pretty-stream.js';
import { redactSecrets, secretKeyMatcher } from './redact-secrets.js';
import { REDACT_CENSOR, SENSITIVE_KEYS } from './sensitive-keys.js';

export interface CreateLoggerOptions {
  /** Service or component name, written as `name` on every line. */
  name: string;
  /** Minimum level written. Default `info`. */
  level?: LevelWithSilent;
  /** Human-readable single-line output instead of JSON (local development). Default `false`. */
  pretty?: boolean;
  /** Where lines go. Default: standard output through pino's asynchronous writer, flushed on exit. */
  destination?: DestinationStream;
  /** Extra pino redact paths, on top of the sensitive keys redacted everywhere (e.g. `['customer.iban']`). */
  redact?: string[];
}

const isSecret = secretKeyMatcher(SENSITIVE_KEYS);

function hasKeys(object: object): boolean {
  for (const _ in object) return true;
  return false;
}

/**
 * A pino logger that never writes the values of `SENSITIVE_KEYS` (secrets, tokens, passwords,
 * cookies, authorization headers) found in log objects or child bindings, at the top level or
 * nested up to `REDACT_DEPTH` levels, in objects and arrays. Values produced by pino serializers are
 * not walked: a serializer must not emit secrets (Fastify's request serializer emits no headers).
 */
export function createLogger(options: CreateLoggerOptions): Logger {
  const destination = options.pretty
    ? createPrettyStream(options.destination ?? process.stdout)
    : options.destination;
  const logger = pino(
    {
      name: options.name,
      level: options.level ?? 'info',
      formatters: {
        log: (object) => redactSecrets(object, isSecret, REDACT_CENSOR),
        bindings: (bindings) => redactSecrets(bindings, isSecret, REDACT_CENSOR),
      },
      ...(options.redact?.length ? { redact: { paths: options.redact, censor: REDACT_CENSOR } } : {}),
    },
    destination,
  );
  // Child bindings (Fastify binds one child per request) bypass `formatters.log`. pino children are
  // created with Object.create(parent), so this override is inherited by every descendant.
  const child = logger.child;
  logger.child = function redactingChild(this: Logger, bindings, childOptions) {
    // Fastify passes `{}` options for every request's child; pino has a cheaper path for none.
    const options = childOptions && hasKeys(childOptions) ? childOptions : undefined;
    return child.call(this, redactSecrets(bindings, isSecret, REDACT_CENSOR), options);
  } as Logger['child'];
  return logger;
}
