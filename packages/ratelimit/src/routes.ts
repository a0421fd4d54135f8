/**
 * The rate-limit admin API, mounted under `/v1` by the module: statistics, blocked keys, IP rules
 * CRUD and per-user overrides. Every route requires role `admin` and works in the caller's product
 * only; every change is audited.
 */
import { type AuditRecordInput, auditRequestContext } from '@groundwork/audit';
import { guard, type ModuleRoutes } from '@groundwork/http';
import { z } from 'zod';
import {
  blockedSchema,
  createIpRuleSchema,
  idParamsSchema,
  ipRulePageSchema,
  ipRuleSchema,
  overridePageSchema,
  overrideSchema,
  pageQuerySchema,
  putOverrideSchema,
  statsSchema,
  userIdParamsSchema,
} from './schemas.js';
import type { RateLimitService } from './service.js';

export type RateLimitAuditSink = (record: AuditRecordInput) => Promise<unknown>;

const adminOnly = guard({ roles: ['admin'] });
const ADMIN = 'Requires role `admin`; the caller’s product only.';

export function rateLimitRoutes(
  service: RateLimitService,
  audit: RateLimitAuditSink | undefined,
): ModuleRoutes {
  const record = async (input: AuditRecordInput) => {
    if (audit) await audit(input);
  };
  return async (app) => {
    app.get(
      '/ratelimit/stats',
      {
        ...adminOnly,
        schema: {
          summary: 'Rate-limit statistics',
          description: `429 and IP-deny counts for the last hour and day, and the most limited keys, as seen by this instance. ${ADMIN}`,
          querystring: z.object({ top: z.coerce.number().int().min(1).max(100).default(20) }),
          response: { 200: statsSchema },
        },
      },
      async (request) => {
        const { productId } = auditRequestContext(request);
        return service.stats.stats(productId, request.query.top);
      },
    );

    app.get(
      '/ratelimit/blocked',
      {
        ...adminOnly,
        schema: {
          summary: 'Currently blocked keys',
          description: `Keys whose latest 429 (this instance) still has Retry-After left, and the active IP deny rules. ${ADMIN}`,
          response: { 200: blockedSchema },
        },
      },
      async (request) => {
        const { productId } = auditRequestContext(request);
        return {
          scope: 'instance' as const,
          items: service.stats.blocked(productId),
          deniedIpRules: await service.ipRules.activeDenies(productId),
        };
      },
    );

    app.get(
      '/ratelimit/ip-rules',
      {
        ...adminOnly,
        schema: {
          summary: 'List IP rules',
          description: `Newest first, expired ones included until their record expires. ${ADMIN}`,
          querystring: pageQuerySchema,
          response: { 200: ipRulePageSchema },
        },
      },
      async (request) => {
        const { productId } = auditRequestContext(request);
        return service.ipRules.list(productId, request.query);
      },
    );

    app.post(
      '/ratelimit/ip-rules',
      {
        ...adminOnly,
        schema: {
          summary: 'Add an IP rule',
          description: `Allow (skips every limit) or deny (403 \`ip_denied\` before any work) an address or CIDR range, IPv4 or IPv6, optionally until \`expiresAt\`. ${ADMIN}`,
          body: createIpRuleSchema,
          response: { 201: ipRuleSchema },
        },
      },
      async (request, reply) => {
        const context = auditRequestContext(request);
        const rule = await service.ipRules.create(context.productId, request.body, context.actor.id);
        await record({
          ...context,
          action: 'ratelimit.ip_rule.created',
          target: { type: 'ip_rule', id: rule.id },
          summary: { after: { ...rule } },
        });
        return reply.status(201).send(rule);
      },
    );

    app.delete(
      '/ratelimit/ip-rules/:id',
      {
        ...adminOnly,
        schema: {
          summary: 'Remove an IP rule',
          description: ADMIN,
          params: idParamsSchema,
          response: { 204: z.null().describe('Removed.') },
        },
      },
      async (request, reply) => {
        const context = auditRequestContext(request);
        const rule = await service.ipRules.remove(context.productId, request.params.id);
        await record({
          ...context,
          action: 'ratelimit.ip_rule.deleted',
          target: { type: 'ip_rule', id: rule.id },
          summary: { before: { ...rule } },
        });
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/ratelimit/overrides',
      {
        ...adminOnly,
        schema: {
          summary: 'List per-user overrides',
          description: ADMIN,
          querystring: pageQuerySchema,
          response: { 200: overridePageSchema },
        },
      },
      async (request) => {
        const { productId } = auditRequestContext(request);
        return service.overrides.list(productId, request.query);
      },
    );

    app.put(
      '/ratelimit/overrides/:userId',
      {
        ...adminOnly,
        schema: {
          summary: 'Set a user’s override',
          description: `\`exempt: true\` skips every limit for the user; otherwise each rule’s limit is multiplied by \`multiplier\`. ${ADMIN}`,
          params: userIdParamsSchema,
          body: putOverrideSchema,
          response: { 200: overrideSchema },
        },
      },
      async (request) => {
        const context = auditRequestContext(request);
        const { before, after } = await service.overrides.put(
          context.productId,
          request.params.userId,
          request.body,
          context.actor.id,
        );
        await record({
          ...context,
          action: 'ratelimit.override.set',
          target: { type: 'user', id: request.params.userId },
          summary: { ...(before ? { before: { ...before } } : {}), after: { ...after } },
        });
        return after;
      },
    );

    app.delete(
      '/ratelimit/overrides/:userId',
      {
        ...adminOnly,
        schema: {
          summary: 'Remove a user’s override',
          description: ADMIN,
          params: userIdParamsSchema,
          response: { 204: z.null().describe('Removed.') },
        },
      },
      async (request, reply) => {
        const context = auditRequestContext(request);
        const before = await service.overrides.remove(context.productId, request.params.userId);
        await record({
          ...context,
          action: 'ratelimit.override.removed',
          target: { type: 'user', id: request.params.userId },
          summary: { before: { ...before } },
        });
        return reply.status(204).send(null);
      },
    );
  };
}
