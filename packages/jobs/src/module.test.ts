import { createLeaseManager } from '@groundwork/store';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createJobsTestApp, type JobsTestApp } from '../test/module-support.js';
import { DEAD_LETTER_REPORT_TYPE, deadLetterReportJob } from './dead-letter-report.js';
import { jobsEnvSchema } from './jobs-env.js';
import { createJobsModule } from './module.js';
import { SCHEDULER_LEADER_LEASE } from './scheduler-leader.js';

const apps: JobsTestApp[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map(({ service }) => service.stop()));
});

const BOUNDED = { timeout: 5_000, interval: 10 };

async function runnerApp(runnerEnabled: boolean) {
  const app = await createJobsTestApp({
    runnerEnabled,
    workerPollIntervalMs: 10,
    jobs: [deadLetterReportJob({ productId: 'acme', everyMs: 60_000 })],
    handlers: {
      'emails.send': async (task) => ({ sent: task.payload }),
      'always.fails': () => {
        throw new Error('poison');
      },
    },
  });
  apps.push(app);
  return app;
}

describe('jobs module', () => {
  it('declares its containers and refuses an invalid job definition when the service is built', async () => {
    const module = createJobsModule({ runnerEnabled: false, tickIntervalMs: 60_000 });
    expect(module.name).toBe('jobs');
    expect(module.containers?.map((container) => container.name)).toEqual([
      'tasks',
      'job_definitions',
      'job_runs',
      'leases',
      'job_rate_windows',
      'job_concurrency',
    ]);
    await expect(
      createJobsTestApp({
        jobs: [{ name: 'bad', type: 'x', productId: 'acme', schedule: { cron: 'not a cron' } }],
      }),
    ).rejects.toMatchObject({ status: 400 });
  });

  it('with the runner enabled, processes tasks end to end after start and takes the scheduler lead', async () => {
    const { service, queue, store, clock } = await runnerApp(true);
    await service.start();
    const task = await queue.enqueue('emails.send', { to: 'ada' }, { productId: 'acme' });
    await vi.waitFor(async () => {
      expect((await queue.get(task.id, 'acme'))?.state).toBe('completed');
    }, BOUNDED);
    expect((await queue.get(task.id, 'acme'))?.result).toEqual({ sent: { to: 'ada' } });

    const leases = createLeaseManager({ store, clock });
    await vi.waitFor(async () => {
      expect(await leases.read(SCHEDULER_LEADER_LEASE)).toBeDefined();
    }, BOUNDED);
    const ready = (await service.app.inject({ method: 'GET', url: '/ready' })).json();
    expect(ready.checks.jobs).toMatchObject({
      status: 'ok',
      data: { runner: 'enabled', schedulerLeader: true },
    });

    const result = await service.stop();
    expect(result.timedOut).toBe(false);
  });

  it('runs the built-in dead-letter report, whose result lists the dead tasks by type', async () => {
    const { service, queue, clock } = await runnerApp(true);
    await service.start();
    const poison = await queue.enqueue('always.fails', {}, { productId: 'acme', maxAttempts: 1 });
    await vi.waitFor(async () => {
      expect((await queue.get(poison.id, 'acme'))?.state).toBe('dead');
    }, BOUNDED);

    const run = await service.app.inject({
      method: 'POST',
      url: `/v1/jobs/${DEAD_LETTER_REPORT_TYPE}/run`,
      headers: { authorization: 'Bearer ann|acme|admin' },
    });
    expect(run.statusCode).toBe(202);
    await vi.waitFor(async () => {
      expect((await queue.get(run.json().id, 'acme'))?.state).toBe('completed');
    }, BOUNDED);
    expect((await queue.get(run.json().id, 'acme'))?.result).toEqual({
      dead: 1,
      truncated: false,
      byType: { 'always.fails': 1 },
      oldestCreatedAt: new Date(clock.now()).toISOString(),
    });
  });

  it('with the runner disabled, serves the API but runs no worker and no scheduler', async () => {
    const { service, queue, store, clock } = await runnerApp(false);
    await service.start();
    const task = await queue.enqueue('emails.send', { to: 'ada' }, { productId: 'acme' });
    // An enabled runner polls every 10 ms (see the test above); give a disabled one many chances.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await queue.get(task.id, 'acme'))?.state).toBe('queued');
    expect(await createLeaseManager({ store, clock }).read(SCHEDULER_LEADER_LEASE)).toBeUndefined();
    const ready = (await service.app.inject({ method: 'GET', url: '/ready' })).json();
    expect(ready.checks.jobs).toMatchObject({ status: 'ok', data: { runner: 'disabled', runningTasks: 0 } });
    const listed = await service.app.inject({
      method: 'GET',
      url: '/v1/jobs',
      headers: { authorization: 'Bearer ann|acme|admin' },
    });
    expect(listed.json().items.map((job: { name: string }) => job.name)).toEqual([DEAD_LETTER_REPORT_TYPE]);
  });

  it('exposes queue depth, latency, duration, failure and dead-letter metrics at /metrics after tasks ran', async () => {
    const { service, queue } = await runnerApp(true);
    await service.start();
    const ok = await queue.enqueue('emails.send', {}, { productId: 'acme' });
    const poison = await queue.enqueue('always.fails', {}, { productId: 'acme', maxAttempts: 1 });
    await queue.enqueue('emails.send', {}, { productId: 'acme', delayMs: 3_600_000 });
    await vi.waitFor(async () => {
      expect((await queue.get(ok.id, 'acme'))?.state).toBe('completed');
      expect((await queue.get(poison.id, 'acme'))?.state).toBe('dead');
    }, BOUNDED);

    const metrics = (await service.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toContain('jobs_queue_depth{type="emails.send",state="queued"} 1');
    expect(metrics).toContain('jobs_queue_depth{type="always.fails",state="dead"} 1');
    expect(metrics).toContain('jobs_queue_depth{type="jobs.dead-letter-report",state="running"} 0');
    expect(metrics).toContain('jobs_task_latency_seconds_count{type="emails.send"} 1');
    expect(metrics).toContain('jobs_task_duration_seconds_count{type="emails.send",outcome="completed"} 1');
    expect(metrics).toContain('jobs_task_duration_seconds_count{type="always.fails",outcome="dead"} 1');
    expect(metrics).toContain('jobs_task_failures_total{type="always.fails"} 1');
    expect(metrics).toContain('jobs_task_dead_letters_total{type="always.fails"} 1');
    expect(metrics).toContain('# TYPE jobs_lease_reclaims_total counter');
  });

  it('reads the jobs variables with defaults, rejecting bad values', () => {
    expect(jobsEnvSchema.parse({})).toEqual({
      JOB_RUNNER_ENABLED: true,
      JOB_WORKER_CONCURRENCY: 16,
      JOB_TICK_INTERVAL_MS: 60_000,
    });
    expect(
      jobsEnvSchema.parse({
        JOB_RUNNER_ENABLED: 'false',
        JOB_TICK_INTERVAL_MS: '5000',
        JOB_WORKER_CONCURRENCY: '64',
      }),
    ).toEqual({ JOB_RUNNER_ENABLED: false, JOB_WORKER_CONCURRENCY: 64, JOB_TICK_INTERVAL_MS: 5_000 });
    const bad = jobsEnvSchema.safeParse({
      JOB_RUNNER_ENABLED: 'maybe',
      JOB_TICK_INTERVAL_MS: '10',
      JOB_WORKER_CONCURRENCY: '0',
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((issue) => issue.path[0]).sort()).toEqual([
      'JOB_RUNNER_ENABLED',
      'JOB_TICK_INTERVAL_MS',
      'JOB_WORKER_CONCURRENCY',
    ]);
  });
});
