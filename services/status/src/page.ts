/**
 * The status page's HTTP surface, registered at the root (not under `/v1`) by an extension: `/`
 * (the page), `/status.css`, `/feed.rss`, `/feed.atom` and `/status.json` (the last known
 * documents). Every route serves the last known state: a request never waits on the platform
 * unless nothing is known yet, and then at most the fetch timeout.
 */
import type { ExtensionContext, ModuleExtension } from '@groundwork/http';
import { publicRoute } from '@groundwork/http';
import { publicHistorySchema, publicStatusSchema } from '@groundwork/status';
import { z } from 'zod';
import { renderStatusPage, renderUnavailablePage } from './render.js';
import type { StatusSource } from './source.js';
import { STATUS_CSS } from './styles.js';

export interface PageRoutesOptions {
  source: StatusSource;
  title: string;
  /** Refresh in the background when the known state is older than this (ms). */
  refreshMs: number;
}

/** No script, no frames, no inline styles, no form posts: the page needs only its stylesheet. */
export const PAGE_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const htmlResponse = (description: string) => ({
  description,
  content: { 'text/html': { schema: z.string().describe('HTML.') } },
});

export function pageRoutes(options: PageRoutesOptions): ModuleExtension {
  const { source } = options;
  const maxAge = Math.max(5, Math.floor(options.refreshMs / 2_000));
  const cacheControl = `public, max-age=${maxAge}, stale-while-revalidate=${maxAge * 4}, stale-if-error=86400`;

  return async (_modules, ctx: ExtensionContext) => {
    const { app, clock } = ctx;

    /** The known state; fetched first when there is none, refreshed in the background when old. */
    async function current() {
      let snapshot = source.snapshot();
      if (!snapshot.known) snapshot = await source.refresh();
      else if (clock.now() - snapshot.known.fetchedAtMs >= options.refreshMs)
        source.refresh().catch(() => undefined);
      return snapshot;
    }

    app.get(
      '/',
      {
        ...publicRoute,
        schema: {
          summary: 'The public status page',
          description: 'Server-rendered HTML; the last known state when the platform is unreachable.',
          tags: ['status-page'],
          response: {
            200: htmlResponse('The page.'),
            503: htmlResponse('Nothing is known yet and the platform cannot be reached.'),
          },
        },
      },
      async (_request, reply) => {
        const snapshot = await current();
        reply.header('content-security-policy', PAGE_CSP).header('content-type', 'text/html; charset=utf-8');
        if (!snapshot.known) {
          return reply
            .status(503)
            .header('cache-control', 'no-store')
            .header('retry-after', '30')
            .send(renderUnavailablePage(options.title));
        }
        return reply.header('cache-control', cacheControl).send(
          renderStatusPage({
            title: options.title,
            known: snapshot.known,
            unreachable: snapshot.unreachable,
          }),
        );
      },
    );

    app.get(
      '/status.css',
      {
        ...publicRoute,
        schema: {
          summary: 'The page’s stylesheet',
          tags: ['status-page'],
          response: { 200: { description: 'CSS.', content: { 'text/css': { schema: z.string() } } } },
        },
      },
      async (_request, reply) =>
        reply
          .header('content-type', 'text/css; charset=utf-8')
          .header('cache-control', 'public, max-age=3600')
          .send(STATUS_CSS),
    );

    for (const format of ['rss', 'atom'] as const) {
      const type = format === 'rss' ? 'application/rss+xml' : 'application/atom+xml';
      app.get(
        `/feed.${format}`,
        {
          ...publicRoute,
          schema: {
            summary: `${format === 'rss' ? 'RSS' : 'Atom'} feed of incidents and maintenance (the platform’s, last known)`,
            tags: ['status-page'],
            response: {
              200: { description: 'The feed.', content: { [type]: { schema: z.string() } } },
              503: {
                description: 'No feed is known yet.',
                content: { 'text/plain': { schema: z.string() } },
              },
            },
          },
        },
        async (_request, reply) => {
          const feed = (await current()).known?.feeds[format];
          if (!feed)
            return reply
              .status(503)
              .header('content-type', 'text/plain; charset=utf-8')
              .header('retry-after', '30')
              .header('cache-control', 'no-store')
              .send('The feed is not available yet.');
          return reply
            .header('content-type', `${type}; charset=utf-8`)
            .header('cache-control', cacheControl)
            .send(feed);
        },
      );
    }

    app.get(
      '/status.json',
      {
        ...publicRoute,
        schema: {
          summary: 'The last known status and history documents',
          description: '`stale` is true when the last refresh failed.',
          tags: ['status-page'],
          response: {
            200: z.object({
              fetchedAt: z.iso.datetime(),
              stale: z.boolean(),
              status: publicStatusSchema,
              history: publicHistorySchema,
            }),
            503: z.object({ error: z.literal('unavailable') }),
          },
        },
      },
      async (_request, reply) => {
        const snapshot = await current();
        if (!snapshot.known)
          return reply
            .status(503)
            .header('retry-after', '30')
            .send({ error: 'unavailable' as const });
        reply.header('cache-control', cacheControl);
        return {
          fetchedAt: new Date(snapshot.known.fetchedAtMs).toISOString(),
          stale: snapshot.unreachable,
          status: snapshot.known.status,
          history: snapshot.known.history,
        };
      },
    );
  };
}
