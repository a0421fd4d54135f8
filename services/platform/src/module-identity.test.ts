import type { ServiceApp } from '@groundwork/http';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPlatformConfig } from './env.js';
import { createPlatform } from './platform.js';

const services: ServiceApp[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((service) => service.stop()));
});

const admin = { email: 'root@example.com', password: 'root password 1' };
const config = loadPlatformConfig({
  LOG_LEVEL: 'silent',
  STORE_KIND: 'memory',
  PORT: '0',
  HOST: '127.0.0.1',
  ADMIN_EMAIL: admin.email,
  ADMIN_PASSWORD: admin.password,
  JOB_RUNNER_ENABLED: 'false',
});
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('platform: identity end to end', () => {
  it('bootstraps the first admin, signs users in with real tokens, and ends sessions', async () => {
    const service = await createPlatform({ config });
    services.push(service);
    await service.start();
    const inject = service.app.inject.bind(service.app);

    const rootLogin = await inject({ method: 'POST', url: '/v1/auth/login', payload: admin });
    expect(rootLogin.statusCode).toBe(200);
    const root = rootLogin.json().tokens.accessToken as string;
    // A super admin passes every admin-only route of the other modules.
    expect((await inject({ method: 'GET', url: '/v1/jobs', headers: bearer(root) })).statusCode).toBe(200);
    expect((await inject({ method: 'GET', url: '/v1/audit', headers: bearer(root) })).statusCode).toBe(200);

    const registered = await inject({
      method: 'POST',
      url: '/v1/auth/register',
      payload: {
        email: 'ann@example.com',
        password: 'ann password 1',
        device: { platform: 'web', id: 'laptop' },
      },
    });
    expect(registered.statusCode).toBe(201);
    const ann = registered.json().tokens.accessToken as string;
    expect((await inject({ method: 'GET', url: '/v1/jobs', headers: bearer(ann) })).statusCode).toBe(403);

    const sessions = await inject({ method: 'GET', url: '/v1/sessions', headers: bearer(ann) });
    expect(sessions.statusCode).toBe(200);
    expect(sessions.json().items).toEqual([
      expect.objectContaining({ current: true, platform: 'web', deviceId: 'laptop' }),
    ]);

    const jwks = await inject({ method: 'GET', url: '/.well-known/jwks.json' });
    expect(jwks.json().keys).toHaveLength(1);

    const out = await inject({ method: 'DELETE', url: '/v1/sessions?scope=all', headers: bearer(ann) });
    expect(out.statusCode).toBe(200);
    const after = await inject({ method: 'GET', url: '/v1/auth/me', headers: bearer(ann) });
    expect(after.statusCode).toBe(401);

    const audited = await inject({ method: 'GET', url: '/v1/audit?action=auth.*', headers: bearer(root) });
    expect(audited.statusCode).toBe(200);
    const anonymous = await inject({ method: 'GET', url: '/v1/auth/me' });
    expect(anonymous.statusCode).toBe(401);
  });
});
