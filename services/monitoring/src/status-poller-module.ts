/**
 * The status poller as a module of the monitoring service: it declares the status containers in
 * the shared store, registers the operator's components (trusted checks) at start, and runs the
 * poller from start to stop. Admin-supplied checks are fetched through an outbound client built
 * from the operator's policy.
 */
import { defineModule, type ModuleContext, type PlatformModule } from '@groundwork/http';
import {
  createOutboundClient,
  type OutboundClient,
  type OutboundPolicy,
  type Resolver,
} from '@groundwork/outbound';
import { createStatusService, type OperatorComponentInput, statusContainers } from '@groundwork/status';
import { createCheckRunner } from './checks.js';
import { type PollRound, StatusPoller } from './poller.js';

export interface StatusPollerModuleOptions {
  /** The operator's product: its components come from configuration. */
  productId: string;
  /** More products whose admin-created components are checked too. */
  extraProductIds?: string[];
  /** The operator's components (from MONITOR_TARGETS and STATUS_HTTP_CHECKS). */
  components: OperatorComponentInput[];
  intervalMs: number;
  downAfter: number;
  upAfter: number;
  /** For admin-supplied check URLs (`outboundPolicyFromEnv(env)`). */
  outboundPolicy: OutboundPolicy;
  /** Replaces DNS for admin-supplied URLs (tests). */
  resolver?: Resolver;
  historyDays?: number;
  sampleRetentionHours?: number;
  onRound?: (round: PollRound) => void;
}

export interface StatusPollerModule {
  module: PlatformModule;
  /** The running poller of a product (default: the operator's), once the module started. */
  poller(productId?: string): StatusPoller | undefined;
}

export function createStatusPollerModule(options: StatusPollerModuleOptions): StatusPollerModule {
  const pollers = new Map<string, StatusPoller>();
  let outbound: OutboundClient | undefined;
  let lastError: unknown;

  const module = defineModule({
    name: 'status-poller',
    containers: statusContainers({
      ...(options.historyDays === undefined ? {} : { historyDays: options.historyDays }),
      ...(options.sampleRetentionHours === undefined
        ? {}
        : { sampleRetentionHours: options.sampleRetentionHours }),
    }),
    health: async () =>
      lastError === undefined
        ? { status: 'ok' as const }
        : { status: 'degraded' as const, detail: 'The last status poller round failed; see the logs.' },
    async start(ctx: ModuleContext) {
      const status = createStatusService({ store: ctx.store, clock: ctx.clock, logger: ctx.logger });
      await status.components.registerOperatorComponents(options.productId, options.components, {
        prune: true,
      });
      outbound = createOutboundClient(options.outboundPolicy, {
        userAgent: 'groundwork-monitoring',
        ...(options.resolver ? { resolver: options.resolver } : {}),
      });
      const productIds = [...new Set([options.productId, ...(options.extraProductIds ?? [])])];
      for (const productId of productIds) {
        const poller = new StatusPoller({
          status,
          productId,
          runner: createCheckRunner({ outbound }),
          clock: ctx.clock,
          intervalMs: options.intervalMs,
          downAfter: options.downAfter,
          upAfter: options.upAfter,
          onError: (error) => {
            lastError = error;
            ctx.logger.error({ err: error, productId }, 'status poller round failed');
          },
          onRound: (round) => {
            lastError = undefined;
            options.onRound?.(round);
          },
        });
        pollers.set(productId, poller);
        poller.start();
      }
    },
    async stop() {
      await Promise.all([...pollers.values()].map((poller) => poller.stop()));
      await outbound?.close();
    },
  });
  return { module, poller: (productId = options.productId) => pollers.get(productId) };
}
