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
import { adminConsoleExtension } from './admin-console.js';
import type { PlatformConfig } from './env.js';
import { type PlatformComposition, platformModules } from './modules.js';
import { PLATFORM_VERSION } from './version.js';

export interface CreatePlatformOptions {
  config: PlatformConfig;
  /** Instead of the platform's modules (`platformModules(config)`): tests and benchmarks mount others. */
  modules?: readonly PlatformModule[];
  /** Mounted after the platform's modules (ignored with `modules`). */
  extraModules?: readonly PlatformModule[];
  /** Default: the auth module's (Bearer access tokens). Tests may pass their own. */
  authenticator?: Authenticator;
  clock?: Clock;
}

/** Opens the configured store and describes the platform service over it. */
export async function platformServiceOptions(options: CreatePlatformOptions): Promise<ServiceAppOptions> {
  const { config } = options;
  const store = await openStore(config.store, options.clock ? { clock: options.clock } : {});
  const composition: PlatformComposition = options.modules
    ? { modules: options.modules, extensions: [eventsExtension, jobsExtension], authenticator: undefined }
    : platformModules(config);
  const authenticator = options.authenticator ?? composition.authenticator;
  return {
    name: 'platform',
    version: PLATFORM_VERSION,
    description:
      'Groundwork platform API: identity, jobs, events, delivery, webhooks, flags and ops controls.',
    config: config.env,
    store,
    modules: [...composition.modules, ...(options.modules ? [] : (options.extraModules ?? []))],
    extensions: [...composition.extensions, adminConsoleExtension()],
    logger: createLogger({ name: 'platform', level: config.env.LOG_LEVEL }),
    ...(authenticator ? { authenticator } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  };
}

/** The platform as a service app that is not listening yet (tests use `app.inject`). */
export async function createPlatform(options: CreatePlatformOptions): Promise<ServiceApp> {
  return createServiceApp(await platformServiceOptions(options));
}
