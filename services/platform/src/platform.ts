import { eventsExtension } from '@groundwork/events';
import {
  type Authenticator,
  createServiceApp,
  type PlatformModule,
  type ServiceApp,
  type ServiceAppOptions,
} from '@groundwork/http';
import { jobsExtension } from '@groundwork/jobs';
import { createLogger } from '@groundwork/logger';
import { type Clock, openStore } from '@groundwork/store';
import type { PlatformConfig } from './env.js';
import { platformModules } from './modules.js';
import { PLATFORM_VERSION } from './version.js';

export interface CreatePlatformOptions {
  config: PlatformConfig;
  /** Default: `platformModules(config)`. Tests and benchmarks may mount others. */
  modules?: readonly PlatformModule[];
  authenticator?: Authenticator;
  clock?: Clock;
}

/** Opens the configured store and describes the platform service over it. */
export async function platformServiceOptions(options: CreatePlatformOptions): Promise<ServiceAppOptions> {
  const { config } = options;
  const store = await openStore(config.store, options.clock ? { clock: options.clock } : {});
  return {
    name: 'platform',
    version: PLATFORM_VERSION,
    description:
      'Groundwork platform API: identity, jobs, events, delivery, webhooks, flags and ops controls.',
    config: config.env,
    store,
    modules: options.modules ?? platformModules(config),
    // Hand every module's declared `events` to the events module (binding the bus to the store)
    // and every module's `jobs` (definitions and handlers) to the jobs module.
    extensions: [eventsExtension, jobsExtension],
    logger: createLogger({ name: 'platform', level: config.env.LOG_LEVEL }),
    ...(options.authenticator ? { authenticator: options.authenticator } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  };
}

/** The platform as a service app that is not listening yet (tests use `app.inject`). */
export async function createPlatform(options: CreatePlatformOptions): Promise<ServiceApp> {
  return createServiceApp(await platformServiceOptions(options));
}
