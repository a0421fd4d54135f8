import { ConflictError, PROBLEM_TYPE_BASE, TooManyRequestsError } from '@groundwork/errors';
import { createLogger } from '@groundwork/logger';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bearer, createTestApp, testConfig } from '../test/support.js';
import { publicRoute } from './auth.js';
import type { ServiceApp } from './create-service-app.js';
import { exampleNotesModule } from './example/module.js';
import { defineModule } from './module.js';

const failingModule = defineModule({
  name: 'failing',
  routes: async (app) => {
    app.get('/fail/rate-limited', publicRoute, async () => {
      throw new TooManyRequestsError(30);
    });
    app.get('/fail/conflict', publicRoute, async () => {
      throw new ConflictError('That email is taken.', 'email_taken', { extensions: { field: 'email' } });
    });
    app.get('/fail/crash', publicRoute, async () => {
      throw new Error('connection string postgres://user:hunter2@db failed');
    });
    app.get(
      '/fail/bad-response',
      { ...publicRoute, schema: { response: { 200: z.object({ count: z.number() }) } } },
      async () => ({ count: 'not a number' }) as unknown as { count: number },
    );
  },
});

describe('problem+json errors', () => {
  let service: ServiceApp;
  const lines: string[] = [];
  afterEach(async () => {
    await service.stop();
    lines.length = 0;
  });

  async function start(env: Record<string, string> = {}) {
    service = await createTestApp({
      config: testConfig(env),
      modules: [exampleNotesModule, failingModule],
      logger: createLogger({
        name: 'test',
        level: 'info',
        destination: { write: (line: string) => lines.push(line) },
      }),
    });
    return service.app;
  }

  const member = bearer('ann', 'acme', ['member']);

  it('malformed JSON is 400 malformed_json', async () => {
    const app = await start();
    const response = await app.inject({
      method: 'POST',
      url: '/v1/notes',
      headers: { ...member, 'content-type': 'application/json' },
      payload: '{"title": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({
      type: `${PROBLEM_TYPE_BASE}malformed-json`,
      status: 400,
      code: 'malformed_json',
      instance: '/v1/notes',
      requestId: response.headers['x-request-id'],
    });
  });

  it('a body over BODY_LIMIT_BYTES is 413 payload_too_large', async () => {
    const app = await start({ BODY_LIMIT_BYTES: '64' });
    const response = await app.inject({
      method: 'POST',
      url: '/v1/notes',
      headers: member,
      payload: { title: 'x', body: 'y'.repeat(200) },
    });
    expect(response.statusCode).toBe(413);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ code: 'payload_too_large', status: 413 });
  });

  it('an unsupported content type is 415 unsupported_media_type', async () => {
    const app = await start();
    const response = await app.inject({
      method: 'POST',
      url: '/v1/notes',
      headers: { ...member, 'content-type': 'application/xml' },
      payload: '<note/>',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ code: 'unsupported_media_type', status: 415 });
  });

  it('a text/plain body is 415 too: the API only parses JSON', async () => {
    const app = await start();
    const response = await app.inject({
      method: 'POST',
      url: '/v1/notes',
      headers: { ...member, 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ code: 'unsupported_media_type', status: 415 });
  });

  it('an unknown route is 404 route_not_found, even without credentials', async () => {
    const app = await start();
    const response = await app.inject({ method: 'GET', url: '/v1/nothing-here?x=1' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({
      code: 'route_not_found',
      status: 404,
      instance: '/v1/nothing-here',
    });
  });

  it('a malformed URL is a 400 problem', async () => {
    const app = await start();
    const response = await app.inject({ method: 'GET', url: '/v1/notes/%E0%A4%A' });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.headers['x-request-id']).toBeDefined();
    expect(response.json()).toMatchObject({ code: 'bad_request', status: 400 });
  });

  it('validation failures list every field with its location', async () => {
    const app = await start();
    const body = await app.inject({
      method: 'POST',
      url: '/v1/notes',
      headers: member,
      payload: { title: '', body: 42 },
    });
    expect(body.statusCode).toBe(400);
    const problem = body.json();
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'body.title', code: 'too_small' }),
        expect.objectContaining({ path: 'body.body', code: 'invalid_type' }),
      ]),
    );
    expect(problem.errors).toHaveLength(2);

    const query = await app.inject({ method: 'GET', url: '/v1/notes?limit=5000' });
    expect(query.statusCode).toBe(400);
    expect(query.json().errors).toEqual([expect.objectContaining({ path: 'query.limit', code: 'too_big' })]);

    const params = await app.inject({ method: 'GET', url: '/v1/notes/not-an-id' });
    expect(params.statusCode).toBe(400);
    expect(params.json().errors).toEqual([
      expect.objectContaining({ path: 'params.id', message: 'Must be a note id (note_...).' }),
    ]);

    const headers = await app.inject({
      method: 'GET',
      url: '/v1/notes',
      headers: { 'x-product-id': 'p'.repeat(101) },
    });
    expect(headers.statusCode).toBe(400);
    expect(headers.json().errors).toEqual([expect.objectContaining({ path: 'headers.x-product-id' })]);
  });

  it('an AppError keeps its status, code, extensions and headers', async () => {
    const app = await start();
    const limited = await app.inject({ method: 'GET', url: '/v1/fail/rate-limited' });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe('30');
    expect(limited.json()).toMatchObject({ code: 'rate_limited', retryAfter: 30 });

    const conflict = await app.inject({ method: 'GET', url: '/v1/fail/conflict' });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json()).toMatchObject({
      code: 'email_taken',
      detail: 'That email is taken.',
      field: 'email',
    });
  });

  it('an unexpected error is a generic 500 that leaks nothing, logged with the request id', async () => {
    const app = await start();
    const response = await app.inject({
      method: 'GET',
      url: '/v1/fail/crash',
      headers: { 'x-request-id': 'crash-1' },
    });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      type: `${PROBLEM_TYPE_BASE}internal-error`,
      title: 'Internal server error',
      status: 500,
      detail: 'An unexpected error occurred.',
      code: 'internal_error',
      instance: '/v1/fail/crash',
      requestId: 'crash-1',
    });
    expect(response.body).not.toContain('hunter2');
    expect(response.body).not.toContain('at ');
    const logged = lines.map((line) => JSON.parse(line)).find((entry) => entry.msg === 'request failed');
    expect(logged).toMatchObject({ requestId: 'crash-1', level: 50 });
    expect(logged.err.message).toContain('connection string');
  });

  it('a response that breaks its schema is a logged 500', async () => {
    const app = await start();
    const response = await app.inject({ method: 'GET', url: '/v1/fail/bad-response' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toMatchObject({ code: 'internal_error' });
    expect(response.body).not.toContain('not a number');
    expect(lines.some((line) => line.includes('"msg":"request failed"'))).toBe(true);
  });

  it('client mistakes are never 500s', async () => {
    const app = await start();
    const attempts = [
      app.inject({
        method: 'POST',
        url: '/v1/notes',
        headers: { ...member, 'content-type': 'application/json' },
      }),
      app.inject({ method: 'POST', url: '/v1/notes', headers: member, payload: [] }),
      app.inject({ method: 'POST', url: '/v1/notes', headers: member, payload: 'null' }),
      app.inject({ method: 'GET', url: '/v1/notes?cursor=garbage' }),
      app.inject({ method: 'GET', url: '/v1/notes?limit=abc' }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.statusCode, response.body).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, response.body).toBeLessThan(500);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });
});
