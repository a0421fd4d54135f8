/**
 * The in-process evaluator: `createFlagEvaluator(flags)` compiles a product's flags once, then
 * `evaluate(key, context)` runs in well under a microsecond and allocates nothing. Results are
 * pre-built, frozen objects (one per flag, rule and variant), shared by every evaluation that
 * lands on them; treat them as read-only.
 *
 * Order of evaluation for an enabled flag:
 * 1. prerequisites (each evaluated for the same context must serve one of its listed variants,
 *    else `offVariant` with reason `DISABLED` and `prerequisite` naming the failing flag);
 * 2. rules in order: the first whose conditions all hold and that serves wins — a `variant`
 *    serve answers `TARGETING_MATCH`; a `percentage` serve answers `SPLIT` for contexts inside
 *    it and passes the others to the next rule; a `split` answers `SPLIT`;
 * 3. `defaultServe`: `STATIC` for a flag without rules or prerequisites, else `DEFAULT`; `SPLIT`
 *    when it has a percentage or split (a context outside the percentage gets `offVariant`).
 * A disabled flag serves `offVariant` with `DISABLED`. A rollout needs the bucketing attribute:
 * without it a rule's rollout is skipped, and a rollout in `defaultServe` answers `offVariant`
 * with `ERROR` / `TARGETING_KEY_MISSING`.
 */
import { bucketOfHash, fnv1aUpdate, percentageThreshold, seedState } from './bucketing.js';
import { compileConditions, type FlagContext, type Matcher } from './conditions.js';
import { MAX_PREREQUISITE_DEPTH } from './prerequisites.js';
import type { FlagDefinition, FlagErrorCode, FlagReason, FlagType, Serve } from './schemas.js';

export type { FlagContext } from './conditions.js';

/** The outcome of evaluating one flag for one context (shared and frozen: do not mutate). */
export interface FlagEvaluation {
  readonly key: string;
  /** The served value; `undefined` only for an unknown flag. */
  readonly value: unknown;
  readonly variant?: string;
  readonly reason: FlagReason;
  readonly errorCode?: FlagErrorCode;
  /** With reason `DISABLED`: the prerequisite that did not pass. */
  readonly prerequisite?: string;
  /** The index of the rule that served, if one did. */
  readonly ruleIndex?: number;
  /** The flag's type (absent for an unknown flag). */
  readonly type?: FlagType;
}

export interface FlagEvaluator {
  /** Evaluates one flag; an unknown key answers `ERROR` / `FLAG_NOT_FOUND` with no value. */
  evaluate(key: string, context: FlagContext): FlagEvaluation;
  /** Evaluates every flag (or the given keys), keyed by flag key. */
  evaluateAll(context: FlagContext, keys?: readonly string[]): Record<string, FlagEvaluation>;
  /** The bucket (0..9999) of `context` for flag `key`, or -1 when the flag or the bucketing value is missing. */
  bucket(key: string, context: FlagContext): number;
  has(key: string): boolean;
  keys(): string[];
  readonly size: number;
}

const SERVE_VARIANT = 0;
const SERVE_PERCENTAGE = 1;
const SERVE_SPLIT = 2;

interface CompiledServe {
  kind: 0 | 1 | 2;
  /** SERVE_VARIANT / SERVE_PERCENTAGE: the result inside. */
  result: FlagEvaluation;
  /** SERVE_PERCENTAGE: inside when `bucket < threshold`. */
  threshold: number;
  /** SERVE_SPLIT: cumulative bucket bounds and the result of each part. */
  bounds: Int32Array;
  results: FlagEvaluation[];
}

interface CompiledRule {
  match: Matcher;
  serve: CompiledServe;
}

interface CompiledPrerequisite {
  key: string;
  variants: ReadonlySet<string>;
  failed: FlagEvaluation;
}

interface CompiledFlag {
  key: string;
  enabled: boolean;
  disabled: FlagEvaluation;
  prerequisites: CompiledPrerequisite[];
  prerequisiteError: FlagEvaluation;
  rules: CompiledRule[];
  fallthrough: CompiledServe;
  /** `defaultServe` percentage: the context is outside it. */
  fallthroughOut: FlagEvaluation;
  missingKey: FlagEvaluation;
  bucketBy: string;
  bucketByUserId: boolean;
  seed: number;
}

function result(fields: FlagEvaluation): FlagEvaluation {
  return Object.freeze(fields);
}

function compileFlag(flag: FlagDefinition): CompiledFlag {
  const values = new Map(flag.variants.map((variant) => [variant.key, variant.value]));
  const base = (variant: string) => {
    if (!values.has(variant)) {
      throw new TypeError(`Flag "${flag.key}" serves "${variant}", which is not one of its variants.`);
    }
    return { key: flag.key, type: flag.type, value: values.get(variant), variant };
  };
  const off = base(flag.offVariant);

  const compileServe = (serve: Serve, reason: FlagReason, ruleIndex?: number): CompiledServe => {
    const at = ruleIndex === undefined ? {} : { ruleIndex };
    if ('variant' in serve) {
      const inside = serve.percentage !== undefined && serve.percentage < 100;
      return {
        kind: inside ? SERVE_PERCENTAGE : SERVE_VARIANT,
        result: result({ ...base(serve.variant), reason: inside ? 'SPLIT' : reason, ...at }),
        threshold: percentageThreshold(serve.percentage ?? 100),
        bounds: new Int32Array(0),
        results: [],
      };
    }
    const bounds = new Int32Array(serve.split.length);
    let total = 0;
    serve.split.forEach((part, i) => {
      total += percentageThreshold(part.weight);
      bounds[i] = total;
    });
    if (bounds.length > 0) bounds[bounds.length - 1] = Math.max(total, 10_000); // rounding never leaves a gap
    return {
      kind: SERVE_SPLIT,
      result: result({ ...off, reason: 'SPLIT', ...at }),
      threshold: 0,
      bounds,
      results: serve.split.map((part) => result({ ...base(part.variant), reason: 'SPLIT', ...at })),
    };
  };

  const dynamic = flag.rules.length > 0 || flag.prerequisites.length > 0;
  return {
    key: flag.key,
    enabled: flag.enabled,
    disabled: result({ ...off, reason: 'DISABLED' }),
    prerequisites: flag.prerequisites.map((prerequisite) => ({
      key: prerequisite.key,
      variants: new Set(prerequisite.variants),
      failed: result({ ...off, reason: 'DISABLED', prerequisite: prerequisite.key }),
    })),
    prerequisiteError: result({ ...off, reason: 'ERROR', errorCode: 'GENERAL' }),
    rules: flag.rules.map((rule, i) => ({
      match: compileConditions(rule.conditions),
      serve: compileServe(rule.serve, 'TARGETING_MATCH', i),
    })),
    fallthrough: compileServe(flag.defaultServe, dynamic ? 'DEFAULT' : 'STATIC'),
    fallthroughOut: result({ ...off, reason: 'SPLIT' }),
    missingKey: result({ ...off, reason: 'ERROR', errorCode: 'TARGETING_KEY_MISSING' }),
    bucketBy: flag.bucketBy,
    bucketByUserId: flag.bucketBy === 'userId',
    seed: seedState(flag.seed),
  };
}

function bucketFor(flag: CompiledFlag, context: FlagContext): number {
  let value = context[flag.bucketBy];
  if (value === undefined && flag.bucketByUserId) value = context.targetingKey;
  if (typeof value !== 'string' || value.length === 0) return -1;
  return bucketOfHash(fnv1aUpdate(flag.seed, value));
}

function splitResult(serve: CompiledServe, bucket: number): FlagEvaluation {
  const { bounds, results } = serve;
  for (let i = 0; i < bounds.length; i += 1) {
    if (bucket < (bounds[i] as number)) return results[i] as FlagEvaluation;
  }
  return results[results.length - 1] as FlagEvaluation;
}

function notFound(key: string): FlagEvaluation {
  return { key, value: undefined, reason: 'ERROR', errorCode: 'FLAG_NOT_FOUND' };
}

/**
 * Compiles `flags` (validated definitions, e.g. from the admin API or `parseFlagDefinition`) into
 * an evaluator. Throws a `TypeError` for a flag that serves a variant it does not define.
 */
export function createFlagEvaluator(flags: readonly FlagDefinition[]): FlagEvaluator {
  const compiled = new Map<string, CompiledFlag>();
  for (const flag of flags) compiled.set(flag.key, compileFlag(flag));

  function run(flag: CompiledFlag, context: FlagContext, depth: number): FlagEvaluation {
    if (!flag.enabled) return flag.disabled;
    const prerequisites = flag.prerequisites;
    for (let i = 0; i < prerequisites.length; i += 1) {
      const prerequisite = prerequisites[i] as CompiledPrerequisite;
      const parent = compiled.get(prerequisite.key);
      if (!parent || depth >= MAX_PREREQUISITE_DEPTH) return flag.prerequisiteError;
      const outcome = run(parent, context, depth + 1);
      if (outcome.reason === 'ERROR' && outcome.errorCode === 'GENERAL') return flag.prerequisiteError;
      if (outcome.variant === undefined || !prerequisite.variants.has(outcome.variant))
        return prerequisite.failed;
    }
    let bucket = -2;
    const rules = flag.rules;
    for (let i = 0; i < rules.length; i += 1) {
      const rule = rules[i] as CompiledRule;
      if (!rule.match(context)) continue;
      const serve = rule.serve;
      if (serve.kind === SERVE_VARIANT) return serve.result;
      if (bucket === -2) bucket = bucketFor(flag, context);
      if (bucket < 0) continue;
      if (serve.kind === SERVE_PERCENTAGE) {
        if (bucket < serve.threshold) return serve.result;
        continue;
      }
      return splitResult(serve, bucket);
    }
    const serve = flag.fallthrough;
    if (serve.kind === SERVE_VARIANT) return serve.result;
    if (bucket === -2) bucket = bucketFor(flag, context);
    if (bucket < 0) return flag.missingKey;
    if (serve.kind === SERVE_PERCENTAGE) return bucket < serve.threshold ? serve.result : flag.fallthroughOut;
    return splitResult(serve, bucket);
  }

  return {
    evaluate(key, context) {
      const flag = compiled.get(key);
      return flag ? run(flag, context, 0) : notFound(key);
    },
    evaluateAll(context, keys) {
      const out = Object.create(null) as Record<string, FlagEvaluation>;
      for (const key of keys ?? compiled.keys()) {
        const flag = compiled.get(key);
        out[key] = flag ? run(flag, context, 0) : notFound(key);
      }
      return out;
    },
    bucket(key, context) {
      const flag = compiled.get(key);
      return flag ? bucketFor(flag, context) : -1;
    },
    has(key) {
      return compiled.has(key);
    },
    keys() {
      return [...compiled.keys()];
    },
    get size() {
      return compiled.size;
    },
  };
}
