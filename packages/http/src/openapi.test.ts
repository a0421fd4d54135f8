import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, testConfig } from '../test/support.js';
import type { ServiceApp } from './create-service-app.js';

interface Operation {
  tags?: string[];
  security?: unknown[];
  parameters?: { in: string; name: string; required?: boolean; schema?: Record<string, unknown> }[];
  requestBody?: {
    content: Record<string, { schema: Record<string, unknown> & { properties?: Record<string, unknown> } }>;
  };
  responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>;
}
interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  tags: { name: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, unknown> };
}

describe('OpenAPI document', () => {
  let service: ServiceApp;
  afterEach(async () => {
    await service.stop();
  });

  async function documentOf(env: Record<string, string> = {}): Promise<OpenApiDocument> {
    service = await createTestApp({ config: testConfig(env) });
    const response = await service.app.inject({ method: 'GET', url: '/documentation/json' });
    expect(response.statusCode).toBe(200);
    return response.json();
  }

  it('is OpenAPI 3.1 titled after the service', async () => {
    const doc = await documentOf();
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info).toMatchObject({ title: 'test-service', version: '1.2.3' });
    expect(doc.tags.map((tag) => tag.name)).toEqual(expect.arrayContaining(['system', 'notes']));
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('lists every route with its zod schemas and tags', async () => {
    const doc = await documentOf();
    expect(Object.keys(doc.paths).sort()).toEqual(
      ['/health', '/metrics', '/ready', '/v1/notes', '/v1/notes/{id}'].sort(),
    );
    expect(Object.keys(doc.paths['/v1/notes']!).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/v1/notes/{id}']!).sort()).toEqual(['delete', 'get']);

    const create = doc.paths['/v1/notes']!.post!;
    expect(create.tags).toEqual(['notes']);
    const body = create.requestBody!.content['application/json']!.schema;
    expect(body.properties).toHaveProperty('title');
    expect(body.required).toEqual(['title']);
    expect(create.responses['201']!.content!['application/json']!.schema.properties).toHaveProperty(
      'createdAt',
    );
    expect(create.responses['4XX']!.content!['application/problem+json']).toBeDefined();

    const read = doc.paths['/v1/notes/{id}']!.get!;
    expect(read.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ in: 'path', name: 'id', required: true }),
        expect.objectContaining({ in: 'query', name: 'pk' }),
        expect.objectContaining({ in: 'header', name: 'x-product-id' }),
      ]),
    );
    const list = doc.paths['/v1/notes']!.get!;
    expect(list.parameters?.map((parameter) => parameter.name)).toEqual(
      expect.arrayContaining(['limit', 'cursor']),
    );

    expect(doc.paths['/health']!.get!.tags).toEqual(['system']);
    expect(doc.paths['/ready']!.get!.responses['503']).toBeDefined();
  });

  it('marks protected routes with the bearer scheme, and only those', async () => {
    const doc = await documentOf();
    expect(doc.paths['/v1/notes']!.post!.security).toEqual([{ bearerAuth: [] }]);
    expect(doc.paths['/v1/notes/{id}']!.delete!.security).toEqual([{ bearerAuth: [] }]);
    expect(doc.paths['/v1/notes/{id}']!.get!.security).toBeUndefined();
    expect(doc.paths['/v1/notes']!.get!.security).toBeUndefined();
    expect(doc.paths['/health']!.get!.security).toBeUndefined();
  });

  it('serves the Swagger UI with a CSP that allows it', async () => {
    await documentOf();
    const index = await service.app.inject({ method: 'GET', url: '/documentation/' });
    expect(index.statusCode).toBe(200);
    expect(index.headers['content-type']).toMatch(/text\/html/);
    expect(index.body).toContain('swagger-initializer.js');
    const csp = String(index.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    const initializer = await service.app.inject({
      method: 'GET',
      url: '/documentation/static/swagger-initializer.js',
    });
    expect(initializer.statusCode).toBe(200);
  });

  it('keeps the JSON document but drops the UI when SWAGGER_UI_ENABLED=false', async () => {
    const doc = await documentOf({ SWAGGER_UI_ENABLED: 'false' });
    expect(doc.paths['/v1/notes']).toBeDefined();
    const ui = await service.app.inject({ method: 'GET', url: '/documentation/' });
    expect(ui.statusCode).toBe(404);
  });
});
