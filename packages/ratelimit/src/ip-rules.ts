/**
 * IP allow/deny rules per product (`ip_rules`, pk `/productId`, seed §4), with a per-product cache
 * of the compiled ranges. A change is seen at once on the instance that made it and, on the other
 * instances, when their cached copy is older than `cacheTtlMs`.
 *
 * Matching: among the product's active rules (not expired) whose range holds the address, the most
 * specific (longest prefix) wins, so `allow 10.0.0.5` carves a hole in `deny 10.0.0.0/8`; on a tie,
 * deny wins.
 */
import { NotFoundError, ValidationError } from '@groundwork/errors';
import { newId } from '@groundwork/http';
import type { Clock, ContainerSpec, DocumentStore, StoredDocument } from '@groundwork/store';
import { type IpAddress, type IpRange, inRange, parseRange } from './ip-match.js';
import { type CreateIpRuleInput, createIpRuleSchema, type IpRule } from './schemas.js';

export const IP_RULES_CONTAINER: ContainerSpec = {
  name: 'ip_rules',
  partitionKey: '/productId',
  description: 'IP allow/deny rules (CIDR, reason, creator, optional expiry) per product.',
};

/** Expired rules are kept this long (for the record) before their TTL removes them. */
const EXPIRED_KEPT_SECONDS = 7 * 86_400;
/** Rules loaded per product at most (more are ignored, with a log line from the caller). */
export const MAX_RULES_PER_PRODUCT = 10_000;

type IpRuleDocument = IpRule & { expiresAtMs?: number };

interface CompiledRule {
  rule: IpRule;
  range: IpRange;
  expiresAtMs: number | undefined;
}

export interface IpRuleMatch {
  action: 'allow' | 'deny';
  rule: IpRule;
}

export interface IpRules {
  create(productId: string, input: CreateIpRuleInput, createdBy: string): Promise<IpRule>;
  list(
    productId: string,
    page: { limit: number; cursor?: string | undefined },
  ): Promise<{ items: IpRule[]; nextCursor?: string }>;
  /** Returns the removed rule; `NotFoundError` (`ip_rule_not_found`) when absent. */
  remove(productId: string, id: string): Promise<IpRule>;
  /** The deciding rule for `address` in `productId` (cached), or undefined. */
  match(productId: string, address: IpAddress | undefined): Promise<IpRuleMatch | undefined>;
  /** The product's active deny rules (cached). */
  activeDenies(productId: string): Promise<IpRule[]>;
}

function view(doc: StoredDocument<IpRuleDocument>): IpRule {
  return {
    id: doc.id,
    productId: doc.productId,
    ip: doc.ip,
    action: doc.action,
    reason: doc.reason,
    createdBy: doc.createdBy,
    createdAt: doc.createdAt,
    ...(doc.expiresAt ? { expiresAt: doc.expiresAt } : {}),
  };
}

export function createIpRules(options: { store: DocumentStore; clock: Clock; cacheTtlMs: number }): IpRules {
  const { store, clock, cacheTtlMs } = options;
  const rules = () => store.container<IpRuleDocument>(IP_RULES_CONTAINER.name);
  const cache = new Map<string, { at: number; compiled: Promise<CompiledRule[]> }>();
  const lastGood = new Map<string, CompiledRule[]>();

  async function load(productId: string): Promise<CompiledRule[]> {
    const compiled: CompiledRule[] = [];
    let cursor: string | undefined;
    do {
      const page = await rules().query({ pk: productId, limit: 1000, ...(cursor ? { cursor } : {}) });
      for (const doc of page.items) {
        const range = parseRange(doc.ip);
        if (range) compiled.push({ rule: view(doc), range, expiresAtMs: doc.expiresAtMs });
      }
      cursor = page.nextCursor;
    } while (cursor && compiled.length < MAX_RULES_PER_PRODUCT);
    return compiled;
  }

  function compiledFor(productId: string): Promise<CompiledRule[]> {
    const now = clock.now();
    const hit = cache.get(productId);
    if (hit && now - hit.at < cacheTtlMs) return hit.compiled;
    // A failed refresh keeps the last rules read (a store outage does not lift the denies); with
    // none, the error goes to the caller (the hook lets the request through and logs it).
    const compiled = load(productId).then(
      (rules) => {
        lastGood.set(productId, rules);
        return rules;
      },
      (error: unknown) => {
        cache.delete(productId);
        const previous = lastGood.get(productId);
        if (previous) return previous;
        throw error;
      },
    );
    cache.set(productId, { at: now, compiled });
    return compiled;
  }

  const active = (rule: CompiledRule, now: number) =>
    rule.expiresAtMs === undefined || rule.expiresAtMs > now;

  return {
    async create(productId, rawInput, createdBy) {
      const parsed = createIpRuleSchema.safeParse(rawInput);
      if (!parsed.success)
        throw new ValidationError(
          parsed.error.issues.map((issue) => ({
            path: ['body', ...issue.path.map(String)].join('.'),
            message: issue.message,
            code: issue.code,
          })),
        );
      const input = parsed.data;
      const now = clock.now();
      const range = parseRange(input.ip);
      if (!range)
        throw new ValidationError([{ path: 'body.ip', message: 'not an IP or CIDR', code: 'invalid_ip' }]);
      const expiresAtMs = input.expiresAt ? Date.parse(input.expiresAt) : undefined;
      if (expiresAtMs !== undefined && expiresAtMs <= now) {
        throw new ValidationError([
          { path: 'body.expiresAt', message: 'must be in the future', code: 'in_the_past' },
        ]);
      }
      const doc: IpRuleDocument = {
        id: newId('iprule', now),
        productId,
        ip: range.text,
        action: input.action,
        reason: input.reason,
        createdBy,
        createdAt: new Date(now).toISOString(),
        ...(expiresAtMs !== undefined ? { expiresAt: new Date(expiresAtMs).toISOString(), expiresAtMs } : {}),
      };
      const ttl =
        expiresAtMs === undefined ? undefined : Math.ceil((expiresAtMs - now) / 1000) + EXPIRED_KEPT_SECONDS;
      const stored = await rules().create({ ...doc, pk: productId, ...(ttl ? { ttl } : {}) });
      cache.delete(productId);
      return view(stored);
    },

    async list(productId, page) {
      const result = await rules().query({
        pk: productId,
        orderBy: [{ field: 'createdAt', direction: 'desc' }],
        limit: page.limit,
        ...(page.cursor ? { cursor: page.cursor } : {}),
      });
      return {
        items: result.items.map(view),
        ...(result.nextCursor ? { nextCursor: result.nextCursor } : {}),
      };
    },

    async remove(productId, id) {
      const doc = await rules().read(id, productId);
      if (!doc) throw new NotFoundError('No such IP rule.', 'ip_rule_not_found');
      await rules().delete(id, productId);
      cache.delete(productId);
      return view(doc);
    },

    async match(productId, address) {
      if (!address) return undefined;
      const now = clock.now();
      let best: CompiledRule | undefined;
      for (const rule of await compiledFor(productId)) {
        if (!active(rule, now) || !inRange(address, rule.range)) continue;
        if (
          !best ||
          rule.range.prefix > best.range.prefix ||
          (rule.range.prefix === best.range.prefix && rule.rule.action === 'deny')
        )
          best = rule;
      }
      return best ? { action: best.rule.action, rule: best.rule } : undefined;
    },

    async activeDenies(productId) {
      const now = clock.now();
      return (await compiledFor(productId))
        .filter((rule) => rule.rule.action === 'deny' && active(rule, now))
        .map((rule) => rule.rule);
    },
  };
}
