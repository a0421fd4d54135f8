/**
 * Maintenance windows: scheduled by an admin (audited, `maintenance.scheduled`), then moved by the
 * clock from `scheduled` to `in_progress` to `completed` by `advance()` (the module runs it every
 * minute), which emits `maintenance.started` / `maintenance.completed` and, for windows that ask
 * for it, calls `onMaintenanceWindow` (the settings module's maintenance mode). Public documents
 * report the phase by the clock, so a late transition job never shows a stale phase.
 */
import { ConflictError, NotFoundError } from '@groundwork/errors';
import { systemActor } from '@groundwork/events';
import { newId } from '@groundwork/http';
import type { StoredDocument } from '@groundwork/store';
import { readModifyWrite } from './concurrency.js';
import { MAINTENANCE_CONTAINER, type MaintenanceDocument } from './containers.js';
import {
  allPages,
  assertComponentsExist,
  isoOf,
  recordAudit,
  type StatusDeps,
  toMaintenance,
} from './deps.js';
import {
  MAINTENANCE_COMPLETED,
  MAINTENANCE_SCHEDULED,
  MAINTENANCE_STARTED,
  type MaintenanceEventPayload,
} from './events.js';
import type { AdminContext } from './ports.js';
import {
  type CreateMaintenanceInput,
  createMaintenanceBodySchema,
  MAINTENANCE_ID_PREFIX,
  type MaintenanceWindow,
  type UpdateMaintenanceInput,
  updateMaintenanceBodySchema,
} from './schemas.js';

export interface MaintenancePage {
  items: MaintenanceWindow[];
  nextCursor?: string;
}

export interface AdvanceResult {
  started: string[];
  completed: string[];
  /** Windows whose callback failed: retried on the next run. */
  failed: string[];
}

export interface MaintenanceService {
  create(context: AdminContext, input: CreateMaintenanceInput): Promise<MaintenanceWindow>;
  update(context: AdminContext, id: string, input: UpdateMaintenanceInput): Promise<MaintenanceWindow>;
  /** Cancels a window that has not completed (an in-progress one ends now, turning maintenance mode off). */
  cancel(context: AdminContext, id: string): Promise<MaintenanceWindow>;
  get(productId: string, id: string): Promise<MaintenanceWindow>;
  /** Newest start first. */
  list(
    productId: string,
    options?: { limit?: number; cursor?: string | undefined },
  ): Promise<MaintenancePage>;
  /** Windows not canceled that overlap [fromMs, toMs), by start. Phases by the clock. */
  between(productId: string, fromMs: number, toMs: number): Promise<MaintenanceWindow[]>;
  /** Moves every product's due windows to their next phase (see the module's transition job). */
  advance(): Promise<AdvanceResult>;
}

function notFound(id: string): NotFoundError {
  return new NotFoundError(`No maintenance window "${id}".`, 'maintenance_not_found');
}

function payloadOf(window: MaintenanceWindow): MaintenanceEventPayload {
  return {
    maintenanceId: window.id,
    title: window.title,
    components: window.components,
    startsAt: window.startsAt,
    endsAt: window.endsAt,
  };
}

export function createMaintenanceService(deps: StatusDeps): MaintenanceService {
  const container = () => deps.store.container<MaintenanceDocument>(MAINTENANCE_CONTAINER);

  async function read(productId: string, id: string) {
    const doc = await container().read(id, productId);
    if (!doc) throw notFound(id);
    return doc;
  }

  /** Runs the callback, then records the phase; a failed callback leaves the phase for the next run. */
  async function transition(
    doc: StoredDocument<MaintenanceDocument>,
    phase: 'in_progress' | 'completed',
  ): Promise<boolean> {
    const nowMs = deps.clock.now();
    const window = toMaintenance(doc);
    if (doc.maintenanceMode && deps.onMaintenanceWindow) {
      await deps.onMaintenanceWindow(window, phase === 'in_progress' ? 'started' : 'completed');
    }
    let moved = false;
    await readModifyWrite(container(), doc.id, doc.pk, (current) => {
      if (
        !current ||
        current.phase === phase ||
        current.phase === 'completed' ||
        current.phase === 'canceled'
      )
        return undefined;
      moved = true;
      return {
        ...current,
        phase,
        ...(phase === 'in_progress' ? { startedAt: isoOf(nowMs) } : { completedAt: isoOf(nowMs) }),
        updatedAt: isoOf(nowMs),
      };
    });
    if (moved) {
      await deps.events?.emit(
        phase === 'in_progress' ? MAINTENANCE_STARTED : MAINTENANCE_COMPLETED,
        payloadOf(window),
        { productId: doc.productId, actor: systemActor('status') },
      );
    }
    return moved;
  }

  return {
    async create(context, input) {
      const body = createMaintenanceBodySchema.parse(input);
      await assertComponentsExist(deps, context.productId, body.components);
      const nowMs = deps.clock.now();
      const at = isoOf(nowMs);
      const startsAtMs = Date.parse(body.startsAt);
      const endsAtMs = Date.parse(body.endsAt);
      const doc = await container().create({
        id: newId(MAINTENANCE_ID_PREFIX, nowMs),
        pk: context.productId,
        productId: context.productId,
        title: body.title,
        ...(body.description ? { description: body.description } : {}),
        components: [...new Set(body.components)],
        startsAt: isoOf(startsAtMs),
        endsAt: isoOf(endsAtMs),
        startsAtMs,
        endsAtMs,
        phase: 'scheduled',
        maintenanceMode: body.maintenanceMode,
        createdAt: at,
        updatedAt: at,
      });
      const window = toMaintenance(doc);
      await recordAudit(deps, context, {
        action: 'status.maintenance_scheduled',
        target: { type: 'maintenance_window', id: window.id },
        summary: { after: { ...payloadOf(window), maintenanceMode: window.maintenanceMode } },
      });
      await deps.events?.emit(MAINTENANCE_SCHEDULED, payloadOf(window), {
        productId: context.productId,
        actor: context.actor,
      });
      return window;
    },

    async update(context, id, input) {
      const body = updateMaintenanceBodySchema.parse(input);
      await assertComponentsExist(deps, context.productId, body.components);
      let before: MaintenanceWindow | undefined;
      const doc = await readModifyWrite(container(), id, context.productId, (current) => {
        if (!current) throw notFound(id);
        before = toMaintenance(current);
        if (current.phase === 'completed' || current.phase === 'canceled')
          throw new ConflictError(
            `The window is ${current.phase}; it can no longer change.`,
            'maintenance_closed',
          );
        const startsAtMs = body.startsAt ? Date.parse(body.startsAt) : current.startsAtMs;
        const endsAtMs = body.endsAt ? Date.parse(body.endsAt) : current.endsAtMs;
        if (endsAtMs <= startsAtMs)
          throw new ConflictError('`endsAt` must be after `startsAt`.', 'maintenance_invalid_period');
        if (current.phase === 'in_progress' && startsAtMs !== current.startsAtMs)
          throw new ConflictError('A window in progress cannot change its start.', 'maintenance_started');
        const next: MaintenanceDocument & { id: string; pk: string } = {
          ...current,
          ...(body.title !== undefined ? { title: body.title } : {}),
          ...(body.components !== undefined ? { components: [...new Set(body.components)] } : {}),
          ...(body.maintenanceMode !== undefined ? { maintenanceMode: body.maintenanceMode } : {}),
          startsAt: isoOf(startsAtMs),
          endsAt: isoOf(endsAtMs),
          startsAtMs,
          endsAtMs,
          updatedAt: isoOf(deps.clock.now()),
        };
        if (body.description === null) delete next.description;
        else if (body.description !== undefined) next.description = body.description;
        return next;
      });
      const window = toMaintenance(doc as StoredDocument<MaintenanceDocument>);
      await recordAudit(deps, context, {
        action: 'status.maintenance_updated',
        target: { type: 'maintenance_window', id },
        summary: {
          ...(before ? { before: { ...payloadOf(before), maintenanceMode: before.maintenanceMode } } : {}),
          after: { ...payloadOf(window), maintenanceMode: window.maintenanceMode },
        },
      });
      return window;
    },

    async cancel(context, id) {
      const current = await read(context.productId, id);
      if (current.phase === 'completed' || current.phase === 'canceled')
        throw new ConflictError(`The window is already ${current.phase}.`, 'maintenance_closed');
      const wasInProgress = current.phase === 'in_progress';
      if (wasInProgress && current.maintenanceMode && deps.onMaintenanceWindow) {
        await deps.onMaintenanceWindow(toMaintenance(current), 'completed');
      }
      const nowMs = deps.clock.now();
      const doc = await container().replace(
        {
          ...current,
          phase: 'canceled',
          ...(wasInProgress ? { completedAt: isoOf(nowMs) } : {}),
          updatedAt: isoOf(nowMs),
        },
        { ifMatch: current.etag },
      );
      const window = toMaintenance(doc);
      await recordAudit(deps, context, {
        action: 'status.maintenance_canceled',
        target: { type: 'maintenance_window', id },
        summary: { before: { phase: current.phase }, after: { phase: 'canceled' } },
      });
      if (wasInProgress) {
        await deps.events?.emit(MAINTENANCE_COMPLETED, payloadOf(window), {
          productId: context.productId,
          actor: context.actor,
        });
      }
      return window;
    },

    async get(productId, id) {
      return toMaintenance(await read(productId, id), deps.clock.now());
    },

    async list(productId, options = {}) {
      const page = await container().query({
        pk: productId,
        orderBy: [{ field: 'startsAtMs', direction: 'desc' }],
        limit: options.limit ?? 20,
        ...(options.cursor ? { cursor: options.cursor } : {}),
      });
      const nowMs = deps.clock.now();
      return {
        items: page.items.map((doc) => toMaintenance(doc, nowMs)),
        ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
      };
    },

    async between(productId, fromMs, toMs) {
      const page = await container().query({
        pk: productId,
        where: {
          and: [
            { field: 'startsAtMs', op: 'lt', value: toMs },
            { field: 'endsAtMs', op: 'gt', value: fromMs },
            { field: 'phase', op: 'ne', value: 'canceled' },
          ],
        },
        orderBy: [{ field: 'startsAtMs' }],
        limit: 200,
      });
      const nowMs = deps.clock.now();
      return page.items.map((doc) => toMaintenance(doc, nowMs));
    },

    async advance() {
      const nowMs = deps.clock.now();
      const result: AdvanceResult = { started: [], completed: [], failed: [] };
      const due = await allPages(
        (cursor) =>
          container().query({
            where: {
              or: [
                {
                  and: [
                    { field: 'phase', op: 'eq', value: 'scheduled' },
                    { field: 'startsAtMs', op: 'lte', value: nowMs },
                  ],
                },
                {
                  and: [
                    { field: 'phase', op: 'eq', value: 'in_progress' },
                    { field: 'endsAtMs', op: 'lte', value: nowMs },
                  ],
                },
              ],
            },
            orderBy: [{ field: 'startsAtMs' }],
            limit: 200,
            ...(cursor ? { cursor } : {}),
          }),
        20,
      );
      for (const doc of due) {
        try {
          // A window whose whole period passed before it was ever started still starts, then completes:
          // maintenance mode is switched on and off again, and both events are emitted, in order.
          if (doc.phase === 'scheduled') {
            if (await transition(doc, 'in_progress')) result.started.push(doc.id);
            if (nowMs >= doc.endsAtMs) {
              const fresh = await container().read(doc.id, doc.pk);
              if (fresh && fresh.phase === 'in_progress' && (await transition(fresh, 'completed')))
                result.completed.push(doc.id);
            }
          } else if (await transition(doc, 'completed')) {
            result.completed.push(doc.id);
          }
        } catch (error) {
          result.failed.push(doc.id);
          deps.logger?.error({ err: error, maintenanceId: doc.id }, 'maintenance window transition failed');
        }
      }
      return result;
    },
  };
}
