export {
  type AggregateStatus,
  HealthAggregator,
  type ServiceState,
  type ServiceStatus,
} from './aggregator.js';
export { type CheckObservation, type CheckRunner, createCheckRunner } from './checks.js';
export { type DampingRule, type DampingState, initialDamping, observe } from './damping.js';
export {
  envSchemas,
  loadMonitoringConfig,
  type MonitoringEnv,
  monitoringEnvSchema,
  storeOptionsOf,
} from './env.js';
export { createMonitoringModule, type MonitoringModuleOptions } from './module.js';
export { type PollRound, StatusPoller, type StatusPollerOptions } from './poller.js';
export {
  type CreateMonitoringOptions,
  createMonitoring,
  operatorComponents,
  runMonitoring,
} from './service.js';
export {
  createStatusPollerModule,
  type StatusPollerModule,
  type StatusPollerModuleOptions,
} from './status-poller-module.js';
export { type MonitorTarget, parseTargets } from './targets.js';
