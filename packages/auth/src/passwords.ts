/**
 * Password hashing (ARCHITECTURE §7): argon2id with the OWASP parameters, stored as a PHC string;
 * verification that says when a stored hash uses older parameters; a dummy verification so that
 * an unknown user costs as much time as a known one; and the password policy (NIST SP 800-63B:
 * length only, no composition rules). Plaintext passwords are never logged, stored or returned.
 */
import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';

/** OWASP Password Storage Cheat Sheet, argon2id: m=19456 KiB (19 MiB), t=2, p=1. */
export const ARGON2_MEMORY_COST_KIB = 19_456;
export const ARGON2_TIME_COST = 2;
export const ARGON2_PARALLELISM = 1;
/** Argon2 version 0x13 (19), the current one. */
export const ARGON2_VERSION = 19;

// `Algorithm.Argon2id` is an ambient const enum (unusable with isolatedModules); 2 is its value.
const ARGON2ID = 2;
const HASH_OPTIONS = {
  algorithm: ARGON2ID,
  memoryCost: ARGON2_MEMORY_COST_KIB,
  timeCost: ARGON2_TIME_COST,
  parallelism: ARGON2_PARALLELISM,
};

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * A new password: 8 to 128 characters (Unicode code points, so an emoji counts once), not only
 * whitespace. Messages are shown to users; they never repeat the password.
 */
export const passwordSchema = z.string({ error: 'Enter a password.' }).superRefine((value, ctx) => {
  const length = [...value].length;
  if (length < PASSWORD_MIN_LENGTH)
    ctx.addIssue({ code: 'custom', message: `Use at least ${PASSWORD_MIN_LENGTH} characters.` });
  else if (length > PASSWORD_MAX_LENGTH)
    ctx.addIssue({ code: 'custom', message: `Use at most ${PASSWORD_MAX_LENGTH} characters.` });
  else if (value.trim() === '')
    ctx.addIssue({ code: 'custom', message: 'The password cannot be only spaces.' });
});

/** The parameters a PHC string records. */
export interface PasswordHashParameters {
  algorithm: string;
  version: number;
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

export interface PasswordCheck {
  ok: boolean;
  /** True when the password matched but the hash uses other parameters: store `hashPassword(plain)`. */
  needsRehash: boolean;
}

// `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`; hashes from before version 19 have no `v=`.
const PHC_PATTERN =
  /^\$(argon2id|argon2i|argon2d)\$(?:v=(\d{1,3})\$)?m=(\d{1,10}),t=(\d{1,10}),p=(\d{1,3})\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/;

/** The parameters of an argon2 PHC string, or `undefined` when it is not one. */
export function readPasswordHashParameters(phc: string): PasswordHashParameters | undefined {
  const match = PHC_PATTERN.exec(phc);
  if (!match) return undefined;
  const [, algorithm = '', version, memoryCost = '', timeCost = '', parallelism = ''] = match;
  return {
    algorithm,
    version: version === undefined ? 16 : Number(version),
    memoryCost: Number(memoryCost),
    timeCost: Number(timeCost),
    parallelism: Number(parallelism),
  };
}

function isCurrent(parameters: PasswordHashParameters): boolean {
  return (
    parameters.algorithm === 'argon2id' &&
    parameters.version === ARGON2_VERSION &&
    parameters.memoryCost === ARGON2_MEMORY_COST_KIB &&
    parameters.timeCost === ARGON2_TIME_COST &&
    parameters.parallelism === ARGON2_PARALLELISM
  );
}

/** NIST SP 800-63B: normalise so the same password typed on different systems matches. */
function normalise(plain: string): string {
  return plain.normalize('NFKC');
}

/** The argon2id PHC string of `plain` (random 16-byte salt, current parameters). */
export async function hashPassword(plain: string): Promise<string> {
  return hash(normalise(plain), HASH_OPTIONS);
}

/**
 * Checks `plain` against a stored PHC string. A string that is not an argon2 hash never matches
 * (it does not throw). `needsRehash` is only ever true together with `ok`.
 */
export async function verifyPassword(phc: string, plain: string): Promise<PasswordCheck> {
  const parameters = readPasswordHashParameters(phc);
  if (!parameters) return { ok: false, needsRehash: false };
  let ok: boolean;
  try {
    ok = await verify(phc, normalise(plain));
  } catch {
    return { ok: false, needsRehash: false };
  }
  return { ok, needsRehash: ok && !isCurrent(parameters) };
}

// Computed once, on first use, with the current parameters: verifying against it costs what a
// real verification costs.
let dummyHash: Promise<string> | undefined;

/**
 * Spends the time of one real verification and returns false: call it when the user does not
 * exist, so response times do not reveal which accounts exist.
 */
export async function verifyAgainstDummy(plain: string): Promise<false> {
  dummyHash ??= hash(randomBytes(32), HASH_OPTIONS).catch((error: unknown) => {
    dummyHash = undefined;
    throw error;
  });
  await verify(await dummyHash, normalise(plain));
  return false;
}
