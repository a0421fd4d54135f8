import { ServiceUnavailableError } from '@groundwork/errors';
import type { DocumentStore } from '@groundwork/store';
import type { FastifyBaseLogger } from 'fastify';
import type { ServiceFastifyInstance } from './fastify-types.js';
import { PROBE_PATHS, type ReadinessState } from './health.js';

/**
 * Once shutdown begins, answers new requests (e.g. on kept-alive connections) with a problem+json
 * 503 and `connection: close`, so clients retry elsewhere; probes still answer with their own 503.
 * (Used instead of Fastify's `return503OnClosing`, whose body is not problem+json.)
 */
export function registerDrainGuard(app: ServiceFastifyInstance, readiness: ReadinessState): void {
  app.addHook('onRequest', (request, reply, done) => {
    if (!readiness.shuttingDown || PROBE_PATHS.has(request.routeOptions.url ?? '')) return done();
    reply.header('connection', 'close');
    done(
      new ServiceUnavailableError(
        'The service is shutting down; retry on another instance.',
        undefined,
        'shutting_down',
      ),
    );
  });
}

export interface TeardownStep {
  /** For logs, e.g. `notes.stop` or `notes.onShutdown`. */
  name: string;
  run: () => Promise<void> | void;
}

export interface ShutdownResult {
  /** True when the timeout fired and connections were forced closed. */
  timedOut: boolean;
}

export interface ShutdownPlan {
  app: ServiceFastifyInstance;
  readiness: ReadinessState;
  store: DocumentStore;
  /** The steps to run, in order; read when shutdown begins (so steps registered late are included). */
  teardown: () => readonly TeardownStep[];
  timeoutMs: number;
  logger: FastifyBaseLogger;
}

/**
 * Builds the service's idempotent shutdown: mark not ready (so `/health` and `/ready` answer 503),
 * close the server (no new connections; in-flight requests finish; requests on kept-alive
 * connections get 503), run the teardown steps one by one, close the store. All of
 * it bounded by `timeoutMs`, after which open connections and the store are closed forcibly.
 */
export function createShutdown(plan: ShutdownPlan): () => Promise<ShutdownResult> {
  let result: Promise<ShutdownResult> | undefined;
  let storeClosing: Promise<void> | undefined;
  const closeStore = () => {
    storeClosing ??= plan.store.close();
    return storeClosing;
  };

  const graceful = async (): Promise<void> => {
    await plan.app.close();
    for (const step of plan.teardown()) {
      try {
        await step.run();
      } catch (error) {
        plan.logger.error({ err: error, step: step.name }, 'shutdown step failed');
      }
    }
    await closeStore();
  };

  const run = async (): Promise<ShutdownResult> => {
    plan.readiness.shuttingDown = true;
    plan.logger.info({ timeoutMs: plan.timeoutMs }, 'shutting down');
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<true>((resolve) => {
      timer = setTimeout(() => resolve(true), plan.timeoutMs);
    });
    const finished = graceful().then(
      () => false as const,
      (error: unknown) => {
        plan.logger.error({ err: error }, 'graceful shutdown failed');
        return false as const;
      },
    );
    const outcome = await Promise.race([finished, timedOut]);
    clearTimeout(timer);
    if (outcome) {
      plan.logger.error(
        { timeoutMs: plan.timeoutMs },
        'shutdown timed out; forcing connections and the store closed',
      );
      plan.app.server.closeAllConnections();
      // Not awaited: a store that hangs on close must not hang the shutdown too.
      closeStore().catch((error: unknown) => plan.logger.error({ err: error }, 'store close failed'));
      return { timedOut: true };
    }
    plan.logger.info('shut down cleanly');
    return { timedOut: false };
  };

  return () => {
    result ??= run();
    return result;
  };
}

export interface SignalHandlerOptions {
  shutdown: () => Promise<ShutdownResult>;
  logger: FastifyBaseLogger;
  signals?: NodeJS.Signals[];
  /** Default `process.exit`. */
  exit?: (code: number) => void;
}

/**
 * On the first signal, shuts down and exits 0 when clean, 1 on timeout. Returns a function
 * that removes the handlers.
 */
export function installSignalHandlers(options: SignalHandlerOptions): () => void {
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const handler = (signal: NodeJS.Signals) => {
    options.logger.info({ signal }, 'signal received');
    void options.shutdown().then(
      ({ timedOut }) => exit(timedOut ? 1 : 0),
      () => exit(1),
    );
  };
  for (const signal of signals) process.once(signal, handler);
  return () => {
    for (const signal of signals) process.removeListener(signal, handler);
  };
}
