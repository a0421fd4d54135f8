import type { Logger } from '@groundwork/logger';
import {
  type Clock,
  type DocumentStore,
  type Migration,
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
}

/** Orders the merged migrations by version; throws (a programming error) on duplicate versions or ids. */
export function mergeMigrations(migrations: Migration[]): Migration[] {
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  validateMigrations(ordered);
  return ordered;
}

/**
 * Runs the migrations and returns the `/ready` check. A failing migration never throws: the
 * service still starts and `/ready` answers 503 naming it. The error itself goes to the log and
 * the `migrations` container, not to the public response.
 */
export async function runStartupMigrations(options: StartupMigrationsOptions): Promise<HealthCheck> {
  const migrations = mergeMigrations(options.migrations);
  const logger = options.logger.child({ component: 'migrations' });
  const log = (msg: string, data?: Record<string, unknown>) => logger.info(data ?? {}, msg);
  try {
    const report = await runMigrations({ store: options.store, migrations, clock: options.clock, log });
    if (report.ok) {
      return { status: 'ok', data: { applied: report.applied.length, ranNow: report.ranNow } };
    }
    const pending = report.pending.map((migration) => migration.id);
    if (report.skippedBecauseLocked) {
      logger.error({ pending }, 'migrations skipped: another instance held the lock too long');
      return {
        status: 'down',
        detail: 'Migrations are still running on another instance.',
        data: { pending },
      };
    }
    const failed = report.failed;
    logger.error({ failed }, 'migration failed');
    return {
      status: 'down',
      detail: `Migration ${failed?.id ?? '(unknown)'} failed; see the service log.`,
      data: { failedMigration: failed?.id, failedVersion: failed?.version, pending },
    };
  } catch (error) {
    logger.error({ err: error }, 'migrations could not run');
    return { status: 'down', detail: 'Migrations could not run; see the service log.' };
  }
}
