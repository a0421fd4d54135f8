import { defineModule, type PlatformModule } from '@groundwork/http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createJobsTestService } from '../test/module-support.js';
import { jobsExtension } from './jobs-extension.js';
import { createJobsModule } from './module.js';
import { collectModuleJobs } from './module-contract.js';

const BOUNDED = { timeout: 5_000, interval: 10 };
const stops: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
});

async function serviceWith(modules: PlatformModule[]) {
  const { service, clock, queue } = await createJobsTestService(modules, [jobsExtension]);
  stops.push(() => service.stop());
  return { service, clock, queue };
}

function jobsModule(jobs = {}) {
  return createJobsModule({ runnerEnabled: true, tickIntervalMs: 10, workerPollIntervalMs: 10, ...jobs });
}

describe('jobs declared through the module contract', () => {
  it("schedules another module's job and runs its tasks with that module's handler", async () => {
    const built: unknown[] = [];
    const reports = defineModule({
      name: 'reports',
      jobs: {
        definitions: [
          {
            name: 'reports.hourly',
            type: 'reports.build',
            productId: 'acme',
            schedule: { everyMs: 3_600_000 },
            payload: { kind: 'usage' },
          },
        ],
        handlers: {
          'reports.build': (task) => {
            built.push(task.payload);
            return { built: true };
          },
        },
      },
    });
    const { service, clock, queue } = await serviceWith([jobsModule(), reports]);
    await service.start();

    const admin = { authorization: 'Bearer ann|acme|admin' };
    await vi.waitFor(async () => {
      const listed = await service.app.inject({ method: 'GET', url: '/v1/jobs', headers: admin });
      expect(listed.json().items.map((job: { name: string }) => job.name)).toContain('reports.hourly');
    }, BOUNDED);
    // The clock starts on a slot boundary: that slot is due at once, and runs without waiting for a poll.
    await vi.waitFor(() => expect(built).toEqual([{ kind: 'usage' }]), BOUNDED);

    clock.advance(3_600_000); // the next hourly slot is now due
    await vi.waitFor(() => expect(built).toEqual([{ kind: 'usage' }, { kind: 'usage' }]), BOUNDED);
    await vi.waitFor(async () => {
      const tasks = await queue.list({ productId: 'acme', type: 'reports.build' });
      expect(tasks.items.map((task) => [task.id, task.state])).toEqual([
        ['job:reports.hourly:2026-01-01T01:00:00.000Z', 'completed'],
        ['job:reports.hourly:2026-01-01T00:00:00.000Z', 'completed'],
      ]);
    }, BOUNDED);
  });

  it("merges the jobs module's own options with other modules' declarations", () => {
    const own = jobsModule({ handlers: { 'emails.send': () => undefined } });
    const other = defineModule({ name: 'reports', jobs: { handlers: { 'reports.build': () => undefined } } });
    expect(Object.keys(collectModuleJobs([own, other]).handlers)).toEqual(['emails.send', 'reports.build']);
  });

  it('fails startup on a task type handled by two modules, naming both', async () => {
    const a = defineModule({ name: 'billing', jobs: { handlers: { 'emails.send': () => undefined } } });
    await expect(
      serviceWith([jobsModule({ handlers: { 'emails.send': () => undefined } }), a]),
    ).rejects.toThrow('Task type "emails.send" has a handler in both module "jobs" and module "billing".');
  });

  it('fails startup on a job declared by two modules, naming both', async () => {
    const job = { name: 'nightly', type: 'x', productId: 'acme', schedule: { everyMs: 60_000 } };
    const a = defineModule({ name: 'billing', jobs: { definitions: [job] } });
    const b = defineModule({ name: 'reports', jobs: { definitions: [{ ...job, type: 'y' }] } });
    await expect(serviceWith([jobsModule(), a, b])).rejects.toThrow(
      'Job "nightly" (product "acme") is declared by both module "billing" and module "reports".',
    );
  });

  it("fails startup on another module's invalid job definition", async () => {
    const bad = defineModule({
      name: 'reports',
      jobs: {
        definitions: [{ name: 'bad', type: 'x', productId: 'acme', schedule: { cron: 'not a cron' } }],
      },
    });
    await expect(serviceWith([jobsModule(), bad])).rejects.toMatchObject({ status: 400 });
  });

  it('fails startup when modules declare jobs but no jobs module is mounted', async () => {
    const reports = defineModule({
      name: 'reports',
      jobs: { handlers: { 'reports.build': () => undefined } },
    });
    await expect(serviceWith([reports])).rejects.toThrow(
      'Modules "reports" declare jobs, but no jobs module (createJobsModule) is mounted.',
    );
  });
});
