import type { ServiceApp } from '@groundwork/http';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPlatformConfig } from './env.js';
import { createPlatform } from './platform.js';

const services: ServiceApp[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((service) => service.stop()));
});

const admin = { authorization: 'Bearer admin' };
const member = { authorization: 'Bearer member' };
const config = loadPlatformConfig({
  LOG_LEVEL: 'silent',
  STORE_KIND: 'memory',
  PORT: '0',
  HOST: '127.0.0.1',
});

async function platform() {
  const service = await createPlatform({
    config,
    authenticator: async (request) => {
      const roles =
        request.headers.authorization === admin.authorization
          ? ['admin']
          : request.headers.authorization === member.authorization
            ? []
            : undefined;
      return roles
        ? { subject: `usr_${roles[0] ?? 'member'}`, productId: 'default', roles, scopes: [], kind: 'user' }
        : null;
    },
  });
  services.push(service);
  return service;
}

describe('platform: events and audit', () => {
  it('lists the event catalog to any signed-in caller', async () => {
    const service = await platform();
    const listed = await service.app.inject({ method: 'GET', url: '/v1/events/catalog', headers: member });
    expect(listed.statusCode).toBe(200);
    expect((listed.json() as { items: unknown[] }).items).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: 'user.created', version: 1 })]),
    );
  });

  it('audits a jobs admin action, readable by admins only, and offers no way to change the log', async () => {
    const service = await platform();
    const paused = await service.app.inject({
      method: 'POST',
      url: '/v1/jobs/events.outbox-relay/pause',
      headers: admin,
    });
    expect(paused.statusCode).toBe(200);
    const log = await service.app.inject({
      method: 'GET',
      url: '/v1/audit?action=jobs.pause',
      headers: admin,
    });
    expect(log.statusCode).toBe(200);
    expect(log.json()).toMatchObject({
      items: [
        {
          action: 'jobs.pause',
          actor: { type: 'admin', id: 'usr_admin' },
          target: { type: 'job', id: 'events.outbox-relay' },
        },
      ],
    });
    const forbidden = await service.app.inject({ method: 'GET', url: '/v1/audit', headers: member });
    expect(forbidden.statusCode).toBe(403);
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      const attempt = await service.app.inject({ method, url: '/v1/audit', headers: admin, payload: {} });
      expect([404, 405]).toContain(attempt.statusCode);
    }
  });
});
