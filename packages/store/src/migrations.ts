/**
 * A migration runner built only on the port and leases, so it runs the same on every adapter.
 * Migrations run in version order under the `migrations` lease (two instances never run them at
 * once); each outcome is recorded in the `migrations` container. A failure is recorded and stops
 * the run: later migrations stay pending, and the next run retries the failed one first.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { ConflictError, NotFoundError, ServiceUnavailableError } from '@groundwork/errors';
import { createLeaseManager, LEASES_CONTAINER, type Lease, type LeaseManager } from './leases.js';
import type { Clock, ContainerSpec, DocumentStore } from './types.js';
import { systemClock } from './types.js';

export const MIGRATIONS_CONTAINER: ContainerSpec = {
  name: 'migrations',
  partitionKey: '/productId',
  description: 'One record per migration and product: status, when, how long, error.',
};

/** The lease that serializes migration runs across instances. */
export const MIGRATIONS_LEASE = 'migrations';

export interface MigrationContext {
  store: DocumentStore;
  clock: Clock;
  log: (msg: string, data?: Record<string, unknown>) => void;
}

export interface Migration {
  version: number;
  id: string;
  description: string;
  reversible?: boolean;
  up(ctx: MigrationContext): Promise<void>;
  down?(ctx: MigrationContext): Promise<void>;
}

export interface MigrationRecord {
  id: string;
  productId: string;
  version: number;
  description: string;
  appliedAt: string;
  durationMs: number;
  status: 'applied' | 'failed' | 'rolled_back';
  error?: string;
  reversible: boolean;
}

export interface PendingMigration {
  version: number;
  id: string;
  description: string;
}

export interface MigrationReport {
  /** No failure, nothing pending, and the run was not skipped. */
  ok: boolean;
  /** Every applied migration's record, by version. */
  applied: MigrationRecord[];
  /** Ids applied by this call. */
  ranNow: string[];
  /** The failure that stopped this run (or, for a status, the last recorded failure still pending). */
  failed?: MigrationRecord;
  pending: PendingMigration[];
  /** Another instance held the lock for longer than `waitTimeoutMs`; nothing ran. */
  skippedBecauseLocked?: boolean;
  /** Set by `rollbackMigration`: the record it rolled back. */
  rolledBack?: MigrationRecord;
}

export interface MigrationLockOptions {
  clock?: Clock;
  /** Lease holder name; defaults to host, pid and a random suffix (unique per call). */
  owner?: string;
  /** Lease duration, renewed in the background while migrations run (default 60 s). */
  lockTtlMs?: number;
  /** How long to wait for another instance's run to finish (real time, default 120 s). */
  waitTimeoutMs?: number;
  /** How often to retry the lease while waiting (real time, default 250 ms). */
  pollIntervalMs?: number;
  log?: MigrationContext['log'];
}

export interface RunMigrationsOptions extends MigrationLockOptions {
  store: DocumentStore;
  migrations: Migration[];
  /** Product whose records these are (default `platform`). */
  productId?: string;
}

export interface MigrationStatusOptions {
  store: DocumentStore;
  migrations: Migration[];
  productId?: string;
}

export interface RollbackMigrationOptions extends RunMigrationsOptions {
  /** The migration to roll back; it must be the latest applied. Defaults to the latest applied. */
  id?: string;
}

const DEFAULT_PRODUCT = 'platform';
const MIGRATION_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const noop = (): void => {};

type RecordDocument = MigrationRecord & { pk: string };

/** Throws (plain `Error`, a programmer mistake) unless versions increase, ids are unique and reversible ones have `down`. */
export function validateMigrations(migrations: Migration[]): void {
  const ids = new Set<string>();
  let previous = 0;
  for (const migration of migrations) {
    const label = `Migration ${JSON.stringify(migration.id)} (version ${migration.version})`;
    if (!Number.isInteger(migration.version) || migration.version < 1) {
      throw new Error(`${label}: version must be a positive whole number.`);
    }
    if (migration.version <= previous) {
      throw new Error(
        `${label}: versions must be unique and listed in increasing order (after ${previous}).`,
      );
    }
    if (typeof migration.id !== 'string' || !MIGRATION_ID.test(migration.id)) {
      throw new Error(`${label}: id must be 1-128 letters, digits, ".", "_", ":" or "-".`);
    }
    if (ids.has(migration.id)) throw new Error(`${label}: id is used twice.`);
    if (typeof migration.up !== 'function') throw new Error(`${label}: up() is missing.`);
    if (migration.reversible && typeof migration.down !== 'function') {
      throw new Error(`${label}: marked reversible but has no down().`);
    }
    ids.add(migration.id);
    previous = migration.version;
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function toRecord(doc: RecordDocument): MigrationRecord {
  const record: MigrationRecord = {
    id: doc.id,
    productId: doc.productId,
    version: doc.version,
    description: doc.description,
    appliedAt: doc.appliedAt,
    durationMs: doc.durationMs,
    status: doc.status,
    reversible: doc.reversible,
  };
  if (doc.error !== undefined) record.error = doc.error;
  return record;
}

async function readRecords(store: DocumentStore, productId: string): Promise<Map<string, MigrationRecord>> {
  const container = store.container<RecordDocument>(MIGRATIONS_CONTAINER.name);
  const records = new Map<string, MigrationRecord>();
  let cursor: string | undefined;
  // Bounded: each page advances the cursor; a product has far fewer than 1000 * 1000 migrations.
  for (let page = 0; page < 1000; page++) {
    const result = await container.query({ pk: productId, limit: 1000, ...(cursor ? { cursor } : {}) });
    for (const doc of result.items) records.set(doc.id, toRecord(doc));
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return records;
}

function buildReport(
  migrations: Migration[],
  records: Map<string, MigrationRecord>,
  extra: { ranNow?: string[]; failed?: MigrationRecord; skippedBecauseLocked?: boolean },
): MigrationReport {
  const applied = [...records.values()]
    .filter((record) => record.status === 'applied')
    .sort((a, b) => a.version - b.version);
  const pending = migrations
    .filter((migration) => records.get(migration.id)?.status !== 'applied')
    .map(({ version, id, description }) => ({ version, id, description }));
  const failed =
    extra.failed ??
    pending.map((migration) => records.get(migration.id)).find((record) => record?.status === 'failed');
  const report: MigrationReport = {
    ok: !failed && pending.length === 0 && !extra.skippedBecauseLocked,
    applied,
    ranNow: extra.ranNow ?? [],
    pending,
  };
  if (failed) report.failed = failed;
  if (extra.skippedBecauseLocked) report.skippedBecauseLocked = true;
  return report;
}

async function ensureContainers(store: DocumentStore): Promise<void> {
  await store.ensureContainers([MIGRATIONS_CONTAINER, LEASES_CONTAINER]);
}

/** The records and pending list, without running anything. */
export async function migrationStatus(options: MigrationStatusOptions): Promise<MigrationReport> {
  validateMigrations(options.migrations);
  await ensureContainers(options.store);
  const records = await readRecords(options.store, options.productId ?? DEFAULT_PRODUCT);
  return buildReport(options.migrations, records, {});
}

interface HeldLock {
  /** Whether the lease was lost (a renewal failed) while work ran. */
  lost(): boolean;
  release(): Promise<void>;
}

/**
 * Takes the migrations lease, polling (real time) while another instance holds it, and renews it
 * in the background until released. `undefined` when `waitTimeoutMs` passed without getting it.
 */
async function takeLock(
  leases: LeaseManager,
  options: MigrationLockOptions,
  log: MigrationContext['log'],
): Promise<HeldLock | undefined> {
  const owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const ttlMs = options.lockTtlMs ?? 60_000;
  const waitTimeoutMs = options.waitTimeoutMs ?? 120_000;
  const pollIntervalMs = options.pollIntervalMs ?? 250;
  const deadline = performance.now() + waitTimeoutMs;
  let lease = await leases.acquire(MIGRATIONS_LEASE, owner, ttlMs);
  if (!lease) log('migrations lease held elsewhere; waiting', { owner, waitTimeoutMs });
  while (!lease && performance.now() < deadline) {
    await sleep(pollIntervalMs);
    lease = await leases.acquire(MIGRATIONS_LEASE, owner, ttlMs);
  }
  if (!lease) return undefined;

  let current: Lease | undefined = lease;
  let renewing: Promise<void> = Promise.resolve();
  const heartbeat = setInterval(
    () => {
      renewing = renewing.then(async () => {
        if (!current) return;
        const held: Lease = current;
        current = await leases.renew(held).catch(() => undefined);
        if (!current) log('migrations lease lost; stopping after the current migration', { owner });
      });
    },
    Math.max(1000, Math.floor(ttlMs / 3)),
  );
  heartbeat.unref();
  return {
    lost: () => current === undefined,
    async release() {
      clearInterval(heartbeat);
      await renewing;
      if (current) await leases.release(current);
    },
  };
}

/** Runs every pending migration in version order under the migrations lease; see the module comment. */
export async function runMigrations(options: RunMigrationsOptions): Promise<MigrationReport> {
  const { store, migrations } = options;
  validateMigrations(migrations);
  const clock = options.clock ?? systemClock;
  const log = options.log ?? noop;
  const productId = options.productId ?? DEFAULT_PRODUCT;
  await ensureContainers(store);
  const leases = createLeaseManager({ store, clock });
  const lock = await takeLock(leases, options, log);
  if (!lock) {
    const records = await readRecords(store, productId);
    return buildReport(migrations, records, { skippedBecauseLocked: true });
  }
  try {
    const container = store.container<RecordDocument>(MIGRATIONS_CONTAINER.name);
    const records = await readRecords(store, productId);
    const ranNow: string[] = [];
    const context: MigrationContext = { store, clock, log };
    for (const migration of migrations) {
      if (records.get(migration.id)?.status === 'applied') continue;
      if (lock.lost()) break;
      log('applying migration', { id: migration.id, version: migration.version, productId });
      const startedAt = clock.now();
      const started = performance.now();
      let failure: unknown;
      try {
        await migration.up(context);
      } catch (error) {
        failure = error ?? new Error('migration failed');
      }
      const record: MigrationRecord = {
        id: migration.id,
        productId,
        version: migration.version,
        description: migration.description,
        appliedAt: new Date(startedAt).toISOString(),
        durationMs: Math.round(performance.now() - started),
        status: failure === undefined ? 'applied' : 'failed',
        reversible: migration.reversible === true,
      };
      if (failure !== undefined) record.error = errorMessage(failure);
      await container.upsert({ ...record, pk: productId });
      records.set(migration.id, record);
      if (failure !== undefined) {
        log('migration failed; stopping', {
          id: migration.id,
          version: migration.version,
          error: record.error,
        });
        return buildReport(migrations, records, { ranNow, failed: record });
      }
      ranNow.push(migration.id);
      log('migration applied', {
        id: migration.id,
        version: migration.version,
        durationMs: record.durationMs,
      });
    }
    return buildReport(migrations, records, { ranNow });
  } finally {
    await lock.release();
  }
}

/**
 * Rolls back the latest applied migration (or `id`, which must be the latest applied): runs its
 * `down()` under the migrations lease and marks its record `rolled_back`, so it is pending again.
 * Refuses a migration that is not reversible (`ConflictError` `migration_not_reversible`).
 */
export async function rollbackMigration(options: RollbackMigrationOptions): Promise<MigrationReport> {
  const { store, migrations } = options;
  validateMigrations(migrations);
  const clock = options.clock ?? systemClock;
  const log = options.log ?? noop;
  const productId = options.productId ?? DEFAULT_PRODUCT;
  await ensureContainers(store);
  const lock = await takeLock(createLeaseManager({ store, clock }), options, log);
  if (!lock) {
    throw new ServiceUnavailableError(
      'Migrations are running on another instance; try again later.',
      30,
      'migrations_locked',
    );
  }
  try {
    const container = store.container<RecordDocument>(MIGRATIONS_CONTAINER.name);
    const records = await readRecords(store, productId);
    const applied = [...records.values()]
      .filter((record) => record.status === 'applied')
      .sort((a, b) => a.version - b.version);
    const latest = applied[applied.length - 1];
    const targetId = options.id ?? latest?.id;
    const migration = migrations.find((candidate) => candidate.id === targetId);
    if (targetId === undefined) throw new ConflictError('No migration is applied.', 'migration_not_applied');
    if (!migration) throw new NotFoundError(`Migration "${targetId}" is not known.`, 'migration_not_found');
    const record = records.get(migration.id);
    if (record?.status !== 'applied') {
      throw new ConflictError(`Migration "${migration.id}" is not applied.`, 'migration_not_applied');
    }
    if (latest && latest.id !== migration.id) {
      throw new ConflictError(
        `Migration "${migration.id}" is not the latest applied ("${latest.id}" is); roll back in reverse order.`,
        'migration_not_latest',
      );
    }
    if (!migration.reversible || !migration.down) {
      throw new ConflictError(`Migration "${migration.id}" is not reversible.`, 'migration_not_reversible');
    }
    log('rolling back migration', { id: migration.id, version: migration.version, productId });
    const started = performance.now();
    try {
      await migration.down({ store, clock, log });
    } catch (error) {
      const failedRecord: MigrationRecord = { ...record, error: `rollback failed: ${errorMessage(error)}` };
      await container.upsert({ ...failedRecord, pk: productId });
      throw error;
    }
    const rolledBack: MigrationRecord = {
      ...record,
      status: 'rolled_back',
      appliedAt: new Date(clock.now()).toISOString(),
      durationMs: Math.round(performance.now() - started),
    };
    delete rolledBack.error;
    await container.upsert({ ...rolledBack, pk: productId });
    records.set(migration.id, rolledBack);
    log('migration rolled back', { id: migration.id, version: migration.version });
    return { ...buildReport(migrations, records, {}), rolledBack };
  } finally {
    await lock.release();
  }
}
