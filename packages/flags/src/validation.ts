/**
 * Cross-field rules of a flag configuration, checked on every save (the zod schemas check each
 * field alone): variant keys are unique and their values match the flag's type, every served or
 * required variant exists, split weights add up to 100, and prerequisites name other flags at
 * most once. Issues carry the field path, so an admin sees every mistake at once.
 */
import { type FieldIssue, ValidationError } from '@groundwork/errors';
import type { z } from 'zod';
import { BUCKETS } from './bucketing.js';
import {
  type CreateFlagBody,
  type CreateFlagInput,
  createFlagBodySchema,
  type FlagDefinition,
  type FlagType,
  MAX_VARIANT_VALUE_BYTES,
  type Serve,
  type Variant,
} from './schemas.js';

/** True for a JSON value (no functions, symbols, non-finite numbers, cycles or class instances). */
export function isJsonValue(value: unknown, depth = 0): boolean {
  if (depth > 32) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((item) => isJsonValue(item, depth + 1));
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return false;
    return Object.values(value).every((item) => isJsonValue(item, depth + 1));
  }
  return false;
}

function typeIssue(type: FlagType, value: unknown): string | undefined {
  switch (type) {
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be true or false for a boolean flag';
    case 'string':
      return typeof value === 'string' && value.length <= 1_000
        ? undefined
        : 'must be a string of at most 1000 characters for a string flag';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
        ? undefined
        : 'must be a finite number for a number flag';
    case 'json': {
      if (value === undefined || !isJsonValue(value)) return 'must be a JSON value for a json flag';
      const bytes = Buffer.byteLength(JSON.stringify(value), 'utf8');
      return bytes <= MAX_VARIANT_VALUE_BYTES
        ? undefined
        : `must be at most ${MAX_VARIANT_VALUE_BYTES} bytes of JSON`;
    }
  }
}

function serveIssues(serve: Serve, variants: ReadonlySet<string>, path: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if ('variant' in serve) {
    if (!variants.has(serve.variant)) {
      issues.push({
        path: `${path}.variant`,
        message: `"${serve.variant}" is not a variant of this flag`,
        code: 'unknown_variant',
      });
    }
    return issues;
  }
  let total = 0;
  const seen = new Set<string>();
  serve.split.forEach((part, i) => {
    if (!variants.has(part.variant)) {
      issues.push({
        path: `${path}.split.${i}.variant`,
        message: `"${part.variant}" is not a variant of this flag`,
        code: 'unknown_variant',
      });
    }
    if (seen.has(part.variant)) {
      issues.push({
        path: `${path}.split.${i}.variant`,
        message: 'is listed twice in the split',
        code: 'duplicate_variant',
      });
    }
    seen.add(part.variant);
    total += Math.round(part.weight * 100);
  });
  if (total !== BUCKETS) {
    issues.push({
      path: `${path}.split`,
      message: `weights must add up to 100 (they add up to ${total / 100})`,
      code: 'bad_split',
    });
  }
  return issues;
}

/** Every cross-field problem of `flag`, with paths under `prefix` (e.g. `body`). */
export function flagConfigIssues(flag: FlagDefinition, prefix = 'body'): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const variants = new Set<string>();
  flag.variants.forEach((variant, i) => {
    if (variants.has(variant.key)) {
      issues.push({
        path: `${prefix}.variants.${i}.key`,
        message: `variant "${variant.key}" is defined twice`,
        code: 'duplicate_variant',
      });
    }
    variants.add(variant.key);
    const problem = typeIssue(flag.type, variant.value);
    if (problem)
      issues.push({ path: `${prefix}.variants.${i}.value`, message: problem, code: 'type_mismatch' });
  });
  if (!variants.has(flag.offVariant)) {
    issues.push({
      path: `${prefix}.offVariant`,
      message: `"${flag.offVariant}" is not a variant of this flag`,
      code: 'unknown_variant',
    });
  }
  flag.rules.forEach((rule, i) => {
    issues.push(...serveIssues(rule.serve, variants, `${prefix}.rules.${i}.serve`));
  });
  issues.push(...serveIssues(flag.defaultServe, variants, `${prefix}.defaultServe`));
  const prerequisites = new Set<string>();
  flag.prerequisites.forEach((prerequisite, i) => {
    if (prerequisite.key === flag.key) {
      issues.push({
        path: `${prefix}.prerequisites.${i}.key`,
        message: 'a flag cannot depend on itself',
        code: 'prerequisite_cycle',
      });
    }
    if (prerequisites.has(prerequisite.key)) {
      issues.push({
        path: `${prefix}.prerequisites.${i}.key`,
        message: `"${prerequisite.key}" is listed twice`,
        code: 'duplicate_prerequisite',
      });
    }
    prerequisites.add(prerequisite.key);
  });
  if (flag.staleAfter !== undefined && Number.isNaN(Date.parse(flag.staleAfter))) {
    issues.push({ path: `${prefix}.staleAfter`, message: 'must be a date', code: 'invalid_date' });
  }
  return issues;
}

/** The definition a create body (zod defaults applied) describes, with the per-type defaults. */
export function flagDefinitionOf(body: CreateFlagBody): FlagDefinition {
  const variants: Variant[] =
    body.variants ??
    (body.type === 'boolean'
      ? [
          { key: 'on', value: true },
          { key: 'off', value: false },
        ]
      : []);
  const offVariant =
    body.offVariant ?? (body.type === 'boolean' && !body.variants ? 'off' : (variants[0]?.key ?? 'off'));
  const defaultServe =
    body.defaultServe ??
    (body.type === 'boolean' && variants.some((v) => v.key === 'on')
      ? { variant: 'on' }
      : { variant: offVariant });
  return {
    key: body.key,
    description: body.description,
    type: body.type,
    enabled: body.enabled,
    variants,
    offVariant,
    rules: body.rules,
    defaultServe,
    prerequisites: body.prerequisites,
    bucketBy: body.bucketBy,
    seed: body.seed ?? body.key,
    ...(body.owner === undefined ? {} : { owner: body.owner }),
    ...(body.staleAfter === undefined ? {} : { staleAfter: body.staleAfter }),
    tags: body.tags,
  };
}

function zodIssues(error: z.ZodError, prefix: string): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].join('.'),
    message: issue.message,
    code: issue.code,
  }));
}

/**
 * A flag definition from a create body (the admin API's shape, defaults applied as the API does),
 * fully checked: throws `ValidationError` listing every problem. For in-process evaluators:
 * `createFlagEvaluator([defineFlag({ key: 'new-checkout', enabled: true })])`.
 */
export function defineFlag(input: CreateFlagInput, prefix = 'flag'): FlagDefinition {
  const parsed = createFlagBodySchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(zodIssues(parsed.error, prefix), 'The flag is invalid.');
  const flag = flagDefinitionOf(parsed.data);
  const issues = flagConfigIssues(flag, prefix);
  if (issues.length > 0) throw new ValidationError(issues, 'The flag is invalid.');
  return flag;
}

/** Parses the body of a change with zod, as `ValidationError` with `body.` paths. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, prefix = 'body'): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ValidationError(zodIssues(parsed.error, prefix), 'The request is invalid.');
  return parsed.data;
}
