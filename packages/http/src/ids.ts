import { randomFillSync } from 'node:crypto';

/** Crockford base32 (no i, l, o, u), lowercase. */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const MAX_TIMESTAMP = 2 ** 48 - 1;
const PREFIX_PATTERN = /^[a-z][a-z0-9]*$/;

// Random bytes come from the CSPRNG 4 KiB at a time (one call per ~400 ids), not one call per id.
const pool = Buffer.alloc(4096);
let poolOffset = pool.length;

function takeRandom(bytes: number): number {
  if (poolOffset + bytes > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  poolOffset += bytes;
  return poolOffset - bytes;
}

function encodeBase32(value: number, length: number): string {
  let out = '';
  let rest = value;
  for (let i = 0; i < length; i += 1) {
    out = ALPHABET[rest % 32] + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

// Every 10-bit value as its two base32 characters: 40 random bits encode with 4 lookups.
const PAIRS = Array.from({ length: 1024 }, (_, i) => `${ALPHABET[i >> 5]}${ALPHABET[i & 31]}`);
const TWO_POW_20 = 2 ** 20;

/** A 40-bit value as 8 base32 characters (what `encodeBase32(value, 8)` gives, faster). */
function encode40(value: number): string {
  const high = Math.floor(value / TWO_POW_20);
  const low = value - high * TWO_POW_20;
  return `${PAIRS[high >> 10]}${PAIRS[high & 1023]}${PAIRS[low >> 10]}${PAIRS[low & 1023]}`;
}

// Ids made in one millisecond share the encoded time.
let lastTimeMs = -1;
let lastTime = '';

/**
 * A prefixed, time-sortable id like `note_01jd3v7c0k8x4m2q9t5w6y7z8a` (Stripe-style prefix, ULID-style
 * body): 48-bit millisecond timestamp (10 chars) then 80 random bits (16 chars), Crockford base32,
 * lowercase. Ids created in later milliseconds sort after earlier ones.
 */
export function newId(prefix: string, nowMs: number = Date.now()): string {
  if (!PREFIX_PATTERN.test(prefix))
    throw new TypeError(`Invalid id prefix "${prefix}": use lowercase letters and digits.`);
  if (!Number.isInteger(nowMs) || nowMs < 0 || nowMs > MAX_TIMESTAMP)
    throw new RangeError('Timestamp out of range.');
  if (nowMs !== lastTimeMs) {
    lastTime = encodeBase32(nowMs, 10);
    lastTimeMs = nowMs;
  }
  const at = takeRandom(10);
  // Two 40-bit halves: each fits exactly in a double and encodes to 8 characters.
  const high = pool.readUIntBE(at, 5);
  const low = pool.readUIntBE(at + 5, 5);
  return `${prefix}_${lastTime}${encode40(high)}${encode40(low)}`;
}

/** Matches ids made by `newId(prefix)`; use it in zod params schemas (`z.string().regex(idPattern('note'))`). */
export function idPattern(prefix: string): RegExp {
  if (!PREFIX_PATTERN.test(prefix)) throw new TypeError(`Invalid id prefix "${prefix}".`);
  return new RegExp(`^${prefix}_[0-9a-hjkmnp-tv-z]{26}$`);
}

/** The creation time (ms since epoch) encoded in an id from `newId`. */
export function idTimestamp(id: string): number {
  const separator = id.lastIndexOf('_');
  const body = id.slice(separator + 1, separator + 11);
  if (separator < 1 || body.length !== 10) throw new TypeError('Not an id made by newId.');
  let value = 0;
  for (const char of body) {
    const digit = ALPHABET.indexOf(char);
    if (digit < 0) throw new TypeError('Not an id made by newId.');
    value = value * 32 + digit;
  }
  return value;
}
