import { createLogger, type Logger } from '@groundwork/logger';
import type { DocumentStore } from '@groundwork/store';
import { createMemoryStore } from '@groundwork/store/memory';
import type { FastifyRequest } from 'fastify';
import type { Authenticator, Principal } from '../src/auth.js';
import { createServiceApp, type ServiceApp, type ServiceAppOptions } from '../src/create-service-app.js';
import { exampleNotesModule } from '../src/example/module.js';
import { type ServiceConfig, serviceConfigFromEnv } from '../src/service-config.js';

/** Test config: an ephemeral port on loopback, quiet logs. */
export function testConfig(env: Record<string, string> = {}): ServiceConfig {
  return serviceConfigFromEnv({ HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent', ...env });
}

/**
 * Test tokens are `Bearer <subject>|<productId>|<roles comma-separated>[|<scopes comma-separated>]`,
 * e.g. `Bearer ann|acme|member`. Anything else is unauthenticated.
 */
export const testAuthenticator: Authenticator = async (request: FastifyRequest) => {
  const match = /^Bearer ([^|\s]+)\|([^|\s]+)\|([^|\s]*)(?:\|([^|\s]*))?$/.exec(
    request.headers.authorization ?? '',
  );
  if (!match) return null;
  const list = (value: string | undefined) => (value ? value.split(',').filter(Boolean) : []);
  const principal: Principal = {
    subject: match[1]!,
    productId: match[2]!,
    roles: list(match[3]),
    scopes: list(match[4]),
    kind: 'user',
  };
  return principal;
};

export function bearer(subject: string, productId: string, roles: string[], scopes: string[] = []) {
  return {
    authorization: `Bearer ${subject}|${productId}|${roles.join(',')}${scopes.length ? `|${scopes.join(',')}` : ''}`,
  };
}

export function silentLogger(): Logger {
  return createLogger({ name: 'test', level: 'silent' });
}

/** A store that delegates to `inner` but whose `ping` is replaced. */
export function withPing(inner: DocumentStore, ping: () => Promise<void>): DocumentStore {
  return {
    kind: inner.kind,
    ensureContainers: (specs) => inner.ensureContainers(specs),
    container: <T extends object>(name: string) => inner.container<T>(name),
    ping,
    sweepExpired: () => inner.sweepExpired(),
    close: () => inner.close(),
  };
}

/** A store that delegates to `inner` but whose `sweepExpired` is replaced. */
export function withSweep(inner: DocumentStore, sweepExpired: () => Promise<number>): DocumentStore {
  return { ...withPing(inner, () => inner.ping()), sweepExpired };
}

/** A service with the notes example module, a memory store and the test authenticator. */
export async function createTestApp(overrides: Partial<ServiceAppOptions> = {}): Promise<ServiceApp> {
  return createServiceApp({
    name: 'test-service',
    version: '1.2.3',
    config: testConfig(),
    store: createMemoryStore(),
    modules: [exampleNotesModule],
    logger: silentLogger(),
    authenticator: testAuthenticator,
    ...overrides,
  });
}
