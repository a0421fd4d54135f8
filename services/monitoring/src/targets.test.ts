import { describe, expect, it } from 'vitest';
import { parseTargets, targetsSchema } from './targets.js';

describe('parseTargets', () => {
  it('parses name=url pairs and trims trailing slashes', () => {
    expect(parseTargets('platform=http://127.0.0.1:4003/, status = https://status.example.com')).toEqual([
      { name: 'platform', baseUrl: 'http://127.0.0.1:4003' },
      { name: 'status', baseUrl: 'https://status.example.com' },
    ]);
  });

  it.each([
    ['platform', 'is not name=url'],
    ['Platform=http://x', 'lowercase'],
    ['a=ftp://x', 'http or https'],
    ['a=http://x,a=http://y', 'listed twice'],
    ['a=not a url', 'Invalid URL'],
  ])('rejects %s', (value, message) => {
    expect(() => parseTargets(value)).toThrow(message);
  });

  it('reports a bad value as a schema issue, not a crash', () => {
    const result = targetsSchema.safeParse('nonsense');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('name=url');
  });
});
