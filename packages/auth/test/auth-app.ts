/**
 * An auth test service: the auth module (with its real authenticator and JWKS extension) over a
 * store and a fake clock, the sessions service on the same store, an event bus whose in-process
 * subscriber records events, and an audit sink that records entries.
 */
import { createEventBus, type EventEnvelope } from '@groundwork/events';
import { createSessionsModule, type SessionService } from '@groundwork/sessions';
import type { DocumentStore } from '@groundwork/store';
import { createFakeClock, createTestService, type FakeClock, type TestService } from '@groundwork/testing';
import type { AuditRecord } from '../src/auth-ports.js';
import { type AuthModuleOptions, createAuthModule } from '../src/module.js';

export interface AuthTestApp extends TestService {
  events: EventEnvelope[];
  audits: AuditRecord[];
  sessions: SessionService;
}

export async function createAuthTestApp(
  options: { store?: DocumentStore; clock?: FakeClock } & Partial<AuthModuleOptions> = {},
): Promise<AuthTestApp> {
  const clock = options.clock ?? createFakeClock(Date.UTC(2026, 10, 26, 9));
  const { createMemoryStore } = await import('@groundwork/store/memory');
  const store = options.store ?? createMemoryStore({ clock });
  const { module: sessionsModule, sessions } = createSessionsModule({ productId: 'acme' });
  const bus = createEventBus({ clock });
  const events: EventEnvelope[] = [];
  bus.on({ name: 'test-recorder', types: '*', handler: (event) => void events.push(event) });
  const audits: AuditRecord[] = [];
  const auth = createAuthModule({
    sessions,
    productId: 'acme',
    extraProductIds: ['globex'],
    issuer: 'https://auth.test',
    audience: 'groundwork-test',
    events: bus,
    audit: async (record) => {
      audits.push(record);
    },
    ...options,
  });
  const built = await createTestService({
    name: 'auth-test',
    modules: [sessionsModule, auth.module],
    extensions: [auth.extension],
    authenticator: auth.authenticator,
    clock,
    store,
  });
  return { ...built, events, audits, sessions };
}
