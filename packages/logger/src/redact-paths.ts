/**
 * What the logger never writes: the values of these keys are replaced by `REDACT_CENSOR` wherever
 * they appear at the top level of a log object or nested one or two levels deep
 * (`password`, `user.password`, `req.headers.authorization`, `res.headers["set-cookie"]`, …).
 */

/** The value written in place of a redacted one. */
export const REDACT_CENSOR = '[redacted]';

/** Object keys whose values are secrets, in the spellings that reach logs (camelCase, snake_case, header). */
export const SENSITIVE_KEYS: readonly string[] = [
  // HTTP headers
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  // passwords
  'password',
  'newPassword',
  'currentPassword',
  'passwordHash',
  'passwd',
  // tokens
  'token',
  'accessToken',
  'access_token',
  'refreshToken',
  'refresh_token',
  'idToken',
  'id_token',
  'resetToken',
  'reset_token',
  'apiToken',
  'api_token',
  'verificationToken',
  // secrets and keys
  'secret',
  'clientSecret',
  'client_secret',
  'webhookSecret',
  'apiKey',
  'api_key',
  'privateKey',
  'private_key',
];

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function segment(key: string): string {
  return IDENTIFIER.test(key) ? `.${key}` : `["${key}"]`;
}

function topLevel(key: string): string {
  return IDENTIFIER.test(key) ? key : `["${key}"]`;
}

/** Builds pino redact paths for `keys` at depth 0, 1 and 2 (`key`, `*.key`, `*.*.key`). */
export function redactPathsFor(keys: readonly string[]): string[] {
  return keys.flatMap((key) => [topLevel(key), `*${segment(key)}`, `*.*${segment(key)}`]);
}

/** The pino redact paths applied by every logger `createLogger()` makes. */
export const REDACT_PATHS: readonly string[] = redactPathsFor(SENSITIVE_KEYS);
