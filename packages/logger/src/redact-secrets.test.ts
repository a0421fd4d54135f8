import { describe, expect, it } from 'vitest';
import { REDACT_DEPTH, redactSecrets, secretKeyMatcher } from './redact-secrets.js';
import { SENSITIVE_KEYS } from './sensitive-keys.js';

const isSecret = secretKeyMatcher(SENSITIVE_KEYS);

describe('redactSecrets', () => {
  it('returns the same object when nothing is sensitive', () => {
    const object = { reqId: 'req_1', res: { statusCode: 200 }, tags: ['a', { b: 1 }] };
    expect(redactSecrets(object, isSecret, 'X')).toBe(object);
  });

  it('censors sensitive keys case-insensitively without touching the input', () => {
    const object = { user: { id: 'u1', Password: 'pw' }, headers: { Authorization: 'Bearer t' } };
    expect(redactSecrets(object, isSecret, 'X')).toEqual({
      user: { id: 'u1', Password: 'X' },
      headers: { Authorization: 'X' },
    });
    expect(object.user.Password).toBe('pw');
  });

  it('walks arrays and stops below REDACT_DEPTH', () => {
    let deep: Record<string, unknown> = { password: 'too-deep' };
    for (let i = 0; i <= REDACT_DEPTH; i++) deep = { next: deep };
    const result = redactSecrets({ list: [{ token: 't' }], deep }, isSecret, 'X');
    expect(result.list).toEqual([{ token: 'X' }]);
    expect(JSON.stringify(result.deep)).toContain('too-deep');
  });

  it('leaves class instances (errors, dates, buffers) alone', () => {
    const error = Object.assign(new Error('boom'), { token: 'kept-for-serializer' });
    const object = { err: error, at: new Date(0) };
    expect(redactSecrets(object, isSecret, 'X')).toBe(object);
  });

  it('gives the same answer for a spelling seen before (memoized) and for other spellings', () => {
    const matcher = secretKeyMatcher(['apiKey']);
    expect([matcher('title'), matcher('title')]).toEqual([false, false]);
    expect([matcher('APIKEY'), matcher('apikey'), matcher('APIKEY')]).toEqual([true, true, true]);
  });
});
