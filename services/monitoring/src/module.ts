import { defineModule, type ModuleContext, type PlatformModule } from '@groundwork/http';
import { HealthAggregator } from './aggregator.js';
import { createMonitorMetrics } from './metrics.js';
import { monitoringRoutes } from './routes.js';
import type { MonitorTarget } from './targets.js';

export interface MonitoringModuleOptions {
  targets: MonitorTarget[];
  intervalMs: number;
  timeoutMs: number;
  historySize: number;
}

/** Polls the targets in the background from start to stop; serves `/v1/status`. */
export function createMonitoringModule(options: MonitoringModuleOptions): PlatformModule {
  let aggregator: HealthAggregator | undefined;
  const aggregatorFor = (ctx: ModuleContext): HealthAggregator => {
    aggregator ??= new HealthAggregator({
      ...options,
      clock: ctx.clock,
      metrics: createMonitorMetrics(ctx.metrics),
      onError: (error) => ctx.logger.error({ err: error }, 'health poll failed'),
    });
    return aggregator;
  };
  return defineModule({
    name: 'monitoring',
    routes: async (app, { ctx }) => {
      await app.register(monitoringRoutes(aggregatorFor(ctx)));
    },
    start: (ctx) => aggregatorFor(ctx).start(),
    stop: () => aggregator?.stop(),
  });
}
