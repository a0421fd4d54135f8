/**
 * The status events: incidents opened, updated and resolved, and maintenance windows scheduled,
 * started and completed. The status module adds them to the catalog; webhooks and email deliver
 * them to subscribers.
 */
import { defineEvent } from '@groundwork/events';
import { z } from 'zod';
import { INCIDENT_IMPACTS, INCIDENT_STATUSES } from './schemas.js';

export const INCIDENT_CREATED = 'incident.created';
export const INCIDENT_UPDATED = 'incident.updated';
export const INCIDENT_RESOLVED = 'incident.resolved';
export const MAINTENANCE_SCHEDULED = 'maintenance.scheduled';
export const MAINTENANCE_STARTED = 'maintenance.started';
export const MAINTENANCE_COMPLETED = 'maintenance.completed';

const id = z.string().min(1).max(200);

export const incidentEventPayloadSchema = z.strictObject({
  incidentId: id,
  title: z.string().min(1).max(200),
  impact: z.enum(INCIDENT_IMPACTS),
  status: z.enum(INCIDENT_STATUSES),
  components: z.array(z.string().max(63)).max(100),
  message: z.string().max(5_000).optional().describe('The public update that came with the change, if any.'),
});
export type IncidentEventPayload = z.infer<typeof incidentEventPayloadSchema>;

export const maintenanceEventPayloadSchema = z.strictObject({
  maintenanceId: id,
  title: z.string().min(1).max(200),
  components: z.array(z.string().max(63)).max(100),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
});
export type MaintenanceEventPayload = z.infer<typeof maintenanceEventPayloadSchema>;

declare module '@groundwork/events' {
  interface EventPayloads {
    'incident.created': IncidentEventPayload;
    'incident.updated': IncidentEventPayload;
    'incident.resolved': IncidentEventPayload;
    'maintenance.scheduled': MaintenanceEventPayload;
    'maintenance.started': MaintenanceEventPayload;
    'maintenance.completed': MaintenanceEventPayload;
  }
}

export const statusEvents = [
  defineEvent({
    type: INCIDENT_CREATED,
    version: 1,
    description: 'An incident was opened on the status page.',
    payload: incidentEventPayloadSchema,
  }),
  defineEvent({
    type: INCIDENT_UPDATED,
    version: 1,
    description: 'An open incident got a public update or changed status, impact, title or components.',
    payload: incidentEventPayloadSchema,
  }),
  defineEvent({
    type: INCIDENT_RESOLVED,
    version: 1,
    description: 'An incident was resolved.',
    payload: incidentEventPayloadSchema,
  }),
  defineEvent({
    type: MAINTENANCE_SCHEDULED,
    version: 1,
    description: 'A maintenance window was scheduled.',
    payload: maintenanceEventPayloadSchema,
  }),
  defineEvent({
    type: MAINTENANCE_STARTED,
    version: 1,
    description: 'A maintenance window began.',
    payload: maintenanceEventPayloadSchema,
  }),
  defineEvent({
    type: MAINTENANCE_COMPLETED,
    version: 1,
    description: 'A maintenance window ended.',
    payload: maintenanceEventPayloadSchema,
  }),
];
