/**
 * Quiet hours in the user's time zone: `start`–`end` local (`22:00`–`07:00` wraps midnight).
 * A non-critical send due inside them is held until they end (it is queued with a later run
 * time, not dropped). The local time comes from `Intl`, so any IANA zone and DST work.
 */
import type { QuietHours } from './containers.js';

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isQuietHoursTime(value: string): boolean {
  return HH_MM.test(value);
}

function minutesOf(value: string): number {
  const match = HH_MM.exec(value);
  if (!match) throw new RangeError(`Not a HH:MM time: "${value}".`);
  return Number(match[1]) * 60 + Number(match[2]);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes since local midnight (and seconds) at `atMs` in `timezone`. */
export function localTime(atMs: number, timezone: string): { minutes: number; seconds: number } {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone: timezone,
      hourCycle: 'h23',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timezone, formatter);
  }
  const parts = formatter.formatToParts(new Date(atMs));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { minutes: part('hour') * 60 + part('minute'), seconds: part('second') };
}

export function isTimeZone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}

/** When the quiet hours around `atMs` end (ms since epoch), or `undefined` when `atMs` is outside them. */
export function quietHoursEnd(atMs: number, timezone: string, quiet: QuietHours): number | undefined {
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return undefined;
  const { minutes, seconds } = localTime(atMs, timezone);
  const inside = start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
  if (!inside) return undefined;
  const untilEnd = (end - minutes + 24 * 60) % (24 * 60);
  const candidate = atMs + untilEnd * 60_000 - seconds * 1000 - (atMs % 1000);
  // Across a DST change the local clock may not read `end` exactly then: good enough (±1 h at worst).
  return candidate;
}
