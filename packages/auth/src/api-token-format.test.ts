import { describe, expect, it } from 'vitest';
import { API_TOKEN_PATTERN, API_TOKEN_SCAN_PATTERN, newApiToken, parseApiToken } from './api-token-format.js';
import { hashToken } from './secret-tokens.js';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** The token with the character at `index` replaced by another base62 character. */
function withTypo(token: string, index: number): string {
  const current = token[index] ?? '0';
  const replacement = BASE62[(BASE62.indexOf(current) + 1) % BASE62.length];
  return `${token.slice(0, index)}${replacement}${token.slice(index + 1)}`;
}

describe('API token format', () => {
  it('is gw_<env>_ then 43 random and 6 checksum base62 characters', () => {
    const { token } = newApiToken('live');
    expect(token).toMatch(/^gw_live_[0-9A-Za-z]{49}$/);
    expect(token).toMatch(API_TOKEN_PATTERN);
    expect(newApiToken('test').token).toMatch(/^gw_test_[0-9A-Za-z]{49}$/);
    expect(newApiToken('live').token).not.toBe(token);
    expect(() => newApiToken('prod' as never)).toThrow(TypeError);
  });

  it('parses the environment and checks the checksum', () => {
    const live = newApiToken('live').token;
    expect(parseApiToken(live)).toEqual({ env: 'live', validChecksum: true });
    expect(parseApiToken(newApiToken('test').token)).toEqual({ env: 'test', validChecksum: true });
  });

  it('catches any single changed character', () => {
    const { token } = newApiToken('live');
    for (let index = 8; index < token.length; index += 1) {
      expect(parseApiToken(withTypo(token, index))?.validChecksum).toBe(false);
    }
    // The environment is covered by the checksum too.
    expect(parseApiToken(token.replace('gw_live_', 'gw_test_'))).toEqual({
      env: 'test',
      validChecksum: false,
    });
  });

  it('is not a token when the shape is wrong', () => {
    const { token } = newApiToken('live');
    for (const text of [
      '',
      'gw_live_',
      token.slice(0, -1),
      `${token}0`,
      token.replace('gw_', 'gh_'),
      `${token.slice(0, -1)}-`,
    ]) {
      expect(parseApiToken(text)).toBeUndefined();
    }
  });

  it('offers a prefix that is safe to show and a stable hash', () => {
    const created = newApiToken('live');
    expect(created.prefix).toBe(created.token.slice(0, 12));
    expect(created.prefix).toMatch(/^gw_live_[0-9A-Za-z]{4}$/);
    expect(created.hash).toBe(hashToken(created.token));
    expect(created.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('can be found in text by secret scanners', () => {
    const a = newApiToken('live').token;
    const b = newApiToken('test').token;
    const text = `export GW_TOKEN=${a}\nconfig: { "token": "${b}" }\nnot_${a}x`;
    expect(text.match(new RegExp(API_TOKEN_SCAN_PATTERN, 'g'))).toEqual([a, b]);
  });
});
