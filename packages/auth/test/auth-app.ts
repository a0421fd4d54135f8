/**
 * An auth test service: the auth module (with its real authenticator and JWKS extension) over a
 * temp SQLite store (or the one given) and a fake clock, the sessions service on the same store, an event bus whose in-process
 * subscriber records events, and an audit sink that records entries.
 *
 * `apiTokens: true` (or an environment) hands tests an API token service on the same store, to
 * create and inspect tokens directly. `modules` mounts more modules, e.g. one with scope-guarded routes.
 */
import { createEventBus, type EventEnvelope } from '@groundwork/events';
import type { PlatformModule } from '@groundwork/http';
import { createSessionsModule, type SessionService } from '@groundwork/sessions';
import type { DocumentStore } from '@groundwork/store';
import {
  createFakeClock,
  createTempSqliteStore,
  createTestService,
  type FakeClock,
  type TempSqliteStore,
  type TestService,
} from '@groundwork/testing';
import type { ApiTokenEnvironment } from '../src/api-token-format.js';
import { type ApiTokenService, createApiTokenService } from '../src/api-tokens.js';
import type { AuditRecord } from '../src/auth-ports.js';
import { type AuthModule, type AuthModuleOptions, createAuthModule } from '../src/module.js';

export interface AuthTestApp extends TestService {
  events: EventEnvelope[];
  audits: AuditRecord[];
  sessions: SessionService;
  /** The module's `contactOf`. */
  contactOf: AuthModule['contactOf'];
  /** Stops the service and deletes the temp SQLite file it made (not a store that was passed in). */
  stop(): Promise<void>;
  /** With `apiTokens`: an API token service on the same store as the module's. */
  apiTokens?: ApiTokenService;
}

export interface AuthTestAppOptions extends Partial<AuthModuleOptions> {
  store?: DocumentStore;
  clock?: FakeClock;
  /** Mount the API token routes and accept API tokens (`true`: `live` tokens). */
  apiTokens?: boolean | { environment: ApiTokenEnvironment };
  /** More modules to mount after sessions and auth. */
  modules?: PlatformModule[];
}

export async function createAuthTestApp(options: AuthTestAppOptions = {}): Promise<AuthTestApp> {
  const clock = options.clock ?? createFakeClock(Date.UTC(2026, 10, 26, 9));
  // SQLite by default (a temp file, deleted by `stop`): the auth paths are tested on a real store.
  const temp = options.store ? undefined : createTempSqliteStore({ clock });
  const store = options.store ?? (temp as TempSqliteStore).store;
  const { module: sessionsModule, sessions } = createSessionsModule({
    productId: 'acme',
    // As the platform wires it: only super admins manage admins' sessions.
    authorizeAdmin: (actor, userId) => auth.authorizeSessionAdmin(actor, userId),
  });
  const bus = createEventBus({ clock });
  const events: EventEnvelope[] = [];
  bus.on({ name: 'test-recorder', types: '*', handler: (event) => void events.push(event) });
  const audits: AuditRecord[] = [];
  const { apiTokens: apiTokenOption, modules: extraModules = [], ...moduleOptions } = options;
  const authOptions: AuthModuleOptions = {
    sessions,
    productId: 'acme',
    extraProductIds: ['globex'],
    issuer: 'https://auth.test',
    audience: 'groundwork-test',
    events: bus,
    audit: async (record) => {
      audits.push(record);
    },
    ...moduleOptions,
  };
  const environment: ApiTokenEnvironment =
    apiTokenOption && apiTokenOption !== true ? apiTokenOption.environment : 'live';
  const auth = createAuthModule({ ...authOptions, apiTokenEnvironment: environment });
  const modules: PlatformModule[] = [sessionsModule, auth.module];
  // The module's API token routes and authenticator are the real ones; this second service on the
  // same store lets tests create and inspect tokens directly.
  const apiTokens = apiTokenOption
    ? createApiTokenService({ store, clock, environment, audit: authOptions.audit })
    : undefined;
  modules.push(...extraModules);
  const built = await createTestService({
    name: 'auth-test',
    modules,
    extensions: [auth.extension],
    authenticator: auth.authenticator,
    clock,
    store,
  });
  return {
    ...built,
    events,
    audits,
    sessions,
    contactOf: auth.contactOf,
    ...(apiTokens ? { apiTokens } : {}),
    async stop() {
      await built.service.stop();
      await temp?.cleanup();
    },
  };
}
