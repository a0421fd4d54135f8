/**
 * The sessions platform module: composition only. It declares the `sessions` container, mounts
 * the sessions API, adds `session.new_device` to the event catalog (emitted on the given bus),
 * and declares the `sessions.stale-cleanup` job with its handler for the jobs module. Other
 * modules (auth) use the `sessions` handle, bound to the service's store and clock once the
 * module is mounted.
 */
import type { EventBus } from '@groundwork/events';
import { defineModule, type ModuleContext, type PlatformModule } from '@groundwork/http';
import type { JobDefinitionInput } from '@groundwork/jobs';
import {
  NEW_DEVICE_EVENT_TYPE,
  newDeviceContext,
  newDeviceEvent,
  newDevicePayload,
} from './new-device-event.js';
import { type AuthorizeSessionAdmin, sessionsRoutes } from './routes.js';
import { DEFAULT_SESSION_TTL_DAYS, sessionDevicesContainer, sessionsContainer } from './session.js';
import { createSessionService, type OnNewDevice, type SessionService } from './session-service.js';

export const STALE_CLEANUP_JOB = 'sessions.stale-cleanup';
export const STALE_CLEANUP_EVERY_MS = 6 * 3_600_000;

export interface SessionsModuleOptions {
  /** The product the cleanup job's tasks are recorded under (the service's own product). */
  productId: string;
  /** `SESSION_TTL_DAYS`: days a session lasts without activity (default 90). */
  ttlDays?: number;
  /** `SESSION_CACHE_TTL_MS`: the bound on revocation latency across instances (default 30 s). */
  cacheTtlMs?: number;
  /** How often activity is recorded per session at most, in ms (default 5 min). */
  touchIntervalMs?: number;
  /** Decides whether an admin may see or end a given user's sessions (see `AuthorizeSessionAdmin`). */
  authorizeAdmin?: AuthorizeSessionAdmin;
  /** Where `session.new_device` is emitted (the service's bus, mounted with `createEventsModule`). */
  bus?: Pick<EventBus, 'emit'>;
}

export interface SessionsModule {
  /** Pass to `createServiceApp({ modules })`, once per service. */
  module: PlatformModule;
  /** The service's sessions; every call throws until the module is mounted. */
  sessions: SessionService;
}

/** The cleanup job: every 6 hours, deletes sessions revoked or expired more than 7 days ago. */
export function staleCleanupJob(productId: string): JobDefinitionInput {
  return {
    name: STALE_CLEANUP_JOB,
    type: STALE_CLEANUP_JOB,
    productId,
    schedule: { everyMs: STALE_CLEANUP_EVERY_MS },
    overlap: 'skip',
    catchUp: { policy: 'latest' },
    taskOptions: { maxAttempts: 3, timeoutMs: 10 * 60_000 },
  };
}

export function createSessionsModule(options: SessionsModuleOptions): SessionsModule {
  const ttlDays = options.ttlDays ?? DEFAULT_SESSION_TTL_DAYS;
  const { bus } = options;
  const onNewDevice: OnNewDevice | undefined = bus
    ? async (session, info) => {
        await bus.emit(NEW_DEVICE_EVENT_TYPE, newDevicePayload(session, info), newDeviceContext(session));
      }
    : undefined;
  let bound: SessionService | undefined;

  function bind(ctx: ModuleContext): SessionService {
    bound = createSessionService({
      store: ctx.store,
      clock: ctx.clock,
      logger: ctx.logger,
      ttlDays,
      ...(options.cacheTtlMs === undefined ? {} : { cacheTtlMs: options.cacheTtlMs }),
      ...(options.touchIntervalMs === undefined ? {} : { touchIntervalMs: options.touchIntervalMs }),
      ...(onNewDevice ? { onNewDevice } : {}),
    });
    return bound;
  }

  function service(): SessionService {
    if (!bound) {
      throw new Error(
        'The sessions module is not mounted yet: pass `module` to createServiceApp before using sessions.',
      );
    }
    return bound;
  }

  const module = defineModule({
    name: 'sessions',
    containers: [sessionsContainer(ttlDays), sessionDevicesContainer(ttlDays)],
    events: { definitions: [newDeviceEvent] },
    jobs: {
      definitions: [staleCleanupJob(options.productId)],
      handlers: {
        [STALE_CLEANUP_JOB]: async () => ({ deleted: await service().cleanupStale() }),
      },
    },
    routes: async (app, { ctx }) => {
      await app.register(sessionsRoutes(bind(ctx), options.authorizeAdmin), { ctx });
    },
    start(ctx) {
      if (!bound) bind(ctx);
    },
  });

  const sessions: SessionService = {
    create: async (input) => service().create(input),
    get: async (userId, id) => service().get(userId, id),
    isActive: async (userId, id) => service().isActive(userId, id),
    touch: async (userId, id, touchOptions) => service().touch(userId, id, touchOptions),
    list: async (userId, productId) => service().list(userId, productId),
    revoke: async (userId, id, reason, revokeOptions) => service().revoke(userId, id, reason, revokeOptions),
    revokeAll: async (userId, revokeOptions) => service().revokeAll(userId, revokeOptions),
    cleanupStale: async (olderThanMs) => service().cleanupStale(olderThanMs),
  };
  return { module, sessions };
}
