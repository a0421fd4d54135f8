import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { ProbeResult } from './probe.js';

/** What one polling round learned about a service. */
export interface ProbePair {
  health: ProbeResult;
  ready: ProbeResult;
}

export interface MonitorMetrics {
  record(service: string, sample: ProbePair): void;
}

/** Prometheus series for every monitored service, registered on the service's own registry. */
export function createMonitorMetrics(registry: Registry): MonitorMetrics {
  const up = new Gauge({
    name: 'groundwork_monitor_service_up',
    help: '1 when the service answered /health with 2xx within the timeout, else 0.',
    labelNames: ['service'],
    registers: [registry],
  });
  const ready = new Gauge({
    name: 'groundwork_monitor_service_ready',
    help: '1 when the service answered /ready with 2xx within the timeout, else 0.',
    labelNames: ['service'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'groundwork_monitor_probe_duration_seconds',
    help: 'Time taken by each probe, including failed and timed-out ones.',
    labelNames: ['service', 'endpoint'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const failures = new Counter({
    name: 'groundwork_monitor_probe_failures_total',
    help: 'Failed probes by reason (timeout, unreachable, http_<status>).',
    labelNames: ['service', 'endpoint', 'reason'],
    registers: [registry],
  });
  return {
    record(service, sample) {
      up.set({ service }, sample.health.ok ? 1 : 0);
      ready.set({ service }, sample.ready.ok ? 1 : 0);
      for (const [endpoint, result] of [
        ['health', sample.health],
        ['ready', sample.ready],
      ] as const) {
        duration.observe({ service, endpoint }, result.latencyMs / 1000);
        if (!result.ok) failures.inc({ service, endpoint, reason: result.error ?? 'unknown' });
      }
    },
  };
}
