/**
 * The page's copy of the platform's status. It fetches `/v1/public/status` and
 * `/v1/public/status/history` (and the feeds) with a timeout, validates them against the status
 * package's schemas, and keeps the last good copy: when the platform is unreachable, slow or
 * answers nonsense, the page goes on serving what it last knew and says when that was. With a
 * cache file, the last known state also survives a restart of the page.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  type PublicHistory,
  type PublicStatus,
  publicHistorySchema,
  publicStatusSchema,
} from '@groundwork/status';
import type { Clock } from '@groundwork/store';
import { z } from 'zod';

export interface Feeds {
  rss?: string;
  atom?: string;
}

export interface KnownState {
  status: PublicStatus;
  history: PublicHistory;
  feeds: Feeds;
  /** When this copy was fetched (ms, page clock). */
  fetchedAtMs: number;
}

export interface SourceSnapshot {
  /** The last good copy, if any was ever fetched. */
  known?: KnownState;
  /** The last attempt failed: `known` is stale. */
  unreachable: boolean;
  lastAttemptAtMs?: number;
  /** Why the last attempt failed (for logs and `/ready`; never shown verbatim on the page). */
  lastError?: string;
}

export interface StatusSourceOptions {
  platformUrl: string;
  productId?: string;
  timeoutMs: number;
  clock: Clock;
  /** Persist the last known state here (JSON), and start from it. */
  cacheFile?: string;
  fetch?: typeof fetch;
}

export interface StatusSource {
  snapshot(): SourceSnapshot;
  /** Fetches once; concurrent calls share the attempt. Never throws. */
  refresh(): Promise<SourceSnapshot>;
  /** Loads the cache file, if configured and readable. */
  load(): Promise<void>;
}

const cachedSchema = z.object({
  status: publicStatusSchema,
  history: publicHistorySchema,
  feeds: z.object({ rss: z.string().optional(), atom: z.string().optional() }),
  fetchedAtMs: z.number().int(),
});

const FEED_LIMIT_BYTES = 2 * 1024 * 1024;

export function createStatusSource(options: StatusSourceOptions): StatusSource {
  const doFetch = options.fetch ?? fetch;
  const base = options.platformUrl.replace(/\/+$/, '');
  const query = options.productId ? `?product=${encodeURIComponent(options.productId)}` : '';
  const state: SourceSnapshot = { unreachable: false };
  let inFlight: Promise<SourceSnapshot> | undefined;

  async function get(pathname: string, accept: string): Promise<Response> {
    const response = await doFetch(`${base}${pathname}${query}`, {
      headers: { accept },
      redirect: 'error',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    if (!response.ok) {
      await response.body?.cancel();
      throw new Error(`${pathname} answered ${response.status}`);
    }
    return response;
  }

  async function getJson<T>(pathname: string, schema: z.ZodType<T>): Promise<T> {
    const response = await get(pathname, 'application/json');
    const parsed = schema.safeParse(await response.json());
    if (!parsed.success) throw new Error(`${pathname} answered an unexpected document`);
    return parsed.data;
  }

  async function getFeed(pathname: string): Promise<string | undefined> {
    try {
      const text = await (await get(pathname, 'application/xml')).text();
      return text.length <= FEED_LIMIT_BYTES ? text : undefined;
    } catch {
      // A feed that fails does not make the status stale; the previous feed is kept.
      return undefined;
    }
  }

  async function persist(known: KnownState): Promise<void> {
    if (!options.cacheFile) return;
    const file = path.resolve(options.cacheFile);
    await mkdir(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify(known));
    await rename(temp, file);
  }

  async function attempt(): Promise<SourceSnapshot> {
    state.lastAttemptAtMs = options.clock.now();
    try {
      const [status, history, rss, atom] = await Promise.all([
        getJson('/v1/public/status', publicStatusSchema),
        getJson('/v1/public/status/history', publicHistorySchema),
        getFeed('/v1/public/status/feed.rss'),
        getFeed('/v1/public/status/feed.atom'),
      ]);
      const feeds: Feeds = {
        ...((rss ?? state.known?.feeds.rss) ? { rss: rss ?? state.known?.feeds.rss } : {}),
        ...((atom ?? state.known?.feeds.atom) ? { atom: atom ?? state.known?.feeds.atom } : {}),
      };
      state.known = { status, history, feeds, fetchedAtMs: options.clock.now() };
      state.unreachable = false;
      delete state.lastError;
      await persist(state.known).catch(() => undefined);
    } catch (error) {
      state.unreachable = true;
      state.lastError =
        error instanceof Error && error.name === 'TimeoutError'
          ? 'timeout'
          : error instanceof Error
            ? error.message
            : 'failed';
    }
    return { ...state };
  }

  return {
    snapshot: () => ({ ...state }),
    refresh() {
      inFlight ??= attempt().finally(() => {
        inFlight = undefined;
      });
      return inFlight;
    },
    async load() {
      if (!options.cacheFile || state.known) return;
      try {
        const parsed = cachedSchema.safeParse(JSON.parse(await readFile(options.cacheFile, 'utf8')));
        if (parsed.success) state.known = parsed.data as KnownState;
      } catch {
        // No cache yet, or unreadable: start empty.
      }
    },
  };
}
