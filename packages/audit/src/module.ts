/**
 * The audit platform module: composition only. It declares the `audit_log` container (retention
 * through its TTL), mounts the read-only admin routes, records every event through a durable
 * subscriber, and hands other modules a recorder (`audit`) bound to the service's store and clock
 * once the module is mounted.
 */
import type { DurableSubscriber } from '@groundwork/events';
import { defineModule, type ModuleContext, type PlatformModule } from '@groundwork/http';
import type { JobsAdminAction } from '@groundwork/jobs';
import { auditLogContainer, DEFAULT_RETENTION_DAYS } from './audit-container.js';
import type { AuditEntry, AuditRecordInput } from './audit-entry.js';
import { type AuditLog, createAuditLog } from './audit-log.js';
import { auditAdminRoutes } from './routes.js';

export interface AuditModuleOptions {
  /** Days an entry is kept (the container's default TTL); default 365. */
  retentionDays?: number;
}

/** What other modules call; usable once the module is mounted in a service (`createServiceApp`). */
export interface AuditRecorder {
  /** Records an entry (see `AuditLog.record`). */
  record(input: AuditRecordInput): Promise<AuditEntry>;
  /** An `OnAdminAction` for the jobs module: `createJobsModule({ onAdminAction: audit.onJobsAdminAction })`. */
  onJobsAdminAction(action: JobsAdminAction): Promise<void>;
  /** The service's audit log (queries, export). */
  log(): AuditLog;
}

export interface AuditModule {
  /** Pass to `createServiceApp({ modules })`, once per service. */
  module: PlatformModule;
  audit: AuditRecorder;
}

/** The durable subscriber that records every event; `recordEvent` is idempotent by event id. */
export function auditEventSubscriber(): DurableSubscriber {
  return {
    name: 'audit',
    types: '*',
    // The entry id derives from the event id, so a redelivery writes nothing: no receipt needed.
    dedupe: false,
    handler: async (event, ctx) => {
      await createAuditLog({ store: ctx.store, clock: ctx.clock }).recordEvent(event);
    },
  };
}

/** The jobs admin's report of a mutation, as an audit entry input. */
export function jobsAdminActionInput(action: JobsAdminAction): AuditRecordInput {
  return {
    productId: action.productId,
    actor: { type: 'admin', id: action.actor },
    action: action.action,
    target: {
      type: action.action.startsWith('jobs.') ? 'job' : 'task',
      id: action.target,
    },
  };
}

export function createAuditModule(options: AuditModuleOptions = {}): AuditModule {
  const container = auditLogContainer(options.retentionDays ?? DEFAULT_RETENTION_DAYS);
  let bound: AuditLog | undefined;

  function bind(ctx: ModuleContext): AuditLog {
    bound = createAuditLog({ store: ctx.store, clock: ctx.clock });
    return bound;
  }

  function log(): AuditLog {
    if (!bound) {
      throw new Error(
        'The audit module is not mounted yet: pass `module` to createServiceApp before recording.',
      );
    }
    return bound;
  }

  const module = defineModule({
    name: 'audit',
    containers: [container],
    events: { durableSubscribers: [auditEventSubscriber()] },
    routes: async (app, { ctx }) => {
      await app.register(auditAdminRoutes(bind(ctx)), { ctx });
    },
    start(ctx) {
      if (!bound) bind(ctx);
    },
  });

  const audit: AuditRecorder = {
    async record(input) {
      return log().record(input);
    },
    async onJobsAdminAction(action) {
      await log().record(jobsAdminActionInput(action));
    },
    log,
  };
  return { module, audit };
}
