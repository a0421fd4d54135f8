/**
 * The status poller: on an interval, checks every component of the product that has a check,
 * damps flapping, and writes through `@groundwork/status` to the shared store: one raw sample per
 * check (rolled up per day into uptime and latency percentiles) and each component's damped state.
 * A round never takes longer than the slowest check's timeout; checks run in parallel, bounded.
 */

import type { Component, ComponentCheck, SampleInput, StatusService } from '@groundwork/status';
import type { Clock } from '@groundwork/store';
import type { CheckObservation, CheckRunner } from './checks.js';
import { type DampingRule, type DampingState, initialDamping, observe } from './damping.js';
import { PollLoop } from './poll-loop.js';

export interface StatusPollerOptions {
  status: Pick<StatusService, 'components' | 'health'>;
  productId: string;
  runner: CheckRunner;
  clock: Clock;
  intervalMs: number;
  /** Failed checks in a row before a component is reported down (N). */
  downAfter: number;
  /** Good checks in a row before a down component is reported up again (M). */
  upAfter: number;
  /** Checks run at once at most (default 16). */
  concurrency?: number;
  onError?: (error: unknown) => void;
  /** Told about every round (metrics, logs, tests). */
  onRound?: (round: PollRound) => void;
}

export interface PollRound {
  productId: string;
  at: number;
  results: { componentId: string; observed: CheckObservation; reported: DampingState['reported'] }[];
}

type Checked = Component & { check: ComponentCheck };

async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await fn(items[index] as T);
    }
  });
  await Promise.all(workers);
  return results;
}

export class StatusPoller {
  readonly #options: StatusPollerOptions;
  readonly #rule: DampingRule;
  readonly #damping = new Map<string, DampingState>();
  #seeded = false;
  readonly #loop: PollLoop<PollRound>;

  constructor(options: StatusPollerOptions) {
    for (const [name, value] of [
      ['downAfter', options.downAfter],
      ['upAfter', options.upAfter],
    ] as const) {
      if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer.`);
    }
    this.#options = options;
    this.#rule = { downAfter: options.downAfter, upAfter: options.upAfter };
    this.#loop = new PollLoop(() => this.#poll(), options.intervalMs, options.onError);
  }

  /** One round over every checked component; concurrent calls share the round in progress. */
  pollOnce(): Promise<PollRound> {
    return this.#loop.runOnce();
  }

  /** The damped state of a component as the poller holds it. */
  damping(componentId: string): DampingState | undefined {
    return this.#damping.get(componentId);
  }

  async #seed(): Promise<void> {
    if (this.#seeded) return;
    // After a restart, continue from the stored states instead of starting over from unknown.
    const stored = await this.#options.status.health.currentStates(this.#options.productId);
    for (const current of stored) {
      if (!this.#damping.has(current.componentId))
        this.#damping.set(current.componentId, initialDamping(current.state, Date.parse(current.since)));
    }
    this.#seeded = true;
  }

  async #poll(): Promise<PollRound> {
    const { status, productId, runner, clock } = this.#options;
    await this.#seed();
    const components = (await status.components.list(productId)).filter(
      (c): c is Checked => c.check !== undefined,
    );
    const at = clock.now();
    const observations = await mapBounded(components, this.#options.concurrency ?? 16, (component) =>
      runner.run(component),
    );
    const samples: SampleInput[] = [];
    const results: PollRound['results'] = [];
    components.forEach((component, i) => {
      const observed = observations[i] as CheckObservation;
      const state = observe(
        this.#damping.get(component.id) ?? initialDamping(),
        observed.state,
        at,
        this.#rule,
      );
      this.#damping.set(component.id, state);
      samples.push({
        componentId: component.id,
        at,
        state: observed.state,
        latencyMs: Math.max(0, Math.round(observed.latencyMs)),
        ...(observed.httpStatus === undefined ? {} : { httpStatus: observed.httpStatus }),
        ...(observed.error === undefined ? {} : { error: observed.error }),
      });
      results.push({ componentId: component.id, observed, reported: state.reported });
    });
    await status.health.recordSamples(productId, samples);
    for (const [i, component] of components.entries()) {
      const state = this.#damping.get(component.id) as DampingState;
      const observed = observations[i] as CheckObservation;
      await status.health.setCurrentState(productId, {
        componentId: component.id,
        state: state.reported,
        sinceMs: state.sinceMs,
        checkedAtMs: at,
        latencyMs: Math.max(0, Math.round(observed.latencyMs)),
        ...(observed.error === undefined ? {} : { error: observed.error }),
      });
    }
    const round = { productId, at, results };
    this.#options.onRound?.(round);
    return round;
  }

  start(): void {
    this.#loop.start();
  }

  stop(): Promise<void> {
    return this.#loop.stop();
  }
}
