import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatEnvValue, inspectEnvField, looksSensitive, secret } from './env-field.js';
import { envInt } from './env-helpers.js';

describe('inspectEnvField', () => {
  it('finds metadata set before and after .default()', () => {
    const inner = inspectEnvField('A', secret(z.string()).describe('inner').default('x'));
    expect(inner).toMatchObject({ secret: true, description: 'inner', required: false, defaultValue: 'x' });
    const outer = inspectEnvField('B', z.string().default('y').describe('outer').meta({ secret: true }));
    expect(outer).toMatchObject({ secret: true, description: 'outer', required: false, defaultValue: 'y' });
  });

  it('lets outer metadata override inner metadata', () => {
    expect(inspectEnvField('A', z.string().describe('inner').optional().describe('outer')).description).toBe(
      'outer',
    );
  });

  it('describes plain zod types', () => {
    expect(inspectEnvField('A', z.string()).type).toBe('string');
    expect(inspectEnvField('A', z.url()).type).toBe('string (url)');
    expect(inspectEnvField('A', z.coerce.number().int().min(1).max(9)).type).toBe('integer 1–9');
    expect(inspectEnvField('A', z.literal(['a', 'b'])).type).toBe('one of: a, b');
    expect(
      inspectEnvField(
        'A',
        z.string().transform((value) => value.length),
      ).type,
    ).toBe('string');
    expect(inspectEnvField('A', envInt({ min: 2 })).type).toBe('integer ≥ 2');
    expect(inspectEnvField('A', z.number()).type).toBe('number');
    expect(inspectEnvField('A', z.number().min(5)).type).toBe('number ≥ 5');
  });

  it('tells required from optional', () => {
    expect(inspectEnvField('A', z.string()).required).toBe(true);
    expect(inspectEnvField('A', z.string().optional()).required).toBe(false);
  });

  it('hides values of marked and sensitive-looking variables', () => {
    expect(inspectEnvField('SMTP_PASSWORD', z.string())).toMatchObject({ secret: false, hideValue: true });
    expect(inspectEnvField('PORT', secret(z.string()))).toMatchObject({ secret: true, hideValue: true });
    expect(inspectEnvField('PORT', z.string())).toMatchObject({ secret: false, hideValue: false });
  });
});

describe('looksSensitive', () => {
  it('flags secret-like names only', () => {
    for (const name of [
      'JWT_SECRET',
      'SMTP_PASSWORD',
      'SENDGRID_API_KEY',
      'GITHUB_TOKEN',
      'COSMOS_CONNECTION_STRING',
    ]) {
      expect(looksSensitive(name)).toBe(true);
    }
    for (const name of ['PORT', 'PUBLIC_URL', 'ALLOW_PRIVATE_TARGETS', 'PARTITION_KEY_PATH']) {
      expect(looksSensitive(name)).toBe(false);
    }
  });
});

describe('formatEnvValue', () => {
  it('writes values the way an env file would', () => {
    expect(formatEnvValue(['a', 'b'])).toBe('a,b');
    expect(formatEnvValue(false)).toBe('false');
    expect(formatEnvValue(3)).toBe('3');
    expect(formatEnvValue('x')).toBe('x');
  });
});
