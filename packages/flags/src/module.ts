/**
 * The flags platform module: composition only. It declares the `feature_flags` container and the
 * module's events (`flag.created`, `flag.updated`, `flag.deleted`; `flag.toggled` is built in),
 * mounts the admin and evaluation routes, and hands other modules the service (for in-process
 * evaluation and the OpenFeature provider) once it is mounted.
 */

import type { EventBus } from '@groundwork/events';
import { defineModule, type ModuleContext, type PlatformModule } from '@groundwork/http';
import type { FlagEvaluator } from './evaluator.js';
import { flagEventDefinitions } from './flag-events.js';
import { FEATURE_FLAGS_CONTAINER } from './repository.js';
import { flagsRoutes } from './routes.js';
import { createFlagsService, type FlagAuditSink, type FlagsService } from './service.js';

export interface FlagsModuleOptions {
  /** Emits `flag.created`, `flag.updated`, `flag.toggled` and `flag.deleted` (the shared bus). */
  events?: Pick<EventBus, 'emit'>;
  /** Records every change: `(record) => audit.audit.record(record)`. */
  audit?: FlagAuditSink;
  /** See `FLAGS_CACHE_TTL_MS` (default 5000). */
  cacheTtlMs?: number;
}

export interface FlagsModule {
  /** Pass to `createServiceApp({ modules })`. */
  module: PlatformModule;
  /** The flags service of the mounted module (throws before the service is built). */
  service(): FlagsService;
  /** The compiled flags of a product, for in-process evaluation or `GroundworkFlagsProvider`. */
  evaluator(productId: string): Promise<FlagEvaluator>;
}

export function createFlagsModule(options: FlagsModuleOptions = {}): FlagsModule {
  let bound: FlagsService | undefined;

  function bind(ctx: ModuleContext): FlagsService {
    bound ??= createFlagsService({
      store: ctx.store,
      clock: ctx.clock,
      events: options.events,
      audit: options.audit,
      cacheTtlMs: options.cacheTtlMs,
    });
    return bound;
  }

  function service(): FlagsService {
    if (!bound)
      throw new Error('The flags module is not mounted yet: pass `module` to createServiceApp first.');
    return bound;
  }

  const module = defineModule({
    name: 'flags',
    containers: [FEATURE_FLAGS_CONTAINER],
    events: { definitions: [...flagEventDefinitions] },
    routes: async (app, { ctx }) => {
      await app.register(flagsRoutes(bind(ctx)), { ctx });
    },
    start(ctx) {
      bind(ctx);
    },
  });

  return { module, service, evaluator: (productId) => service().evaluator(productId) };
}
