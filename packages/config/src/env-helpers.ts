import { z } from 'zod';

/**
 * Schemas for the common shapes of environment variables. Each parses the raw string, reports a
 * clear problem for a bad value (never silently falls back), and works with `.default()`,
 * `.optional()` and `.describe()`:
 *
 * ```ts
 * z.object({ PORT: envPort().default(4003).describe('HTTP port') })
 * ```
 */

const TRUE_WORDS = new Set(['true', '1', 'yes', 'on']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'off']);

/** `true`/`false`, `1`/`0`, `yes`/`no`, `on`/`off` (any case) → boolean. Anything else is an error. */
export function envBoolean() {
  return z
    .string()
    .transform((raw, ctx): boolean => {
      const word = raw.trim().toLowerCase();
      if (TRUE_WORDS.has(word)) return true;
      if (FALSE_WORDS.has(word)) return false;
      ctx.addIssue({ code: 'custom', message: 'expected a boolean (true/false, 1/0, yes/no, on/off)' });
      return z.NEVER;
    })
    .meta({ envType: 'boolean' });
}

export interface EnvIntOptions {
  min?: number;
  max?: number;
}

function rangeText(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return ` ${min}–${max}`;
  if (min !== undefined) return ` ≥ ${min}`;
  if (max !== undefined) return ` ≤ ${max}`;
  return '';
}

/** A whole number written in decimal, optionally bounded (inclusive). */
export function envInt(options: EnvIntOptions = {}) {
  const { min, max } = options;
  const expected = `expected an integer${rangeText(min, max)}`;
  return z
    .string()
    .transform((raw, ctx): number => {
      const text = raw.trim();
      const value = Number(text);
      const valid =
        /^[-+]?\d+$/.test(text) &&
        Number.isSafeInteger(value) &&
        (min === undefined || value >= min) &&
        (max === undefined || value <= max);
      if (valid) return value;
      ctx.addIssue({ code: 'custom', message: expected });
      return z.NEVER;
    })
    .meta({ envType: `integer${rangeText(min, max)}` });
}

/** A TCP port, 0–65535 (0 lets the system pick a free port). */
export function envPort() {
  return envInt({ min: 0, max: 65535 }).meta({ envType: 'port (0–65535)' });
}

export interface EnvListOptions {
  /** Default `,`. */
  separator?: string;
}

/** A separated list (default: comma), items trimmed, empty items dropped: `a, b,,c` → `['a','b','c']`. */
export function envList(options: EnvListOptions = {}) {
  const separator = options.separator ?? ',';
  return z
    .string()
    .transform((raw): string[] =>
      raw
        .split(separator)
        .map((item) => item.trim())
        .filter((item) => item !== ''),
    )
    .meta({ envType: separator === ',' ? 'comma-separated list' : `list separated by "${separator}"` });
}

export interface EnvUrlOptions {
  /** Allowed schemes without the colon. Default `['http', 'https']`. */
  protocols?: readonly string[];
}

/** An absolute URL with an allowed scheme (default http or https), returned trimmed as written. */
export function envUrl(options: EnvUrlOptions = {}) {
  const protocols = options.protocols ?? ['http', 'https'];
  const expected = `expected an absolute URL (${protocols.map((protocol) => `${protocol}:`).join(', ')})`;
  return z
    .string()
    .transform((raw, ctx): string => {
      const text = raw.trim();
      const parsed = URL.canParse(text) ? new URL(text) : undefined;
      if (parsed && protocols.includes(parsed.protocol.slice(0, -1))) return text;
      ctx.addIssue({ code: 'custom', message: expected });
      return z.NEVER;
    })
    .meta({ envType: `URL (${protocols.join(', ')})` });
}

/** One of the given values (exact match after trimming). */
export function envEnum<const T extends readonly [string, ...string[]]>(values: T) {
  const expected = `expected one of: ${values.join(', ')}`;
  return z
    .string()
    .transform((raw, ctx): T[number] => {
      const text = raw.trim();
      const match = values.find((value) => value === text);
      if (match !== undefined) return match;
      ctx.addIssue({ code: 'custom', message: expected });
      return z.NEVER;
    })
    .meta({ envType: `one of: ${values.join(', ')}` });
}
