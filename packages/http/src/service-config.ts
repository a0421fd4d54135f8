import { envBoolean, envEnum, envInt, envList, envPort, loadEnv } from '@groundwork/config';
import { z } from 'zod';

const MIB = 1024 * 1024;

/**
 * Environment variables every Groundwork service understands. Services extend it with their own
 * (`serviceEnvSchema.extend({ ... })`); the env reference in the docs is generated from the
 * `.describe()` texts.
 */
export const serviceEnvSchema = z.object({
  HOST: z
    .string()
    .min(1)
    .default('127.0.0.1')
    .describe('Interface the HTTP server binds to (0.0.0.0 for all).'),
  PORT: envPort().default(3000).describe('TCP port of the HTTP server; 0 picks a free one.'),
  LOG_LEVEL: envEnum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe('Minimum log level written.'),
  BODY_LIMIT_BYTES: envInt({ min: 1 })
    .default(MIB)
    .describe('Largest accepted request body in bytes; larger bodies get 413 payload_too_large.'),
  CORS_ORIGINS: envList()
    .default([])
    .describe(
      'Comma-separated origins allowed by CORS (e.g. https://admin.example.com). Empty disables CORS; `*` allows any origin.',
    ),
  TRUST_PROXY: envBoolean()
    .default(false)
    .describe('Trust X-Forwarded-* headers (set true only behind a reverse proxy you control).'),
  SHUTDOWN_TIMEOUT_MS: envInt({ min: 1 })
    .default(10_000)
    .describe('Longest a graceful shutdown may take before connections are forced closed.'),
  STORE_SWEEP_INTERVAL_MS: envInt({ min: 0 })
    .default(60_000)
    .describe(
      'How often expired documents are deleted from SQLite and memory stores (Cosmos expires natively); 0 turns sweeping off.',
    ),
  SWAGGER_UI_ENABLED: envBoolean().default(true).describe('Serve the Swagger UI at /documentation.'),
  REQUEST_TIMEOUT_MS: envInt({ min: 0 })
    .default(30_000)
    .describe('Longest time to receive a whole request (headers and body); 0 disables the limit.'),
});

/** The parsed, typed service configuration. */
export type ServiceConfig = z.output<typeof serviceEnvSchema>;

/**
 * Parses the service variables out of an environment (default `process.env`); throws a
 * `ConfigError` listing every invalid variable at once.
 */
export function serviceConfigFromEnv(env: Record<string, string | undefined> = process.env): ServiceConfig {
  return loadEnv(serviceEnvSchema, env);
}
