/**
 * The RSS 2.0 and Atom 1.0 feeds of a product's status: one entry per incident (its status in the
 * title, its whole public timeline as the content, dated by its last update so readers show it
 * again when it changes) and one per maintenance window. Built with `feed`.
 */
import { Feed } from 'feed';
import type { PublicIncident, PublicMaintenance } from './schemas.js';

export const FEED_ITEM_LIMIT = 50;

export interface StatusFeedInput {
  productId: string;
  /** The feed's title, e.g. "Acme status". */
  title: string;
  /** The public status page (entry links point at it). */
  pageUrl: string;
  /** This feed's own URLs. */
  rssUrl: string;
  atomUrl: string;
  incidents: readonly PublicIncident[];
  maintenance: readonly PublicMaintenance[];
  generatedAt: Date;
}

const STATUS_LABEL: Record<PublicIncident['status'], string> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
};

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/**
 * `feed` wraps text in CDATA and its XML writer escapes only the first `]]>`: a second one would
 * end the section and let an admin-written title inject markup into every reader. Break them all.
 */
function cdataSafe(text: string): string {
  return text.replaceAll(']]>', ']] >');
}

function anchor(pageUrl: string, id: string): string {
  const url = new URL(pageUrl);
  url.hash = id;
  return url.toString();
}

export function buildStatusFeed(input: StatusFeedInput): Feed {
  const feed = new Feed({
    id: input.pageUrl,
    title: input.title,
    description: `Incidents and maintenance for ${input.productId}.`,
    link: input.pageUrl,
    language: 'en',
    updated: input.generatedAt,
    generator: 'Groundwork status',
    feedLinks: { rss: input.rssUrl, atom: input.atomUrl },
    copyright: '',
  });
  type Entry = { at: number; add: () => void };
  const entries: Entry[] = [];
  for (const incident of input.incidents) {
    const updated = Date.parse(incident.updates[0]?.at ?? incident.updatedAt);
    entries.push({
      at: updated,
      add: () =>
        feed.addItem({
          id: anchor(input.pageUrl, incident.id),
          guid: anchor(input.pageUrl, incident.id),
          link: anchor(input.pageUrl, incident.id),
          title: cdataSafe(`[${STATUS_LABEL[incident.status]}] ${incident.title}`),
          date: new Date(updated),
          published: new Date(incident.startedAt),
          description: cdataSafe(incident.updates[0]?.message ?? incident.title),
          content: cdataSafe(
            incident.updates
              .map(
                (u) =>
                  `<p><strong>${STATUS_LABEL[u.status]}</strong> (${escapeHtml(u.at)}): ${escapeHtml(u.message)}</p>`,
              )
              .join(''),
          ),
          category: [{ name: `impact:${incident.impact}` }],
        }),
    });
  }
  for (const window of input.maintenance) {
    const updated = Date.parse(window.updatedAt);
    entries.push({
      at: updated,
      add: () =>
        feed.addItem({
          id: anchor(input.pageUrl, window.id),
          guid: anchor(input.pageUrl, window.id),
          link: anchor(input.pageUrl, window.id),
          title: cdataSafe(
            `[Maintenance${window.phase === 'scheduled' ? '' : `, ${window.phase.replace('_', ' ')}`}] ${window.title}`,
          ),
          date: new Date(updated),
          published: new Date(window.startsAt),
          description: cdataSafe(
            `From ${window.startsAt} to ${window.endsAt}.${window.description ? ` ${window.description}` : ''}`,
          ),
          category: [{ name: 'maintenance' }],
        }),
    });
  }
  entries
    .sort((a, b) => b.at - a.at)
    .slice(0, FEED_ITEM_LIMIT)
    .forEach((entry) => {
      entry.add();
    });
  return feed;
}
