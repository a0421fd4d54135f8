import { NotFoundError } from '@groundwork/errors';
import { publicRoute } from '@groundwork/http';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { HealthAggregator } from './aggregator.js';
import { aggregateStatusSchema, serviceHistorySchema, serviceParamsSchema } from './schemas.js';

/** HTTP only: the aggregator's snapshot and one service's history. */
export function monitoringRoutes(aggregator: HealthAggregator): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/status',
      {
        ...publicRoute,
        schema: {
          summary: 'Aggregated status of every monitored service',
          response: { 200: aggregateStatusSchema },
        },
      },
      async () => aggregator.snapshot(),
    );

    app.get(
      '/status/:service',
      {
        ...publicRoute,
        schema: {
          summary: 'One monitored service with its recent history',
          params: serviceParamsSchema,
          response: { 200: serviceHistorySchema },
        },
      },
      async (request) => {
        const { service } = request.params;
        const status = aggregator.status(service);
        if (!status)
          throw new NotFoundError(`No monitored service is named "${service}".`, 'service_not_monitored');
        return { ...status, history: [...(aggregator.history(service) ?? [])] };
      },
    );
  };
}
