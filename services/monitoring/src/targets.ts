import { z } from 'zod';

/** A service the monitor polls: its name and base URL (`/health` and `/ready` are appended). */
export interface MonitorTarget {
  name: string;
  baseUrl: string;
}

const targetName = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,62}$/, 'names are lowercase letters, digits and dashes');

/**
 * Parses `MONITOR_TARGETS`: a comma-separated list of `name=url` pairs, for example
 * `platform=http://127.0.0.1:4003,status=http://127.0.0.1:4005`.
 */
export function parseTargets(value: string): MonitorTarget[] {
  const entries = value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const targets = entries.map((entry) => {
    const eq = entry.indexOf('=');
    if (eq <= 0) throw new Error(`"${entry}" is not name=url`);
    const name = targetName.parse(entry.slice(0, eq).trim());
    const url = new URL(entry.slice(eq + 1).trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new Error(`"${entry}" must use http or https`);
    return { name, baseUrl: url.toString().replace(/\/$/, '') };
  });
  const names = new Set<string>();
  for (const t of targets) {
    if (names.has(t.name)) throw new Error(`target "${t.name}" is listed twice`);
    names.add(t.name);
  }
  return targets;
}

/** A zod schema for the env var, so bad values are reported with every other config problem. */
export const targetsSchema = z.string().transform((value, ctx) => {
  try {
    return parseTargets(value);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
    return z.NEVER;
  }
});
