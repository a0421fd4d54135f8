import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashToken, newSecretToken, tokensEqual } from './secret-tokens.js';

describe('secret tokens', () => {
  it('carry at least 256 random bits, base64url', () => {
    const token = newSecretToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(newSecretToken(48)).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(new Set(Array.from({ length: 100 }, () => newSecretToken())).size).toBe(100);
  });

  it('refuse fewer than 32 bytes', () => {
    expect(() => newSecretToken(16)).toThrow(RangeError);
    expect(() => newSecretToken(31.5)).toThrow(RangeError);
  });

  it('hash to hex SHA-256, stably', () => {
    const token = newSecretToken();
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).toBe(hashToken(token));
    expect(hashToken('abc')).toBe(createHash('sha256').update('abc').digest('hex'));
    expect(hashToken(token)).not.toBe(hashToken(newSecretToken()));
  });

  it('compare equal only when identical, whatever the lengths', () => {
    const token = newSecretToken();
    expect(tokensEqual(token, `${token}`)).toBe(true);
    expect(tokensEqual(token, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBe(false);
    expect(tokensEqual(token, token.slice(0, -1))).toBe(false);
    expect(tokensEqual(token, `${token}x`)).toBe(false);
    expect(tokensEqual('', '')).toBe(true);
    expect(tokensEqual('', token)).toBe(false);
  });
});
