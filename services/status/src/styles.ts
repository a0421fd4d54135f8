/** The page's only stylesheet (served at `/status.css`, so the CSP can forbid inline styles). */
export const STATUS_CSS = `
:root {
  color-scheme: light dark;
  --bg: #f8f9fa; --card: #ffffff; --text: #1b1f24; --muted: #495057; --line: #dee2e6;
  --ok: #237032; --warn: #b35c00; --bad: #c92a2a; --info: #1864ab; --none: #adb5bd;
  --ok-bg: #ebfbee; --warn-bg: #fff4e6; --bad-bg: #fff5f5; --info-bg: #e7f5ff;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #15171a; --card: #1f2226; --text: #f1f3f5; --muted: #c1c7cd; --line: #373a40;
    --ok: #51cf66; --warn: #ffa94d; --bad: #ff6b6b; --info: #74c0fc; --none: #5c636a;
    --ok-bg: #1f3326; --warn-bg: #3a2a17; --bad-bg: #3b1e1e; --info-bg: #182c3d;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--text);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
.skip-link { position: absolute; left: -999px; top: 0; background: var(--card); padding: .5rem 1rem; }
.skip-link:focus { left: 1rem; z-index: 1; }
a { color: var(--info); }
a:focus-visible, summary:focus-visible { outline: 3px solid var(--info); outline-offset: 2px; }
header.site, main, footer.site { max-width: 860px; margin: 0 auto; padding: 0 1rem; }
header.site h1 { font-size: 1.6rem; margin: 2rem 0 1rem; }
section { margin: 1.5rem 0; }
h2 { font-size: 1.25rem; margin: 0 0 .75rem; }
h3 { font-size: 1.05rem; margin: 0; }
.overall { border-radius: 8px; padding: 1rem 1.25rem; border: 1px solid var(--line); background: var(--card); border-left-width: 8px; }
.overall h2 { font-size: 1.4rem; margin: 0; }
.overall-operational { border-left-color: var(--ok); background: var(--ok-bg); }
.overall-degraded { border-left-color: var(--warn); background: var(--warn-bg); }
.overall-major_outage { border-left-color: var(--bad); background: var(--bad-bg); }
.overall-unknown { border-left-color: var(--none); }
.updated { color: var(--muted); margin: .25rem 0 0; font-size: .9rem; }
.stale { margin: .75rem 0 0; padding: .5rem .75rem; border-radius: 6px; background: var(--card); border: 1px solid var(--warn); }
.component-list { list-style: none; margin: 0; padding: 0; }
.component { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1.25rem; margin-bottom: .75rem; }
.component-head { display: flex; justify-content: space-between; align-items: baseline; gap: 1rem; }
.component-status { margin: 0; font-weight: 600; }
.status-operational { color: var(--ok); } .status-degraded { color: var(--warn); }
.status-major_outage { color: var(--bad); } .status-maintenance { color: var(--info); }
.description { color: var(--muted); margin: .25rem 0 0; }
svg.bars { display: block; width: 100%; height: 34px; margin-top: .75rem; }
.bar-operational { fill: var(--ok); } .bar-degraded { fill: var(--warn); }
.bar-major_outage { fill: var(--bad); } .bar-no_data { fill: var(--none); }
.bars-legend { display: flex; justify-content: space-between; color: var(--muted); font-size: .8rem; }
figure.latency { margin: .75rem 0 0; }
figure.latency svg { display: block; width: 100%; height: 60px; }
polyline.p95 { stroke: var(--warn); stroke-width: 1.5; } polyline.p50 { stroke: var(--info); stroke-width: 1.5; }
figcaption { color: var(--muted); font-size: .8rem; }
.key-p50 { color: var(--info); } .key-p95 { color: var(--warn); }
details.daily { margin-top: .5rem; font-size: .9rem; }
details.daily table { border-collapse: collapse; width: 100%; margin-top: .5rem; }
details.daily caption { text-align: left; color: var(--muted); }
details.daily th, details.daily td { text-align: left; padding: .15rem .5rem; border-bottom: 1px solid var(--line); }
.incident, .maintenance { background: var(--card); border: 1px solid var(--line); border-left-width: 6px; border-radius: 8px; padding: 1rem 1.25rem; margin-bottom: .75rem; }
.impact-none { border-left-color: var(--none); } .impact-minor { border-left-color: var(--warn); }
.impact-major, .impact-critical { border-left-color: var(--bad); }
.incident-resolved { border-left-color: var(--ok); }
.maintenance { border-left-color: var(--info); }
.meta { color: var(--muted); font-size: .9rem; margin: .25rem 0 .5rem; }
.badge { display: inline-block; font-weight: 600; color: var(--text); }
.timeline { list-style: none; margin: 0; padding: 0 0 0 1rem; border-left: 2px solid var(--line); }
.update { margin: 0 0 .75rem; }
.update-head { margin: 0; font-size: .9rem; color: var(--muted); }
.update-head strong { color: var(--text); }
.update-body { margin: .15rem 0 0; white-space: pre-line; }
footer.site { color: var(--muted); font-size: .9rem; padding-bottom: 2rem; }
@media (max-width: 520px) { .component-head { flex-direction: column; gap: 0; } }
`;
