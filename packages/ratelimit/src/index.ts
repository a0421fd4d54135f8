/** @groundwork/ratelimit: sliding-window limits, IP allow/deny rules, per-user overrides, and their admin API. */

export type { ClientIpRequest, ClientIpResolver } from './client-ip.js';
export { createClientIpResolver, MAX_FORWARDED_HOPS } from './client-ip.js';
export type {
  ConsumeInput,
  ConsumeResult,
  CounterStore,
  MemoryCounterStoreOptions,
} from './counter-store.js';
export { createMemoryCounterStore } from './counter-store.js';
export type { DocumentCounterStoreOptions } from './document-counter-store.js';
export {
  counterPartition,
  createDocumentCounterStore,
  RATELIMIT_COUNTERS_CONTAINER,
} from './document-counter-store.js';
export type { RateLimitHookOptions } from './hook.js';
export { DEFAULT_EXEMPT_PATHS, installRateLimitHook } from './hook.js';
export type { IpAddress, IpRange } from './ip-match.js';
export { firstMatch, inRange, parseIp, parseRange, parseRanges } from './ip-match.js';
export type { IpRuleMatch, IpRules } from './ip-rules.js';
export { createIpRules, IP_RULES_CONTAINER, MAX_RULES_PER_PRODUCT } from './ip-rules.js';
export type { Limiter, LimitOutcome, LimitRequest, LimitSubject } from './limiter.js';
export { createLimiter, routeMatches, ruleApplies, subjectKey } from './limiter.js';
export type { RateLimitModule, RateLimitModuleOptions } from './module.js';
export { createRateLimitModule } from './module.js';
export type { Overrides } from './overrides.js';
export { createOverrides, RATELIMIT_OVERRIDES_CONTAINER } from './overrides.js';
export type { RatelimitEnv } from './ratelimit-env.js';
export { ratelimitEnvSchema } from './ratelimit-env.js';
export type { RateLimitAuditSink } from './routes.js';
export { rateLimitRoutes } from './routes.js';
export type {
  CreateIpRuleInput,
  IpRule,
  LimitedKey,
  PutOverrideInput,
  RateLimitOverride,
  RateLimitRule,
  RateLimitRuleInput,
  RateLimitStats,
} from './schemas.js';
export {
  blockedSchema,
  createIpRuleSchema,
  ipRuleSchema,
  overrideSchema,
  putOverrideSchema,
  rateLimitRuleSchema,
  statsSchema,
} from './schemas.js';
export type { DecisionInput, RateDecision, RateLimitService, RateLimitServiceOptions } from './service.js';
export { createRateLimitService } from './service.js';
export type { WindowCounts } from './sliding-window.js';
export { estimate, fits, msUntilFits, remainingAfter, windowStartOf } from './sliding-window.js';
export type { RateLimitStatsRecorder } from './stats.js';
export { createStatsRecorder } from './stats.js';
