/**
 * The containers of the status capability, all partitioned by product (roadmap §4: `service_status`
 * and `incidents` on `/productId`), and the shapes stored in them.
 */
import type { ContainerSpec } from '@groundwork/store';
import type { LatencyHistogram } from './latency.js';
import type {
  CheckState,
  ComponentCheck,
  ComponentState,
  IncidentImpact,
  IncidentStatus,
  IncidentUpdate,
  MaintenancePhase,
} from './schemas.js';

export const COMPONENTS_CONTAINER = 'status_components';
export const SERVICE_STATUS_CONTAINER = 'service_status';
export const SAMPLES_CONTAINER = 'status_samples';
export const INCIDENTS_CONTAINER = 'incidents';
export const MAINTENANCE_CONTAINER = 'maintenance_windows';

const DAY_SECONDS = 86_400;
export const DEFAULT_HISTORY_DAYS = 90;
export const DEFAULT_SAMPLE_RETENTION_HOURS = 48;

export interface StatusContainerOptions {
  /** Days of daily rollups kept (the page shows 90); default 90 + 7 days of slack. */
  historyDays?: number;
  /** Hours raw samples are kept; default 48. */
  sampleRetentionHours?: number;
}

export function statusContainers(options: StatusContainerOptions = {}): ContainerSpec[] {
  const historyDays = options.historyDays ?? DEFAULT_HISTORY_DAYS;
  const sampleHours = options.sampleRetentionHours ?? DEFAULT_SAMPLE_RETENTION_HOURS;
  if (!Number.isInteger(historyDays) || historyDays < 1 || historyDays > 3_650)
    throw new RangeError(`historyDays must be an integer from 1 to 3650, got ${historyDays}.`);
  if (!Number.isInteger(sampleHours) || sampleHours < 1 || sampleHours > 24 * 400)
    throw new RangeError(`sampleRetentionHours must be an integer from 1 to 9600, got ${sampleHours}.`);
  return [
    {
      name: COMPONENTS_CONTAINER,
      partitionKey: '/productId',
      description: 'Status page components and their checks.',
    },
    {
      name: SERVICE_STATUS_CONTAINER,
      partitionKey: '/productId',
      // Rollups are rewritten during their day, so they expire historyDays + 7 after their last write.
      defaultTtl: (historyDays + 7) * DAY_SECONDS,
      description:
        'Per component: the current (damped) state, and one rollup per UTC day (uptime, latency percentiles).',
    },
    {
      name: SAMPLES_CONTAINER,
      partitionKey: '/productId',
      defaultTtl: sampleHours * 3_600,
      description: `Raw check samples, kept ${sampleHours} hours.`,
    },
    {
      name: INCIDENTS_CONTAINER,
      partitionKey: '/productId',
      description: 'Incidents with their public timeline.',
    },
    {
      name: MAINTENANCE_CONTAINER,
      partitionKey: '/productId',
      description: 'Scheduled maintenance windows.',
    },
  ];
}

export interface ComponentDocument {
  productId: string;
  name: string;
  description?: string;
  order: number;
  source: 'operator' | 'admin';
  check?: ComponentCheck;
  createdAt: string;
  updatedAt: string;
}

/** `cur:<componentId>` in `service_status`: the poller's damped view of a component. */
export interface CurrentStateDocument {
  productId: string;
  kind: 'current';
  componentId: string;
  state: ComponentState;
  since: string;
  lastCheckedAt: string;
  lastCheckedAtMs: number;
  latencyMs?: number;
  error?: string;
}

/** `day:<componentId>:<YYYY-MM-DD>` in `service_status`. */
export interface DayRollupDocument {
  productId: string;
  kind: 'day';
  componentId: string;
  day: string;
  dayMs: number;
  samples: number;
  up: number;
  degraded: number;
  down: number;
  maintenance: number;
  latency: LatencyHistogram;
  /** Times (ms) of the last samples counted, newest last: a retried sample is not counted twice. */
  recent?: number[];
}

export interface SampleDocument {
  productId: string;
  componentId: string;
  atMs: number;
  state: CheckState;
  latencyMs: number;
  httpStatus?: number;
  error?: string;
  inMaintenance: boolean;
}

export interface IncidentDocument {
  productId: string;
  title: string;
  impact: IncidentImpact;
  status: IncidentStatus;
  components: string[];
  updates: IncidentUpdate[];
  startedAt: string;
  startedAtMs: number;
  resolvedAt?: string;
  createdAt: string;
  updatedAt: string;
}

export interface MaintenanceDocument {
  productId: string;
  title: string;
  description?: string;
  components: string[];
  startsAt: string;
  endsAt: string;
  startsAtMs: number;
  endsAtMs: number;
  phase: MaintenancePhase;
  maintenanceMode: boolean;
  startedAt?: string;
  completedAt?: string;
  createdAt: string;
  updatedAt: string;
}

export const currentStateId = (componentId: string): string => `cur:${componentId}`;
export const dayRollupId = (componentId: string, day: string): string => `day:${componentId}:${day}`;
export const sampleId = (componentId: string, atMs: number): string => `smp:${componentId}:${atMs}`;
