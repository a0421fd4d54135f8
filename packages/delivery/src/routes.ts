/**
 * The delivery HTTP API, mounted under `/v1`. HTTP only: parse, authorize, call the service, shape
 * the reply. Admin routes (`/delivery/...`) need role `admin` and act on the principal's product;
 * every admin change is audited. User routes (`/notifications/...`) act on the caller's own
 * devices and preferences.
 */
import type { AuditRecordInput } from '@groundwork/audit';
import { NotFoundError, UnauthorizedError } from '@groundwork/errors';
import { actorFromPrincipal } from '@groundwork/events';
import { guard, type ModuleRoutes, type Principal } from '@groundwork/http';
import { z } from 'zod';
import type { DeliverResult } from './dispatcher.js';
import {
  addSuppressionBodySchema,
  adminNotifyBodySchema,
  deliverResultSchema,
  deviceListSchema,
  deviceParams,
  deviceSchema,
  emailSourceSchema,
  logPageSchema,
  logQuerySchema,
  outboxPageSchema,
  pageQuerySchema,
  preferencesSchema,
  previewBodySchema,
  registerDeviceBodySchema,
  renderedEmailSchema,
  sendTestBodySchema,
  statsQuerySchema,
  statsSchema,
  suppressionPageSchema,
  suppressionParams,
  suppressionSchema,
  templateDetailSchema,
  templateListSchema,
  templateNameParams,
  updatePreferencesBodySchema,
} from './schemas.js';
import type { Delivery } from './service.js';

/** One admin action or security event for the audit log: what `@groundwork/audit` records. */
export type DeliveryAuditRecord = AuditRecordInput;

export type DeliveryAuditSink = (record: DeliveryAuditRecord) => Promise<unknown>;

const adminOnly = guard({ roles: ['admin'] });
const signedIn = guard({});
const ADMIN = 'Requires role `admin`; acts on the caller’s product only.';
const tags = ['delivery'];

interface RequestLike {
  principal?: Principal;
  ip: string;
  id: string;
  headers: Record<string, string | string[] | undefined>;
}

function principalOf(request: RequestLike): Principal {
  if (!request.principal) throw new UnauthorizedError();
  return request.principal;
}

function deliveryCount(result: DeliverResult): Record<string, unknown> {
  return {
    deliveries: result.deliveries.length,
    skipped: result.skipped.map((s) => `${s.channel}:${s.reason}`),
  };
}

export interface DeliveryRoutesOptions {
  delivery: () => Delivery;
  audit?: DeliveryAuditSink | undefined;
}

export function deliveryRoutes(options: DeliveryRoutesOptions): ModuleRoutes {
  return async (app) => {
    const delivery = options.delivery;

    async function audit(
      request: RequestLike,
      action: string,
      target: { type: string; id: string },
      after?: Record<string, unknown>,
    ): Promise<void> {
      if (!options.audit) return;
      const principal = principalOf(request);
      const userAgent = request.headers['user-agent'];
      await options.audit({
        productId: principal.productId,
        actor: actorFromPrincipal(principal),
        action,
        target,
        ...(after ? { summary: { after } } : {}),
        ip: request.ip,
        ...(typeof userAgent === 'string' && userAgent ? { userAgent } : {}),
        requestId: request.id,
      });
    }

    // ----- templates (admin)
    app.get(
      '/delivery/templates',
      {
        ...adminOnly,
        schema: {
          tags,
          summary: 'List email templates',
          description: ADMIN,
          response: { 200: templateListSchema },
        },
      },
      async (request) => ({ items: await delivery().listTemplates(principalOf(request).productId) }),
    );

    app.get(
      '/delivery/templates/:name',
      {
        ...adminOnly,
        schema: {
          tags,
          summary: 'Get an email template',
          description: ADMIN,
          params: templateNameParams,
          response: { 200: templateDetailSchema },
        },
      },
      async (request) => delivery().getTemplate(principalOf(request).productId, request.params.name),
    );

    app.post(
      '/delivery/templates/:name/preview',
      {
        ...adminOnly,
        schema: {
          tags,
          summary: 'Preview an email template',
          description: `Renders the current (or given, unsaved) source with sample (or given) data; 400 (each problem listed) when a variable is missing or wrong. ${ADMIN}`,
          params: templateNameParams,
          body: previewBodySchema,
          response: { 200: renderedEmailSchema },
        },
      },
      async (request) =>
        delivery().previewTemplate(principalOf(request).productId, request.params.name, {
          source: request.body.source,
          data: request.body.data,
        }),
    );

    app.put(
      '/delivery/templates/:name',
      {
        ...adminOnly,
        schema: {
          tags,
          summary: 'Override an email template',
          description: `Saves the product's own subject, HTML and text. Checked first: 400 (each problem listed) when it does not render with the template's variables. Audited. ${ADMIN}`,
          params: templateNameParams,
          body: emailSourceSchema,
          response: { 200: templateDetailSchema },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        const saved = await delivery().updateTemplate(
          principal.productId,
          request.params.name,
          request.body,
          principal.subject,
        );
        await audit(request, 'delivery.template_updated', {
          type: 'email_template',
          id: request.params.name,
        });
        return saved;
      },
    );

    app.delete(
      '/delivery/templates/:name',
      {
        ...adminOnly,
        schema: {
          tags,
          summary: 'Reset an email template',
          description: `Removes the product's override: the shipped default is sent again. Audited. ${ADMIN}`,
          params: templateNameParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const removed = await delivery().resetTemplate(principalOf(request).productId, request.params.name);
        if (!removed) throw new NotFoundError('This template has no override.', 'override_not_found');
        await audit(request, 'delivery.template_reset', { type: 'email_template', id: request.params.name });
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/delivery/templates/:name/test',
      {
        ...adminOnly,
        schema: {
          tags,
          summary: 'Send a test email',
          description: `Queues the template, rendered with sample (or given) data, to an address. Audited. ${ADMIN}`,
          params: templateNameParams,
          body: sendTestBodySchema,
          response: { 202: deliverResultSchema },
        },
      },
      async (request, reply) => {
        const result = await delivery().sendTest(
          principalOf(request).productId,
          request.params.name,
          request.body.to,
          request.body.data,
        );
        await audit(
          request,
          'delivery.test_sent',
          { type: 'email_template', id: request.params.name },
          deliveryCount(result),
        );
        return reply.status(202).send(result);
      },
    );

    app.post(
      '/delivery/notifications',
      {
        ...adminOnly,
        schema: {
          tags,
          summary: 'Notify a user',
          description: `Queues a template (e.g. \`feature_announcement\`) to one user of the product, following their preferences unless critical. Audited. ${ADMIN}`,
          body: adminNotifyBodySchema,
          response: { 202: deliverResultSchema },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        const body = request.body;
        const result = await delivery().deliver({
          productId: principal.productId,
          userId: body.userId,
          template: body.template,
          data: body.data,
          ...(body.channels ? { channels: body.channels } : {}),
          critical: body.critical,
          idempotencyKey: `admin:${body.idempotencyKey}`,
        });
        await audit(
          request,
          'delivery.notification_sent',
          { type: 'user', id: body.userId },
          {
            template: body.template,
            ...deliveryCount(result),
          },
        );
        return reply.status(202).send(result);
      },
    );

    // ----- log, stats (admin)
    app.get(
      '/delivery/log',
      {
        ...adminOnly,
        schema: {
          tags,
          summary: 'Search the delivery log',
          description: `Newest first, by channel, status, template, user and date range. Recipients are masked. ${ADMIN}`,
          querystring: logQuerySchema,
          response: { 200: logPageSchema },
        },
      },
      async (request) => {
        const q = request.query;
        return delivery().listLog(
          principalOf(request).productId,
          {
            channel: q.channel,
            status: q.status,
            template: q.template,
            userId: q.userId,
            from: q.from ? Date.parse(q.from) : undefined,
            to: q.to ? Date.parse(q.to) : undefined,
          },
          { limit: q.limit, cursor: q.cursor },
        );
      },
    );

    app.get(
      '/delivery/stats',
      {
        ...adminOnly,
        schema: {
          tags,
          summary: 'Delivery stats per day',
          description: `Sent, failed, bounced, delivered, opened and suppressed sends per day (UTC) over at most 92 days. ${ADMIN}`,
          querystring: statsQuerySchema,
          response: { 200: statsSchema },
        },
      },
      async (request) => ({
        days: await delivery().stats(principalOf(request).productId, {
          from: Date.parse(request.query.from),
          to: Date.parse(request.query.to),
        }),
      }),
    );

    // ----- suppressions (admin)
    app.get(
      '/delivery/suppressions',
      {
        ...adminOnly,
        schema: {
          tags,
          summary: 'List suppressed addresses',
          description: ADMIN,
          querystring: pageQuerySchema,
          response: { 200: suppressionPageSchema },
        },
      },
      async (request) =>
        delivery().listSuppressions(principalOf(request).productId, {
          limit: request.query.limit,
          cursor: request.query.cursor,
        }),
    );

    app.post(
      '/delivery/suppressions',
      {
        ...adminOnly,
        schema: {
          tags,
          summary: 'Suppress an address',
          description: `No email is sent to it until the entry is removed (sends are logged as \`suppressed\`). Audited. ${ADMIN}`,
          body: addSuppressionBodySchema,
          response: { 201: suppressionSchema },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        const doc = await delivery().addSuppression(
          principal.productId,
          request.body.email,
          request.body.reason,
          `admin:${principal.subject}`,
        );
        await audit(request, 'delivery.suppression_added', { type: 'suppression', id: doc.id });
        return reply.status(201).send(doc);
      },
    );

    app.delete(
      '/delivery/suppressions/:id',
      {
        ...adminOnly,
        schema: {
          tags,
          summary: 'Lift a suppression',
          description: `Audited. ${ADMIN}`,
          params: suppressionParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        const removed = await delivery().removeSuppressionById(principal.productId, request.params.id);
        if (!removed) throw new NotFoundError('This address is not suppressed.', 'suppression_not_found');
        await audit(request, 'delivery.suppression_removed', { type: 'suppression', id: request.params.id });
        return reply.status(204).send(null);
      },
    );

    // ----- dev outbox (admin)
    app.get(
      '/delivery/outbox',
      {
        ...adminOnly,
        schema: {
          tags,
          summary: 'Read the dev outbox',
          description: `Messages the \`console\` email adapter kept (the embedded default), newest first, for one day. Empty with a real provider. ${ADMIN}`,
          querystring: pageQuerySchema,
          response: { 200: outboxPageSchema },
        },
      },
      async (request) =>
        delivery().listOutbox(principalOf(request).productId, {
          limit: request.query.limit,
          cursor: request.query.cursor,
        }),
    );

    // ----- devices and preferences (the caller's own)
    app.get(
      '/notifications/devices',
      { ...signedIn, schema: { tags, summary: 'Your push devices', response: { 200: deviceListSchema } } },
      async (request) => {
        const principal = principalOf(request);
        return { items: await delivery().listDevices(principal.productId, principal.subject) };
      },
    );

    app.post(
      '/notifications/devices',
      {
        ...signedIn,
        schema: {
          tags,
          summary: 'Register a push device',
          description: 'Registering a token again updates it (app version, last seen) and reactivates it.',
          body: registerDeviceBodySchema,
          response: { 200: deviceSchema },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        return delivery().registerDevice(principal.productId, principal.subject, request.body);
      },
    );

    app.delete(
      '/notifications/devices/:id',
      {
        ...signedIn,
        schema: {
          tags,
          summary: 'Unregister a push device',
          params: deviceParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        await delivery().unregisterDevice(principal.productId, principal.subject, request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/notifications/preferences',
      {
        ...signedIn,
        schema: { tags, summary: 'Your notification preferences', response: { 200: preferencesSchema } },
      },
      async (request) => {
        const principal = principalOf(request);
        return delivery().getPreferences(principal.productId, principal.subject);
      },
    );

    app.put(
      '/notifications/preferences',
      {
        ...signedIn,
        schema: {
          tags,
          summary: 'Update your notification preferences',
          description: 'Merges: categories given replace those channels only; omitted fields are kept.',
          body: updatePreferencesBodySchema,
          response: { 200: preferencesSchema },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        return delivery().updatePreferences(principal.productId, principal.subject, request.body);
      },
    );
  };
}
