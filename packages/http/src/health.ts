import type { DocumentStore } from '@groundwork/store';
import { z } from 'zod';
import { publicRoute } from './auth.js';
import type { ServiceFastifyInstance } from './fastify-types.js';
import type { HealthCheck, ModuleContext, PlatformModule } from './module.js';

/** System routes polled by load balancers and scrapers (public, not access-logged, answered during drain). */
export const PROBE_PATHS: ReadonlySet<string> = new Set(['/health', '/ready', '/metrics']);

/** Longest a single readiness check may take before it counts as `down`. */
export const READY_CHECK_TIMEOUT_MS = 5_000;

/** Mutable state behind `/health` and `/ready`. */
export interface ReadinessState {
  /** Set when shutdown begins: `/health` and `/ready` answer 503 so load balancers drain. */
  shuttingDown: boolean;
  /** Outcome of the startup migrations. */
  migrations: HealthCheck;
  /**
   * Set when startup gave up waiting for another instance's migrations lock: `/ready` reads the
   * migration records again until that instance has applied them all (it never runs them).
   */
  recheckMigrations?: () => Promise<HealthCheck>;
}

export const healthCheckSchema = z.object({
  status: z.enum(['ok', 'degraded', 'down']),
  detail: z.string().optional(),
  data: z.record(z.string(), z.unknown()).optional(),
});

export const livenessSchema = z.object({
  status: z.enum(['ok', 'shutting_down']),
  service: z.string(),
  version: z.string(),
  uptimeSeconds: z.number(),
});

export const readinessSchema = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z
    .record(z.string(), healthCheckSchema)
    .describe('`store`, `migrations`, `shutdown` and one entry per module with a health check.'),
});

export interface HealthRoutesOptions {
  service: string;
  version: string;
  store: DocumentStore;
  readiness: ReadinessState;
  modules: readonly { module: PlatformModule; ctx: ModuleContext }[];
  startedAt: number;
  now: () => number;
}

/** Resolves `check()` or reports `down` when it throws or exceeds the timeout. */
async function runCheck(
  check: () => Promise<HealthCheck>,
  onError: (error: unknown) => void,
): Promise<HealthCheck> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<HealthCheck>((resolve) => {
    timer = setTimeout(() => resolve({ status: 'down', detail: 'Check timed out.' }), READY_CHECK_TIMEOUT_MS);
    timer.unref();
  });
  try {
    return await Promise.race([check(), timeout]);
  } catch (error) {
    onError(error);
    return { status: 'down', detail: 'Check failed.' };
  } finally {
    clearTimeout(timer);
  }
}

/** `/health` (liveness) and `/ready` (readiness), public and outside `/v1`. */
export function registerHealthRoutes(app: ServiceFastifyInstance, options: HealthRoutesOptions): void {
  app.get(
    '/health',
    {
      ...publicRoute,
      schema: {
        tags: ['system'],
        summary: 'Liveness',
        description: 'Answers 200 while the process is alive, 503 once shutdown has begun.',
        response: { 200: livenessSchema, 503: livenessSchema },
      },
    },
    async (_request, reply) => {
      const body = {
        status: options.readiness.shuttingDown ? ('shutting_down' as const) : ('ok' as const),
        service: options.service,
        version: options.version,
        uptimeSeconds: Math.floor((options.now() - options.startedAt) / 1000),
      };
      return reply.status(options.readiness.shuttingDown ? 503 : 200).send(body);
    },
  );

  app.get(
    '/ready',
    {
      ...publicRoute,
      schema: {
        tags: ['system'],
        summary: 'Readiness',
        description:
          'Answers 200 when the store answers, migrations succeeded and no module check is `down`; 503 otherwise. `degraded` checks still count as ready.',
        response: { 200: readinessSchema, 503: readinessSchema },
      },
    },
    async (request, reply) => {
      const logFailure = (name: string) => (error: unknown) =>
        request.log.error({ err: error, check: name }, 'readiness check failed');
      const checks: Record<string, HealthCheck> = {};
      const entries = [
        ['store', () => options.store.ping().then((): HealthCheck => ({ status: 'ok' }))] as const,
        ...options.modules
          .filter(({ module }) => module.health !== undefined)
          .map(({ module, ctx }) => [module.name, () => module.health!(ctx)] as const),
      ];
      const results = await Promise.all(entries.map(([name, check]) => runCheck(check, logFailure(name))));
      entries.forEach(([name], index) => {
        checks[name] = results[index]!;
      });
      const { readiness } = options;
      if (readiness.migrations.status === 'down' && readiness.recheckMigrations) {
        readiness.migrations = await runCheck(readiness.recheckMigrations, logFailure('migrations'));
        if (readiness.migrations.status === 'ok') readiness.recheckMigrations = undefined;
      }
      checks.migrations = readiness.migrations;
      if (options.readiness.shuttingDown)
        checks.shutdown = { status: 'down', detail: 'The service is shutting down.' };
      const ready = Object.values(checks).every((check) => check.status !== 'down');
      return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', checks });
    },
  );
}
