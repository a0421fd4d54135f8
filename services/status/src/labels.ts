/** Words for every state the page shows: status is never conveyed by colour alone. */
import type {
  ComponentStatus,
  DayRollup,
  IncidentImpact,
  IncidentStatus,
  OverallStatus,
} from '@groundwork/status';

export const OVERALL_TEXT: Record<OverallStatus, string> = {
  operational: 'All systems operational',
  degraded: 'Some systems are degraded',
  major_outage: 'Major outage',
};

export const COMPONENT_TEXT: Record<ComponentStatus, string> = {
  operational: 'Operational',
  degraded: 'Degraded',
  major_outage: 'Major outage',
  maintenance: 'Under maintenance',
};

export const DAY_TEXT: Record<DayRollup['status'], string> = {
  no_data: 'No data',
  operational: 'No downtime',
  degraded: 'Degraded',
  major_outage: 'Outage',
};

export const INCIDENT_STATUS_TEXT: Record<IncidentStatus, string> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
};

export const IMPACT_TEXT: Record<IncidentImpact, string> = {
  none: 'No impact',
  minor: 'Minor impact',
  major: 'Major impact',
  critical: 'Critical impact',
};
