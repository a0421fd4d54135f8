/**
 * The status HTTP API, mounted under `/v1` by the status module. HTTP only: parse, authorize,
 * call the service, shape the reply.
 *
 * - Public (no auth, cacheable, ETag/304): `GET /public/status`, `GET /public/status/history`,
 *   `GET /public/status/feed.rss`, `GET /public/status/feed.atom`. The product is `?product=`,
 *   else the module's default product.
 * - Admin (role `admin`, the caller's product, audited): components, incidents, maintenance.
 */
import { createHash } from 'node:crypto';
import { auditRequestContext } from '@groundwork/audit';
import { guard, type ModuleRoutes, publicRoute } from '@groundwork/http';
import { z } from 'zod';
import { buildStatusFeed } from './feed.js';
import { MAX_HISTORY_ITEMS } from './public-status.js';
import {
  componentIdSchema,
  componentSchema,
  createComponentBodySchema,
  createIncidentBodySchema,
  createMaintenanceBodySchema,
  historyQuerySchema,
  incidentIdSchema,
  incidentSchema,
  maintenanceIdSchema,
  maintenanceWindowSchema,
  pageQuerySchema,
  pageSchemaOf,
  publicHistorySchema,
  publicProductQuerySchema,
  publicStatusSchema,
  sampleSchema,
  updateComponentBodySchema,
  updateIncidentBodySchema,
  updateMaintenanceBodySchema,
} from './schemas.js';
import type { StatusService } from './service.js';

const adminOnly = guard({ roles: ['admin'] });
const ADMIN = 'Requires role `admin`; acts on the caller’s product and is audited.';
const PUBLIC = 'Public and cacheable. The product is `?product=`, else the service’s default product.';

export interface StatusRoutesOptions {
  /** The product of public requests without `?product=`. */
  defaultProductId: string;
  /** Seconds public JSON may be cached (default 15). */
  maxAgeSeconds?: number;
  /** The public status page, linked from the feeds (default: this API's `/v1/public/status`). */
  pageUrl?: string;
  /** Title of the feeds for a product (default `<productId> status`). */
  feedTitle?: (productId: string) => string;
}

/** The parts of Fastify's request and reply these helpers use (no Fastify dependency here). */
interface RequestLike {
  headers: Record<string, string | string[] | undefined>;
  protocol: string;
  host: string;
}
interface ReplyLike {
  header(name: string, value: string): unknown;
}

const notModified = z.null().describe('Not modified (the `If-None-Match` ETag matches).');
const feedResponse = (type: string) => ({
  description: 'The feed.',
  content: { [type]: { schema: z.string().describe('XML.') } },
});

/** Public caching: short max-age, long stale-if-error (a cache may keep serving while we are down). */
function cacheable(reply: ReplyLike, maxAgeSeconds: number): void {
  reply.header(
    'cache-control',
    `public, max-age=${maxAgeSeconds}, stale-while-revalidate=${maxAgeSeconds * 4}, stale-if-error=86400`,
  );
}

/** A weak ETag over the content (without `generatedAt`); true when the client already has it. */
function etagMatches(request: RequestLike, reply: ReplyLike, content: unknown): boolean {
  const etag = `W/"${createHash('sha256').update(JSON.stringify(content)).digest('base64url').slice(0, 27)}"`;
  reply.header('etag', etag);
  const sent = request.headers['if-none-match'];
  return typeof sent === 'string' && sent.split(',').some((tag) => tag.trim() === etag);
}

function withoutGeneratedAt<T extends { generatedAt: string }>(doc: T): Omit<T, 'generatedAt'> {
  const { generatedAt: _g, ...rest } = doc;
  return rest;
}

function selfUrl(request: RequestLike, path: string, productId: string, defaultProductId: string): string {
  const url = new URL(path, `${request.protocol}://${request.host}`);
  if (productId !== defaultProductId) url.searchParams.set('product', productId);
  return url.toString();
}

export function statusRoutes(service: StatusService, options: StatusRoutesOptions): ModuleRoutes {
  const maxAge = options.maxAgeSeconds ?? 15;
  const productOf = (query: { product?: string | undefined }) => query.product ?? options.defaultProductId;

  return async (app) => {
    // ----------------------------------------------------------------------------------- public
    app.get(
      '/public/status',
      {
        ...publicRoute,
        schema: {
          summary: 'Current status of a product',
          description: `Overall status, components, active incidents and maintenance. ${PUBLIC}`,
          querystring: publicProductQuerySchema,
          response: { 200: publicStatusSchema, 304: notModified },
        },
      },
      async (request, reply) => {
        const status = await service.public.status(productOf(request.query));
        cacheable(reply, maxAge);
        if (etagMatches(request, reply, withoutGeneratedAt(status))) return reply.status(304).send(null);
        return status;
      },
    );

    app.get(
      '/public/status/history',
      {
        ...publicRoute,
        schema: {
          summary: 'Daily uptime and latency history of a product',
          description: `Per component, one entry per UTC day (default 90 days), with incidents and maintenance of the period (at most ${MAX_HISTORY_ITEMS} each). ${PUBLIC}`,
          querystring: historyQuerySchema,
          response: { 200: publicHistorySchema, 304: notModified },
        },
      },
      async (request, reply) => {
        const history = await service.public.history(productOf(request.query), request.query.days);
        cacheable(reply, maxAge * 4);
        if (etagMatches(request, reply, withoutGeneratedAt(history))) return reply.status(304).send(null);
        return history;
      },
    );

    for (const format of ['rss', 'atom'] as const) {
      const type = format === 'rss' ? 'application/rss+xml' : 'application/atom+xml';
      app.get(
        `/public/status/feed.${format}`,
        {
          ...publicRoute,
          schema: {
            summary: `${format === 'rss' ? 'RSS 2.0' : 'Atom 1.0'} feed of incidents and maintenance`,
            description: `The product's incidents and maintenance windows of the last 90 days, newest first. ${PUBLIC}`,
            querystring: publicProductQuerySchema,
            response: { 200: feedResponse(type), 304: notModified },
          },
        },
        async (request, reply) => {
          const productId = productOf(request.query);
          const history = await service.public.history(productId, 90);
          const status = await service.public.status(productId);
          const maintenance = [
            ...status.maintenance.inProgress,
            ...status.maintenance.upcoming,
            ...history.maintenance,
          ];
          const feed = buildStatusFeed({
            productId,
            title: options.feedTitle?.(productId) ?? `${productId} status`,
            pageUrl:
              options.pageUrl ?? selfUrl(request, '/v1/public/status', productId, options.defaultProductId),
            rssUrl: selfUrl(request, '/v1/public/status/feed.rss', productId, options.defaultProductId),
            atomUrl: selfUrl(request, '/v1/public/status/feed.atom', productId, options.defaultProductId),
            incidents: history.incidents,
            maintenance,
            generatedAt: new Date(history.generatedAt),
          });
          cacheable(reply, maxAge * 4);
          if (etagMatches(request, reply, { incidents: history.incidents, maintenance }))
            return reply.status(304).send(null);
          const body = format === 'rss' ? feed.rss2() : feed.atom1();
          return reply.header('content-type', `${type}; charset=utf-8`).send(body);
        },
      );
    }

    // ----------------------------------------------------------------------------- components
    const componentParams = z.object({ id: componentIdSchema });

    app.get(
      '/status/components',
      {
        ...adminOnly,
        schema: {
          summary: 'List status components',
          description: 'With their checks. Requires role `admin`.',
          response: { 200: z.object({ items: z.array(componentSchema) }) },
        },
      },
      async (request) => ({ items: await service.components.list(request.principal!.productId) }),
    );

    app.post(
      '/status/components',
      {
        ...adminOnly,
        schema: {
          summary: 'Create a status component',
          description: `An optional HTTP check is polled by the monitoring service through the outbound address policy (no private or loopback targets). ${ADMIN}`,
          body: createComponentBodySchema,
          response: { 201: componentSchema },
        },
      },
      async (request, reply) => {
        const component = await service.components.create(auditRequestContext(request), request.body);
        return reply.status(201).header('location', `/v1/status/components/${component.id}`).send(component);
      },
    );

    app.patch(
      '/status/components/:id',
      {
        ...adminOnly,
        schema: {
          summary: 'Change a status component',
          description: `A check set here becomes admin-supplied (policy-checked) even on an operator component. ${ADMIN}`,
          params: componentParams,
          body: updateComponentBodySchema,
          response: { 200: componentSchema },
        },
      },
      async (request) =>
        service.components.update(auditRequestContext(request), request.params.id, request.body),
    );

    app.delete(
      '/status/components/:id',
      {
        ...adminOnly,
        schema: {
          summary: 'Delete a status component',
          description: `Its history stays until it expires. ${ADMIN}`,
          params: componentParams,
          response: { 204: z.null().describe('Deleted.') },
        },
      },
      async (request, reply) => {
        await service.components.remove(auditRequestContext(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/status/components/:id/samples',
      {
        ...adminOnly,
        schema: {
          summary: 'Recent raw check samples of a component',
          description:
            'Oldest first, from `since` (default: the last hour), at most `limit`. Requires role `admin`.',
          params: componentParams,
          querystring: z.object({
            since: z.iso.datetime({ offset: true }).optional(),
            limit: z.coerce.number().int().min(1).max(1_000).default(200),
          }),
          response: { 200: z.object({ items: z.array(sampleSchema) }) },
        },
      },
      async (request) => {
        const productId = request.principal!.productId;
        await service.components.get(productId, request.params.id);
        const since = request.query.since ? Date.parse(request.query.since) : service.clock.now() - 3_600_000;
        return {
          items: await service.health.samples(productId, request.params.id, since, request.query.limit),
        };
      },
    );

    // ------------------------------------------------------------------------------ incidents
    const incidentParams = z.object({ id: incidentIdSchema });

    app.get(
      '/status/incidents',
      {
        ...adminOnly,
        schema: {
          summary: 'List incidents',
          description: 'Newest first. Requires role `admin`.',
          querystring: pageQuerySchema,
          response: { 200: pageSchemaOf(incidentSchema) },
        },
      },
      async (request) => service.incidents.list(request.principal!.productId, request.query),
    );

    app.post(
      '/status/incidents',
      {
        ...adminOnly,
        schema: {
          summary: 'Open an incident',
          description: `With its first public update; emits \`incident.created\`. ${ADMIN}`,
          body: createIncidentBodySchema,
          response: { 201: incidentSchema },
        },
      },
      async (request, reply) => {
        const incident = await service.incidents.create(auditRequestContext(request), request.body);
        return reply.status(201).header('location', `/v1/status/incidents/${incident.id}`).send(incident);
      },
    );

    app.get(
      '/status/incidents/:id',
      {
        ...adminOnly,
        schema: {
          summary: 'Read an incident',
          description: 'Requires role `admin`.',
          params: incidentParams,
          response: { 200: incidentSchema },
        },
      },
      async (request) => service.incidents.get(request.principal!.productId, request.params.id),
    );

    app.patch(
      '/status/incidents/:id',
      {
        ...adminOnly,
        schema: {
          summary: 'Update an incident',
          description: `Adds a public update and/or changes status, impact, title or components; emits \`incident.updated\`, or \`incident.resolved\` when it resolves. A resolved incident cannot be reopened (409 \`incident_resolved\`). ${ADMIN}`,
          params: incidentParams,
          body: updateIncidentBodySchema,
          response: { 200: incidentSchema },
        },
      },
      async (request) =>
        service.incidents.update(auditRequestContext(request), request.params.id, request.body),
    );

    app.delete(
      '/status/incidents/:id',
      {
        ...adminOnly,
        schema: {
          summary: 'Delete an incident',
          description: `For an incident opened by mistake; resolve real ones instead. ${ADMIN}`,
          params: incidentParams,
          response: { 204: z.null().describe('Deleted.') },
        },
      },
      async (request, reply) => {
        await service.incidents.remove(auditRequestContext(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    // ---------------------------------------------------------------------------- maintenance
    const maintenanceParams = z.object({ id: maintenanceIdSchema });

    app.get(
      '/status/maintenance',
      {
        ...adminOnly,
        schema: {
          summary: 'List maintenance windows',
          description: 'Latest start first. Requires role `admin`.',
          querystring: pageQuerySchema,
          response: { 200: pageSchemaOf(maintenanceWindowSchema) },
        },
      },
      async (request) => service.maintenance.list(request.principal!.productId, request.query),
    );

    app.post(
      '/status/maintenance',
      {
        ...adminOnly,
        schema: {
          summary: 'Schedule a maintenance window',
          description: `Emits \`maintenance.scheduled\`; \`maintenanceMode: true\` turns the product's maintenance mode on while it is in progress. ${ADMIN}`,
          body: createMaintenanceBodySchema,
          response: { 201: maintenanceWindowSchema },
        },
      },
      async (request, reply) => {
        const window = await service.maintenance.create(auditRequestContext(request), request.body);
        return reply.status(201).header('location', `/v1/status/maintenance/${window.id}`).send(window);
      },
    );

    app.get(
      '/status/maintenance/:id',
      {
        ...adminOnly,
        schema: {
          summary: 'Read a maintenance window',
          description: 'Requires role `admin`.',
          params: maintenanceParams,
          response: { 200: maintenanceWindowSchema },
        },
      },
      async (request) => service.maintenance.get(request.principal!.productId, request.params.id),
    );

    app.patch(
      '/status/maintenance/:id',
      {
        ...adminOnly,
        schema: {
          summary: 'Change a maintenance window',
          description: `Not once completed or canceled (409 \`maintenance_closed\`); in progress, only its end and details. ${ADMIN}`,
          params: maintenanceParams,
          body: updateMaintenanceBodySchema,
          response: { 200: maintenanceWindowSchema },
        },
      },
      async (request) =>
        service.maintenance.update(auditRequestContext(request), request.params.id, request.body),
    );

    app.post(
      '/status/maintenance/:id/cancel',
      {
        ...adminOnly,
        schema: {
          summary: 'Cancel a maintenance window',
          description: `A window in progress ends now (maintenance mode off, \`maintenance.completed\`). ${ADMIN}`,
          params: maintenanceParams,
          response: { 200: maintenanceWindowSchema },
        },
      },
      async (request) => service.maintenance.cancel(auditRequestContext(request), request.params.id),
    );
  };
}
