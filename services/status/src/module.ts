/**
 * The status page's background work: load the cached state, fetch at start, then refresh on an
 * interval. Its readiness check is `degraded` (still ready) when the platform is unreachable: the
 * page keeps serving, which is its whole point.
 */
import { defineModule, type PlatformModule } from '@groundwork/http';
import type { StatusSource } from './source.js';

export function createStatusPageModule(source: StatusSource, refreshMs: number): PlatformModule {
  let timer: NodeJS.Timeout | undefined;
  return defineModule({
    name: 'status-page',
    health: async () => {
      const snapshot = source.snapshot();
      if (!snapshot.unreachable && snapshot.known) return { status: 'ok' as const };
      return {
        status: 'degraded' as const,
        detail: snapshot.known
          ? 'The platform is unreachable; serving the last known state.'
          : 'Nothing fetched from the platform yet.',
      };
    },
    async start() {
      await source.load();
      await source.refresh();
      const tick = () => {
        source.refresh().finally(() => {
          if (timer) timer = setTimeout(tick, refreshMs).unref();
        });
      };
      timer = setTimeout(tick, refreshMs).unref();
    },
    stop() {
      clearTimeout(timer);
      timer = undefined;
    },
  });
}
