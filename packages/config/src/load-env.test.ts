import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError } from './config-error.js';
import { secret } from './env-field.js';
import { envBoolean, envEnum, envInt, envList, envPort, envUrl } from './env-helpers.js';
import { loadEnv } from './load-env.js';

const schema = z.object({
  PORT: envPort().default(4003).describe('HTTP port'),
  WORKERS: envInt({ min: 1, max: 64 }).describe('Worker count'),
  DEBUG: envBoolean().default(false),
  STORE: envEnum(['sqlite', 'cosmos']).default('sqlite').describe('Storage adapter'),
  CORS_ORIGINS: envList().default([]),
  PUBLIC_URL: envUrl().optional().describe('Public base URL'),
  JWT_SIGNING_SECRET: secret(z.string().min(32)).describe('Signs access tokens'),
  SESSION_PEPPER: z.string().min(16).meta({ secret: true }),
});

const valid = {
  WORKERS: '4',
  JWT_SIGNING_SECRET: 'x'.repeat(40),
  SESSION_PEPPER: 'p'.repeat(20),
};

function configErrorOf(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadEnv', () => {
  it('returns parsed, typed values with defaults applied', () => {
    const config = loadEnv(schema, {
      ...valid,
      DEBUG: 'yes',
      CORS_ORIGINS: 'https://a.test, https://b.test',
    });
    expect(config).toEqual({
      PORT: 4003,
      WORKERS: 4,
      DEBUG: true,
      STORE: 'sqlite',
      CORS_ORIGINS: ['https://a.test', 'https://b.test'],
      JWT_SIGNING_SECRET: 'x'.repeat(40),
      SESSION_PEPPER: 'p'.repeat(20),
    });
    const port: number = config.PORT;
    const store: 'sqlite' | 'cosmos' = config.STORE;
    expect([port, store]).toEqual([4003, 'sqlite']);
  });

  it('ignores variables the schema does not declare', () => {
    expect(loadEnv(z.object({ A: z.string() }), { A: 'a', OTHER: 'x' })).toEqual({ A: 'a' });
  });

  it('treats empty and blank values as unset', () => {
    const config = loadEnv(schema, { ...valid, PORT: '', PUBLIC_URL: '  ' });
    expect(config.PORT).toBe(4003);
    expect(config.PUBLIC_URL).toBeUndefined();
  });

  it('reports every invalid or missing variable at once, one line each, with descriptions', () => {
    const error = configErrorOf(() =>
      loadEnv(schema, { PORT: 'abc', DEBUG: 'maybe', STORE: 'postgres', PUBLIC_URL: 'not a url' }),
    );
    expect(error.message).toBe(
      [
        'Invalid configuration: 7 problems',
        '  - PORT: expected an integer 0–65535, got "abc"  (HTTP port)',
        '  - WORKERS: required but not set  (Worker count)',
        '  - DEBUG: expected a boolean (true/false, 1/0, yes/no, on/off), got "maybe"',
        '  - STORE: expected one of: sqlite, cosmos, got "postgres"  (Storage adapter)',
        '  - PUBLIC_URL: expected an absolute URL (http:, https:), got "not a url"  (Public base URL)',
        '  - JWT_SIGNING_SECRET: required but not set  (Signs access tokens)',
        '  - SESSION_PEPPER: required but not set',
      ].join('\n'),
    );
    expect(error.issues.map((issue) => issue.variable)).toEqual([
      'PORT',
      'WORKERS',
      'DEBUG',
      'STORE',
      'PUBLIC_URL',
      'JWT_SIGNING_SECRET',
      'SESSION_PEPPER',
    ]);
    expect(error.issues[0]).toEqual({
      variable: 'PORT',
      message: 'expected an integer 0–65535, got "abc"',
      description: 'HTTP port',
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('config_invalid');
  });

  it('says "1 problem" for a single issue', () => {
    const error = configErrorOf(() => loadEnv(schema, { ...valid, WORKERS: '0' }));
    expect(error.message).toBe(
      'Invalid configuration: 1 problem\n  - WORKERS: expected an integer 1–64, got "0"  (Worker count)',
    );
  });

  it('never echoes the value of a secret, whether marked or named like one', () => {
    const marked = 'short-marked-secret';
    const pepper = 'tiny-pepper';
    const named = z.object({ SMTP_PASSWORD: z.string().min(50), API_TOKEN: z.string().min(50) });
    const first = configErrorOf(() =>
      loadEnv(schema, { ...valid, JWT_SIGNING_SECRET: marked, SESSION_PEPPER: pepper }),
    );
    const second = configErrorOf(() =>
      loadEnv(named, { SMTP_PASSWORD: 'hunter2-smtp', API_TOKEN: 'tok-123' }),
    );
    for (const [error, values] of [
      [first, [marked, pepper]],
      [second, ['hunter2-smtp', 'tok-123']],
    ] as const) {
      for (const value of values) {
        expect(error.message).not.toContain(value);
        expect(JSON.stringify(error.issues)).not.toContain(value);
      }
    }
    expect(first.issues.map((issue) => issue.variable)).toEqual(['JWT_SIGNING_SECRET', 'SESSION_PEPPER']);
    expect(first.message).toContain('JWT_SIGNING_SECRET: Too small');
  });

  it('masks credentials inside URL values and shortens long values', () => {
    const withUrl = z.object({ DATABASE_URL: envUrl({ protocols: ['postgres'] }), NAME: z.string().max(3) });
    const error = configErrorOf(() =>
      loadEnv(withUrl, { DATABASE_URL: 'mysql://admin:s3cr3t@db:3306/app', NAME: 'n'.repeat(100) }),
    );
    expect(error.message).not.toContain('s3cr3t');
    expect(error.message).toContain('got "mysql://admin:***@db:3306/app"');
    expect(error.message).toContain(`got "${'n'.repeat(60)}…"`);
  });

  it('reports object-level refinements', () => {
    const refined = z
      .object({ MIN: envInt(), MAX: envInt() })
      .refine((value) => value.MIN <= value.MAX, { message: 'MIN must not exceed MAX', path: ['MIN'] });
    const error = configErrorOf(() => loadEnv(refined, { MIN: '5', MAX: '1' }));
    expect(error.issues).toEqual([{ variable: 'MIN', message: 'MIN must not exceed MAX, got "5"' }]);
  });

  it('reads process.env by default', () => {
    process.env.GROUNDWORK_TEST_LOAD_ENV = 'from-process';
    try {
      expect(loadEnv(z.object({ GROUNDWORK_TEST_LOAD_ENV: z.string() }))).toEqual({
        GROUNDWORK_TEST_LOAD_ENV: 'from-process',
      });
    } finally {
      delete process.env.GROUNDWORK_TEST_LOAD_ENV;
    }
  });
});
