/**
 * A tiny HTML template: every interpolated value is escaped unless it is already `SafeHtml`
 * (another template's result). Arrays are joined; `null`, `undefined` and `false` render nothing.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function render(value: unknown): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

const dateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const dateOnly = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

/** `<time>` with the ISO value and a readable UTC text, e.g. "26 Nov 2026, 06:13 UTC". */
export function time(iso: string | number): SafeHtml {
  const date = new Date(iso);
  return html`<time datetime="${date.toISOString()}">${dateTime.format(date)} UTC</time>`;
}

export function dayText(day: string): string {
  return dateOnly.format(new Date(`${day}T00:00:00Z`));
}

/** "99.95%" (two decimals at most, no trailing zeros). */
export function percentText(value: number): string {
  return `${Number(value.toFixed(2))}%`;
}
