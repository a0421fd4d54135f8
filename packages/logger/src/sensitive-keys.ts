/** The value written in place of a redacted one. */
export const REDACT_CENSOR = '[redacted]';

/**
 * Object keys whose values are secrets, in the spellings that reach logs (camelCase, snake_case,
 * header names). Matched case-insensitively wherever they appear in a log object.
 */
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
