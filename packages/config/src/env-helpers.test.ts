import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { envBoolean, envEnum, envInt, envList, envPort, envUrl } from './env-helpers.js';

describe('envBoolean', () => {
  it.each([
    ['true', true],
    ['TRUE', true],
    [' yes ', true],
    ['1', true],
    ['on', true],
    ['false', false],
    ['False', false],
    ['no', false],
    ['0', false],
    ['off', false],
  ])('parses %j as %s', (raw, expected) => {
    expect(envBoolean().parse(raw)).toBe(expected);
  });

  it.each(['maybe', 'treu', '2', 'enabled'])('rejects %j instead of treating it as false', (raw) => {
    const result = envBoolean().safeParse(raw);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('expected a boolean (true/false, 1/0, yes/no, on/off)');
  });

  it('works with default, keeping the default typed as boolean', () => {
    const schema = z.object({ FLAG: envBoolean().default(false).describe('A flag') });
    const parsed: { FLAG: boolean } = schema.parse({});
    expect(parsed.FLAG).toBe(false);
    expect(schema.parse({ FLAG: 'yes' }).FLAG).toBe(true);
  });
});

describe('envInt and envPort', () => {
  it('parses whole numbers and enforces bounds', () => {
    const schema = envInt({ min: 1, max: 10 });
    expect(schema.parse(' 7 ')).toBe(7);
    expect(schema.safeParse('0').error?.issues[0]?.message).toBe('expected an integer 1–10');
    expect(schema.safeParse('11').success).toBe(false);
    expect(schema.safeParse('1.5').success).toBe(false);
    expect(schema.safeParse('abc').success).toBe(false);
    expect(schema.safeParse('').success).toBe(false);
    expect(envInt().parse('-42')).toBe(-42);
    expect(envInt().safeParse('99999999999999999999').success).toBe(false);
  });

  it('accepts ports 0–65535 only', () => {
    expect(envPort().parse('4003')).toBe(4003);
    expect(envPort().parse('0')).toBe(0);
    expect(envPort().safeParse('65536').success).toBe(false);
    expect(envPort().default(4003).parse(undefined)).toBe(4003);
  });
});

describe('envList', () => {
  it('splits on commas, trims and drops empty items', () => {
    expect(envList().parse('a, b,,c ,')).toEqual(['a', 'b', 'c']);
    expect(envList().parse('   ')).toEqual([]);
  });

  it('supports another separator and defaults', () => {
    expect(envList({ separator: ';' }).parse('x;y, z')).toEqual(['x', 'y, z']);
    expect(envList().default(['*']).parse(undefined)).toEqual(['*']);
  });
});

describe('envUrl', () => {
  it('accepts absolute http(s) URLs and rejects others', () => {
    expect(envUrl().parse(' https://example.com/x ')).toBe('https://example.com/x');
    expect(envUrl().safeParse('example.com').error?.issues[0]?.message).toBe(
      'expected an absolute URL (http:, https:)',
    );
    expect(envUrl().safeParse('ftp://example.com').success).toBe(false);
    expect(envUrl({ protocols: ['redis', 'rediss'] }).parse('rediss://cache:6380')).toBe(
      'rediss://cache:6380',
    );
  });
});

describe('envEnum', () => {
  it('accepts only the listed values', () => {
    const schema = envEnum(['sqlite', 'cosmos', 'memory']);
    const value: 'sqlite' | 'cosmos' | 'memory' = schema.parse(' cosmos ');
    expect(value).toBe('cosmos');
    expect(schema.safeParse('postgres').error?.issues[0]?.message).toBe(
      'expected one of: sqlite, cosmos, memory',
    );
    expect(schema.default('sqlite').parse(undefined)).toBe('sqlite');
  });
});
