import { describe, expect, it } from 'vitest';
import { formatPrettyLine } from './pretty-stream.js';

describe('formatPrettyLine', () => {
  it('renders time, level, name, message and remaining fields', () => {
    const line = JSON.stringify({
      level: 50,
      time: Date.UTC(2026, 0, 2, 3, 4, 5, 6),
      pid: 1,
      hostname: 'h',
      name: 'api',
      msg: 'failed',
      code: 'x',
    });
    expect(formatPrettyLine(line)).toBe('03:04:05.006 ERROR api: failed {"code":"x"}');
  });

  it('passes through lines that are not JSON objects', () => {
    expect(formatPrettyLine('not json')).toBe('not json');
    expect(formatPrettyLine('[1,2]')).toBe('[1,2]');
  });
});
