import type { Logger } from '@groundwork/logger';
import type { Clock, ContainerSpec, DocumentStore, Migration } from '@groundwork/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Registry } from 'prom-client';
import type { ServiceFastifyInstance } from './fastify-types.js';
import type { ServiceConfig } from './service-config.js';

/** One entry of `/ready`: `degraded` still counts as ready, `down` makes the service not ready. */
export interface HealthCheck {
  status: 'ok' | 'degraded' | 'down';
  detail?: string;
  data?: Record<string, unknown>;
}

/** What a module's routes, health check and background work are given. */
export interface ModuleContext {
  store: DocumentStore;
  /** A child of the service logger with `module: <name>`. */
  logger: Logger;
  clock: Clock;
  config: ServiceConfig;
  /** The app's own Prometheus registry (not prom-client's global one): register module metrics here. */
  metrics: Registry;
  /** Registers teardown work: run on shutdown after every module's `stop()`, latest first, before the store closes. */
  onShutdown(fn: () => Promise<void> | void): void;
}

/** Options passed to a module's routes plugin. */
export interface ModuleRouteOptions {
  ctx: ModuleContext;
}

/**
 * A Fastify plugin using the zod type provider, mounted under `/v1`. Routes declare `config.auth`
 * (see `guard()`); a route that declares nothing requires an authenticated principal.
 */
export type ModuleRoutes = FastifyPluginAsyncZod<ModuleRouteOptions>;

/**
 * The contract between a capability and a service (ARCHITECTURE §4). Capabilities add members
 * (events, jobs, ...) by declaration merging:
 * `declare module '@groundwork/http' { interface PlatformModule { jobs?: JobDefinition[] } }`
 * and act on them through an `extensions` hook passed to `createServiceApp`.
 */
export interface PlatformModule {
  /** Unique, kebab-case; used as the OpenAPI tag and in logs. */
  name: string;
  /** Containers ensured at startup. */
  containers?: ContainerSpec[];
  /** Run at startup, merged with every other module's migrations and ordered by version. */
  migrations?: Migration[];
  /** HTTP adapter, mounted under `/v1`. */
  routes?: ModuleRoutes;
  /** Included in `/ready` as `checks.<name>`. */
  health?: (ctx: ModuleContext) => Promise<HealthCheck>;
  /** Background work begins; called after the server listens. */
  start?: (ctx: ModuleContext) => Promise<void> | void;
  /** Background work ends; called on shutdown (whether or not `start` ran), modules in reverse order, before `onShutdown` hooks and the store closing. */
  stop?: () => Promise<void> | void;
}

/** What an extension hook receives: the shared context plus the app and a way to run work after listen. */
export interface ExtensionContext extends ModuleContext {
  app: ServiceFastifyInstance;
  /** Runs after the server listens, after every module's `start`. */
  onStart(fn: () => Promise<void> | void): void;
}

/**
 * A capability's startup hook over all modules (e.g. jobs registering every module's `jobs`).
 * Runs once, after containers, migrations and module routes, before the app is ready.
 */
export type ModuleExtension = (
  modules: readonly PlatformModule[],
  ctx: ExtensionContext,
) => Promise<void> | void;

const MODULE_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Identity helper that type-checks a module and keeps its literal type. */
export function defineModule<M extends PlatformModule>(module: M): M {
  if (!MODULE_NAME.test(module.name)) {
    throw new TypeError(`Module name "${module.name}" must be kebab-case (e.g. "feature-flags").`);
  }
  return module;
}
