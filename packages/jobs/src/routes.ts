/**
 * The admin API of jobs and tasks, mounted under `/v1` by the jobs module. HTTP only: parse,
 * authorize (admin role), call `JobsAdmin`, shape the reply. The product is always the
 * principal's, so no request reaches another product's jobs or tasks.
 */
import { UnauthorizedError } from '@groundwork/errors';
import { guard, type ModuleRoutes, type Principal } from '@groundwork/http';
import type { AdminActor, JobsAdmin } from './admin.js';
import {
  countTasksQuerySchema,
  jobListSchema,
  jobNameParamsSchema,
  jobRunPageSchema,
  jobRunView,
  jobSchema,
  jobView,
  listRunsQuerySchema,
  listTasksQuerySchema,
  taskCountsSchema,
  taskIdParamsSchema,
  taskPageSchema,
  taskSchema,
  taskView,
} from './admin-schemas.js';

const adminOnly = guard({ roles: ['admin'] });
const ADMIN = 'Requires role `admin`; acts in the caller’s product.';

function actorOf(principal: Principal | undefined): AdminActor {
  // The guard rejects unauthenticated requests before a handler runs; this only keeps types honest.
  if (!principal) throw new UnauthorizedError();
  return { subject: principal.subject, productId: principal.productId };
}

export function jobsAdminRoutes(admin: JobsAdmin): ModuleRoutes {
  return async (app) => {
    app.get(
      '/jobs',
      {
        ...adminOnly,
        schema: {
          summary: 'List scheduled jobs',
          description: `With each job’s last run status and next run. ${ADMIN}`,
          response: { 200: jobListSchema },
        },
      },
      async (request) => {
        const jobs = await admin.listJobs(actorOf(request.principal).productId);
        return { items: jobs.map(jobView) };
      },
    );

    app.get(
      '/jobs/:name/runs',
      {
        ...adminOnly,
        schema: {
          summary: 'Run history of a job',
          description: `Newest first, optionally one status. ${ADMIN}`,
          params: jobNameParamsSchema,
          querystring: listRunsQuerySchema,
          response: { 200: jobRunPageSchema },
        },
      },
      async (request) => {
        const { status, limit, cursor } = request.query;
        const page = await admin.runs(actorOf(request.principal).productId, request.params.name, {
          status,
          limit,
          cursor,
        });
        return {
          items: page.items.map(jobRunView),
          ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
        };
      },
    );

    app.post(
      '/jobs/:name/run',
      {
        ...adminOnly,
        schema: {
          summary: 'Run a job now',
          description: `Enqueues a run now, whatever its schedule, pause or overlap policy; answers with its task. ${ADMIN}`,
          params: jobNameParamsSchema,
          response: { 202: taskSchema },
        },
      },
      async (request, reply) => {
        const task = await admin.runNow(actorOf(request.principal), request.params.name);
        return reply
          .status(202)
          .header('location', `/v1/tasks/${encodeURIComponent(task.id)}`)
          .send(taskView(task));
      },
    );

    app.post(
      '/jobs/:name/pause',
      {
        ...adminOnly,
        schema: {
          summary: 'Pause a job',
          description: `No scheduled run starts until it is resumed (manual runs still work). ${ADMIN}`,
          params: jobNameParamsSchema,
          response: { 200: jobSchema },
        },
      },
      async (request) => jobView(await admin.pause(actorOf(request.principal), request.params.name)),
    );

    app.post(
      '/jobs/:name/resume',
      {
        ...adminOnly,
        schema: {
          summary: 'Resume a job',
          description: `Continues at the next slot; slots that fell in the pause are not run. ${ADMIN}`,
          params: jobNameParamsSchema,
          response: { 200: jobSchema },
        },
      },
      async (request) => jobView(await admin.resume(actorOf(request.principal), request.params.name)),
    );

    app.get(
      '/tasks',
      {
        ...adminOnly,
        schema: {
          summary: 'List tasks (queue view)',
          description: `Newest first, optionally one state and one type. ${ADMIN}`,
          querystring: listTasksQuerySchema,
          response: { 200: taskPageSchema },
        },
      },
      async (request) => {
        const page = await admin.listTasks(actorOf(request.principal).productId, request.query);
        return {
          items: page.items.map(taskView),
          ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
        };
      },
    );

    app.get(
      '/tasks/counts',
      {
        ...adminOnly,
        schema: {
          summary: 'Count tasks by state and type',
          description: ADMIN,
          querystring: countTasksQuerySchema,
          response: { 200: taskCountsSchema },
        },
      },
      async (request) => admin.countTasks(actorOf(request.principal).productId, request.query.type),
    );

    app.post(
      '/tasks/:id/retry',
      {
        ...adminOnly,
        schema: {
          summary: 'Retry a dead task',
          description: `Dead → queued with its attempts reset (the error history is kept); 409 \`task_not_dead\` otherwise. ${ADMIN}`,
          params: taskIdParamsSchema,
          response: { 200: taskSchema },
        },
      },
      async (request) => taskView(await admin.retryTask(actorOf(request.principal), request.params.id)),
    );

    app.post(
      '/tasks/:id/cancel',
      {
        ...adminOnly,
        schema: {
          summary: 'Cancel a task',
          description: `Queued or dead → cancelled; running → \`cancelRequested\` and the worker aborts it; 409 \`task_not_cancellable\` once completed. ${ADMIN}`,
          params: taskIdParamsSchema,
          response: { 200: taskSchema },
        },
      },
      async (request) => taskView(await admin.cancelTask(actorOf(request.principal), request.params.id)),
    );
  };
}
