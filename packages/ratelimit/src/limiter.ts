/**
 * The limiter: which rules apply to a request, whose key each one counts, and the decision with
 * the values of the standard headers. No HTTP here (see `hook.ts`).
 */
import type { Clock } from '@groundwork/store';
import type { CounterStore } from './counter-store.js';
import type { RateLimitRule } from './schemas.js';
import { msUntilFits, remainingAfter, windowStartOf } from './sliding-window.js';

/** Who is asking, as the limiter sees it. */
export interface LimitSubject {
  productId: string;
  /** The principal, when authenticated. */
  principal?: { subject: string; kind: string } | undefined;
  ip: string;
}

export interface LimitRequest extends LimitSubject {
  method: string;
  /** The matched route pattern (`/v1/notes/:id`), or the path when no route matched. */
  route: string;
  /** Each rule's limit is multiplied by this (a per-user override); default 1. */
  multiplier?: number;
}

/** The outcome of the most constraining rule. */
export interface LimitOutcome {
  allowed: boolean;
  rule: RateLimitRule;
  /** `user:<id>`, `token:<id>`, `service:<id>` or `ip:<address>`. */
  key: string;
  limit: number;
  remaining: number;
  /** Ms until the current fixed window ends (allowed) or until a retry fits (refused). */
  resetMs: number;
  /** Refused only: ms until one more request would fit. */
  retryAfterMs: number;
}

/** Whether a rule's route pattern covers `route` (exact, or prefix when it ends in `*`). */
export function routeMatches(pattern: string, route: string): boolean {
  if (pattern.endsWith('*')) return route.startsWith(pattern.slice(0, -1));
  return pattern === route;
}

export function ruleApplies(
  rule: RateLimitRule,
  request: { productId: string; method: string; route: string },
): boolean {
  if (rule.productId !== undefined && rule.productId !== request.productId) return false;
  if (rule.methods && !rule.methods.includes(request.method as (typeof rule.methods)[number])) return false;
  return routeMatches(rule.route, request.route);
}

/** The key a rule counts for this subject. */
export function subjectKey(rule: RateLimitRule, subject: LimitSubject): string {
  if (rule.by === 'principal' && subject.principal) {
    const kind =
      subject.principal.kind === 'api_token'
        ? 'token'
        : subject.principal.kind === 'service'
          ? 'service'
          : 'user';
    return `${kind}:${subject.principal.subject}`;
  }
  return `ip:${subject.ip}`;
}

export interface Limiter {
  /** The rules that apply to a request (code order). */
  rulesFor(request: Pick<LimitRequest, 'productId' | 'method' | 'route'>): RateLimitRule[];
  /**
   * Counts the request against every applying rule and returns the most constraining outcome
   * (a refusal if any rule refuses), or undefined when no rule applies.
   */
  check(request: LimitRequest): Promise<LimitOutcome | undefined>;
  /** Counts one hit of `key` under an ad-hoc limit (for callers outside HTTP, e.g. auth guards). */
  hit(key: string, limit: number, windowMs: number): Promise<Omit<LimitOutcome, 'rule' | 'key'>>;
}

export function createLimiter(options: {
  rules: readonly RateLimitRule[];
  counters: CounterStore;
  clock: Clock;
}): Limiter {
  const { rules, counters, clock } = options;

  async function consume(counterKey: string, limit: number, windowMs: number) {
    const now = clock.now();
    const { allowed, counts } = await counters.consume({ key: counterKey, windowMs, limit, now });
    const retryAfterMs = allowed ? 0 : msUntilFits(counts, now, windowMs, limit);
    return {
      allowed,
      limit,
      remaining: allowed ? remainingAfter(counts, now, windowMs, limit) : 0,
      resetMs: allowed ? windowStartOf(now, windowMs) + windowMs - now : retryAfterMs,
      retryAfterMs,
    };
  }

  const rulesFor: Limiter['rulesFor'] = (request) => rules.filter((rule) => ruleApplies(rule, request));

  return {
    rulesFor,
    async check(request) {
      let worst: LimitOutcome | undefined;
      for (const rule of rulesFor(request)) {
        const key = subjectKey(rule, request);
        const limit = Math.max(1, Math.floor(rule.limit * (request.multiplier ?? 1)));
        const outcome = {
          rule,
          key,
          ...(await consume(`${request.productId}|${rule.id}|${key}`, limit, rule.windowMs)),
        };
        if (
          !worst ||
          (worst.allowed && !outcome.allowed) ||
          (worst.allowed === outcome.allowed &&
            (outcome.allowed
              ? outcome.remaining < worst.remaining
              : outcome.retryAfterMs > worst.retryAfterMs))
        )
          worst = outcome;
        if (!outcome.allowed) break; // later rules are not charged for a refused request
      }
      return worst;
    },
    hit: (key, limit, windowMs) => consume(key, limit, windowMs),
  };
}
