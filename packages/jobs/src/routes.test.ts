import { afterEach, describe, expect, it } from 'vitest';
import { bearer, createJobsTestApp, type JobsTestApp } from '../test/module-support.js';
import { deadLetterReportJob } from './dead-letter-report.js';
import { createWorker } from './worker.js';

const apps: JobsTestApp[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map(({ service }) => service.stop()));
});

const acmeAdmin = bearer('ann', 'acme', ['admin']);
const acmeMember = bearer('bob', 'acme', ['member']);
const globexAdmin = bearer('gus', 'globex', ['admin']);

async function setup() {
  const app = await createJobsTestApp({
    jobs: [
      deadLetterReportJob({ productId: 'acme' }),
      {
        name: 'reports.nightly',
        type: 'reports.build',
        productId: 'acme',
        schedule: { cron: '0 3 * * *', timezone: 'Europe/Berlin' },
        payload: { kind: 'nightly' },
      },
    ],
    handlers: { 'reports.build': async () => ({ built: true }) },
  });
  apps.push(app);
  const inject = (method: 'GET' | 'POST', url: string, headers: Record<string, string> = acmeAdmin) =>
    app.service.app.inject({ method, url, headers });
  /** Runs what is due, as a worker instance would. */
  const work = () =>
    createWorker({
      queue: app.queue,
      concurrency: 20,
      handlers: {
        'reports.build': async () => ({ built: true }),
        'always.fails': () => {
          throw new Error('poison');
        },
        'emails.send': async () => ({ sent: true }),
      },
    }).runOnce();
  return { ...app, inject, work };
}

const ROUTES: ['GET' | 'POST', string][] = [
  ['GET', '/v1/jobs'],
  ['GET', '/v1/jobs/reports.nightly/runs'],
  ['POST', '/v1/jobs/reports.nightly/run'],
  ['POST', '/v1/jobs/reports.nightly/pause'],
  ['POST', '/v1/jobs/reports.nightly/resume'],
  ['GET', '/v1/tasks'],
  ['GET', '/v1/tasks/counts'],
  ['POST', '/v1/tasks/task_x/retry'],
  ['POST', '/v1/tasks/task_x/cancel'],
];

describe('jobs admin API: access', () => {
  it('answers 401 without a principal and 403 without the admin role, on every route', async () => {
    const { inject, actions } = await setup();
    for (const [method, url] of ROUTES) {
      const anonymous = await inject(method, url, {});
      expect(anonymous.statusCode, `${method} ${url}`).toBe(401);
      expect(anonymous.json()).toMatchObject({ code: 'unauthorized' });
      const member = await inject(method, url, acmeMember);
      expect(member.statusCode, `${method} ${url}`).toBe(403);
      expect(member.json()).toMatchObject({ code: 'forbidden' });
    }
    expect(actions).toEqual([]);
  });

  it('documents every route in OpenAPI with its schemas, under the jobs tag', async () => {
    const { service } = await setup();
    const document = (await service.app.inject({ method: 'GET', url: '/documentation/json' })).json();
    for (const [method, url] of ROUTES) {
      const path = url.replace('reports.nightly', '{name}').replace('task_x', '{id}');
      const operation = document.paths[path]?.[method.toLowerCase()];
      expect(operation, `${method} ${path}`).toBeDefined();
      expect(operation.tags).toEqual(['jobs']);
      expect(operation.security).toEqual([{ bearerAuth: [] }]);
      expect(Object.keys(operation.responses)).toContainEqual(expect.stringMatching(/^20[02]$/));
    }
    expect(document.paths['/v1/tasks'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['state', 'type', 'limit', 'cursor']),
    );
  });
});

describe('jobs admin API: jobs', () => {
  it('lists the product’s jobs with next run and last run status', async () => {
    const { inject, work, clock } = await setup();
    const listed = await inject('GET', '/v1/jobs');
    expect(listed.statusCode).toBe(200);
    const items = listed.json().items;
    expect(items.map((job: { name: string }) => job.name)).toEqual([
      'jobs.dead-letter-report',
      'reports.nightly',
    ]);
    const nightly = items[1];
    expect(nightly).toMatchObject({
      productId: 'acme',
      type: 'reports.build',
      schedule: { kind: 'cron', cron: '0 3 * * *', timezone: 'Europe/Berlin' },
      paused: false,
      lastRunStatus: null,
      // 2026-01-01 00:00 UTC is 01:00 in Berlin: the next 03:00 Berlin is 02:00 UTC the same day.
      nextRunAt: '2026-01-01T02:00:00.000Z',
    });

    await inject('POST', '/v1/jobs/reports.nightly/run');
    await work();
    const after = (await inject('GET', '/v1/jobs')).json().items[1];
    expect(after).toMatchObject({
      lastRunStatus: 'completed',
      lastRunAt: new Date(clock.now()).toISOString(),
    });

    const other = await inject('GET', '/v1/jobs', globexAdmin);
    expect(other.json()).toEqual({ items: [] });
  });

  it('triggers a run now (202 with the task) and shows it in the run history, filtered and paged', async () => {
    const { inject, work, clock } = await setup();
    const first = await inject('POST', '/v1/jobs/reports.nightly/run');
    expect(first.statusCode).toBe(202);
    const task = first.json();
    expect(task).toMatchObject({
      id: `job:reports.nightly:manual:${new Date(clock.now()).toISOString()}`,
      productId: 'acme',
      type: 'reports.build',
      state: 'queued',
      payload: { kind: 'nightly' },
    });
    expect(task).not.toHaveProperty('pk');
    expect(first.headers.location).toBe(`/v1/tasks/${encodeURIComponent(task.id)}`);
    await work();
    clock.advance(1_000);
    expect((await inject('POST', '/v1/jobs/reports.nightly/run')).statusCode).toBe(202);

    const runs = await inject('GET', '/v1/jobs/reports.nightly/runs');
    expect(runs.statusCode).toBe(200);
    expect(
      runs.json().items.map((run: { status: string; trigger: string }) => [run.trigger, run.status]),
    ).toEqual([
      ['manual', 'queued'],
      ['manual', 'completed'],
    ]);
    const completed = await inject('GET', '/v1/jobs/reports.nightly/runs?status=completed');
    expect(completed.json().items).toEqual([
      expect.objectContaining({ runId: task.id, status: 'completed', attempts: 1, error: null }),
    ]);

    const page1 = (await inject('GET', '/v1/jobs/reports.nightly/runs?limit=1')).json();
    expect(page1.items).toHaveLength(1);
    expect(page1.nextCursor).toEqual(expect.any(String));
    const page2 = (
      await inject(
        'GET',
        `/v1/jobs/reports.nightly/runs?limit=1&cursor=${encodeURIComponent(page1.nextCursor)}`,
      )
    ).json();
    expect(page2.items.map((run: { runId: string }) => run.runId)).toEqual([task.id]);
    expect(page2.nextCursor).toBeUndefined();
  });

  it('pauses and resumes a job', async () => {
    const { inject } = await setup();
    const paused = await inject('POST', '/v1/jobs/reports.nightly/pause');
    expect(paused.statusCode).toBe(200);
    expect(paused.json()).toMatchObject({ name: 'reports.nightly', paused: true });
    expect((await inject('GET', '/v1/jobs')).json().items[1].paused).toBe(true);
    const resumed = await inject('POST', '/v1/jobs/reports.nightly/resume');
    expect(resumed.json()).toMatchObject({ name: 'reports.nightly', paused: false });
  });

  it('answers 404 job_not_found for an unknown job and for another product’s job, changing nothing', async () => {
    const { inject, actions, queue } = await setup();
    for (const [method, url, headers] of [
      ['GET', '/v1/jobs/nope/runs', acmeAdmin],
      ['POST', '/v1/jobs/nope/run', acmeAdmin],
      ['POST', '/v1/jobs/nope/pause', acmeAdmin],
      ['GET', '/v1/jobs/reports.nightly/runs', globexAdmin],
      ['POST', '/v1/jobs/reports.nightly/run', globexAdmin],
      ['POST', '/v1/jobs/reports.nightly/pause', globexAdmin],
      ['POST', '/v1/jobs/reports.nightly/resume', globexAdmin],
    ] as const) {
      const response = await inject(method, url, headers);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(response.json()).toMatchObject({ status: 404, code: 'job_not_found' });
    }
    expect(actions).toEqual([]);
    expect((await inject('GET', '/v1/jobs')).json().items[1].paused).toBe(false);
    expect((await queue.list({})).items).toEqual([]);
  });

  it('rejects an invalid job name or query with 400 listing the field', async () => {
    const { inject } = await setup();
    const badName = await inject('POST', '/v1/jobs/bad%20name/run');
    expect(badName.statusCode).toBe(400);
    const badLimit = await inject('GET', '/v1/jobs/reports.nightly/runs?limit=0');
    expect(badLimit.statusCode).toBe(400);
    expect(JSON.stringify(badLimit.json())).toContain('limit');
    const badStatus = await inject('GET', '/v1/jobs/reports.nightly/runs?status=exploded');
    expect(badStatus.statusCode).toBe(400);
  });
});

describe('jobs admin API: tasks', () => {
  it('lists the product’s tasks only, filtered by state and type, paged', async () => {
    const { inject, queue, clock, work } = await setup();
    const email = await queue.enqueue('emails.send', { to: 'a' }, { productId: 'acme' });
    clock.advance(1);
    await queue.enqueue('always.fails', {}, { productId: 'acme', maxAttempts: 1 });
    clock.advance(1);
    const later = await queue.enqueue('emails.send', { to: 'b' }, { productId: 'acme', delayMs: 60_000 });
    await queue.enqueue('emails.send', { to: 'c' }, { productId: 'globex' });
    await work(); // email 'a' completes, the poison task goes dead, 'b' is not due; globex's 'c' completes too

    const all = (await inject('GET', '/v1/tasks')).json();
    expect(all.items).toHaveLength(3);
    expect(all.items.every((task: { productId: string }) => task.productId === 'acme')).toBe(true);
    expect(all.items[0]).toMatchObject({
      id: later.id,
      state: 'queued',
      runAt: new Date(later.runAt).toISOString(),
    });

    const dead = (await inject('GET', '/v1/tasks?state=dead')).json();
    expect(dead.items).toEqual([
      expect.objectContaining({
        type: 'always.fails',
        state: 'dead',
        errors: [expect.objectContaining({ attempt: 1, name: 'Error', message: 'poison' })],
      }),
    ]);
    const emails = (await inject('GET', '/v1/tasks?type=emails.send&state=completed')).json();
    expect(emails.items.map((task: { id: string }) => task.id)).toEqual([email.id]);
    expect(emails.items[0].result).toEqual({ sent: true });

    const page1 = (await inject('GET', '/v1/tasks?limit=2')).json();
    const page2 = (
      await inject('GET', `/v1/tasks?limit=2&cursor=${encodeURIComponent(page1.nextCursor)}`)
    ).json();
    expect([...page1.items, ...page2.items].map((task: { id: string }) => task.id)).toEqual(
      all.items.map((task: { id: string }) => task.id),
    );
    expect(page2.nextCursor).toBeUndefined();

    const globex = (await inject('GET', '/v1/tasks', globexAdmin)).json();
    expect(globex.items.map((task: { productId: string }) => task.productId)).toEqual(['globex']);
  });

  it('counts the product’s tasks by state and by known type, or for one type', async () => {
    const { inject, queue, work } = await setup();
    await queue.enqueue('reports.build', {}, { productId: 'acme' });
    await queue.enqueue('reports.build', {}, { productId: 'acme', delayMs: 60_000 });
    await queue.enqueue('always.fails', {}, { productId: 'acme', maxAttempts: 1 });
    await queue.enqueue('reports.build', {}, { productId: 'globex' });
    await work();

    const counts = (await inject('GET', '/v1/tasks/counts')).json();
    expect(counts.total).toEqual({ queued: 1, running: 0, completed: 1, dead: 1, cancelled: 0 });
    expect(counts.byType).toEqual([
      {
        type: 'jobs.dead-letter-report',
        counts: { queued: 0, running: 0, completed: 0, dead: 0, cancelled: 0 },
      },
      { type: 'reports.build', counts: { queued: 1, running: 0, completed: 1, dead: 0, cancelled: 0 } },
    ]);
    const poison = (await inject('GET', '/v1/tasks/counts?type=always.fails')).json();
    expect(poison.byType).toEqual([
      { type: 'always.fails', counts: { queued: 0, running: 0, completed: 0, dead: 1, cancelled: 0 } },
    ]);
    const globex = (await inject('GET', '/v1/tasks/counts', globexAdmin)).json();
    expect(globex.total).toEqual({ queued: 0, running: 0, completed: 1, dead: 0, cancelled: 0 });
  });

  it('retries a dead task; 409 task_not_dead otherwise; 404 for an unknown or another product’s task', async () => {
    const { inject, queue, work, actions } = await setup();
    const poison = await queue.enqueue('always.fails', {}, { productId: 'acme', maxAttempts: 1 });
    const globexPoison = await queue.enqueue('always.fails', {}, { productId: 'globex', maxAttempts: 1 });
    const queued = await queue.enqueue('emails.send', {}, { productId: 'acme', delayMs: 60_000 });
    await work();

    const retried = await inject('POST', `/v1/tasks/${poison.id}/retry`);
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ id: poison.id, state: 'queued', attempts: 0 });
    expect(retried.json().errors).toHaveLength(1);

    const notDead = await inject('POST', `/v1/tasks/${queued.id}/retry`);
    expect(notDead.statusCode).toBe(409);
    expect(notDead.json()).toMatchObject({ code: 'task_not_dead' });

    for (const id of ['task_nope', globexPoison.id]) {
      const missing = await inject('POST', `/v1/tasks/${id}/retry`);
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toMatchObject({ code: 'task_not_found' });
    }
    expect((await queue.get(globexPoison.id, 'globex'))?.state).toBe('dead');
    expect(actions.map((action) => [action.action, action.target])).toEqual([['tasks.retry', poison.id]]);
  });

  it('cancels a queued task; 409 task_not_cancellable once completed; 404 for another product’s task', async () => {
    const { inject, queue, work } = await setup();
    const queued = await queue.enqueue('emails.send', {}, { productId: 'acme', delayMs: 60_000 });
    const done = await queue.enqueue('emails.send', {}, { productId: 'acme' });
    const globexQueued = await queue.enqueue('emails.send', {}, { productId: 'globex', delayMs: 60_000 });
    await work();

    const cancelled = await inject('POST', `/v1/tasks/${queued.id}/cancel`);
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ id: queued.id, state: 'cancelled' });

    const completed = await inject('POST', `/v1/tasks/${done.id}/cancel`);
    expect(completed.statusCode).toBe(409);
    expect(completed.json()).toMatchObject({ code: 'task_not_cancellable' });

    const foreign = await inject('POST', `/v1/tasks/${globexQueued.id}/cancel`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toMatchObject({ code: 'task_not_found' });
    expect((await queue.get(globexQueued.id, 'globex'))?.state).toBe('queued');
  });
});

describe('jobs admin API: onAdminAction', () => {
  it('reports each mutation with action, actor, product, target and time, after it happened', async () => {
    const { inject, queue, work, actions, clock } = await setup();
    const poison = await queue.enqueue('always.fails', {}, { productId: 'acme', maxAttempts: 1 });
    const queued = await queue.enqueue('emails.send', {}, { productId: 'acme', delayMs: 60_000 });
    await work();
    const at = new Date(clock.now()).toISOString();

    await inject('POST', '/v1/jobs/reports.nightly/run');
    await inject('POST', '/v1/jobs/reports.nightly/pause');
    await inject('POST', '/v1/jobs/reports.nightly/resume');
    await inject('POST', `/v1/tasks/${poison.id}/retry`);
    await inject('POST', `/v1/tasks/${queued.id}/cancel`);
    // Reads and failed mutations are not reported.
    await inject('GET', '/v1/tasks');
    await inject('POST', `/v1/tasks/${queued.id}/retry`);

    const base = { actor: 'ann', productId: 'acme', at };
    expect(actions).toEqual([
      { ...base, action: 'jobs.run', target: 'reports.nightly' },
      { ...base, action: 'jobs.pause', target: 'reports.nightly' },
      { ...base, action: 'jobs.resume', target: 'reports.nightly' },
      { ...base, action: 'tasks.retry', target: poison.id },
      { ...base, action: 'tasks.cancel', target: queued.id },
    ]);
  });

  it('still answers the mutation when the hook throws (the action has happened)', async () => {
    const app = await createJobsTestApp({
      jobs: [deadLetterReportJob({ productId: 'acme' })],
      onAdminAction: () => {
        throw new Error('audit store down');
      },
    });
    apps.push(app);
    const response = await app.service.app.inject({
      method: 'POST',
      url: '/v1/jobs/jobs.dead-letter-report/pause',
      headers: acmeAdmin,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().paused).toBe(true);
  });
});
