/**
 * The webhooks admin API, mounted under `/v1` by the webhooks module. HTTP only: parse, authorize
 * (role `admin`), call the service, shape the reply. The product is always the principal's.
 */
import { auditRequestContext } from '@groundwork/audit';
import { guard, type ModuleRoutes } from '@groundwork/http';
import { z } from 'zod';
import {
  createSubscriptionSchema,
  deliveryDetailSchema,
  deliveryIdSchema,
  deliveryPageSchema,
  deliveryViewSchema,
  eventTypesListSchema,
  listDeliveriesQuerySchema,
  listPageQuerySchema,
  resendFailedSchema,
  subscriptionIdSchema,
  subscriptionPageSchema,
  subscriptionViewSchema,
  subscriptionWithSecretSchema,
  updateSubscriptionSchema,
} from './schemas.js';
import type { RequestMeta, Webhooks } from './service.js';

const adminOnly = guard({ roles: ['admin'] });
const ADMIN = 'Requires role `admin`; the caller’s product only.';
const subscriptionParams = z.object({ id: subscriptionIdSchema });
const deliveryParams = z.object({ id: subscriptionIdSchema, deliveryId: deliveryIdSchema });

function metaOf(request: Parameters<typeof auditRequestContext>[0]): RequestMeta & { productId: string } {
  const { productId, actor, ip, userAgent, requestId } = auditRequestContext(request);
  return { productId, actor, ip, requestId, ...(userAgent ? { userAgent } : {}) };
}

export function webhooksAdminRoutes(
  webhooks: () => Webhooks,
  eventTypes: () => z.infer<typeof eventTypesListSchema>['items'],
): ModuleRoutes {
  return async (app) => {
    app.get(
      '/webhooks/event-types',
      {
        ...adminOnly,
        schema: {
          summary: 'List the event types a subscription can receive',
          description: `The event catalog: names, versions and the JSON Schema of each payload (\`data\` in a delivery). ${ADMIN}`,
          response: { 200: eventTypesListSchema },
        },
      },
      async () => ({ items: eventTypes() }),
    );

    app.post(
      '/webhooks/subscriptions',
      {
        ...adminOnly,
        schema: {
          summary: 'Create a webhook subscription',
          description: `The URL is resolved and every address checked (no private, loopback or link-local targets unless allowed by the operator). The signing secret is in this response only. ${ADMIN}`,
          body: createSubscriptionSchema,
          response: { 201: subscriptionWithSecretSchema },
        },
      },
      async (request, reply) => {
        const meta = metaOf(request);
        const { subscription, secret } = await webhooks().createSubscription(
          meta.productId,
          request.body,
          meta,
        );
        return reply.code(201).send({ ...subscription, secret });
      },
    );

    app.get(
      '/webhooks/subscriptions',
      {
        ...adminOnly,
        schema: {
          summary: 'List webhook subscriptions',
          description: `Newest first. ${ADMIN}`,
          querystring: listPageQuerySchema,
          response: { 200: subscriptionPageSchema },
        },
      },
      async (request) => {
        const { productId } = metaOf(request);
        return webhooks().listSubscriptions(productId, request.query);
      },
    );

    app.get(
      '/webhooks/subscriptions/:id',
      {
        ...adminOnly,
        schema: {
          summary: 'Read a webhook subscription with its health',
          description: `Never includes the secret. ${ADMIN}`,
          params: subscriptionParams,
          response: { 200: subscriptionViewSchema },
        },
      },
      async (request) => webhooks().getSubscription(metaOf(request).productId, request.params.id),
    );

    app.patch(
      '/webhooks/subscriptions/:id',
      {
        ...adminOnly,
        schema: {
          summary: 'Change a webhook subscription',
          description: `A new URL is checked like at creation; \`enabled: true\` re-enables a disabled subscription and clears its failures. ${ADMIN}`,
          params: subscriptionParams,
          body: updateSubscriptionSchema,
          response: { 200: subscriptionViewSchema },
        },
      },
      async (request) => {
        const meta = metaOf(request);
        return webhooks().updateSubscription(meta.productId, request.params.id, request.body, meta);
      },
    );

    app.delete(
      '/webhooks/subscriptions/:id',
      {
        ...adminOnly,
        schema: {
          summary: 'Delete a webhook subscription',
          description: `Pending deliveries are not sent. The delivery log expires on its own (30 days). ${ADMIN}`,
          params: subscriptionParams,
          response: { 204: z.null().describe('Deleted.') },
        },
      },
      async (request, reply) => {
        const meta = metaOf(request);
        await webhooks().deleteSubscription(meta.productId, request.params.id, meta);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/webhooks/subscriptions/:id/rotate-secret',
      {
        ...adminOnly,
        schema: {
          summary: 'Rotate the signing secret',
          description: `Returns the new secret once. For 24 hours deliveries are signed with both the new and the previous secret. ${ADMIN}`,
          params: subscriptionParams,
          response: { 200: subscriptionWithSecretSchema },
        },
      },
      async (request) => {
        const meta = metaOf(request);
        const { subscription, secret } = await webhooks().rotateSecret(
          meta.productId,
          request.params.id,
          meta,
        );
        return { ...subscription, secret };
      },
    );

    app.post(
      '/webhooks/subscriptions/:id/test',
      {
        ...adminOnly,
        schema: {
          summary: 'Send a test ping',
          description: `Queues a \`webhook.test\` event to this subscription only; follow it in the deliveries log. ${ADMIN}`,
          params: subscriptionParams,
          response: { 202: deliveryViewSchema },
        },
      },
      async (request, reply) => {
        const meta = metaOf(request);
        return reply.code(202).send(await webhooks().sendTest(meta.productId, request.params.id, meta));
      },
    );

    app.get(
      '/webhooks/subscriptions/:id/deliveries',
      {
        ...adminOnly,
        schema: {
          summary: 'List deliveries of a subscription',
          description: `Newest first, filtered by status, event type and creation time; kept 30 days. ${ADMIN}`,
          params: subscriptionParams,
          querystring: listDeliveriesQuerySchema,
          response: { 200: deliveryPageSchema },
        },
      },
      async (request) => {
        const { productId } = metaOf(request);
        const { status, eventType, since, limit, cursor } = request.query;
        return webhooks().listDeliveries(
          productId,
          request.params.id,
          {
            ...(status ? { status } : {}),
            ...(eventType ? { eventType } : {}),
            ...(since ? { since: Date.parse(since) } : {}),
          },
          { limit, ...(cursor ? { cursor } : {}) },
        );
      },
    );

    app.get(
      '/webhooks/subscriptions/:id/deliveries/:deliveryId',
      {
        ...adminOnly,
        schema: {
          summary: 'Read one delivery with a payload preview',
          description: ADMIN,
          params: deliveryParams,
          response: { 200: deliveryDetailSchema },
        },
      },
      async (request) =>
        webhooks().getDelivery(metaOf(request).productId, request.params.id, request.params.deliveryId),
    );

    app.post(
      '/webhooks/subscriptions/:id/deliveries/:deliveryId/resend',
      {
        ...adminOnly,
        schema: {
          summary: 'Resend one delivery',
          description: `A new delivery of the same body and event id (\`webhook-id\`), so receivers can dedupe. ${ADMIN}`,
          params: deliveryParams,
          response: { 202: deliveryViewSchema },
        },
      },
      async (request, reply) => {
        const meta = metaOf(request);
        return reply
          .code(202)
          .send(await webhooks().resend(meta.productId, request.params.id, request.params.deliveryId, meta));
      },
    );

    app.post(
      '/webhooks/subscriptions/:id/resend-failed',
      {
        ...adminOnly,
        schema: {
          summary: 'Resend every failed delivery since a time',
          description: `At most 1000 per call. ${ADMIN}`,
          params: subscriptionParams,
          body: resendFailedSchema,
          response: {
            202: z.object({ resent: z.number().int(), deliveryIds: z.array(z.string()) }),
          },
        },
      },
      async (request, reply) => {
        const meta = metaOf(request);
        const result = await webhooks().resendFailedSince(
          meta.productId,
          request.params.id,
          Date.parse(request.body.since),
          meta,
        );
        return reply.code(202).send(result);
      },
    );
  };
}
