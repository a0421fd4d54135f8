/**
 * The rate-limit service: IP rules, per-user overrides, the limiter and its statistics, and the
 * one decision the HTTP hook asks for. No Fastify here.
 */
import type { Clock, DocumentStore } from '@groundwork/store';
import { type ClientIpResolver, createClientIpResolver } from './client-ip.js';
import { type CounterStore, createMemoryCounterStore } from './counter-store.js';
import { parseIp } from './ip-match.js';
import { createIpRules, type IpRules } from './ip-rules.js';
import { createLimiter, type Limiter, type LimitOutcome } from './limiter.js';
import { createOverrides, type Overrides } from './overrides.js';
import { type IpRule, type RateLimitRuleInput, rateLimitRuleSchema } from './schemas.js';
import { createStatsRecorder, type RateLimitStatsRecorder } from './stats.js';

export interface RateLimitServiceOptions {
  store: DocumentStore;
  clock: Clock;
  rules?: readonly RateLimitRuleInput[];
  /** Default: `createMemoryCounterStore()`. */
  counters?: CounterStore;
  /** IPs/CIDRs whose `X-Forwarded-For` is believed. */
  trustedProxies?: readonly string[];
  /** IP rules and overrides cache bound (default 5000 ms). */
  cacheTtlMs?: number;
}

/** What one request gets. */
export type RateDecision =
  | { kind: 'ip_denied'; rule: IpRule; ip: string }
  /** An allow rule or an exempt user: no limit applies. */
  | { kind: 'exempt'; ip: string }
  | { kind: 'unlimited'; ip: string }
  | { kind: 'limited'; outcome: LimitOutcome; ip: string };

export interface DecisionInput {
  productId: string;
  method: string;
  route: string;
  principal?: { subject: string; kind: string } | undefined;
  ip: string;
}

export interface RateLimitService {
  readonly ipRules: IpRules;
  readonly overrides: Overrides;
  readonly limiter: Limiter;
  readonly stats: RateLimitStatsRecorder;
  readonly clientIp: ClientIpResolver;
  decide(input: DecisionInput): Promise<RateDecision>;
}

export function createRateLimitService(options: RateLimitServiceOptions): RateLimitService {
  const { store, clock } = options;
  const cacheTtlMs = options.cacheTtlMs ?? 5_000;
  const rules = (options.rules ?? []).map((rule) => rateLimitRuleSchema.parse(rule));
  const ids = new Set<string>();
  for (const rule of rules) {
    if (ids.has(rule.id)) throw new TypeError(`Two rate-limit rules have the id "${rule.id}".`);
    ids.add(rule.id);
  }
  const ipRules = createIpRules({ store, clock, cacheTtlMs });
  const overrides = createOverrides({ store, clock, cacheTtlMs });
  const limiter = createLimiter({ rules, counters: options.counters ?? createMemoryCounterStore(), clock });
  const stats = createStatsRecorder(clock);
  const clientIp = createClientIpResolver(options.trustedProxies ?? []);

  return {
    ipRules,
    overrides,
    limiter,
    stats,
    clientIp,
    async decide(input) {
      const { ip, productId } = input;
      const match = await ipRules.match(productId, parseIp(ip));
      if (match?.action === 'deny') {
        stats.ipDenied(productId);
        return { kind: 'ip_denied', rule: match.rule, ip };
      }
      if (limiter.rulesFor(input).length === 0) return { kind: 'unlimited', ip };
      if (match?.action === 'allow') return { kind: 'exempt', ip };
      const override =
        input.principal?.kind === 'user'
          ? await overrides.active(productId, input.principal.subject)
          : undefined;
      if (override?.exempt) return { kind: 'exempt', ip };
      const outcome = await limiter.check({ ...input, multiplier: override?.multiplier ?? 1 });
      if (!outcome) return { kind: 'unlimited', ip };
      if (!outcome.allowed) stats.limited(productId, outcome.key, outcome.rule.id, outcome.retryAfterMs);
      return { kind: 'limited', outcome, ip };
    },
  };
}
