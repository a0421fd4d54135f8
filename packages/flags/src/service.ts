/**
 * The flags service: admin CRUD (validated, prerequisite cycles refused, every change audited and
 * announced) and evaluation through a per-product evaluator cached in memory.
 *
 * Cache: an instance keeps each product's compiled evaluator for `cacheTtlMs` (default 5 s) and
 * drops it at once when it changes a flag itself. Another instance's change is therefore seen
 * within `cacheTtlMs` (plus the time of one load). No HTTP here.
 */
import type { AuditRecordInput } from '@groundwork/audit';
import { UnprocessableError, ValidationError } from '@groundwork/errors';
import type { Actor, EventBus } from '@groundwork/events';
import { newId } from '@groundwork/http';
import type { Clock, DocumentStore } from '@groundwork/store';
import {
  createFlagEvaluator,
  type FlagContext,
  type FlagEvaluation,
  type FlagEvaluator,
} from './evaluator.js';
import { findCycle, MAX_PREREQUISITE_DEPTH, prerequisiteDepth } from './prerequisites.js';
import {
  createFlagRepository,
  type FlagDocument,
  type FlagFields,
  flagNotFound,
  MAX_FLAGS_PER_PRODUCT,
} from './repository.js';
import {
  type CreateFlagInput,
  createFlagBodySchema,
  FLAG_ID_PREFIX,
  type Flag,
  type FlagDefinition,
  flagDefinitionSchema,
  type UpdateFlagInput,
  updateFlagBodySchema,
} from './schemas.js';
import { flagConfigIssues, flagDefinitionOf, parseOrThrow } from './validation.js';

export const DEFAULT_CACHE_TTL_MS = 5_000;
const MAX_CACHED_PRODUCTS = 1_000;
const UPDATE_ATTEMPTS = 3;

/** One admin action or security event for the audit log: what `@groundwork/audit` records. */
export type FlagAuditRecord = AuditRecordInput;

export type FlagAuditSink = (record: FlagAuditRecord) => Promise<unknown>;

/** Who changes a flag, and from where (for the audit log and the events). */
export interface FlagChange {
  actor: Actor;
  ip?: string | undefined;
  userAgent?: string | undefined;
  requestId?: string | undefined;
}

export interface FlagsServiceOptions {
  store: DocumentStore;
  clock: Clock;
  /** Emits `flag.created`, `flag.updated`, `flag.toggled`, `flag.deleted`. */
  events?: Pick<EventBus, 'emit'> | undefined;
  /** Records every change (actions `flags.created`, `flags.updated`, `flags.toggled`, `flags.deleted`). */
  audit?: FlagAuditSink | undefined;
  /** How long an instance reuses a product's compiled flags (default 5000 ms; 0 = reload every time). */
  cacheTtlMs?: number | undefined;
}

export interface FlagPage {
  items: Flag[];
  nextCursor?: string;
}

export interface FlagsService {
  list(productId: string, page: { limit: number; cursor?: string | undefined }): Promise<FlagPage>;
  get(productId: string, key: string): Promise<{ flag: Flag; etag: string }>;
  create(
    productId: string,
    input: CreateFlagInput,
    change: FlagChange,
  ): Promise<{ flag: Flag; etag: string }>;
  update(
    productId: string,
    key: string,
    input: UpdateFlagInput,
    change: FlagChange,
    options?: { ifMatch?: string | undefined },
  ): Promise<{ flag: Flag; etag: string }>;
  remove(
    productId: string,
    key: string,
    change: FlagChange,
    options?: { ifMatch?: string | undefined },
  ): Promise<void>;
  /** The product's compiled flags (cached, see the file comment). */
  evaluator(productId: string): Promise<FlagEvaluator>;
  /** Every flag of the product (or `keys`) for `context`. */
  evaluateAll(
    productId: string,
    context: FlagContext,
    keys?: readonly string[],
  ): Promise<Record<string, FlagEvaluation>>;
  /** Drops the cached flags of a product (or of every product). */
  invalidate(productId?: string): void;
}

function definitionOf(doc: FlagFields): FlagDefinition {
  return {
    key: doc.key,
    description: doc.description,
    type: doc.type,
    enabled: doc.enabled,
    variants: doc.variants,
    offVariant: doc.offVariant,
    rules: doc.rules,
    defaultServe: doc.defaultServe,
    prerequisites: doc.prerequisites,
    bucketBy: doc.bucketBy,
    seed: doc.seed,
    ...(doc.owner === undefined ? {} : { owner: doc.owner }),
    ...(doc.staleAfter === undefined ? {} : { staleAfter: doc.staleAfter }),
    tags: doc.tags,
  };
}

/** The share of contexts (0-100) `defaultServe` gives something other than `offVariant`. */
export function rolloutPercentage(flag: FlagDefinition): number {
  const serve = flag.defaultServe;
  if ('variant' in serve) return serve.variant === flag.offVariant ? 0 : (serve.percentage ?? 100);
  const on = serve.split.filter((part) => part.variant !== flag.offVariant);
  return Math.round(on.reduce((sum, part) => sum + part.weight, 0) * 100) / 100;
}

export function toFlag(doc: FlagDocument, nowMs: number): Flag {
  const definition = definitionOf(doc);
  return {
    id: doc.flagId,
    productId: doc.productId,
    ...definition,
    stale: definition.staleAfter !== undefined && Date.parse(definition.staleAfter) <= nowMs,
    version: doc.version,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    createdBy: doc.createdBy,
    updatedBy: doc.updatedBy,
  };
}

/** An HTTP entity tag (`"…"`, or `W/"…"`) or a bare store etag, as the store etag. */
export function storeEtag(tag: string): string {
  return tag.replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
}

const CONFIG_KEYS = [
  'description',
  'type',
  'enabled',
  'variants',
  'offVariant',
  'rules',
  'defaultServe',
  'prerequisites',
  'bucketBy',
  'seed',
  'owner',
  'staleAfter',
  'tags',
] as const;

type ConfigKey = (typeof CONFIG_KEYS)[number];

function changedFields(before: FlagDefinition, after: FlagDefinition): ConfigKey[] {
  return CONFIG_KEYS.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}

function summaryOf(flag: FlagDefinition): Record<string, unknown> {
  return { ...flag };
}

export function createFlagsService(options: FlagsServiceOptions): FlagsService {
  const { clock } = options;
  const repository = createFlagRepository(options.store);
  const ttl = options.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS;
  const cache = new Map<string, { evaluator: FlagEvaluator; loadedAt: number }>();
  const loading = new Map<string, Promise<FlagEvaluator>>();
  // Bumped on every local change: a load that started before it does not fill the cache.
  const generations = new Map<string, number>();
  let epoch = 0; // bumped when every product is invalidated

  function invalidate(productId?: string): void {
    if (productId === undefined) {
      cache.clear();
      loading.clear();
      epoch += 1;
      return;
    }
    cache.delete(productId);
    loading.delete(productId);
    generations.set(productId, (generations.get(productId) ?? 0) + 1);
  }

  async function load(productId: string): Promise<FlagEvaluator> {
    const generation = generations.get(productId) ?? 0;
    const startEpoch = epoch;
    const docs = await repository.all(productId);
    const evaluator = createFlagEvaluator(docs.map(definitionOf));
    if ((generations.get(productId) ?? 0) === generation && epoch === startEpoch && ttl > 0) {
      if (cache.size >= MAX_CACHED_PRODUCTS && !cache.has(productId)) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
      cache.set(productId, { evaluator, loadedAt: clock.now() });
    }
    return evaluator;
  }

  async function evaluator(productId: string): Promise<FlagEvaluator> {
    const cached = cache.get(productId);
    if (cached && clock.now() - cached.loadedAt < ttl) return cached.evaluator;
    let pending = loading.get(productId);
    if (!pending) {
      pending = load(productId).finally(() => {
        if (loading.get(productId) === pending) loading.delete(productId);
      });
      loading.set(productId, pending);
    }
    return pending;
  }

  /** Refuses a save whose prerequisites are unknown, name unknown variants, close a cycle or nest too deep. */
  async function checkPrerequisites(
    productId: string,
    flag: FlagDefinition,
    loaded?: readonly FlagDocument[],
  ): Promise<void> {
    if (flag.prerequisites.length === 0) return; // nothing to check: a flag without prerequisites closes no cycle
    const all = loaded ?? (await repository.all(productId));
    const byKey = new Map(all.map((doc) => [doc.key, definitionOf(doc)]));
    byKey.set(flag.key, flag);
    const issues: { path: string; message: string; code: string }[] = [];
    flag.prerequisites.forEach((prerequisite, i) => {
      const parent = byKey.get(prerequisite.key);
      if (!parent) {
        issues.push({
          path: `body.prerequisites.${i}.key`,
          message: `no flag "${prerequisite.key}" in this product`,
          code: 'unknown_flag',
        });
        return;
      }
      prerequisite.variants.forEach((variant, j) => {
        if (!parent.variants.some((v) => v.key === variant)) {
          issues.push({
            path: `body.prerequisites.${i}.variants.${j}`,
            message: `"${variant}" is not a variant of flag "${prerequisite.key}"`,
            code: 'unknown_variant',
          });
        }
      });
    });
    if (issues.length > 0) {
      throw new UnprocessableError(
        'A prerequisite names a flag or variant that does not exist.',
        'flag_prerequisite_unknown',
        {
          extensions: { errors: issues },
        },
      );
    }
    const graph = new Map(
      [...byKey].map(([key, definition]) => [key, definition.prerequisites.map((p) => p.key)]),
    );
    const cycle = findCycle(graph, flag.key);
    if (cycle) {
      throw new UnprocessableError(
        `These prerequisites would make a cycle: ${cycle.join(' → ')}.`,
        'flag_prerequisite_cycle',
        { extensions: { cycle } },
      );
    }
    // The new flag may sit in the middle of a chain: measure from every flag that reaches it.
    const depths = new Map<string, number>(); // shared: each flag's depth is computed once
    for (const key of byKey.keys()) {
      if (prerequisiteDepth(graph, key, depths) > MAX_PREREQUISITE_DEPTH - 1) {
        throw new UnprocessableError(
          `Prerequisite chains may be at most ${MAX_PREREQUISITE_DEPTH - 1} flags deep (from "${key}").`,
          'flag_prerequisite_too_deep',
        );
      }
    }
  }

  /** Refuses removing a variant that another flag requires of this one as a prerequisite. */
  async function checkDependents(productId: string, flag: FlagDefinition): Promise<void> {
    const variants = new Set(flag.variants.map((variant) => variant.key));
    const missing: { flag: string; variant: string }[] = [];
    for (const doc of await repository.all(productId)) {
      for (const prerequisite of doc.prerequisites) {
        if (prerequisite.key !== flag.key) continue;
        for (const variant of prerequisite.variants) {
          if (!variants.has(variant)) missing.push({ flag: doc.key, variant });
        }
      }
    }
    if (missing.length > 0) {
      throw new UnprocessableError(
        `Other flags require variants this change removes: ${missing.map((m) => `"${m.variant}" (by "${m.flag}")`).join(', ')}.`,
        'flag_variant_in_use',
        { extensions: { dependents: missing } },
      );
    }
  }

  function validate(flag: FlagDefinition): void {
    const issues = flagConfigIssues(flag);
    if (issues.length > 0) throw new ValidationError(issues, 'The flag is invalid.');
    parseOrThrow(flagDefinitionSchema, flag);
  }

  async function record(
    productId: string,
    change: FlagChange,
    action: string,
    doc: FlagFields,
    summary: FlagAuditRecord['summary'],
  ): Promise<void> {
    if (!options.audit) return;
    await options.audit({
      productId,
      actor: change.actor,
      action,
      target: { type: 'flag', id: doc.flagId },
      ...(summary ? { summary } : {}),
      ...(change.ip ? { ip: change.ip } : {}),
      ...(change.userAgent ? { userAgent: change.userAgent } : {}),
      ...(change.requestId ? { requestId: change.requestId } : {}),
    });
  }

  const actorId = (change: FlagChange) => change.actor.id;

  return {
    async list(productId, page) {
      const result = await repository.page(productId, page);
      const now = clock.now();
      return {
        items: result.items.map((doc) => toFlag(doc, now)),
        ...(result.nextCursor ? { nextCursor: result.nextCursor } : {}),
      };
    },

    async get(productId, key) {
      const doc = await repository.read(productId, key);
      if (!doc) throw flagNotFound(key);
      return { flag: toFlag(doc, clock.now()), etag: doc.etag };
    },

    async create(productId, input, change) {
      const body = parseOrThrow(createFlagBodySchema, input);
      const flag = flagDefinitionOf(body);
      validate(flag);
      const existing = await repository.all(productId);
      if (existing.length >= MAX_FLAGS_PER_PRODUCT) {
        throw new UnprocessableError(
          `A product holds at most ${MAX_FLAGS_PER_PRODUCT} flags.`,
          'flag_limit_reached',
        );
      }
      await checkPrerequisites(productId, flag, existing);
      const now = clock.now();
      const at = new Date(now).toISOString();
      const doc = await repository.create({
        ...flag,
        flagId: newId(FLAG_ID_PREFIX, now),
        productId,
        version: 1,
        createdAt: at,
        createdBy: actorId(change),
        updatedBy: actorId(change),
      });
      invalidate(productId);
      await record(productId, change, 'flags.created', doc, { after: summaryOf(flag) });
      await options.events?.emit(
        'flag.created',
        { flagId: doc.flagId, key: doc.key, enabled: doc.enabled },
        { productId, actor: change.actor },
      );
      return { flag: toFlag(doc, now), etag: doc.etag };
    },

    async update(productId, key, input, change, updateOptions = {}) {
      const patch = parseOrThrow(updateFlagBodySchema, input);
      const expected = updateOptions.ifMatch === undefined ? undefined : storeEtag(updateOptions.ifMatch);
      for (let attempt = 1; ; attempt += 1) {
        const current = await repository.read(productId, key);
        if (!current) throw flagNotFound(key);
        const before = definitionOf(current);
        const { owner, staleAfter, ...rest } = patch;
        const merged: FlagDefinition = { ...before };
        for (const [field, value] of Object.entries(rest)) {
          if (value !== undefined) Object.assign(merged, { [field]: value });
        }
        if (owner === null) delete merged.owner;
        else if (owner !== undefined) merged.owner = owner;
        if (staleAfter === null) delete merged.staleAfter;
        else if (staleAfter !== undefined) merged.staleAfter = staleAfter;
        validate(merged);
        if (patch.prerequisites !== undefined) await checkPrerequisites(productId, merged);
        if (patch.variants !== undefined) await checkDependents(productId, merged);
        const changed = changedFields(before, merged);
        if (changed.length === 0) return { flag: toFlag(current, clock.now()), etag: current.etag };
        try {
          const doc = await repository.replace(
            {
              ...merged,
              flagId: current.flagId,
              productId,
              version: current.version + 1,
              createdAt: current.createdAt,
              createdBy: current.createdBy,
              updatedBy: actorId(change),
            },
            expected ?? current.etag,
          );
          invalidate(productId);
          const toggled =
            before.enabled !== merged.enabled || rolloutPercentage(before) !== rolloutPercentage(merged);
          await record(productId, change, toggled ? 'flags.toggled' : 'flags.updated', doc, {
            before: summaryOf(Object.fromEntries(changed.map((f) => [f, before[f]])) as FlagDefinition),
            after: summaryOf(Object.fromEntries(changed.map((f) => [f, merged[f]])) as FlagDefinition),
          });
          await options.events?.emit(
            'flag.updated',
            { flagId: doc.flagId, key, version: doc.version, changed },
            { productId, actor: change.actor },
          );
          if (toggled) {
            await options.events?.emit(
              'flag.toggled',
              { flagId: doc.flagId, enabled: merged.enabled, percentage: rolloutPercentage(merged) },
              { productId, actor: change.actor },
            );
          }
          return { flag: toFlag(doc, clock.now()), etag: doc.etag };
        } catch (error) {
          // Without If-Match, a concurrent edit is retried on the fresh version; with it, it is the caller's 412.
          const conflict = error instanceof Error && 'code' in error && error.code === 'flag_changed';
          if (!conflict || expected !== undefined || attempt >= UPDATE_ATTEMPTS) throw error;
        }
      }
    },

    async remove(productId, key, change, removeOptions = {}) {
      const current = await repository.read(productId, key);
      if (!current) throw flagNotFound(key);
      const dependents = (await repository.all(productId))
        .filter((doc) => doc.prerequisites.some((prerequisite) => prerequisite.key === key))
        .map((doc) => doc.key);
      if (dependents.length > 0) {
        throw new UnprocessableError(
          `Flags ${dependents.map((k) => `"${k}"`).join(', ')} depend on "${key}": remove the prerequisite first.`,
          'flag_has_dependents',
          { extensions: { dependents } },
        );
      }
      const ifMatch = removeOptions.ifMatch === undefined ? current.etag : storeEtag(removeOptions.ifMatch);
      await repository.remove(productId, key, ifMatch);
      invalidate(productId);
      await record(productId, change, 'flags.deleted', current, { before: summaryOf(definitionOf(current)) });
      await options.events?.emit(
        'flag.deleted',
        { flagId: current.flagId, key },
        { productId, actor: change.actor },
      );
    },

    evaluator,

    async evaluateAll(productId, context, keys) {
      return (await evaluator(productId)).evaluateAll(context, keys);
    },

    invalidate,
  };
}
