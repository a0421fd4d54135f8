import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { PROBLEM_CONTENT_TYPE } from '@groundwork/errors';
import type { RouteOptions } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { publicRoute } from './auth.js';
import type { ServiceFastifyInstance } from './fastify-types.js';
import { problemDocumentSchema } from './problem-handler.js';

export const DOCS_PREFIX = '/documentation';

export interface OpenApiOptions {
  title: string;
  version: string;
  description?: string;
  /** One tag per module, in mount order. */
  tags: { name: string; description?: string }[];
}

/**
 * Collects every route into an OpenAPI 3.1 document built from the routes' zod schemas. Must be
 * registered before any route. Routes that require authentication carry the `bearerAuth` scheme.
 */
export async function registerOpenApi(app: ServiceFastifyInstance, options: OpenApiOptions): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: options.title, version: options.version, description: options.description },
      tags: [{ name: 'system', description: 'Health, readiness and metrics.' }, ...options.tags],
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
}

/**
 * Serves the document at `/documentation/json` and, when `ui` is true, the Swagger UI at
 * `/documentation` with its own CSP (script and style hashes) so Helmet's strict default still applies elsewhere.
 */
export async function registerDocsRoutes(app: ServiceFastifyInstance, ui: boolean): Promise<void> {
  if (ui) {
    await app.register(swaggerUi, { routePrefix: DOCS_PREFIX, staticCSP: true });
    return;
  }
  app.get(`${DOCS_PREFIX}/json`, { ...publicRoute, schema: { hide: true } }, async () => app.swagger());
}

const problemResponse = (description: string) => ({
  description,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: problemDocumentSchema } },
});

/**
 * `onRoute` hook for a module's scope: tags the route with the module name and documents the
 * problem+json error responses.
 */
export function documentModuleRoute(moduleName: string): (route: RouteOptions) => void {
  return (route) => {
    const schema = route.schema ?? {};
    route.schema = {
      ...schema,
      tags: schema.tags ?? [moduleName],
      response: {
        '4XX': problemResponse('Client error (problem+json).'),
        '5XX': problemResponse('Server error (problem+json).'),
        ...(schema.response as Record<string, unknown> | undefined),
      },
    };
  };
}
