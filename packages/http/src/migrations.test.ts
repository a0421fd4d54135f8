import { createLogger } from '@groundwork/logger';
import { createLeaseManager, type Migration, runMigrations, systemClock } from '@groundwork/store';
import { createMemoryStore } from '@groundwork/store/memory';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../test/support.js';
import type { ServiceApp } from './create-service-app.js';
import { runStartupMigrations } from './migrations.js';

const logger = createLogger({ name: 'test', level: 'silent' });
const addWidgets: Migration = {
  version: 1,
  id: 'add-widgets',
  description: 'Adds widgets.',
  up: async () => {},
};

describe('startup migrations when another instance holds the lock too long', () => {
  it('reports not ready, then ready once the other instance has applied them', async () => {
    const store = createMemoryStore();
    const other = await createLeaseManager({ store }).acquire('migrations', 'instance-b', 60_000);
    expect(other).toBeDefined();

    const outcome = await runStartupMigrations({
      store,
      migrations: [addWidgets],
      clock: systemClock,
      logger,
      lockWaitMs: 50,
    });
    expect(outcome.check).toMatchObject({ status: 'down', data: { pending: ['add-widgets'] } });
    expect(outcome.recheck).toBeDefined();
    expect(await outcome.recheck?.()).toMatchObject({ status: 'down' });

    await createLeaseManager({ store }).release(other!);
    await runMigrations({ store, migrations: [addWidgets], owner: 'instance-b' });
    expect(await outcome.recheck?.()).toMatchObject({ status: 'ok' });
  });

  it('offers no recheck for a failed migration: it needs a fix and a restart', async () => {
    const outcome = await runStartupMigrations({
      store: createMemoryStore(),
      migrations: [{ ...addWidgets, up: async () => Promise.reject(new Error('boom')) }],
      clock: systemClock,
      logger,
    });
    expect(outcome.check).toMatchObject({ status: 'down', data: { failedMigration: 'add-widgets' } });
    expect(outcome.recheck).toBeUndefined();
  });
});

describe('/ready with a pending recheck', () => {
  let service: ServiceApp;
  afterEach(async () => {
    await service.stop();
  });

  it('asks again and turns ready without a restart', async () => {
    service = await createTestApp();
    let applied = false;
    service.ready.migrations = {
      status: 'down',
      detail: 'Migrations are still running on another instance.',
    };
    service.ready.recheckMigrations = async () => (applied ? { status: 'ok' } : { status: 'down' });
    expect((await service.app.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(503);
    applied = true;
    const ready = await service.app.inject({ method: 'GET', url: '/ready' });
    expect(ready.statusCode).toBe(200);
    expect(service.ready.recheckMigrations).toBeUndefined();
  });
});
