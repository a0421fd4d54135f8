/**
 * The catalog API, mounted under `/v1` by the events module. Every authenticated caller may list
 * the event types it can subscribe to, with versions and payload JSON Schemas.
 */
import { guard, type ModuleRoutes } from '@groundwork/http';
import { z } from 'zod';
import type { EventCatalog } from './catalog.js';

export const catalogEntrySchema = z.object({
  type: z.string(),
  version: z.number().int(),
  description: z.string(),
  schema: z.record(z.string(), z.unknown()).describe('JSON Schema of the payload.'),
});

export const catalogListSchema = z.object({
  items: z.array(catalogEntrySchema),
});

export function eventCatalogRoutes(catalog: EventCatalog): ModuleRoutes {
  return async (app) => {
    app.get(
      '/events/catalog',
      {
        ...guard({}),
        schema: {
          summary: 'List the event catalog',
          description: 'Every event type with its version and the JSON Schema of its payload.',
          response: { 200: catalogListSchema },
        },
      },
      async () => ({ items: catalog.describe() }),
    );
  };
}
