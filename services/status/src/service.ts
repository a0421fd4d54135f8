import { createServiceApp, type ServiceApp, type ServiceAppOptions, startService } from '@groundwork/http';
import { createLogger } from '@groundwork/logger';
import { type Clock, systemClock } from '@groundwork/store';
import { createMemoryStore } from '@groundwork/store/memory';
import { loadStatusPageConfig, type StatusPageEnv } from './env.js';
import { createStatusPageModule } from './module.js';
import { pageRoutes } from './page.js';
import { createStatusSource, type StatusSource } from './source.js';
import { STATUS_PAGE_VERSION } from './version.js';

export interface CreateStatusPageOptions {
  clock?: Clock;
  /** Replaces the platform client (tests). */
  source?: StatusSource;
}

export interface StatusPageService extends ServiceApp {
  source: StatusSource;
}

function statusPageServiceOptions(
  env: StatusPageEnv,
  options: CreateStatusPageOptions,
): ServiceAppOptions & { source: StatusSource } {
  const clock = options.clock ?? systemClock;
  const source =
    options.source ??
    createStatusSource({
      platformUrl: env.STATUS_PLATFORM_URL,
      timeoutMs: env.STATUS_FETCH_TIMEOUT_MS,
      clock,
      ...(env.STATUS_PRODUCT_ID ? { productId: env.STATUS_PRODUCT_ID } : {}),
      ...(env.STATUS_CACHE_FILE ? { cacheFile: env.STATUS_CACHE_FILE } : {}),
    });
  return {
    name: 'status',
    version: STATUS_PAGE_VERSION,
    description:
      'The public status page: server-rendered HTML and feeds, served from the last known state of the platform.',
    config: env,
    // The page stores nothing: its state is the platform's, kept in memory (and the cache file).
    store: createMemoryStore({ clock }),
    modules: [createStatusPageModule(source, env.STATUS_REFRESH_MS)],
    extensions: [pageRoutes({ source, title: env.STATUS_PAGE_TITLE, refreshMs: env.STATUS_REFRESH_MS })],
    logger: createLogger({ name: 'status', level: env.LOG_LEVEL }),
    clock,
    source,
  };
}

export async function createStatusPage(
  env: StatusPageEnv,
  options: CreateStatusPageOptions = {},
): Promise<StatusPageService> {
  const { source, ...serviceOptions } = statusPageServiceOptions(env, options);
  return { ...(await createServiceApp(serviceOptions)), source };
}

export interface RunStatusPageOptions {
  env?: Record<string, string | undefined>;
  stderr?: { write(text: string): unknown };
  exit?: (code: number) => void;
}

/** Validates configuration and starts listening; on bad configuration explains and starts nothing. */
export async function runStatusPage(
  options: RunStatusPageOptions = {},
): Promise<(ServiceApp & { url: string }) | undefined> {
  let env: StatusPageEnv;
  try {
    env = loadStatusPageConfig(options.env ?? process.env);
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    (options.stderr ?? process.stderr).write(`status: refusing to start.\n${error.message}\n`);
    return undefined;
  }
  const { source: _source, ...serviceOptions } = statusPageServiceOptions(env, {});
  return startService({ ...serviceOptions, ...(options.exit ? { exit: options.exit } : {}) });
}
