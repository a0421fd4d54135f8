/**
 * `createStatusService()`: the status capability without HTTP. Components, the poller's write
 * path (samples, rollups, current states), incidents, maintenance windows and the public documents,
 * on any `DocumentStore` whose containers include `statusContainers()`.
 */
import type { OutboundPolicy, Resolver } from '@groundwork/outbound';
import { type Clock, type DocumentStore, systemClock } from '@groundwork/store';
import { type ComponentService, createComponentService } from './components.js';
import type { StatusLogger } from './deps.js';
import { createHealthRecorder, type HealthRecorder } from './health.js';
import { createIncidentService, type IncidentService } from './incidents.js';
import { createMaintenanceService, type MaintenanceService } from './maintenance.js';
import type { OnMaintenanceWindow, StatusAuditSink, StatusEventEmitter } from './ports.js';
import { createPublicStatusService, type PublicStatusService } from './public-status.js';

export interface CreateStatusServiceOptions {
  store: DocumentStore;
  clock?: Clock;
  /** Where `incident.*` and `maintenance.*` events are emitted (the service's bus). */
  events?: StatusEventEmitter;
  /** Records every admin change (e.g. `(record) => audit.audit.record(record)`). */
  audit?: StatusAuditSink;
  /** Turns maintenance mode on and off for windows that ask for it (the settings module). */
  onMaintenanceWindow?: OnMaintenanceWindow;
  logger?: StatusLogger;
  /**
   * The outbound policy admin-supplied check URLs must pass when they are entered (default `{}`:
   * https only, no private, loopback or link-local address). Use the platform's `outboundPolicyFromEnv(env)`.
   */
  checkPolicy?: OutboundPolicy;
  /** Replaces DNS for that validation (tests). */
  resolver?: Resolver;
}

export interface StatusService {
  clock: Clock;
  components: ComponentService;
  health: HealthRecorder;
  incidents: IncidentService;
  maintenance: MaintenanceService;
  public: PublicStatusService;
}

export function createStatusService(options: CreateStatusServiceOptions): StatusService {
  const deps = {
    store: options.store,
    clock: options.clock ?? systemClock,
    events: options.events,
    audit: options.audit,
    onMaintenanceWindow: options.onMaintenanceWindow,
    logger: options.logger,
    checkPolicy: options.checkPolicy,
    resolver: options.resolver,
  };
  const components = createComponentService(deps);
  const health = createHealthRecorder(deps);
  const incidents = createIncidentService(deps);
  const maintenance = createMaintenanceService(deps);
  return {
    clock: deps.clock,
    components,
    health,
    incidents,
    maintenance,
    public: createPublicStatusService(deps, { components, health, incidents, maintenance }),
  };
}
