/** Conversions between form controls and API values. */

/** Comma- or newline-separated text to a list of trimmed, non-empty entries. */
export function linesOf(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** A `datetime-local` value, read as UTC, to ISO 8601; `undefined` when empty or invalid. */
export function isoFromLocal(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(`${value}${value.length === 16 ? ':00' : ''}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** A time (ISO 8601 or ms) to a `datetime-local` value in UTC; `''` for nothing. */
export function localFromIso(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 16);
}

/** A percentage field: `undefined` when empty (everyone), else 0–100 with two decimals. */
export function percentageOf(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || value > 100) throw new Error('Rollout must be 0–100 %.');
  return Math.round(value * 100) / 100;
}
