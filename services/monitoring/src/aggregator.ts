import type { Clock } from '@groundwork/store';
import { History } from './history.js';
import type { MonitorMetrics } from './metrics.js';
import { PollLoop } from './poll-loop.js';
import { type ProbeResult, probe } from './probe.js';
import type { MonitorTarget } from './targets.js';

/** up: alive and ready; degraded: alive but not ready; down: not answering /health in time. */
export type ServiceState = 'up' | 'degraded' | 'down' | 'unknown';

export interface CheckSample {
  at: string;
  state: ServiceState;
  health: ProbeResult;
  ready: ProbeResult;
}

export interface ServiceStatus {
  name: string;
  baseUrl: string;
  state: ServiceState;
  /** When the service entered its current state. */
  since?: string;
  lastCheckedAt?: string;
  consecutiveFailures: number;
  /** Share of recent samples in which the service was up, 0..1; absent before the first sample. */
  uptimeRatio?: number;
  latest?: CheckSample;
}

export interface AggregateStatus {
  status: ServiceState;
  checkedAt?: string;
  services: ServiceStatus[];
}

export interface AggregatorOptions {
  targets: MonitorTarget[];
  intervalMs: number;
  timeoutMs: number;
  historySize: number;
  clock: Clock;
  metrics?: MonitorMetrics;
  onError?: (error: unknown) => void;
}

interface Tracked {
  target: MonitorTarget;
  history: History<CheckSample>;
  since?: string;
  consecutiveFailures: number;
}

function stateOf(health: ProbeResult, ready: ProbeResult): ServiceState {
  if (!health.ok) return 'down';
  return ready.ok ? 'up' : 'degraded';
}

/** Overall: unknown before any sample, up when all are up, down when all are down, else degraded. */
export function overallState(states: ServiceState[]): ServiceState {
  if (states.length === 0 || states.includes('unknown')) return 'unknown';
  if (states.every((s) => s === 'up')) return 'up';
  if (states.every((s) => s === 'down')) return 'down';
  return 'degraded';
}

/**
 * Polls every target's `/health` and `/ready` in parallel on an interval. Each probe is bounded
 * by `timeoutMs`, so one slow service can never stall the others or the next round.
 */
export class HealthAggregator {
  readonly #options: AggregatorOptions;
  readonly #tracked: Tracked[];
  readonly #loop: PollLoop<void>;
  #lastCheckedAt: string | undefined;

  constructor(options: AggregatorOptions) {
    this.#options = options;
    this.#tracked = options.targets.map((target) => ({
      target,
      history: new History<CheckSample>(options.historySize),
      consecutiveFailures: 0,
    }));
    this.#loop = new PollLoop(() => this.#poll(), options.intervalMs, options.onError);
  }

  /** Runs one round over all targets; concurrent calls share the round in progress. */
  pollOnce(): Promise<void> {
    return this.#loop.runOnce();
  }

  async #poll(): Promise<void> {
    await Promise.all(this.#tracked.map((tracked) => this.#check(tracked)));
    this.#lastCheckedAt = new Date(this.#options.clock.now()).toISOString();
  }

  async #check(tracked: Tracked): Promise<void> {
    const { timeoutMs, clock, metrics } = this.#options;
    const [health, ready] = await Promise.all([
      probe(`${tracked.target.baseUrl}/health`, timeoutMs),
      probe(`${tracked.target.baseUrl}/ready`, timeoutMs),
    ]);
    const sample: CheckSample = {
      at: new Date(clock.now()).toISOString(),
      state: stateOf(health, ready),
      health,
      ready,
    };
    if (tracked.history.latest()?.state !== sample.state) tracked.since = sample.at;
    tracked.consecutiveFailures = sample.state === 'up' ? 0 : tracked.consecutiveFailures + 1;
    tracked.history.push(sample);
    metrics?.record(tracked.target.name, sample);
  }

  start(): void {
    this.#loop.start();
  }

  stop(): Promise<void> {
    return this.#loop.stop();
  }

  status(name: string): ServiceStatus | undefined {
    const tracked = this.#tracked.find((t) => t.target.name === name);
    return tracked && this.#statusOf(tracked);
  }

  history(name: string): readonly CheckSample[] | undefined {
    return this.#tracked.find((t) => t.target.name === name)?.history.list();
  }

  snapshot(): AggregateStatus {
    const services = this.#tracked.map((t) => this.#statusOf(t));
    return {
      status: overallState(services.map((s) => s.state)),
      ...(this.#lastCheckedAt ? { checkedAt: this.#lastCheckedAt } : {}),
      services,
    };
  }

  #statusOf(tracked: Tracked): ServiceStatus {
    const samples = tracked.history.list();
    const latest = tracked.history.latest();
    return {
      name: tracked.target.name,
      baseUrl: tracked.target.baseUrl,
      state: latest?.state ?? 'unknown',
      ...(tracked.since ? { since: tracked.since } : {}),
      ...(latest ? { lastCheckedAt: latest.at, latest } : {}),
      consecutiveFailures: tracked.consecutiveFailures,
      ...(samples.length > 0
        ? { uptimeRatio: samples.filter((s) => s.state === 'up').length / samples.length }
        : {}),
    };
  }
}
