import { createServiceApp, type ServiceApp, type ServiceAppOptions } from './create-service-app.js';
import { DOCS_PREFIX } from './openapi.js';
import { installSignalHandlers } from './shutdown.js';

export interface StartServiceOptions extends ServiceAppOptions {
  /** Default `['SIGTERM', 'SIGINT']`. */
  signals?: NodeJS.Signals[];
  /** Called with 0 after a clean shutdown on a signal, 1 on timeout. Default `process.exit`. */
  exit?: (code: number) => void;
}

/**
 * Creates the service, listens on `config.HOST:config.PORT`, starts background work and installs
 * SIGTERM/SIGINT handlers that shut down gracefully and exit. Returns the running service; its
 * `stop()` also removes the signal handlers.
 */
export async function startService(options: StartServiceOptions): Promise<ServiceApp & { url: string }> {
  const service = await createServiceApp(options);
  const { url } = await service.start();
  const uninstall = installSignalHandlers({
    shutdown: service.stop,
    logger: service.app.log,
    signals: options.signals,
    exit: options.exit,
  });
  const docs = options.config.SWAGGER_UI_ENABLED ? `${url}${DOCS_PREFIX}` : `${url}${DOCS_PREFIX}/json`;
  service.app.log.info({ url, docs }, `listening on ${url} (API docs: ${docs})`);
  return {
    ...service,
    url,
    stop: async () => {
      uninstall();
      return service.stop();
    },
  };
}
