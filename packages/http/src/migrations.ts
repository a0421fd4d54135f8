import type { Logger } from '@groundwork/logger';
import {
  type Clock,
  type DocumentStore,
  type Migration,
  migrationStatus,
  runMigrations,
  validateMigrations,
} from '@groundwork/store';
import type { HealthCheck } from './module.js';

export interface StartupMigrationsOptions {
  store: DocumentStore;
  /** Service and module migrations, in any order; versions and ids must be unique across all of them. */
  migrations: Migration[];
  clock: Clock;
  logger: Logger;
  /** How long to wait for another instance's migrations lock before giving up (default: the store's). */
  lockWaitMs?: number;
}

/** Orders the merged migrations by version; throws (a programming error) on duplicate versions or ids. */
export function mergeMigrations(migrations: Migration[]): Migration[] {
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  validateMigrations(ordered);
  return ordered;
}

export interface StartupMigrationsResult {
  check: HealthCheck;
  /** Present when the outcome was unknown at startup: reads the records again (never runs anything). */
  recheck?: () => Promise<HealthCheck>;
}

/** Whether every migration is recorded as applied, as a `/ready` check; runs nothing. */
async function appliedCheck(store: DocumentStore, migrations: Migration[]): Promise<HealthCheck> {
  const report = await migrationStatus({ store, migrations });
  if (report.ok) return { status: 'ok', data: { applied: report.applied.length, ranNow: [] } };
  const pending = report.pending.map((migration) => migration.id);
  return report.failed
    ? {
        status: 'down',
        detail: `Migration ${report.failed.id} failed; see the service log.`,
        data: { failedMigration: report.failed.id, failedVersion: report.failed.version, pending },
      }
    : { status: 'down', detail: 'Migrations are still running on another instance.', data: { pending } };
}

/**
 * Runs the migrations and returns the `/ready` check. A failing migration never throws: the
 * service still starts and `/ready` answers 503 naming it. The error itself goes to the log and
 * the `migrations` container, not to the public response.
 */
export async function runStartupMigrations(
  options: StartupMigrationsOptions,
): Promise<StartupMigrationsResult> {
  const migrations = mergeMigrations(options.migrations);
  const recheck = () => appliedCheck(options.store, migrations);
  const logger = options.logger.child({ component: 'migrations' });
  const log = (msg: string, data?: Record<string, unknown>) => logger.info(data ?? {}, msg);
  try {
    const report = await runMigrations({
      store: options.store,
      migrations,
      clock: options.clock,
      log,
      ...(options.lockWaitMs === undefined ? {} : { waitTimeoutMs: options.lockWaitMs }),
    });
    if (report.ok) {
      return { check: { status: 'ok', data: { applied: report.applied.length, ranNow: report.ranNow } } };
    }
    const pending = report.pending.map((migration) => migration.id);
    if (report.skippedBecauseLocked) {
      logger.error({ pending }, 'migrations skipped: another instance held the lock too long');
      return {
        check: {
          status: 'down',
          detail: 'Migrations are still running on another instance.',
          data: { pending },
        },
        recheck,
      };
    }
    const failed = report.failed;
    logger.error({ failed }, 'migration failed');
    return {
      check: {
        status: 'down',
        detail: `Migration ${failed?.id ?? '(unknown)'} failed; see the service log.`,
        data: { failedMigration: failed?.id, failedVersion: failed?.version, pending },
      },
    };
  } catch (error) {
    logger.error({ err: error }, 'migrations could not run');
    return { check: { status: 'down', detail: 'Migrations could not run; see the service log.' } };
  }
}
