/**
 * Prometheus metrics of the jobs module, registered on the app's own registry:
 *
 * - `jobs_queue_depth{type,state}` (gauge): queued, running and dead tasks of each known type,
 *   across products, counted in the store when `/metrics` is scraped;
 * - `jobs_task_latency_seconds{type}` (histogram): from when a task became due (enqueued, or its
 *   delayed / retry time) to the start of the attempt;
 * - `jobs_task_duration_seconds{type,outcome}` (histogram): attempt duration by outcome;
 * - `jobs_task_failures_total{type}`: failed attempts (errors and timeouts);
 * - `jobs_task_dead_letters_total{type}`: tasks that went to dead letter;
 * - `jobs_lease_reclaims_total{type}`: running tasks taken over after their worker's lease lapsed.
 *
 * The last five are counted by this instance's worker (`onEvent`).
 */
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { JobsLogger } from './logger.js';
import type { Queue } from './queue.js';
import type { TaskState } from './schemas.js';
import type { WorkerEventListener } from './worker-events.js';

/** The states that make up the queue's depth (completed and cancelled tasks are history). */
export const QUEUE_DEPTH_STATES: readonly TaskState[] = ['queued', 'running', 'dead'];

export interface JobsMetrics {
  /** Pass to `createWorker({ onEvent })`. */
  onEvent: WorkerEventListener;
}

export interface JobsMetricsOptions {
  registry: Registry;
  queue: Queue;
  /** Task types whose depth is reported (those with a handler or a job here). */
  knownTypes: () => readonly string[];
  logger: JobsLogger;
}

export function registerJobsMetrics(options: JobsMetricsOptions): JobsMetrics {
  const { registry, queue, knownTypes, logger } = options;
  const registers = [registry];

  new Gauge({
    name: 'jobs_queue_depth',
    help: 'Tasks queued, running and dead, by task type (all products), counted at scrape time.',
    labelNames: ['type', 'state'] as const,
    registers,
    async collect() {
      this.reset();
      const types = [...new Set(knownTypes())];
      try {
        const counts = await Promise.all(types.map((type) => queue.counts({ type })));
        types.forEach((type, index) => {
          for (const state of QUEUE_DEPTH_STATES) this.set({ type, state }, counts[index]?.[state] ?? 0);
        });
      } catch (error) {
        logger.warn({ err: error }, 'could not count tasks for jobs_queue_depth');
      }
    },
  });

  const latency = new Histogram({
    name: 'jobs_task_latency_seconds',
    help: 'Time from a task becoming due (enqueued, or its delayed / retry time) to the start of an attempt.',
    labelNames: ['type'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15, 30, 60, 300, 900, 3600],
    registers,
  });
  const duration = new Histogram({
    name: 'jobs_task_duration_seconds',
    help: 'Duration of task attempts, by type and outcome (completed, retrying, dead, cancelled, requeued, lost).',
    labelNames: ['type', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    registers,
  });
  const failures = new Counter({
    name: 'jobs_task_failures_total',
    help: 'Failed task attempts (thrown errors, timeouts, unstorable results), by type.',
    labelNames: ['type'] as const,
    registers,
  });
  const deadLetters = new Counter({
    name: 'jobs_task_dead_letters_total',
    help: 'Tasks moved to dead letter after their last attempt, by type.',
    labelNames: ['type'] as const,
    registers,
  });
  const reclaims = new Counter({
    name: 'jobs_lease_reclaims_total',
    help: 'Running tasks taken over after their worker stopped renewing the lease, by type.',
    labelNames: ['type'] as const,
    registers,
  });

  const seconds = (ms: number) => Math.max(0, ms) / 1000;

  return {
    onEvent(event) {
      const type = event.type;
      switch (event.kind) {
        case 'attempt-started':
          latency.observe({ type }, seconds(event.at - event.dueAt));
          return;
        case 'attempt-ended':
          duration.observe({ type, outcome: event.outcome }, seconds(event.at - event.startedAt));
          if (event.outcome === 'retrying' || event.outcome === 'dead') failures.inc({ type });
          if (event.outcome === 'dead') deadLetters.inc({ type });
          return;
        case 'lease-reclaimed':
          reclaims.inc({ type });
          if (event.state === 'dead') deadLetters.inc({ type });
          return;
      }
    },
  };
}
