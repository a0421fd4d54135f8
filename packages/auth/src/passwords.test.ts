import { hash } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import {
  ARGON2_MEMORY_COST_KIB,
  ARGON2_PARALLELISM,
  ARGON2_TIME_COST,
  hashPassword,
  passwordSchema,
  readPasswordHashParameters,
  verifyAgainstDummy,
  verifyPassword,
} from './passwords.js';

describe('hashPassword / verifyPassword', () => {
  it('hashes with argon2id and the OWASP parameters, and verifies', async () => {
    const phc = await hashPassword('correct horse battery staple');
    expect(phc).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(phc).not.toContain('correct horse');
    expect(readPasswordHashParameters(phc)).toEqual({
      algorithm: 'argon2id',
      version: 19,
      memoryCost: ARGON2_MEMORY_COST_KIB,
      timeCost: ARGON2_TIME_COST,
      parallelism: ARGON2_PARALLELISM,
    });
    expect(await verifyPassword(phc, 'correct horse battery staple')).toEqual({
      ok: true,
      needsRehash: false,
    });
  });

  it('salts: the same password hashes differently each time', async () => {
    expect(await hashPassword('same password')).not.toBe(await hashPassword('same password'));
  });

  it('rejects a wrong password', async () => {
    const phc = await hashPassword('correct horse battery staple');
    expect(await verifyPassword(phc, 'correct horse battery stapler')).toEqual({
      ok: false,
      needsRehash: false,
    });
  });

  it('matches the same password typed in another Unicode normal form', async () => {
    const phc = await hashPassword('caf\u00e9 au lait');
    expect((await verifyPassword(phc, 'cafe\u0301 au lait')).ok).toBe(true);
  });

  it('asks for a rehash when the stored hash uses other parameters', async () => {
    const older = await hash('correct horse battery staple', {
      algorithm: 2,
      memoryCost: ARGON2_MEMORY_COST_KIB,
      timeCost: 1,
      parallelism: 1,
    });
    expect(readPasswordHashParameters(older)?.timeCost).toBe(1);
    expect(await verifyPassword(older, 'correct horse battery staple')).toEqual({
      ok: true,
      needsRehash: true,
    });
    // A wrong password is never a reason to rehash.
    expect(await verifyPassword(older, 'wrong password')).toEqual({ ok: false, needsRehash: false });
  });

  it('asks for a rehash of an argon2i hash', async () => {
    const argon2i = await hash('correct horse battery staple', { algorithm: 1 });
    expect(await verifyPassword(argon2i, 'correct horse battery staple')).toEqual({
      ok: true,
      needsRehash: true,
    });
  });

  it('never matches a string that is not an argon2 hash', async () => {
    for (const stored of ['', 'plaintext', '$2b$10$abcdefghijklmnopqrstuv', '$argon2id$v=19$m=1$x$y']) {
      expect(await verifyPassword(stored, 'plaintext')).toEqual({ ok: false, needsRehash: false });
    }
  });
});

describe('verifyAgainstDummy', () => {
  it('always returns false', async () => {
    expect(await verifyAgainstDummy('anything at all')).toBe(false);
    expect(await verifyAgainstDummy('')).toBe(false);
  });
});

describe('passwordSchema', () => {
  const messages = (value: unknown) => {
    const result = passwordSchema.safeParse(value);
    return result.success ? [] : result.error.issues.map((issue) => issue.message);
  };

  it('accepts 8 to 128 characters of anything, with no composition rules', () => {
    expect(messages('abcdefgh')).toEqual([]);
    expect(messages('a'.repeat(128))).toEqual([]);
    expect(messages('    correct horse    ')).toEqual([]);
  });

  it('explains what is wrong, without repeating the password', () => {
    expect(messages('short')).toEqual(['Use at least 8 characters.']);
    expect(messages('x'.repeat(129))).toEqual(['Use at most 128 characters.']);
    expect(messages(' '.repeat(10))).toEqual(['The password cannot be only spaces.']);
    expect(messages('\t\n \u00a0\t\n \u00a0')).toEqual(['The password cannot be only spaces.']);
    expect(messages(undefined)).toEqual(['Enter a password.']);
    expect(messages(12345678)).toEqual(['Enter a password.']);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(messages('🔑'.repeat(8))).toEqual([]);
    expect(messages('🔑'.repeat(7))).toEqual(['Use at least 8 characters.']);
    expect(messages('🔑'.repeat(128))).toEqual([]);
  });
});
