import { defineModule, guard, publicRoute } from '@groundwork/http';
import { bearer, createTestService } from '@groundwork/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createFlagEvaluator } from './evaluator.js';
import { requireFlag } from './gate.js';
import { defineFlag } from './validation.js';

const stops: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

const evaluators = {
  acme: createFlagEvaluator([
    defineFlag({
      key: 'new-checkout',
      enabled: true,
      defaultServe: { variant: 'off' },
      rules: [
        { conditions: [{ attribute: 'roles', operator: 'in', values: ['beta'] }], serve: { variant: 'on' } },
        {
          conditions: [{ attribute: 'appVersion', operator: 'semver_gte', value: '3.0.0' }],
          serve: { variant: 'on' },
        },
      ],
    }),
    defineFlag({
      key: 'theme',
      type: 'string',
      enabled: true,
      variants: [
        { key: 'light', value: 'l' },
        { key: 'dark', value: 'd' },
      ],
      rules: [
        { conditions: [{ attribute: 'platform', operator: 'eq', value: 'web' }], serve: { variant: 'dark' } },
      ],
    }),
  ]),
  globex: createFlagEvaluator([]),
};
const source = {
  evaluator: async (productId: string) =>
    evaluators[productId as keyof typeof evaluators] ?? createFlagEvaluator([]),
};

async function service() {
  const module = defineModule({
    name: 'gated',
    routes: async (app) => {
      const ok = { response: { 200: z.object({ ok: z.boolean() }) } };
      app.get('/gated', { ...guard({}), ...requireFlag(source, 'new-checkout'), schema: ok }, async () => ({
        ok: true,
      }));
      app.get(
        '/dark',
        { ...guard({}), ...requireFlag(source, 'theme', { variants: ['dark'] }), schema: ok },
        async () => ({
          ok: true,
        }),
      );
      app.get(
        '/public',
        { ...publicRoute, ...requireFlag(source, 'new-checkout', { productOf: () => 'acme' }), schema: ok },
        async () => ({ ok: true }),
      );
    },
  });
  const built = await createTestService({ modules: [module] });
  stops.push(() => built.service.stop());
  return built.service.app;
}

describe('requireFlag route hook', () => {
  it('lets through only callers the flag serves; 404 feature_not_available for the others', async () => {
    const app = await service();
    const get = (url: string, headers: Record<string, string>) => app.inject({ method: 'GET', url, headers });
    expect((await get('/v1/gated', bearer('ann', 'acme', ['beta']))).statusCode).toBe(200);
    const refused = await get('/v1/gated', bearer('bob', 'acme', ['member']));
    expect(refused.statusCode).toBe(404);
    expect(refused.json()).toMatchObject({ code: 'feature_not_available' });
    expect(
      (await get('/v1/gated', { ...bearer('bob', 'acme', ['member']), 'x-app-version': '3.1.0' })).statusCode,
    ).toBe(200);
    expect((await get('/v1/gated', bearer('gus', 'globex', ['beta']))).statusCode).toBe(404); // not a flag of globex
    expect((await get('/v1/gated', {})).statusCode).toBe(401); // authentication still comes first
    expect((await get('/v1/dark', { ...bearer('bob', 'acme', []), 'x-platform': 'web' })).statusCode).toBe(
      200,
    );
    expect((await get('/v1/dark', { ...bearer('bob', 'acme', []), 'x-platform': 'ios' })).statusCode).toBe(
      404,
    );
    expect((await get('/v1/public', { 'x-app-version': '3.0.0' })).statusCode).toBe(200);
    expect((await get('/v1/public', {})).statusCode).toBe(404);
  });
});
