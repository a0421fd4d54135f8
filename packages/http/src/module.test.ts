import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp } from '../test/support.js';
import { publicRoute } from './auth.js';
import type { ServiceApp } from './create-service-app.js';
import { exampleNotesModule } from './example/module.js';
import { defineModule, type ModuleExtension, type PlatformModule } from './module.js';

// Capabilities extend the contract by declaration merging; this must type-check.
declare module './module.js' {
  interface PlatformModule {
    greetings?: string[];
  }
}

describe('defineModule', () => {
  it('requires a kebab-case name', () => {
    expect(() => defineModule({ name: 'feature-flags' })).not.toThrow();
    for (const name of ['FeatureFlags', 'feature_flags', '', '-x', 'x-']) {
      expect(() => defineModule({ name }), name).toThrow(/kebab-case/);
    }
  });
});

describe('modules in a service', () => {
  let service: ServiceApp | undefined;
  afterEach(async () => {
    await service?.stop();
    service = undefined;
  });

  it('rejects duplicate and reserved module names', async () => {
    await expect(createTestApp({ modules: [exampleNotesModule, exampleNotesModule] })).rejects.toThrow(
      /Two modules/,
    );
    await expect(createTestApp({ modules: [defineModule({ name: 'store' })] })).rejects.toThrow(/reserved/);
  });

  it('ensures containers, gives routes their context and mounts them under /v1', async () => {
    const echo = defineModule({
      name: 'echo',
      containers: [{ name: 'echoes', partitionKey: '/productId' }],
      routes: async (app, { ctx }) => {
        app.get(
          '/echo',
          { ...publicRoute, schema: { response: { 200: z.object({ count: z.number(), now: z.number() }) } } },
          async () => ({ count: await ctx.store.container('echoes').count(), now: ctx.clock.now() }),
        );
      },
    });
    service = await createTestApp({ modules: [echo], clock: { now: () => 1234 } });
    const response = await service.app.inject({ method: 'GET', url: '/v1/echo' });
    expect(response.json()).toEqual({ count: 0, now: 1234 });
    expect((await service.app.inject({ method: 'GET', url: '/echo' })).statusCode).toBe(404);
  });

  it('runs extension hooks over all modules, which can read merged members and add routes', async () => {
    const seen: string[][] = [];
    const greetings: ModuleExtension = (modules, ctx) => {
      const all = modules.flatMap((module: PlatformModule) => module.greetings ?? []);
      seen.push(modules.map((module) => module.name));
      ctx.app.get('/v1/greetings', publicRoute, async () => ({ greetings: all }));
    };
    const hello = defineModule({ name: 'hello', greetings: ['hi', 'hey'] });
    const bye = defineModule({ name: 'bye', greetings: ['ciao'] });
    service = await createTestApp({ modules: [hello, bye], extensions: [greetings] });
    expect(seen).toEqual([['hello', 'bye']]);
    const response = await service.app.inject({ method: 'GET', url: '/v1/greetings' });
    expect(response.json()).toEqual({ greetings: ['hi', 'hey', 'ciao'] });
  });

  it('merges service and module migrations and runs them in version order', async () => {
    const order: string[] = [];
    const migration = (version: number, id: string) => ({
      version,
      id,
      description: id,
      up: async () => {
        order.push(id);
      },
    });
    const a = defineModule({ name: 'a', migrations: [migration(30, 'a-thirty'), migration(10, 'a-ten')] });
    const b = defineModule({ name: 'b', migrations: [migration(20, 'b-twenty')] });
    service = await createTestApp({ modules: [a, b], migrations: [migration(5, 'service-five')] });
    expect(order).toEqual(['service-five', 'a-ten', 'b-twenty', 'a-thirty']);
    expect(service.ready.migrations.status).toBe('ok');
  });
});
