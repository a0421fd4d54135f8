/**
 * How the public status is derived, as pure functions. A component's status is the worst of its
 * damped check state and the impact of the unresolved incidents naming it, unless a maintenance
 * window covering it is in progress. The overall status is `major_outage` when an unresolved
 * incident is `critical` or more than half of the components are in major outage; `degraded` when
 * any component is not operational or any unresolved incident has an impact; else `operational`.
 */
import type {
  ComponentState,
  ComponentStatus,
  IncidentImpact,
  MaintenancePhase,
  OverallStatus,
} from './schemas.js';

const RANK: Record<Exclude<ComponentStatus, 'maintenance'>, number> = {
  operational: 0,
  degraded: 1,
  major_outage: 2,
};

function worst(
  a: Exclude<ComponentStatus, 'maintenance'>,
  b: Exclude<ComponentStatus, 'maintenance'>,
): Exclude<ComponentStatus, 'maintenance'> {
  return RANK[a] >= RANK[b] ? a : b;
}

export function statusOfState(state: ComponentState): Exclude<ComponentStatus, 'maintenance'> {
  if (state === 'down') return 'major_outage';
  if (state === 'degraded') return 'degraded';
  return 'operational';
}

export function statusOfImpact(impact: IncidentImpact): Exclude<ComponentStatus, 'maintenance'> {
  if (impact === 'major' || impact === 'critical') return 'major_outage';
  if (impact === 'minor') return 'degraded';
  return 'operational';
}

export interface ActiveIncidentLike {
  impact: IncidentImpact;
  components: readonly string[];
}

export function componentStatus(
  componentId: string,
  state: ComponentState,
  activeIncidents: readonly ActiveIncidentLike[],
  inMaintenance: boolean,
): ComponentStatus {
  if (inMaintenance) return 'maintenance';
  let status = statusOfState(state);
  for (const incident of activeIncidents) {
    if (incident.components.includes(componentId)) status = worst(status, statusOfImpact(incident.impact));
  }
  return status;
}

export function overallStatus(
  statuses: readonly ComponentStatus[],
  activeIncidents: readonly ActiveIncidentLike[],
): OverallStatus {
  if (activeIncidents.some((incident) => incident.impact === 'critical')) return 'major_outage';
  const outages = statuses.filter((status) => status === 'major_outage').length;
  if (statuses.length > 0 && outages * 2 > statuses.length) return 'major_outage';
  if (statuses.some((status) => status === 'degraded' || status === 'major_outage')) return 'degraded';
  if (activeIncidents.some((incident) => incident.impact !== 'none')) return 'degraded';
  return 'operational';
}

/** A window's phase by the clock (canceled stays canceled), whatever the stored phase says. */
export function phaseAt(
  window: { phase: MaintenancePhase; startsAtMs: number; endsAtMs: number },
  nowMs: number,
): MaintenancePhase {
  if (window.phase === 'canceled') return 'canceled';
  if (nowMs >= window.endsAtMs) return 'completed';
  if (nowMs >= window.startsAtMs) return 'in_progress';
  return 'scheduled';
}
