/**
 * Zod schemas of flags: the stored configuration, the admin API's bodies and responses, and the
 * evaluation API. The single source of the package's types and of its OpenAPI document.
 * Cross-field rules (variant values match the type, served variants exist, split weights add up
 * to 100, prerequisites) are checked by `flagConfigIssues` in `validation.ts`.
 */
import semver from 'semver';
import { z } from 'zod';
import { unsafeRegexReason } from './safe-regex.js';

export const FLAG_ID_PREFIX = 'flag';
export const FLAG_KEY_PATTERN = /^[a-z0-9][a-z0-9._-]{0,99}$/;
export const VARIANT_KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,49}$/;
export const ATTRIBUTE_PATTERN = /^[A-Za-z_][A-Za-z0-9_.-]{0,99}$/;

export const MAX_VARIANTS = 20;
export const MAX_RULES = 50;
export const MAX_CONDITIONS = 20;
export const MAX_LIST_VALUES = 1_000;
export const MAX_PREREQUISITES = 10;
export const MAX_VARIANT_VALUE_BYTES = 8_192;
export const MAX_CONTEXT_ATTRIBUTES = 50;
export const MAX_EVALUATE_KEYS = 200;
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export const FLAG_TYPES = ['boolean', 'string', 'number', 'json'] as const;
export type FlagType = (typeof FLAG_TYPES)[number];

export const FLAG_REASONS = ['STATIC', 'DEFAULT', 'TARGETING_MATCH', 'SPLIT', 'DISABLED', 'ERROR'] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];

export const FLAG_ERROR_CODES = [
  'FLAG_NOT_FOUND',
  'TARGETING_KEY_MISSING',
  'TYPE_MISMATCH',
  'GENERAL',
  'PARSE_ERROR',
] as const;
export type FlagErrorCode = (typeof FLAG_ERROR_CODES)[number];

export const flagKeySchema = z
  .string()
  .regex(FLAG_KEY_PATTERN, 'must be 1-100 characters: lowercase letters, digits, `.`, `_`, `-`')
  .describe('The flag key, unique in its product, e.g. `new-checkout`.');

export const variantKeySchema = z
  .string()
  .regex(VARIANT_KEY_PATTERN, 'must be 1-50 characters: letters, digits, `.`, `_`, `-`');

export const attributeSchema = z
  .string()
  .regex(
    ATTRIBUTE_PATTERN,
    'must be 1-100 characters: letters, digits, `_`, `.`, `-`, not starting with a digit',
  )
  .describe(
    'A context attribute: `userId` (falls back to `targetingKey`), `roles`, `platform`, `appVersion`, `plan`, `deviceId`, or any custom attribute.',
  );

/** A percentage with a resolution of 0.01 (one bucket of 10,000). */
export const percentageSchema = z
  .number()
  .min(0)
  .max(100)
  .refine((value) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6, {
    message: 'must have at most two decimals',
  });

const scalarSchema = z.union([z.string().max(500), z.number(), z.boolean()]);
const listValueSchema = z.union([z.string().max(500), z.number()]);

const semverValue = z
  .string()
  .max(100)
  .refine((value) => semver.valid(value) !== null, { message: 'must be a semantic version, e.g. `2.4.0`' });

const semverRange = z
  .string()
  .max(200)
  .refine((value) => semver.validRange(value, { includePrerelease: true }) !== null, {
    message: 'must be a semver range, e.g. `>=2.4.0 <3.0.0` or `^2.4`',
  });

export const CONDITION_OPERATORS = [
  'eq',
  'neq',
  'in',
  'not_in',
  'contains',
  'starts_with',
  'ends_with',
  'gt',
  'gte',
  'lt',
  'lte',
  'semver_eq',
  'semver_gt',
  'semver_gte',
  'semver_lt',
  'semver_lte',
  'semver_range',
  'regex',
  'exists',
  'not_exists',
] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

export const conditionSchema = z
  .discriminatedUnion('operator', [
    z.strictObject({ attribute: attributeSchema, operator: z.enum(['eq', 'neq']), value: scalarSchema }),
    z.strictObject({
      attribute: attributeSchema,
      operator: z.enum(['in', 'not_in']),
      values: z.array(listValueSchema).min(1).max(MAX_LIST_VALUES),
    }),
    z.strictObject({
      attribute: attributeSchema,
      operator: z.enum(['contains', 'starts_with', 'ends_with']),
      value: z.string().min(1).max(500),
    }),
    z.strictObject({
      attribute: attributeSchema,
      operator: z.enum(['gt', 'gte', 'lt', 'lte']),
      value: z.union([z.number(), z.string().max(100)]),
    }),
    z.strictObject({
      attribute: attributeSchema,
      operator: z.enum(['semver_eq', 'semver_gt', 'semver_gte', 'semver_lt', 'semver_lte']),
      value: semverValue,
    }),
    z.strictObject({ attribute: attributeSchema, operator: z.literal('semver_range'), value: semverRange }),
    z.strictObject({
      attribute: attributeSchema,
      operator: z.literal('regex'),
      value: z.string().superRefine((value, ctx) => {
        const reason = unsafeRegexReason(value);
        if (reason) ctx.addIssue({ code: 'custom', message: `the pattern ${reason}` });
      }),
      ignoreCase: z.boolean().optional(),
    }),
    z.strictObject({ attribute: attributeSchema, operator: z.enum(['exists', 'not_exists']) }),
  ])
  .describe(
    'One condition on a context attribute; a list attribute (e.g. `roles`) matches when any element does.',
  );
export type Condition = z.infer<typeof conditionSchema>;

export const serveVariantSchema = z
  .strictObject({
    variant: variantKeySchema,
    percentage: percentageSchema
      .optional()
      .describe(
        'Serve the variant to this share of contexts (deterministic bucketing); the others go on to the next rule (or get `offVariant` from `defaultServe`).',
      ),
  })
  .describe('Serve one variant, optionally to a percentage of contexts.');

export const serveSplitSchema = z
  .strictObject({
    split: z
      .array(z.strictObject({ variant: variantKeySchema, weight: percentageSchema }))
      .min(1)
      .max(MAX_VARIANTS)
      .describe('Weights in percent (two decimals), adding up to 100.'),
  })
  .describe('Split contexts between variants by deterministic bucketing.');

export const serveSchema = z.union([serveVariantSchema, serveSplitSchema]);
export type Serve = z.infer<typeof serveSchema>;

export const ruleSchema = z
  .strictObject({
    description: z.string().max(200).optional(),
    conditions: z
      .array(conditionSchema)
      .max(MAX_CONDITIONS)
      .default([])
      .describe('All must hold (AND); none: every context.'),
    serve: serveSchema,
  })
  .describe('A targeting rule; rules are tried in order and the first that serves wins.');
export type Rule = z.infer<typeof ruleSchema>;
export type RuleInput = z.input<typeof ruleSchema>;

export const prerequisiteSchema = z
  .strictObject({
    key: flagKeySchema.describe('The flag this one depends on.'),
    variants: z
      .array(variantKeySchema)
      .min(1)
      .max(MAX_VARIANTS)
      .describe('The prerequisite must evaluate (same context) to one of these variants.'),
  })
  .describe('A flag this one depends on.');
export type Prerequisite = z.infer<typeof prerequisiteSchema>;

export const variantSchema = z.strictObject({
  key: variantKeySchema,
  value: z.unknown().describe('A value of the flag’s type (JSON for `json`).'),
  description: z.string().max(200).optional(),
});
export type Variant = z.infer<typeof variantSchema>;

const isoDate = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);

/** The mutable configuration of a flag, with defaults applied (what is stored and evaluated). */
export const flagConfigFields = {
  description: z.string().max(500),
  type: z.enum(FLAG_TYPES),
  enabled: z.boolean(),
  variants: z.array(variantSchema).min(1).max(MAX_VARIANTS),
  offVariant: variantKeySchema.describe(
    'Served when the flag is disabled, a prerequisite fails, or a rollout leaves the context out.',
  ),
  rules: z.array(ruleSchema).max(MAX_RULES),
  defaultServe: serveSchema.describe('Served when no rule serves.'),
  prerequisites: z.array(prerequisiteSchema).max(MAX_PREREQUISITES),
  bucketBy: attributeSchema.describe('The attribute percentage rollouts and splits hash (default `userId`).'),
  seed: z
    .string()
    .min(1)
    .max(100)
    .describe('Hashed with the bucketing value; default the flag key. Changing it reshuffles every bucket.'),
  owner: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('Who is responsible for the flag (a person or team).'),
  staleAfter: isoDate
    .optional()
    .describe('After this date the flag is reported `stale` (time to remove it).'),
  tags: z.array(z.string().min(1).max(50)).max(20),
};

/** A flag as the evaluator needs it. */
export const flagDefinitionSchema = z.object({
  key: flagKeySchema,
  ...flagConfigFields,
});
export type FlagDefinition = z.infer<typeof flagDefinitionSchema>;
export type FlagDefinitionInput = z.input<typeof flagDefinitionSchema>;

export const createFlagBodySchema = z
  .strictObject({
    key: flagKeySchema,
    description: flagConfigFields.description.default(''),
    type: flagConfigFields.type.default('boolean'),
    enabled: flagConfigFields.enabled.default(false),
    variants: flagConfigFields.variants
      .optional()
      .describe('Required unless `type` is `boolean` (default `on` = true, `off` = false).'),
    offVariant: flagConfigFields.offVariant
      .optional()
      .describe('Default `off` for booleans, else the first variant.'),
    rules: flagConfigFields.rules.default([]),
    defaultServe: flagConfigFields.defaultServe
      .optional()
      .describe('Default: `{ "variant": "on" }` for booleans, else the off variant.'),
    prerequisites: flagConfigFields.prerequisites.default([]),
    bucketBy: flagConfigFields.bucketBy.default('userId'),
    seed: flagConfigFields.seed.optional(),
    owner: flagConfigFields.owner,
    staleAfter: flagConfigFields.staleAfter,
    tags: flagConfigFields.tags.default([]),
  })
  .describe('A new flag.');
export type CreateFlagBody = z.infer<typeof createFlagBodySchema>;
export type CreateFlagInput = z.input<typeof createFlagBodySchema>;

export const updateFlagBodySchema = z
  .strictObject({
    description: flagConfigFields.description.optional(),
    type: flagConfigFields.type.optional(),
    enabled: flagConfigFields.enabled.optional(),
    variants: flagConfigFields.variants.optional(),
    offVariant: flagConfigFields.offVariant.optional(),
    rules: flagConfigFields.rules.optional(),
    defaultServe: flagConfigFields.defaultServe.optional(),
    prerequisites: flagConfigFields.prerequisites.optional(),
    bucketBy: flagConfigFields.bucketBy.optional(),
    seed: flagConfigFields.seed.optional(),
    owner: flagConfigFields.owner.nullable().describe('`null` clears it.'),
    staleAfter: flagConfigFields.staleAfter.nullable().describe('`null` clears it.'),
    tags: flagConfigFields.tags.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'must change at least one field' })
  .describe('The fields to change; the others keep their value.');
export type UpdateFlagBody = z.infer<typeof updateFlagBodySchema>;
export type UpdateFlagInput = z.input<typeof updateFlagBodySchema>;

export const flagSchema = z
  .object({
    id: z.string().describe('`flag_` + 26 time-sortable characters (stable across edits).'),
    key: flagKeySchema,
    productId: z.string(),
    ...flagConfigFields,
    stale: z.boolean().describe('True once `staleAfter` has passed.'),
    version: z.number().int().min(1).describe('Starts at 1, +1 on every change.'),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    createdBy: z.string(),
    updatedBy: z.string(),
  })
  .describe('A feature flag.');
export type Flag = z.infer<typeof flagSchema>;

export const flagParamsSchema = z.object({ key: flagKeySchema });

export const listFlagsQuerySchema = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE_SIZE)
    .default(DEFAULT_PAGE_SIZE)
    .describe(`Page size (1-${MAX_PAGE_SIZE}).`),
  cursor: z.string().min(1).max(4_000).optional().describe('`nextCursor` of the previous page.'),
});

export const flagPageSchema = z
  .object({
    items: z.array(flagSchema),
    nextCursor: z
      .string()
      .optional()
      .describe('Pass as `cursor` for the next page; absent on the last page.'),
  })
  .describe('A page of flags, by key.');

export const ifMatchHeadersSchema = z.object({
  'if-match': z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('The `etag` of the version you edited: 412 if it changed since.'),
});

const contextValueSchema = z.union([
  z.string().max(1_000),
  z.number(),
  z.boolean(),
  z.array(z.string().max(200)).max(100),
]);

export const evaluationContextBodySchema = z
  .strictObject({
    userId: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe(
        'Ignored for user tokens (the caller’s own id is used); services and API tokens may name the user.',
      ),
    roles: z
      .array(z.string().min(1).max(100))
      .max(50)
      .optional()
      .describe('Ignored for user tokens (the caller’s roles are used).'),
    platform: z.string().min(1).max(50).optional().describe('e.g. `ios`, `android`, `web`, `desktop`.'),
    appVersion: z.string().min(1).max(100).optional().describe('A semantic version, e.g. `2.4.1`.'),
    plan: z.string().min(1).max(100).optional(),
    deviceId: z.string().min(1).max(200).optional(),
    attributes: z
      .record(z.string().regex(ATTRIBUTE_PATTERN), contextValueSchema)
      .optional()
      .refine((value) => value === undefined || Object.keys(value).length <= MAX_CONTEXT_ATTRIBUTES, {
        message: `must have at most ${MAX_CONTEXT_ATTRIBUTES} attributes`,
      })
      .describe('Custom attributes; the named fields above win over an attribute of the same name.'),
  })
  .describe('Who and where the flags are evaluated for.');
export type EvaluationContextBody = z.infer<typeof evaluationContextBodySchema>;

export const evaluateBodySchema = z.strictObject({
  context: evaluationContextBodySchema.default({}),
  keys: z
    .array(flagKeySchema)
    .max(MAX_EVALUATE_KEYS)
    .optional()
    .describe('Only these flags (an unknown key answers `ERROR` / `FLAG_NOT_FOUND`); default every flag.'),
});

export const evaluationSchema = z.object({
  value: z.unknown().optional().describe('The served value (absent only for an unknown flag).'),
  variant: z.string().optional(),
  reason: z.enum(FLAG_REASONS).describe('OpenFeature resolution reason.'),
  errorCode: z.enum(FLAG_ERROR_CODES).optional().describe('OpenFeature error code, with reason `ERROR`.'),
  prerequisite: z
    .string()
    .optional()
    .describe('With reason `DISABLED`: the prerequisite flag that did not pass.'),
});

export const evaluateResponseSchema = z
  .object({ flags: z.record(z.string(), evaluationSchema) })
  .describe('Every flag of the product (or the requested ones), evaluated for the context.');
