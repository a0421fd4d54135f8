/**
 * @groundwork/flags: feature flags with typed variants, targeting rules, deterministic FNV-1a
 * rollout, prerequisites; an in-process evaluator, the evaluation and admin API, an OpenFeature
 * server provider, and the platform module.
 */

export {
  BUCKETS,
  bucketOf,
  bucketOfHash,
  FNV_OFFSET_BASIS,
  FNV_PRIME,
  fmix32,
  fnv1a32,
  fnv1aUpdate,
  percentageThreshold,
  seedState,
} from './bucketing.js';
export type { FlagContext, Matcher } from './conditions.js';
export { attributeValue, compileCondition, compileConditions } from './conditions.js';
export { evaluationContextOf } from './evaluation-context.js';
export type { FlagEvaluation, FlagEvaluator } from './evaluator.js';
export { createFlagEvaluator } from './evaluator.js';
export { flagEventDefinitions } from './flag-events.js';
export type { FlagsEnv } from './flags-env.js';
export { flagsEnvSchema } from './flags-env.js';
export type { FlagSource, GateRequest, RequireFlagOptions } from './gate.js';
export { gateContext, requireFlag } from './gate.js';
export type { FlagsModule, FlagsModuleOptions } from './module.js';
export { createFlagsModule } from './module.js';
export type { PrerequisiteGraph } from './prerequisites.js';
export { findCycle, MAX_PREREQUISITE_DEPTH, prerequisiteDepth } from './prerequisites.js';
export type { GroundworkFlagsProviderOptions } from './provider.js';
export { GroundworkFlagsProvider } from './provider.js';
export type { FlagDocument, FlagFields, FlagRepository } from './repository.js';
export {
  createFlagRepository,
  FEATURE_FLAGS_CONTAINER,
  FEATURE_FLAGS_CONTAINER_NAME,
  MAX_FLAGS_PER_PRODUCT,
} from './repository.js';
export { flagsRoutes } from './routes.js';
export { MAX_REGEX_LENGTH, MAX_REGEX_SUBJECT_LENGTH, unsafeRegexReason } from './safe-regex.js';
export type {
  Condition,
  ConditionOperator,
  CreateFlagBody,
  CreateFlagInput,
  EvaluationContextBody,
  Flag,
  FlagDefinition,
  FlagDefinitionInput,
  FlagErrorCode,
  FlagReason,
  FlagType,
  Prerequisite,
  Rule,
  RuleInput,
  Serve,
  UpdateFlagBody,
  UpdateFlagInput,
  Variant,
} from './schemas.js';
export {
  CONDITION_OPERATORS,
  conditionSchema,
  createFlagBodySchema,
  evaluateBodySchema,
  evaluateResponseSchema,
  evaluationSchema,
  FLAG_ERROR_CODES,
  FLAG_ID_PREFIX,
  FLAG_KEY_PATTERN,
  FLAG_REASONS,
  FLAG_TYPES,
  flagDefinitionSchema,
  flagPageSchema,
  flagSchema,
  ruleSchema,
  serveSchema,
  updateFlagBodySchema,
} from './schemas.js';
export type {
  FlagAuditRecord,
  FlagAuditSink,
  FlagChange,
  FlagPage,
  FlagsService,
  FlagsServiceOptions,
} from './service.js';
export { createFlagsService, DEFAULT_CACHE_TTL_MS, rolloutPercentage, toFlag } from './service.js';
export { defineFlag, flagConfigIssues, isJsonValue } from './validation.js';
