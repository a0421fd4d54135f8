import { defineModule, type ServiceApp } from '@groundwork/http';
import { deadLetterReportJob } from '@groundwork/jobs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadPlatformConfig } from './env.js';
import { createPlatform } from './platform.js';

const services: ServiceApp[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((service) => service.stop()));
});

const admin = { authorization: 'Bearer admin' };
const config = loadPlatformConfig({
  LOG_LEVEL: 'silent',
  STORE_KIND: 'memory',
  PORT: '0',
  HOST: '127.0.0.1',
});

function platformWith(...extra: ReturnType<typeof defineModule>[]) {
  return createPlatform({
    config,
    extraModules: extra,
    authenticator: async (request) =>
      request.headers.authorization === admin.authorization
        ? { subject: 'usr_admin', productId: 'default', roles: ['admin'], scopes: [], kind: 'user' }
        : null,
  });
}

describe('platform modules declaring jobs', () => {
  it("schedules another module's job and runs its tasks with that module's handler", async () => {
    const built: unknown[] = [];
    const reports = defineModule({
      name: 'reports',
      jobs: {
        definitions: [
          {
            name: 'reports.daily',
            type: 'reports.build',
            productId: 'default',
            schedule: { cron: '0 3 * * *' },
          },
        ],
        handlers: {
          'reports.build': () => {
            built.push('built');
            return { built: true };
          },
        },
      },
    });
    const service = await platformWith(reports);
    services.push(service);
    await service.start();

    const listed = await service.app.inject({ method: 'GET', url: '/v1/jobs', headers: admin });
    expect(
      listed
        .json()
        .items.map((job: { name: string }) => job.name)
        .sort(),
    ).toEqual([
      'events.outbox-relay',
      'jobs.dead-letter-report',
      'reports.daily',
      'sessions.stale-cleanup',
      'settings.maintenance-windows',
      'status.maintenance-transitions',
    ]);
    const run = await service.app.inject({
      method: 'POST',
      url: '/v1/jobs/reports.daily/run',
      headers: admin,
    });
    expect(run.statusCode).toBe(202);
    await vi.waitFor(
      async () => {
        const tasks = await service.app.inject({
          method: 'GET',
          url: '/v1/tasks?type=reports.build',
          headers: admin,
        });
        expect(tasks.json().items).toEqual([
          expect.objectContaining({ id: run.json().id, state: 'completed', result: { built: true } }),
        ]);
      },
      { timeout: 5_000, interval: 20 },
    );
    expect(built).toEqual(['built']);
  });

  it('refuses to start when a module declares a job the jobs module already declares', async () => {
    const duplicate = defineModule({
      name: 'reports',
      jobs: { definitions: [deadLetterReportJob({ productId: 'default' })] },
    });
    await expect(platformWith(duplicate)).rejects.toThrow(
      'Job "jobs.dead-letter-report" (product "default") is declared by both module "jobs" and module "reports".',
    );
  });
});
