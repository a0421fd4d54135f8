import { describe, expect, it } from 'vitest';
import { REDACT_PATHS, redactPathsFor } from './redact-paths.js';

describe('redactPathsFor', () => {
  it('covers depth 0, 1 and 2, quoting keys that are not identifiers', () => {
    expect(redactPathsFor(['password', 'set-cookie'])).toEqual([
      'password',
      '*.password',
      '*.*.password',
      '["set-cookie"]',
      '*["set-cookie"]',
      '*.*["set-cookie"]',
    ]);
  });

  it('includes the headers and token names services log', () => {
    for (const path of [
      '*.*.authorization',
      '*.*.cookie',
      '*.*["set-cookie"]',
      '*.accessToken',
      '*.refreshToken',
      '*.apiKey',
      '*.secret',
      '*.clientSecret',
    ]) {
      expect(REDACT_PATHS).toContain(path);
    }
  });
});
