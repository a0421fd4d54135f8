/**
 * Incidents: opened with a first public update, then updated (status, impact, title, components,
 * and new public updates) until resolved. Every change is audited and emitted
 * (`incident.created`, `incident.updated`, `incident.resolved`). A resolved incident can still
 * get updates (a post-mortem note) but cannot be reopened: open a new one.
 */
import { ConflictError, NotFoundError } from '@groundwork/errors';
import { newId } from '@groundwork/http';
import type { StoredDocument } from '@groundwork/store';
import { readModifyWrite } from './concurrency.js';
import { INCIDENTS_CONTAINER, type IncidentDocument } from './containers.js';
import { assertComponentsExist, isoOf, recordAudit, type StatusDeps, toIncident } from './deps.js';
import {
  INCIDENT_CREATED,
  INCIDENT_RESOLVED,
  INCIDENT_UPDATED,
  type IncidentEventPayload,
} from './events.js';
import type { AdminContext } from './ports.js';
import {
  type CreateIncidentInput,
  createIncidentBodySchema,
  INCIDENT_ID_PREFIX,
  INCIDENT_UPDATE_ID_PREFIX,
  type Incident,
  type UpdateIncidentInput,
  updateIncidentBodySchema,
} from './schemas.js';

export interface IncidentPage {
  items: Incident[];
  nextCursor?: string;
}

export interface IncidentService {
  create(context: AdminContext, input: CreateIncidentInput): Promise<Incident>;
  update(context: AdminContext, id: string, input: UpdateIncidentInput): Promise<Incident>;
  get(productId: string, id: string): Promise<Incident>;
  /** Newest first (by start time). */
  list(productId: string, options?: { limit?: number; cursor?: string | undefined }): Promise<IncidentPage>;
  /** Unresolved incidents, newest first. */
  active(productId: string): Promise<Incident[]>;
  /** Incidents started at or after `sinceMs`, newest first, at most `limit`. */
  since(productId: string, sinceMs: number, limit: number): Promise<Incident[]>;
  remove(context: AdminContext, id: string): Promise<void>;
}

function notFound(id: string): NotFoundError {
  return new NotFoundError(`No incident "${id}".`, 'incident_not_found');
}

function eventPayload(incident: Incident, message?: string): IncidentEventPayload {
  return {
    incidentId: incident.id,
    title: incident.title,
    impact: incident.impact,
    status: incident.status,
    components: incident.components,
    ...(message ? { message } : {}),
  };
}

export function createIncidentService(deps: StatusDeps): IncidentService {
  const container = () => deps.store.container<IncidentDocument>(INCIDENTS_CONTAINER);

  async function emit(
    type: typeof INCIDENT_CREATED | typeof INCIDENT_UPDATED | typeof INCIDENT_RESOLVED,
    context: AdminContext,
    incident: Incident,
    message?: string,
  ) {
    await deps.events?.emit(type, eventPayload(incident, message), {
      productId: context.productId,
      actor: context.actor,
    });
  }

  return {
    async create(context, input) {
      const body = createIncidentBodySchema.parse(input);
      await assertComponentsExist(deps, context.productId, body.components);
      const nowMs = deps.clock.now();
      const at = isoOf(nowMs);
      const startedAtMs = body.startedAt ? Date.parse(body.startedAt) : nowMs;
      const doc = await container().create({
        id: newId(INCIDENT_ID_PREFIX, nowMs),
        pk: context.productId,
        productId: context.productId,
        title: body.title,
        impact: body.impact,
        status: body.status,
        components: [...new Set(body.components)],
        updates: [
          { id: newId(INCIDENT_UPDATE_ID_PREFIX, nowMs), status: body.status, message: body.message, at },
        ],
        startedAt: isoOf(startedAtMs),
        startedAtMs,
        createdAt: at,
        updatedAt: at,
      });
      const incident = toIncident(doc);
      await recordAudit(deps, context, {
        action: 'status.incident_created',
        target: { type: 'incident', id: incident.id },
        summary: {
          after: {
            title: incident.title,
            impact: incident.impact,
            status: incident.status,
            components: incident.components,
          },
        },
      });
      await emit(INCIDENT_CREATED, context, incident, body.message);
      return incident;
    },

    async update(context, id, input) {
      const body = updateIncidentBodySchema.parse(input);
      await assertComponentsExist(deps, context.productId, body.components);
      let before: Incident | undefined;
      const doc = await readModifyWrite(container(), id, context.productId, (current) => {
        if (!current) throw notFound(id);
        before = toIncident(current);
        if (current.status === 'resolved' && body.status !== undefined && body.status !== 'resolved')
          throw new ConflictError(
            'A resolved incident cannot be reopened; open a new incident.',
            'incident_resolved',
          );
        const nowMs = deps.clock.now();
        const at = isoOf(nowMs);
        const status = body.status ?? current.status;
        const next: IncidentDocument & { id: string; pk: string } = {
          ...current,
          ...(body.title !== undefined ? { title: body.title } : {}),
          ...(body.impact !== undefined ? { impact: body.impact } : {}),
          ...(body.components !== undefined ? { components: [...new Set(body.components)] } : {}),
          status,
          updates: body.message
            ? [
                { id: newId(INCIDENT_UPDATE_ID_PREFIX, nowMs), status, message: body.message, at },
                ...current.updates,
              ]
            : current.updates,
          updatedAt: at,
        };
        if (status === 'resolved' && current.status !== 'resolved') next.resolvedAt = at;
        return next;
      });
      const incident = toIncident(doc as StoredDocument<IncidentDocument>);
      const resolvedNow = incident.status === 'resolved' && before?.status !== 'resolved';
      await recordAudit(deps, context, {
        action: resolvedNow ? 'status.incident_resolved' : 'status.incident_updated',
        target: { type: 'incident', id },
        summary: {
          ...(before
            ? {
                before: {
                  title: before.title,
                  impact: before.impact,
                  status: before.status,
                  components: before.components,
                },
              }
            : {}),
          after: {
            title: incident.title,
            impact: incident.impact,
            status: incident.status,
            components: incident.components,
            ...(body.message ? { message: body.message } : {}),
          },
        },
      });
      await emit(resolvedNow ? INCIDENT_RESOLVED : INCIDENT_UPDATED, context, incident, body.message);
      return incident;
    },

    async get(productId, id) {
      const doc = await container().read(id, productId);
      if (!doc) throw notFound(id);
      return toIncident(doc);
    },

    async list(productId, options = {}) {
      const page = await container().query({
        pk: productId,
        orderBy: [{ field: 'startedAtMs', direction: 'desc' }],
        limit: options.limit ?? 20,
        ...(options.cursor ? { cursor: options.cursor } : {}),
      });
      return {
        items: page.items.map(toIncident),
        ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
      };
    },

    async active(productId) {
      const page = await container().query({
        pk: productId,
        where: { field: 'status', op: 'ne', value: 'resolved' },
        orderBy: [{ field: 'startedAtMs', direction: 'desc' }],
        limit: 100,
      });
      return page.items.map(toIncident);
    },

    async since(productId, sinceMs, limit) {
      const page = await container().query({
        pk: productId,
        where: { field: 'startedAtMs', op: 'gte', value: sinceMs },
        orderBy: [{ field: 'startedAtMs', direction: 'desc' }],
        limit,
      });
      return page.items.map(toIncident);
    },

    async remove(context, id) {
      const doc = await container().read(id, context.productId);
      if (!doc) throw notFound(id);
      await container().delete(id, context.productId, { ifMatch: doc.etag });
      await recordAudit(deps, context, {
        action: 'status.incident_deleted',
        target: { type: 'incident', id },
        summary: { before: { title: doc.title, impact: doc.impact, status: doc.status } },
      });
    },
  };
}
