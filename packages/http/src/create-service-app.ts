import cors from '@fastify/cors';
import { createLogger, type Logger } from '@groundwork/logger';
import { type Clock, type DocumentStore, type Migration, systemClock } from '@groundwork/store';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { AccessLogController } from './access-log.js';
import { type Authenticator, registerAuth } from './auth.js';
import type { ServiceFastifyInstance } from './fastify-types.js';
import { type ReadinessState, registerHealthRoutes } from './health.js';
import { createServiceMetrics, registerMetrics } from './metrics.js';
import { runStartupMigrations } from './migrations.js';
import type { ExtensionContext, ModuleContext, ModuleExtension, PlatformModule } from './module.js';
import { DOCS_PREFIX, documentModuleRoute, registerDocsRoutes, registerOpenApi } from './openapi.js';
import { registerProblemHandler, sendProblem, toAppError } from './problem-handler.js';
import { requestIdFor } from './request-id.js';
import { responseSerializerCompiler } from './response-serializer.js';
import { registerResponseHeaders } from './security-headers.js';
import type { ServiceConfig } from './service-config.js';
import { createShutdown, registerDrainGuard, type ShutdownResult, type TeardownStep } from './shutdown.js';
import { startStoreSweeper } from './store-sweeper.js';

export interface ServiceAppOptions {
  /** Service name: OpenAPI title, logger name, `/health` body. */
  name: string;
  version: string;
  /** One paragraph for the OpenAPI document. */
  description?: string;
  config: ServiceConfig;
  store: DocumentStore;
  modules: readonly PlatformModule[];
  /** Default: `createLogger({ name, level: config.LOG_LEVEL })`. */
  logger?: Logger;
  clock?: Clock;
  /** Without one, every protected route answers 401. */
  authenticator?: Authenticator;
  /** Service-level migrations, merged with the modules' ones. */
  migrations?: Migration[];
  /** Capability hooks over all modules (see `ModuleExtension`), run in order. */
  extensions?: ModuleExtension[];
}

export interface ServiceApp {
  app: ServiceFastifyInstance;
  /** Live readiness state behind `/health` and `/ready`. */
  ready: ReadinessState;
  /** Listens on `config.HOST:config.PORT`, then starts every module's background work. */
  start(): Promise<{ url: string }>;
  /** Graceful, bounded, idempotent shutdown (see `createShutdown`). */
  stop(): Promise<ShutdownResult>;
}

const RESERVED_CHECK_NAMES = new Set(['store', 'migrations', 'shutdown']);

function assertModuleNames(modules: readonly PlatformModule[]): void {
  const seen = new Set<string>();
  for (const module of modules) {
    if (seen.has(module.name)) throw new TypeError(`Two modules are named "${module.name}".`);
    if (RESERVED_CHECK_NAMES.has(module.name))
      throw new TypeError(`Module name "${module.name}" is reserved.`);
    seen.add(module.name);
  }
}

/** Fastify with the zod type provider, request ids in logs, limits from config, problem+json for framework errors. */
function createFastify(config: ServiceConfig, logger: Logger): ServiceFastifyInstance {
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    genReqId: requestIdFor,
    logController: new AccessLogController(),
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    requestTimeout: config.REQUEST_TIMEOUT_MS,
    // registerDrainGuard answers during shutdown instead, in problem+json.
    return503OnClosing: false,
    frameworkErrors: (error, request, reply) => sendProblem(request, reply, toAppError(error)),
    forceCloseConnections: 'idle',
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler);
  // The API speaks JSON: a text/plain body is 415, not a string that fails validation later.
  // A module that needs another media type (raw webhook bodies) adds its parser in its own scope.
  app.removeContentTypeParser('text/plain');
  return app;
}

/** Mounts each module's routes in its own scope under `/v1`, tagged with the module name. */
async function mountModuleRoutes(
  app: ServiceFastifyInstance,
  mounted: readonly { module: PlatformModule; ctx: ModuleContext }[],
): Promise<void> {
  await app.register(
    async (v1) => {
      for (const { module, ctx } of mounted) {
        const routes = module.routes;
        if (!routes) continue;
        await v1.register(async (scope) => {
          scope.addHook('onRoute', documentModuleRoute(module.name));
          await scope.register(routes, { ctx });
        });
      }
    },
    { prefix: '/v1' },
  );
}

/**
 * Builds a service: Fastify with the zod type provider, request ids, problem+json errors,
 * security headers, CORS, auth, metrics, health, OpenAPI, and every module's containers,
 * migrations and routes. Nothing listens until `start()`.
 *
 * Startup order: containers → migrations (a failure is reported by `/ready`, not thrown) →
 * system routes → module routes under `/v1` → extensions → docs. If a step throws, the app is
 * closed and the error rethrown; the store stays open (the caller owns it until `stop()`).
 */
export async function createServiceApp(options: ServiceAppOptions): Promise<ServiceApp> {
  const { config, store, modules } = options;
  assertModuleNames(modules);
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger({ name: options.name, level: config.LOG_LEVEL });
  const metrics = createServiceMetrics();
  const readiness: ReadinessState = { shuttingDown: false, migrations: { status: 'ok' } };
  const moduleStops: TeardownStep[] = [];
  const shutdownHooks: TeardownStep[] = [];
  const startHooks: (() => Promise<void> | void)[] = [];
  const app = createFastify(config, logger);

  const contextFor = (name: string): ModuleContext => ({
    store,
    logger: logger.child({ module: name }),
    clock,
    config,
    metrics: metrics.registry,
    onShutdown: (fn) => shutdownHooks.push({ name: `${name}.onShutdown`, run: fn }),
  });
  const mounted = modules.map((module) => {
    const { stop } = module;
    if (stop) moduleStops.push({ name: `${module.name}.stop`, run: () => stop() });
    return { module, ctx: contextFor(module.name) };
  });

  try {
    registerResponseHeaders(app);
    registerProblemHandler(app);
    // Before the drain guard and auth, so a browser on an allowed origin can read their 401/403/503.
    if (config.CORS_ORIGINS.length > 0) {
      await app.register(cors, {
        origin: config.CORS_ORIGINS.includes('*') ? '*' : config.CORS_ORIGINS,
        exposedHeaders: ['x-request-id', 'retry-after', 'etag'],
      });
    }
    registerDrainGuard(app, readiness);
    registerAuth(app, { authenticator: options.authenticator, publicPrefixes: [DOCS_PREFIX] });
    await registerOpenApi(app, {
      title: options.name,
      version: options.version,
      description: options.description,
      tags: modules.map((module) => ({ name: module.name })),
    });
    registerMetrics(app, metrics);

    await store.ensureContainers(modules.flatMap((module) => module.containers ?? []));
    const migrationsOutcome = await runStartupMigrations({
      store,
      clock,
      logger,
      migrations: [...(options.migrations ?? []), ...modules.flatMap((module) => module.migrations ?? [])],
    });
    readiness.migrations = migrationsOutcome.check;
    if (migrationsOutcome.recheck) readiness.recheckMigrations = migrationsOutcome.recheck;

    registerHealthRoutes(app, {
      service: options.name,
      version: options.version,
      store,
      readiness,
      modules: mounted,
      startedAt: clock.now(),
      now: () => clock.now(),
    });
    await mountModuleRoutes(app, mounted);

    const extensionContext: ExtensionContext = {
      ...contextFor('extensions'),
      app,
      onStart: (fn) => startHooks.push(fn),
    };
    for (const extension of options.extensions ?? []) await extension(modules, extensionContext);

    await registerDocsRoutes(app, config.SWAGGER_UI_ENABLED);
    await app.ready();
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }

  const stop = createShutdown({
    app,
    readiness,
    store,
    // Background work ends first (modules in reverse order), then onShutdown hooks (latest first).
    teardown: () => [...moduleStops].reverse().concat([...shutdownHooks].reverse()),
    timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    logger,
  });
  let started: Promise<{ url: string }> | undefined;
  const start = async (): Promise<{ url: string }> => {
    const url = await app.listen({ host: config.HOST, port: config.PORT });
    if (config.STORE_SWEEP_INTERVAL_MS > 0) {
      const sweeper = startStoreSweeper(store, config.STORE_SWEEP_INTERVAL_MS, logger);
      shutdownHooks.push({ name: 'store.sweeper', run: () => sweeper.stop() });
    }
    for (const { module, ctx } of mounted) await module.start?.(ctx);
    for (const hook of startHooks) await hook();
    return { url };
  };

  return {
    app,
    ready: readiness,
    /** Idempotent. If a module's `start` throws, the server is already listening: call `stop()`. */
    start: () => {
      started ??= start();
      return started;
    },
    stop,
  };
}
