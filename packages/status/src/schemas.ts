/**
 * Zod schemas of the status capability: components and their checks, health samples and daily
 * rollups, incidents with their public timeline, maintenance windows, and the public documents
 * (`/v1/public/status`, `/v1/public/status/history`). The single source of types and of OpenAPI.
 */
import { idPattern } from '@groundwork/http';
import { z } from 'zod';

export const INCIDENT_ID_PREFIX = 'inc';
export const INCIDENT_UPDATE_ID_PREFIX = 'iup';
export const MAINTENANCE_ID_PREFIX = 'mnt';

/** Component ids are slugs the operator chooses (`api`, `web-app`), stable across renames. */
export const COMPONENT_ID_PATTERN = /^[a-z][a-z0-9-]{0,62}$/;
export const componentIdSchema = z
  .string()
  .regex(COMPONENT_ID_PATTERN, 'must be lowercase letters, digits and dashes, starting with a letter');

export const productIdSchema = z
  .string()
  .regex(/^[^/\\?#\s]{1,200}$/, 'must be 1-200 characters without / \\ ? # or spaces');

export const incidentIdSchema = z
  .string()
  .regex(idPattern(INCIDENT_ID_PREFIX), 'must be an incident id (inc_…)');
export const maintenanceIdSchema = z
  .string()
  .regex(idPattern(MAINTENANCE_ID_PREFIX), 'must be a maintenance window id (mnt_…)');

/** What one check observed: `up` answered as expected; `degraded` answered but slowly or not ready; `down` did not. */
export const CHECK_STATES = ['up', 'degraded', 'down'] as const;
export const checkStateSchema = z.enum(CHECK_STATES);
export type CheckState = z.infer<typeof checkStateSchema>;

/** A component's state after flap damping; `unknown` before its first check. */
export const componentStateSchema = z.enum(['up', 'degraded', 'down', 'unknown']);
export type ComponentState = z.infer<typeof componentStateSchema>;

/** What the public sees per component. */
export const COMPONENT_STATUSES = ['operational', 'degraded', 'major_outage', 'maintenance'] as const;
export const componentStatusSchema = z.enum(COMPONENT_STATUSES);
export type ComponentStatus = z.infer<typeof componentStatusSchema>;

export const OVERALL_STATUSES = ['operational', 'degraded', 'major_outage'] as const;
export const overallStatusSchema = z.enum(OVERALL_STATUSES);
export type OverallStatus = z.infer<typeof overallStatusSchema>;

export const INCIDENT_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export const incidentStatusSchema = z.enum(INCIDENT_STATUSES);
export type IncidentStatus = z.infer<typeof incidentStatusSchema>;

export const INCIDENT_IMPACTS = ['none', 'minor', 'major', 'critical'] as const;
export const incidentImpactSchema = z
  .enum(INCIDENT_IMPACTS)
  .describe(
    'none: informational; minor: degraded; major: outage of the affected components; critical: major outage overall.',
  );
export type IncidentImpact = z.infer<typeof incidentImpactSchema>;

export const MAINTENANCE_PHASES = ['scheduled', 'in_progress', 'completed', 'canceled'] as const;
export const maintenancePhaseSchema = z.enum(MAINTENANCE_PHASES);
export type MaintenancePhase = z.infer<typeof maintenancePhaseSchema>;

const isoTime = z.iso.datetime({ offset: true });

// ---------------------------------------------------------------------------------------------
// Components and checks

/** An HTTP check: GET `url`, expecting one of `expectedStatus` within `timeoutMs`. */
export const httpCheckSchema = z
  .strictObject({
    kind: z.literal('http'),
    url: z
      .url({ protocol: /^https?$/ })
      .max(2_000)
      .refine((value) => {
        const url = new URL(value);
        return url.username === '' && url.password === '';
      }, 'must not carry credentials')
      .describe('The URL to GET. Admin-supplied URLs obey the outbound address policy (no private targets).'),
    expectedStatus: z
      .array(z.number().int().min(100).max(599))
      .min(1)
      .max(20)
      .default([200])
      .describe('Statuses that count as up (default `[200]`).'),
    timeoutMs: z.number().int().min(100).max(60_000).default(5_000).describe('A slower answer is down.'),
    degradedAboveMs: z
      .number()
      .int()
      .min(1)
      .max(60_000)
      .optional()
      .describe('An expected answer slower than this is `degraded`.'),
  })
  .describe('An HTTP check with expected status and timeout.');

/** A service check: the service's own `/health` (alive) and `/ready` (degraded when not ready). */
export const serviceCheckSchema = z
  .strictObject({
    kind: z.literal('service'),
    baseUrl: z.url({ protocol: /^https?$/ }).max(2_000),
    timeoutMs: z.number().int().min(100).max(60_000).default(5_000),
  })
  .describe('`/health` and `/ready` of a Groundwork service.');

export const checkSchema = z.discriminatedUnion('kind', [httpCheckSchema, serviceCheckSchema]);
export type ComponentCheck = z.output<typeof checkSchema>;

export const componentSourceSchema = z
  .enum(['operator', 'admin'])
  .describe(
    'operator: configured in the monitoring service (trusted target); admin: created through the API.',
  );

export const componentSchema = z
  .object({
    id: componentIdSchema,
    productId: z.string(),
    name: z.string(),
    description: z.string().optional(),
    order: z.number().int(),
    source: componentSourceSchema,
    check: checkSchema.optional().describe('Absent for a component whose status only incidents set.'),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .describe('A part of the product shown on the status page.');
export type Component = z.infer<typeof componentSchema>;

export const createComponentBodySchema = z.strictObject({
  id: componentIdSchema,
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().max(500).optional(),
  order: z.number().int().min(0).max(10_000).default(0),
  check: httpCheckSchema.optional(),
});
export type CreateComponentInput = z.input<typeof createComponentBodySchema>;

export const updateComponentBodySchema = z
  .strictObject({
    name: z.string().trim().min(1).max(100).optional(),
    description: z.string().trim().max(500).nullable().optional(),
    order: z.number().int().min(0).max(10_000).optional(),
    check: httpCheckSchema.nullable().optional().describe('`null` removes the check.'),
  })
  .refine((body) => Object.keys(body).length > 0, 'must change at least one field');
export type UpdateComponentInput = z.input<typeof updateComponentBodySchema>;

/** What the monitoring service registers for its configured targets (trusted, not through the API). */
export interface OperatorComponentInput {
  id: string;
  name: string;
  description?: string;
  order?: number;
  check?: z.input<typeof checkSchema>;
}

// ---------------------------------------------------------------------------------------------
// Samples and rollups

/** One check result as the poller reports it. */
export const sampleInputSchema = z.strictObject({
  componentId: componentIdSchema,
  at: z.number().int().min(0).describe('When the check ran (ms since the epoch).'),
  state: checkStateSchema,
  latencyMs: z.number().int().min(0).max(3_600_000),
  httpStatus: z.number().int().min(100).max(599).optional(),
  error: z.string().max(200).optional(),
});
export type SampleInput = z.input<typeof sampleInputSchema>;

export const sampleSchema = z.object({
  componentId: z.string(),
  at: isoTime,
  state: checkStateSchema,
  latencyMs: z.number().int(),
  httpStatus: z.number().int().optional(),
  error: z.string().optional(),
  inMaintenance: z.boolean(),
});
export type Sample = z.infer<typeof sampleSchema>;

export const dayRollupSchema = z
  .object({
    day: z.iso.date().describe('UTC day.'),
    status: z
      .enum(['no_data', 'operational', 'degraded', 'major_outage'])
      .describe(
        'operational: no failed check; degraded: some degraded checks or < 5% down; major_outage: ≥ 5% down.',
      ),
    uptimePercent: z
      .number()
      .min(0)
      .max(100)
      .nullable()
      .describe('Checks up or degraded over checks outside maintenance, in percent; null without data.'),
    samples: z.number().int().nonnegative(),
    up: z.number().int().nonnegative(),
    degraded: z.number().int().nonnegative(),
    down: z.number().int().nonnegative(),
    maintenance: z
      .number()
      .int()
      .nonnegative()
      .describe('Checks during a maintenance window (not counted in uptime).'),
    latencyMs: z
      .object({
        p50: z.number().int(),
        p95: z.number().int(),
        p99: z.number().int(),
        min: z.number().int(),
        max: z.number().int(),
        mean: z.number(),
      })
      .nullable()
      .describe('Response time of the day’s checks (nearest rank; exact below 1 s, within 1% above).'),
  })
  .describe('One component’s health over one UTC day.');
export type DayRollup = z.infer<typeof dayRollupSchema>;

// ---------------------------------------------------------------------------------------------
// Incidents

export const incidentUpdateSchema = z.object({
  id: z.string(),
  status: incidentStatusSchema,
  message: z.string(),
  at: isoTime,
});
export type IncidentUpdate = z.infer<typeof incidentUpdateSchema>;

export const incidentSchema = z
  .object({
    id: incidentIdSchema,
    productId: z.string(),
    title: z.string(),
    impact: incidentImpactSchema,
    status: incidentStatusSchema,
    components: z.array(z.string()).describe('Ids of the affected components.'),
    updates: z.array(incidentUpdateSchema).describe('The public timeline, newest first.'),
    startedAt: isoTime,
    resolvedAt: isoTime.optional(),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .describe('An incident with its public timeline.');
export type Incident = z.infer<typeof incidentSchema>;

const message = z.string().trim().min(1).max(5_000);
const componentList = z.array(componentIdSchema).max(100);

export const createIncidentBodySchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  impact: incidentImpactSchema.default('minor'),
  status: incidentStatusSchema.exclude(['resolved']).default('investigating'),
  components: componentList.default([]),
  message: message.describe('The first public update.'),
  startedAt: isoTime.optional().describe('Default: now.'),
});
export type CreateIncidentInput = z.input<typeof createIncidentBodySchema>;

export const updateIncidentBodySchema = z
  .strictObject({
    status: incidentStatusSchema.optional(),
    message: message.optional().describe('A new public update (required when the status changes).'),
    title: z.string().trim().min(1).max(200).optional(),
    impact: incidentImpactSchema.optional(),
    components: componentList.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'must change at least one field')
  .refine((body) => body.status === undefined || body.message !== undefined, {
    message: 'a status change needs a public message',
    path: ['message'],
  });
export type UpdateIncidentInput = z.input<typeof updateIncidentBodySchema>;

// ---------------------------------------------------------------------------------------------
// Maintenance windows

export const maintenanceWindowSchema = z
  .object({
    id: maintenanceIdSchema,
    productId: z.string(),
    title: z.string(),
    description: z.string().optional(),
    components: z.array(z.string()),
    startsAt: isoTime,
    endsAt: isoTime,
    phase: maintenancePhaseSchema.describe(
      'scheduled → in_progress → completed (by time), or canceled. Public documents report it by the clock, even before the transition job ran.',
    ),
    maintenanceMode: z.boolean().describe('Turn the product’s maintenance mode on while in progress.'),
    startedAt: isoTime.optional(),
    completedAt: isoTime.optional(),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .describe('A scheduled maintenance window.');
export type MaintenanceWindow = z.infer<typeof maintenanceWindowSchema>;

export const createMaintenanceBodySchema = z
  .strictObject({
    title: z.string().trim().min(1).max(200),
    description: z.string().trim().max(5_000).optional(),
    components: componentList.default([]),
    startsAt: isoTime,
    endsAt: isoTime,
    maintenanceMode: z.boolean().default(false),
  })
  .refine((body) => Date.parse(body.startsAt) < Date.parse(body.endsAt), {
    message: 'must be after `startsAt`',
    path: ['endsAt'],
  });
export type CreateMaintenanceInput = z.input<typeof createMaintenanceBodySchema>;

export const updateMaintenanceBodySchema = z
  .strictObject({
    title: z.string().trim().min(1).max(200).optional(),
    description: z.string().trim().max(5_000).nullable().optional(),
    components: componentList.optional(),
    startsAt: isoTime.optional(),
    endsAt: isoTime.optional(),
    maintenanceMode: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'must change at least one field');
export type UpdateMaintenanceInput = z.input<typeof updateMaintenanceBodySchema>;

// ---------------------------------------------------------------------------------------------
// Public documents

export const publicComponentSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  status: componentStatusSchema,
  state: componentStateSchema.describe('The last damped check state (`unknown` without a check).'),
  since: isoTime.optional().describe('When the check state last changed.'),
  lastCheckedAt: isoTime.optional(),
  latencyMs: z.number().int().optional().describe('Response time of the last check.'),
});
export type PublicComponent = z.infer<typeof publicComponentSchema>;

export const publicIncidentSchema = incidentSchema.omit({ productId: true, createdAt: true });
export type PublicIncident = z.infer<typeof publicIncidentSchema>;

export const publicMaintenanceSchema = maintenanceWindowSchema.omit({
  productId: true,
  createdAt: true,
  maintenanceMode: true,
});
export type PublicMaintenance = z.infer<typeof publicMaintenanceSchema>;

export const publicStatusSchema = z
  .object({
    productId: z.string(),
    status: overallStatusSchema,
    lastCheckedAt: isoTime.optional().describe('When the poller last checked a component.'),
    generatedAt: isoTime,
    components: z.array(publicComponentSchema),
    activeIncidents: z.array(publicIncidentSchema).describe('Unresolved incidents, newest first.'),
    maintenance: z.object({
      inProgress: z.array(publicMaintenanceSchema),
      upcoming: z.array(publicMaintenanceSchema).describe('Starting within the next 30 days, soonest first.'),
    }),
  })
  .describe('The product’s current status.');
export type PublicStatus = z.infer<typeof publicStatusSchema>;

export const publicHistorySchema = z
  .object({
    productId: z.string(),
    days: z.number().int().describe('Days covered, ending today (UTC).'),
    from: z.iso.date(),
    to: z.iso.date(),
    generatedAt: isoTime,
    components: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        uptimePercent: z.number().nullable().describe('Over the whole period.'),
        days: z.array(dayRollupSchema).describe('One entry per day, oldest first.'),
      }),
    ),
    incidents: z
      .array(publicIncidentSchema)
      .describe('Incidents started in the period, newest first (at most 100).'),
    maintenance: z
      .array(publicMaintenanceSchema)
      .describe('Completed windows in the period, newest first (at most 100).'),
  })
  .describe('Daily uptime and latency per component, and past incidents.');
export type PublicHistory = z.infer<typeof publicHistorySchema>;

export const publicProductQuerySchema = z.object({
  product: productIdSchema.optional().describe('The product (default: the service’s default product).'),
});

export const historyQuerySchema = publicProductQuerySchema.extend({
  days: z.coerce.number().int().min(1).max(90).default(90).describe('Days of history, ending today (1-90).'),
});

export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(4_000).optional().describe('`nextCursor` of the previous page.'),
});

export function pageSchemaOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z
      .string()
      .optional()
      .describe('Pass as `cursor` for the next page; absent on the last page.'),
  });
}
