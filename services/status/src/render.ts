/**
 * The status page, rendered on the server as one HTML document: no script, one stylesheet, inline
 * SVG charts. Landmarks (header, main, footer), one `h1`, a heading per section, status in words
 * (never colour alone), text alternatives for every chart, and times as `<time>` in UTC.
 * Order: overall status, current incidents, maintenance in progress, components with their 90-day
 * bars, upcoming maintenance, incident history, past maintenance.
 */
import type { PublicIncident, PublicMaintenance } from '@groundwork/status';
import { latencyChart, uptimeBars } from './charts.js';
import { html, type SafeHtml, time } from './html.js';
import { COMPONENT_TEXT, IMPACT_TEXT, INCIDENT_STATUS_TEXT, OVERALL_TEXT } from './labels.js';
import type { KnownState } from './source.js';

export interface PageInput {
  title: string;
  known: KnownState;
  /** The last refresh failed: say the page shows the last known state. */
  unreachable: boolean;
}

function layout(title: string, body: SafeHtml): SafeHtml {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="stylesheet" href="/status.css">
<link rel="alternate" type="application/rss+xml" title="${title} (RSS)" href="/feed.rss">
<link rel="alternate" type="application/atom+xml" title="${title} (Atom)" href="/feed.atom">
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
${body}
</body>
</html>
`;
}

function componentNames(known: KnownState): Map<string, string> {
  return new Map(known.status.components.map((c) => [c.id, c.name]));
}

function affects(ids: readonly string[], names: Map<string, string>): SafeHtml | undefined {
  if (ids.length === 0) return undefined;
  return html` · Affects ${ids.map((id) => names.get(id) ?? id).join(', ')}`;
}

function incidentArticle(incident: PublicIncident, names: Map<string, string>): SafeHtml {
  const heading = html`<h3 id="${incident.id}-title">${incident.title}</h3>`;
  return html`<article class="incident impact-${incident.impact} incident-${incident.status}" id="${incident.id}" aria-labelledby="${incident.id}-title">
${heading}
<p class="meta"><span class="badge badge-${incident.status}">${INCIDENT_STATUS_TEXT[incident.status]}</span> · ${IMPACT_TEXT[incident.impact]}${affects(incident.components, names)} · Started ${time(incident.startedAt)}${incident.resolvedAt ? html` · Resolved ${time(incident.resolvedAt)}` : ''}</p>
<ol class="timeline" aria-label="Updates on ${incident.title}, newest first">
${incident.updates.map(
  (update) =>
    html`<li class="update update-${update.status}"><p class="update-head"><strong>${INCIDENT_STATUS_TEXT[update.status]}</strong> · ${time(update.at)}</p><p class="update-body">${update.message}</p></li>
`,
)}</ol>
</article>
`;
}

function maintenanceArticle(window: PublicMaintenance, names: Map<string, string>): SafeHtml {
  const phase =
    window.phase === 'in_progress'
      ? 'In progress'
      : window.phase === 'completed'
        ? 'Completed'
        : window.phase === 'canceled'
          ? 'Canceled'
          : 'Scheduled';
  return html`<article class="maintenance maintenance-${window.phase}" id="${window.id}" aria-labelledby="${window.id}-title">
<h3 id="${window.id}-title">${window.title}</h3>
<p class="meta"><span class="badge badge-maintenance">${phase}</span> · ${time(window.startsAt)} to ${time(window.endsAt)}${affects(window.components, names)}</p>
${window.description ? html`<p>${window.description}</p>` : ''}
</article>
`;
}

export function renderStatusPage(input: PageInput): string {
  const { known, title } = input;
  const { status, history } = known;
  const names = componentNames(known);
  const historyOf = new Map(history.components.map((c) => [c.id, c]));
  const activeIds = new Set(status.activeIncidents.map((i) => i.id));
  const pastIncidents = history.incidents.filter((i) => !activeIds.has(i.id));

  const body = html`<header class="site">
<h1>${title} status</h1>
</header>
<main id="main">
<section class="overall overall-${status.status}" aria-labelledby="overall-heading">
<h2 id="overall-heading">${OVERALL_TEXT[status.status]}</h2>
<p class="updated">Last updated at ${time(known.fetchedAtMs)}${status.lastCheckedAt ? html` · Components last checked at ${time(status.lastCheckedAt)}` : ''}</p>
${
  input.unreachable
    ? html`<p class="stale" role="note"><strong>The status service cannot be reached right now.</strong> This page shows the last known state, last updated at ${time(known.fetchedAtMs)}.</p>`
    : ''
}
</section>
${
  status.activeIncidents.length > 0
    ? html`<section class="incidents current" aria-labelledby="current-incidents-heading">
<h2 id="current-incidents-heading">Current incidents</h2>
${status.activeIncidents.map((incident) => incidentArticle(incident, names))}
</section>`
    : ''
}
${
  status.maintenance.inProgress.length > 0
    ? html`<section class="maintenance-list" aria-labelledby="maintenance-now-heading">
<h2 id="maintenance-now-heading">Maintenance in progress</h2>
${status.maintenance.inProgress.map((window) => maintenanceArticle(window, names))}
</section>`
    : ''
}
<section class="components" aria-labelledby="components-heading">
<h2 id="components-heading">Components</h2>
${
  status.components.length === 0
    ? html`<p>No components are monitored yet.</p>`
    : html`<ul class="component-list">
${status.components.map((component) => {
  const past = historyOf.get(component.id);
  return html`<li class="component" id="component-${component.id}">
<div class="component-head"><h3>${component.name}</h3><p class="component-status status-${component.status}">${COMPONENT_TEXT[component.status]}</p></div>
${component.description ? html`<p class="description">${component.description}</p>` : ''}
${past ? uptimeBars(component.id, component.name, past.days, past.uptimePercent) : ''}
${past ? latencyChart(component.name, past.days) : ''}
</li>
`;
})}</ul>`
}
</section>
${
  status.maintenance.upcoming.length > 0
    ? html`<section class="maintenance-list" aria-labelledby="maintenance-upcoming-heading">
<h2 id="maintenance-upcoming-heading">Upcoming maintenance</h2>
${status.maintenance.upcoming.map((window) => maintenanceArticle(window, names))}
</section>`
    : ''
}
<section class="incidents history" aria-labelledby="history-heading">
<h2 id="history-heading">Incident history</h2>
${
  pastIncidents.length === 0
    ? html`<p>No incidents in the last ${history.days} days.</p>`
    : pastIncidents.map((incident) => incidentArticle(incident, names))
}
</section>
${
  history.maintenance.length > 0
    ? html`<section class="maintenance-list" aria-labelledby="maintenance-past-heading">
<h2 id="maintenance-past-heading">Past maintenance</h2>
${history.maintenance.map((window) => maintenanceArticle(window, names))}
</section>`
    : ''
}
</main>
<footer class="site">
<p>Subscribe to updates: <a href="/feed.rss">RSS</a> · <a href="/feed.atom">Atom</a>. Times are UTC.</p>
</footer>`;
  return layout(`${title} status`, body).value;
}

/** When nothing was ever fetched and the platform cannot be reached. */
export function renderUnavailablePage(title: string): string {
  return layout(
    `${title} status`,
    html`<header class="site"><h1>${title} status</h1></header>
<main id="main">
<section class="overall overall-unknown" aria-labelledby="overall-heading">
<h2 id="overall-heading">Status temporarily unavailable</h2>
<p class="stale" role="note">The status service cannot be reached right now and no earlier state is known. Please try again in a minute.</p>
</section>
</main>`,
  ).value;
}
