/**
 * The format of API tokens, made for secret scanners (like GitHub's): `gw_<env>_<random><checksum>`,
 * e.g. `gw_live_` + 43 random base62 characters (256 bits, ARCHITECTURE §7) + 6 base62 characters
 * of CRC32 over everything before them. The prefix names the issuer and environment; the checksum
 * lets a scanner or the server reject a mistyped or made-up token without a store lookup. Only the
 * SHA-256 hash of a token is stored; its first 12 characters are safe to show.
 */
import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { hashToken } from './secret-tokens.js';

export const API_TOKEN_ENVIRONMENTS = ['live', 'test'] as const;
export type ApiTokenEnvironment = (typeof API_TOKEN_ENVIRONMENTS)[number];

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** 43 base62 characters carry 256.03 bits. */
export const API_TOKEN_RANDOM_LENGTH = 43;
/** 62^6 > 2^32: six base62 characters hold any CRC32. */
const CHECKSUM_LENGTH = 6;
/** How many leading characters may be shown (`gw_live_` plus 4 random characters). */
export const API_TOKEN_PREFIX_LENGTH = 12;

/** A whole token, anchored: `gw_live_…` or `gw_test_…` with 49 base62 characters. */
export const API_TOKEN_PATTERN = new RegExp(
  `^gw_(live|test)_[0-9A-Za-z]{${API_TOKEN_RANDOM_LENGTH + CHECKSUM_LENGTH}}$`,
);
/** For secret scanners (a regex source, to search text for tokens: add the flags you need). */
export const API_TOKEN_SCAN_PATTERN = `\\bgw_(?:live|test)_[0-9A-Za-z]{${API_TOKEN_RANDOM_LENGTH + CHECKSUM_LENGTH}}\\b`;

export interface NewApiToken {
  /** Shown to the user once, never stored. */
  token: string;
  /** The first 12 characters, safe to show and store (to tell tokens apart). */
  prefix: string;
  /** Hex SHA-256 of the token: what is stored and looked up. */
  hash: string;
}

export interface ParsedApiToken {
  env: ApiTokenEnvironment;
  /** False for a token that looks right but whose checksum does not match (a typo, or made up). */
  validChecksum: boolean;
}

/** Uniform random base62 characters (rejection sampling: no modulo bias). */
function randomBase62(length: number): string {
  let out = '';
  // 248 = 4 * 62: bytes at or above it are dropped so each character is equally likely.
  for (let round = 0; round < 100 && out.length < length; round += 1) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248) out += BASE62[byte % 62];
      if (out.length === length) break;
    }
  }
  if (out.length !== length) throw new Error('Could not draw random characters.');
  return out;
}

function checksumOf(body: string): string {
  let value = crc32(body);
  let out = '';
  for (let i = 0; i < CHECKSUM_LENGTH; i += 1) {
    out = BASE62[value % 62] + out;
    value = Math.floor(value / 62);
  }
  return out;
}

export function newApiToken(env: ApiTokenEnvironment): NewApiToken {
  if (!API_TOKEN_ENVIRONMENTS.includes(env)) throw new TypeError(`Unknown API token environment "${env}".`);
  const body = `gw_${env}_${randomBase62(API_TOKEN_RANDOM_LENGTH)}`;
  const token = `${body}${checksumOf(body)}`;
  return { token, prefix: token.slice(0, API_TOKEN_PREFIX_LENGTH), hash: hashToken(token) };
}

/** The environment and checksum validity of a token, or `undefined` when it is not one at all. */
export function parseApiToken(token: string): ParsedApiToken | undefined {
  const match = API_TOKEN_PATTERN.exec(token);
  if (!match) return undefined;
  const env = match[1] as ApiTokenEnvironment;
  const split = token.length - CHECKSUM_LENGTH;
  return { env, validChecksum: checksumOf(token.slice(0, split)) === token.slice(split) };
}
