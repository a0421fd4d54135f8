import { describe, expect, it } from 'vitest';
import { injectFrom, probeModule } from './probe-module.js';
import { bearer, createTestService } from './test-service.js';

describe('probe module', () => {
  it('counts the handler runs that get through, public and signed-in, GET and POST', async () => {
    const calls = { count: 0 };
    const { service } = await createTestService({ modules: [probeModule(calls)] });
    try {
      const inject = injectFrom(service);
      expect((await inject({ url: '/v1/probe/public' })).json()).toEqual({ ok: true });
      expect((await inject({ method: 'POST', url: '/v1/probe/public', payload: { n: 1 } })).statusCode).toBe(
        200,
      );
      expect((await inject({ url: '/v1/probe/private' })).statusCode).toBe(401);
      const headers = bearer('ann', 'acme', ['member']);
      expect((await inject({ url: '/v1/probe/private', headers })).statusCode).toBe(200);
      expect(
        (await inject({ method: 'POST', url: '/v1/probe/private', headers, payload: { n: 'x' } })).statusCode,
      ).toBe(400);
      expect(calls.count).toBe(3);
    } finally {
      await service.stop();
    }
  });
});
