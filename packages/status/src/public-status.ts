/**
 * The public documents: the current status (components, overall status, active incidents,
 * maintenance in progress and upcoming) and the history (daily rollups, past incidents and
 * maintenance). Read-only, for one product; nothing in them is private (no check URLs, no errors).
 */
import type { StoredDocument } from '@groundwork/store';
import type { ComponentService } from './components.js';
import { type DayRollupDocument, SERVICE_STATUS_CONTAINER } from './containers.js';
import { isoOf, type StatusDeps } from './deps.js';
import type { HealthRecorder } from './health.js';
import type { IncidentService } from './incidents.js';
import type { MaintenanceService } from './maintenance.js';
import { componentStatus, overallStatus } from './overall.js';
import { dayView, lastDays, type RollupCounts, sumCounts, uptimePercent } from './rollup.js';
import type {
  Incident,
  MaintenanceWindow,
  PublicHistory,
  PublicIncident,
  PublicMaintenance,
  PublicStatus,
} from './schemas.js';

const DAY_MS = 86_400_000;
const UPCOMING_DAYS = 30;
export const MAX_HISTORY_ITEMS = 100;

export interface PublicStatusService {
  status(productId: string): Promise<PublicStatus>;
  history(productId: string, days: number): Promise<PublicHistory>;
}

export function publicIncident(incident: Incident): PublicIncident {
  const { productId: _p, createdAt: _c, ...rest } = incident;
  return rest;
}

export function publicMaintenance(window: MaintenanceWindow): PublicMaintenance {
  const { productId: _p, createdAt: _c, maintenanceMode: _m, ...rest } = window;
  return rest;
}

export function createPublicStatusService(
  deps: StatusDeps,
  parts: {
    components: ComponentService;
    health: HealthRecorder;
    incidents: IncidentService;
    maintenance: MaintenanceService;
  },
): PublicStatusService {
  return {
    async status(productId) {
      const nowMs = deps.clock.now();
      const [components, states, active, windows] = await Promise.all([
        parts.components.list(productId),
        parts.health.currentStates(productId),
        parts.incidents.active(productId),
        parts.maintenance.between(productId, nowMs, nowMs + UPCOMING_DAYS * DAY_MS),
      ]);
      const inProgress = windows.filter((w) => w.phase === 'in_progress');
      const upcoming = windows.filter((w) => w.phase === 'scheduled');
      const stateOf = new Map(states.map((s) => [s.componentId, s]));
      const view = components.map((component) => {
        // A component without a check (any more) has no check state, whatever was stored before.
        const current = component.check ? stateOf.get(component.id) : undefined;
        const state = current?.state ?? 'unknown';
        const underMaintenance = inProgress.some(
          (w) => w.components.length === 0 || w.components.includes(component.id),
        );
        return {
          id: component.id,
          name: component.name,
          ...(component.description ? { description: component.description } : {}),
          status: componentStatus(component.id, state, active, underMaintenance),
          state,
          ...(current ? { since: current.since, lastCheckedAt: current.lastCheckedAt } : {}),
          ...(current?.latencyMs === undefined ? {} : { latencyMs: current.latencyMs }),
        };
      });
      const checked = new Set(components.filter((c) => c.check).map((c) => c.id));
      const lastCheckedMs = Math.max(
        ...states.filter((s) => checked.has(s.componentId)).map((s) => s.lastCheckedAtMs),
        -1,
      );
      return {
        productId,
        status: overallStatus(
          view.map((c) => c.status),
          active,
        ),
        ...(lastCheckedMs >= 0 ? { lastCheckedAt: isoOf(lastCheckedMs) } : {}),
        generatedAt: isoOf(nowMs),
        components: view,
        activeIncidents: active.map(publicIncident),
        maintenance: {
          inProgress: inProgress.map(publicMaintenance),
          upcoming: upcoming.map(publicMaintenance),
        },
      };
    },

    async history(productId, days) {
      const nowMs = deps.clock.now();
      const dayList = lastDays(nowMs, days);
      const fromMs = Date.parse(`${dayList[0]}T00:00:00.000Z`);
      const [components, rollups, incidents, windows] = await Promise.all([
        parts.components.list(productId),
        readRollups(deps, productId, fromMs),
        parts.incidents.since(productId, fromMs, MAX_HISTORY_ITEMS),
        parts.maintenance.between(productId, fromMs, nowMs),
      ]);
      const byKey = new Map(rollups.map((r) => [`${r.componentId}:${r.day}`, r]));
      return {
        productId,
        days,
        from: dayList[0] as string,
        to: dayList.at(-1) as string,
        generatedAt: isoOf(nowMs),
        components: components.map((component) => {
          const counts: RollupCounts[] = [];
          const dayViews = dayList.map((day) => {
            const rollup = byKey.get(`${component.id}:${day}`);
            if (rollup) counts.push(rollup);
            return dayView(day, rollup);
          });
          return {
            id: component.id,
            name: component.name,
            uptimePercent: uptimePercent(sumCounts(counts)),
            days: dayViews,
          };
        }),
        incidents: incidents.map(publicIncident),
        maintenance: windows
          .filter((w) => w.phase === 'completed')
          .reverse()
          .slice(0, MAX_HISTORY_ITEMS)
          .map(publicMaintenance),
      };
    },
  };
}

async function readRollups(deps: StatusDeps, productId: string, fromMs: number) {
  const container = deps.store.container<DayRollupDocument>(SERVICE_STATUS_CONTAINER);
  const all: StoredDocument<DayRollupDocument>[] = [];
  let cursor: string | undefined;
  // 90 days × a few dozen components: bounded to 50 pages of 1000.
  for (let page = 0; page < 50; page += 1) {
    const result = await container.query({
      pk: productId,
      where: {
        and: [
          { field: 'kind', op: 'eq', value: 'day' },
          { field: 'dayMs', op: 'gte', value: fromMs },
        ],
      },
      limit: 1_000,
      ...(cursor ? { cursor } : {}),
    });
    all.push(...result.items);
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return all;
}
