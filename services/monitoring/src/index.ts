export {
  type AggregateStatus,
  HealthAggregator,
  type ServiceState,
  type ServiceStatus,
} from './aggregator.js';
export { envSchemas, loadMonitoringConfig, type MonitoringEnv, monitoringEnvSchema } from './env.js';
export { createMonitoringModule, type MonitoringModuleOptions } from './module.js';
export { createMonitoring, runMonitoring } from './service.js';
export { type MonitorTarget, parseTargets } from './targets.js';
