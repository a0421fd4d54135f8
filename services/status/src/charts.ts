/**
 * The 90-day uptime bars and the response-time chart, as inline SVG (no script, no image
 * requests). Each has a text alternative: the SVG is one labelled image, and the day-by-day
 * numbers are in a table inside a closed `<details>` below it.
 */
import type { DayRollup } from '@groundwork/status';
import { dayText, html, percentText, type SafeHtml } from './html.js';
import { DAY_TEXT } from './labels.js';

const BAR_WIDTH = 6;
const BAR_GAP = 2;
const BAR_HEIGHT = 34;

function dayTitle(day: DayRollup): string {
  const uptime = day.uptimePercent === null ? 'no data' : `${percentText(day.uptimePercent)} uptime`;
  const parts = [`${dayText(day.day)}: ${DAY_TEXT[day.status]}, ${uptime}`];
  if (day.maintenance > 0) parts.push(`${day.maintenance} checks during maintenance`);
  return parts.join('; ');
}

export function uptimeBars(
  componentId: string,
  componentName: string,
  days: readonly DayRollup[],
  uptime: number | null,
): SafeHtml {
  const width = days.length * (BAR_WIDTH + BAR_GAP) - BAR_GAP;
  const label = `${componentName}: ${uptime === null ? 'no uptime data' : `${percentText(uptime)} uptime`} over the last ${days.length} days`;
  const bars = days.map(
    (day, i) =>
      html`<rect class="bar bar-${day.status}" x="${i * (BAR_WIDTH + BAR_GAP)}" y="0" width="${BAR_WIDTH}" height="${BAR_HEIGHT}" rx="1" data-day="${day.day}" data-status="${day.status}"><title>${dayTitle(day)}</title></rect>`,
  );
  return html`<svg class="bars" id="bars-${componentId}" viewBox="0 0 ${width} ${BAR_HEIGHT}" preserveAspectRatio="none" role="img" aria-label="${label}" focusable="false">${bars}</svg>
<div class="bars-legend" aria-hidden="true"><span>${days.length} days ago</span><span>${uptime === null ? '' : `${percentText(uptime)} uptime`}</span><span>Today</span></div>
<details class="daily">
<summary>Daily uptime and response times for ${componentName}</summary>
<table>
<caption>${componentName}, day by day (UTC)</caption>
<thead><tr><th scope="col">Day</th><th scope="col">Status</th><th scope="col">Uptime</th><th scope="col">Median response</th><th scope="col">95th percentile</th></tr></thead>
<tbody>${[...days]
    .reverse()
    .map(
      (day) =>
        html`<tr><th scope="row">${dayText(day.day)}</th><td>${DAY_TEXT[day.status]}</td><td>${day.uptimePercent === null ? '—' : percentText(day.uptimePercent)}</td><td>${day.latencyMs ? `${day.latencyMs.p50} ms` : '—'}</td><td>${day.latencyMs ? `${day.latencyMs.p95} ms` : '—'}</td></tr>`,
    )}</tbody>
</table>
</details>`;
}

const CHART_WIDTH = 718;
const CHART_HEIGHT = 60;

/** Daily median and 95th percentile response times; nothing when no day has samples. */
export function latencyChart(componentName: string, days: readonly DayRollup[]): SafeHtml | undefined {
  const withData = days.filter((day) => day.latencyMs !== null);
  if (withData.length === 0) return undefined;
  const max = Math.max(...withData.map((day) => day.latencyMs?.p95 ?? 0), 1);
  const step = days.length > 1 ? CHART_WIDTH / (days.length - 1) : 0;
  const line = (pick: (day: DayRollup) => number | undefined) =>
    days
      .map((day, i) => {
        const value = pick(day);
        return value === undefined
          ? undefined
          : `${(i * step).toFixed(1)},${(CHART_HEIGHT - (value / max) * (CHART_HEIGHT - 4) - 2).toFixed(1)}`;
      })
      .filter((point): point is string => point !== undefined)
      .join(' ');
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const p50 = median(withData.map((day) => day.latencyMs?.p50 ?? 0));
  const p95 = median(withData.map((day) => day.latencyMs?.p95 ?? 0));
  const label = `${componentName} response time over the last ${days.length} days: typically ${p50} ms median, ${p95} ms at the 95th percentile; slowest day ${max} ms at the 95th percentile.`;
  return html`<figure class="latency">
<svg viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}" preserveAspectRatio="none" role="img" aria-label="${label}" focusable="false">
<polyline class="p95" points="${line((day) => day.latencyMs?.p95)}" fill="none" vector-effect="non-scaling-stroke"/>
<polyline class="p50" points="${line((day) => day.latencyMs?.p50)}" fill="none" vector-effect="non-scaling-stroke"/>
</svg>
<figcaption>Response time: <span class="key key-p50">median</span> and <span class="key key-p95">95th percentile</span>, up to ${max} ms</figcaption>
</figure>`;
}
