/**
 * The poller's write path: raw samples (kept a short while), the per-day rollups they add to, and
 * each component's current damped state. A sample is counted once: the rollup remembers the
 * times of its last 64 samples, and a raw sample's id derives from its component and time, so a
 * retried write never counts twice.
 */
import { ConflictError } from '@groundwork/errors';
import type { StoredDocument } from '@groundwork/store';
import { readModifyWrite } from './concurrency.js';
import {
  type CurrentStateDocument,
  currentStateId,
  type DayRollupDocument,
  dayRollupId,
  MAINTENANCE_CONTAINER,
  type MaintenanceDocument,
  SAMPLES_CONTAINER,
  type SampleDocument,
  SERVICE_STATUS_CONTAINER,
  sampleId,
} from './containers.js';
import { allPages, isoOf, type StatusDeps } from './deps.js';
import { phaseAt } from './overall.js';
import { applySample, dayOf, dayStartMs, emptyCounts } from './rollup.js';
import { type ComponentState, type Sample, type SampleInput, sampleInputSchema } from './schemas.js';

export interface CurrentStateInput {
  componentId: string;
  state: ComponentState;
  /** When the damped state last changed (ms). */
  sinceMs: number;
  checkedAtMs: number;
  latencyMs?: number;
  error?: string;
}

export interface HealthRecorder {
  /**
   * Records samples: each added once to its day's rollup (a sample written again soon after, e.g.
   * a retry, is recognized by its component and time), kept raw for the retention period, and
   * marked as in maintenance when a window covering its component was in progress at its time.
   * Returns how many were new.
   */
  recordSamples(productId: string, samples: readonly SampleInput[]): Promise<number>;
  /** Stores the damped state the poller computed. */
  setCurrentState(productId: string, input: CurrentStateInput): Promise<void>;
  /** Every component's current state. */
  currentStates(productId: string): Promise<CurrentStateDocument[]>;
  /** Raw samples of one component since `sinceMs`, oldest first (at most `limit`, default 1000). */
  samples(productId: string, componentId: string, sinceMs: number, limit?: number): Promise<Sample[]>;
}

/** How many counted sample times a day rollup remembers (retries come within seconds). */
const RECENT_SAMPLES = 64;

function coveredBy(
  windows: readonly StoredDocument<MaintenanceDocument>[],
  componentId: string,
  atMs: number,
): boolean {
  return windows.some(
    (w) =>
      phaseAt(w, atMs) === 'in_progress' && (w.components.length === 0 || w.components.includes(componentId)),
  );
}

export function createHealthRecorder(deps: StatusDeps): HealthRecorder {
  const status = () =>
    deps.store.container<CurrentStateDocument | DayRollupDocument>(SERVICE_STATUS_CONTAINER);
  const samplesContainer = () => deps.store.container<SampleDocument>(SAMPLES_CONTAINER);

  async function windowsAround(productId: string, fromMs: number, toMs: number) {
    return allPages(
      (cursor) =>
        deps.store.container<MaintenanceDocument>(MAINTENANCE_CONTAINER).query({
          pk: productId,
          where: {
            and: [
              { field: 'startsAtMs', op: 'lte', value: toMs },
              { field: 'endsAtMs', op: 'gt', value: fromMs },
              { field: 'phase', op: 'ne', value: 'canceled' },
            ],
          },
          limit: 1_000,
          ...(cursor ? { cursor } : {}),
        }),
      10,
    );
  }

  return {
    async recordSamples(productId, inputs) {
      if (inputs.length === 0) return 0;
      const samples = inputs.map((input) => sampleInputSchema.parse(input));
      const times = samples.map((s) => s.at);
      const windows = await windowsAround(productId, Math.min(...times), Math.max(...times));
      let recorded = 0;
      for (const sample of samples) {
        const inMaintenance = coveredBy(windows, sample.componentId, sample.at);
        const day = dayOf(sample.at);
        // The rollup first, remembering the sample's time, so a write retried after any failure
        // is neither lost nor counted twice; then the raw sample (its id makes a retry a no-op).
        let counted = false;
        await readModifyWrite(status(), dayRollupId(sample.componentId, day), productId, (current) => {
          const existing = current as StoredDocument<DayRollupDocument> | undefined;
          const recent = existing?.recent ?? [];
          counted = false; // this callback runs again after a lost race
          if (recent.includes(sample.at)) return undefined;
          counted = true;
          const counts = applySample(existing ?? emptyCounts(), {
            state: sample.state,
            latencyMs: sample.latencyMs,
            inMaintenance,
          });
          return {
            id: dayRollupId(sample.componentId, day),
            pk: productId,
            productId,
            kind: 'day' as const,
            componentId: sample.componentId,
            day,
            dayMs: dayStartMs(sample.at),
            samples: counts.samples,
            up: counts.up,
            degraded: counts.degraded,
            down: counts.down,
            maintenance: counts.maintenance,
            latency: counts.latency,
            recent: [...recent, sample.at].slice(-RECENT_SAMPLES),
          };
        });
        try {
          await samplesContainer().create({
            id: sampleId(sample.componentId, sample.at),
            pk: productId,
            productId,
            componentId: sample.componentId,
            atMs: sample.at,
            state: sample.state,
            latencyMs: sample.latencyMs,
            ...(sample.httpStatus === undefined ? {} : { httpStatus: sample.httpStatus }),
            ...(sample.error === undefined ? {} : { error: sample.error }),
            inMaintenance,
          });
        } catch (error) {
          if (!(error instanceof ConflictError)) throw error;
        }
        if (counted) recorded += 1;
      }
      return recorded;
    },

    async setCurrentState(productId, input) {
      await status().upsert({
        id: currentStateId(input.componentId),
        pk: productId,
        productId,
        kind: 'current',
        componentId: input.componentId,
        state: input.state,
        since: isoOf(input.sinceMs),
        lastCheckedAt: isoOf(input.checkedAtMs),
        lastCheckedAtMs: input.checkedAtMs,
        ...(input.latencyMs === undefined ? {} : { latencyMs: input.latencyMs }),
        ...(input.error === undefined ? {} : { error: input.error }),
      });
    },

    async currentStates(productId) {
      const docs = await allPages((cursor) =>
        status().query({
          pk: productId,
          where: { field: 'kind', op: 'eq', value: 'current' },
          limit: 1_000,
          ...(cursor ? { cursor } : {}),
        }),
      );
      return docs as StoredDocument<CurrentStateDocument>[];
    },

    async samples(productId, componentId, sinceMs, limit = 1_000) {
      const page = await samplesContainer().query({
        pk: productId,
        where: {
          and: [
            { field: 'componentId', op: 'eq', value: componentId },
            { field: 'atMs', op: 'gte', value: sinceMs },
          ],
        },
        orderBy: [{ field: 'atMs' }],
        limit: Math.min(Math.max(1, limit), 1_000),
      });
      return page.items.map((doc) => ({
        componentId: doc.componentId,
        at: isoOf(doc.atMs),
        state: doc.state,
        latencyMs: doc.latencyMs,
        ...(doc.httpStatus === undefined ? {} : { httpStatus: doc.httpStatus }),
        ...(doc.error === undefined ? {} : { error: doc.error }),
        inMaintenance: doc.inMaintenance,
      }));
    },
  };
}
