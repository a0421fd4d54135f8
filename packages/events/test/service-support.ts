/**
 * A service for module tests: a memory store, a fake clock, silent logs, and test tokens of the
 * form `Bearer <subject>|<productId>|<roles comma-separated>` (anything else is unauthenticated).
 */
import {
  type Authenticator,
  createServiceApp,
  type ModuleExtension,
  type PlatformModule,
  type ServiceApp,
  serviceConfigFromEnv,
} from '@groundwork/http';
import { createLogger } from '@groundwork/logger';
import type { DocumentStore } from '@groundwork/store';
import { createMemoryStore } from '@groundwork/store/memory';
import { createFakeClock, type FakeClock } from '@groundwork/testing';

const testAuthenticator: Authenticator = async (request) => {
  const match = /^Bearer ([^|\s]+)\|([^|\s]+)\|([^|\s]*)$/.exec(request.headers.authorization ?? '');
  if (!match) return null;
  const [, subject, productId, roles] = match as unknown as [string, string, string, string];
  return { subject, productId, roles: roles.split(',').filter(Boolean), scopes: [], kind: 'user' };
};

export function bearer(subject: string, productId: string, roles: string[]) {
  return { authorization: `Bearer ${subject}|${productId}|${roles.join(',')}` };
}

export async function createTestService(
  modules: PlatformModule[],
  extensions: ModuleExtension[],
): Promise<{ service: ServiceApp; store: DocumentStore; clock: FakeClock }> {
  const clock = createFakeClock(Date.UTC(2026, 10, 26));
  const store = createMemoryStore({ clock });
  const service = await createServiceApp({
    name: 'events-test',
    version: '0.0.0',
    config: serviceConfigFromEnv({
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'silent',
      STORE_SWEEP_INTERVAL_MS: '0',
      SHUTDOWN_TIMEOUT_MS: '5000',
    }),
    store,
    modules,
    extensions,
    logger: createLogger({ name: 'events-test', level: 'silent' }),
    authenticator: testAuthenticator,
    clock,
  });
  return { service, store, clock };
}
