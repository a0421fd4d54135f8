export type { LevelWithSilent, Logger } from 'pino';
export type { CreateLoggerOptions } from './create-logger.js';
export { createLogger } from './create-logger.js';
export type { TextSink } from './pretty-stream.js';
export { createPrettyStream, formatPrettyLine } from './pretty-stream.js';
export { REDACT_DEPTH, redactSecrets, type SecretKeyMatcher, secretKeyMatcher } from './redact-secrets.js';
export { REDACT_CENSOR, SENSITIVE_KEYS } from './sensitive-keys.js';
