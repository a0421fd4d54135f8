import { useId, useState } from 'react';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { FilterOptions } from '../components/field.js';
import { PageHeading } from '../components/page-heading.js';
import { Pager } from '../components/pager.js';
import { ListState } from '../components/states.js';
import { useToast } from '../components/toast.js';
import { api, messageOf, type ResponseBody, unwrap } from '../lib/api.js';
import { formatDuration, formatTime } from '../lib/format.js';
import { Link } from '../lib/router.js';
import { pageOf, useAsync, usePaged } from '../lib/use-async.js';
import { definePage } from './page.js';

type Job = ResponseBody<'/v1/jobs'>['items'][number];
type RunStatus = NonNullable<Job['lastRunStatus']>;
const RUN_STATUSES: RunStatus[] = [
  'queued',
  'running',
  'failed',
  'completed',
  'dead',
  'cancelled',
  'skipped',
  'unknown',
];
const PAGE_SIZE = 20;

export function statusTone(status: string | null | undefined): string {
  if (status === 'completed') return 'ok';
  if (status === 'failed' || status === 'dead') return 'bad';
  if (status === 'running' || status === 'queued') return 'info';
  return 'muted';
}

function scheduleOf(job: Job): string {
  return job.schedule.kind === 'cron'
    ? `cron ${job.schedule.cron} (${job.schedule.timezone})`
    : `every ${formatDuration(job.schedule.everyMs / 1000)}`;
}

function Runs({ job, generation }: { job: string; generation: number }) {
  const [status, setStatus] = useState<RunStatus | ''>('');
  const statusId = useId();
  const runs = usePaged(
    (cursor) =>
      unwrap(
        api.GET('/v1/jobs/{name}/runs', {
          params: {
            path: { name: job },
            query: { limit: 10, ...(cursor ? { cursor } : {}), ...(status ? { status } : {}) },
          },
        }),
      ),
    [job, status, generation],
  );
  return (
    <section className="card" aria-labelledby="runs-heading">
      <h2 id="runs-heading">Run history of {job}</h2>
      <div className="filters">
        <div>
          <label htmlFor={statusId}>Run status</label>
          <select id={statusId} value={status} onChange={(e) => setStatus(e.target.value as RunStatus | '')}>
            <FilterOptions any="Any status" values={RUN_STATUSES} />
          </select>
        </div>
        <button type="button" onClick={runs.reload}>
          Refresh runs
        </button>
      </div>
      <ListState state={runs} count={runs.items.length} empty="No runs yet.">
        <table className="table compact" data-testid="runs">
          <caption className="visually-hidden">Runs of {job}, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Run</th>
              <th scope="col">Trigger</th>
              <th scope="col">Status</th>
              <th scope="col">Scheduled</th>
              <th scope="col">Started</th>
              <th scope="col">Completed</th>
              <th scope="col">Attempts</th>
            </tr>
          </thead>
          <tbody>
            {runs.items.map((run) => (
              <tr key={run.runId}>
                <td>
                  <code>{run.runId}</code>
                </td>
                <td>{run.trigger}</td>
                <td>
                  <span className={`badge badge-${statusTone(run.status)}`}>{run.status}</span>
                </td>
                <td>{formatTime(run.scheduledAt)}</td>
                <td>{formatTime(run.startedAt)}</td>
                <td>{formatTime(run.completedAt)}</td>
                <td>{run.attempts}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ListState>
      <Pager
        label="Runs"
        pageNumber={runs.pageNumber}
        hasPrevious={runs.hasPrevious}
        hasNext={runs.hasNext}
        onPrevious={runs.previous}
        onNext={runs.next}
      />
    </section>
  );
}

function Jobs() {
  const toast = useToast();
  const [generation, setGeneration] = useState(0);
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<string>();
  const [pausing, setPausing] = useState<Job>();
  const jobs = useAsync(() => unwrap(api.GET('/v1/jobs')), [generation]);
  const all = jobs.data?.items ?? [];
  const items = pageOf(all, page, PAGE_SIZE);
  const refresh = () => setGeneration((n) => n + 1);

  async function act(job: Job, action: 'run' | 'resume') {
    try {
      if (action === 'run') {
        const task = await unwrap(api.POST('/v1/jobs/{name}/run', { params: { path: { name: job.name } } }));
        toast(`Started ${job.name}: run ${task.id}.`);
        setSelected(job.name);
      } else {
        await unwrap(api.POST('/v1/jobs/{name}/resume', { params: { path: { name: job.name } } }));
        toast(`Resumed ${job.name}.`);
      }
      refresh();
    } catch (error) {
      toast(`${job.name}: ${messageOf(error)}`, 'error');
    }
  }

  return (
    <>
      <PageHeading title="Jobs">
        <Link to="/jobs/queue">Open the task queue</Link>
      </PageHeading>
      <ListState state={jobs} count={all.length} empty="No scheduled jobs.">
        <table className="table">
          <caption className="visually-hidden">Scheduled jobs</caption>
          <thead>
            <tr>
              <th scope="col">Job</th>
              <th scope="col">Schedule</th>
              <th scope="col">Last run</th>
              <th scope="col">Next run</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {items.map((job) => (
              <tr key={`${job.productId}/${job.name}`}>
                <th scope="row">
                  {job.name}
                  <div className="muted small">task {job.type}</div>
                  {job.paused ? <span className="badge badge-warn">paused</span> : null}
                  {job.enabled ? null : <span className="badge badge-muted">disabled in code</span>}
                </th>
                <td>{scheduleOf(job)}</td>
                <td>
                  {job.lastRunStatus ? (
                    <span className={`badge badge-${statusTone(job.lastRunStatus)}`}>
                      {job.lastRunStatus}
                    </span>
                  ) : null}{' '}
                  {formatTime(job.lastRunAt)}
                  {job.lastRunError ? <div className="error-text small">{job.lastRunError}</div> : null}
                </td>
                <td>{job.paused ? 'Paused' : formatTime(job.nextRunAt)}</td>
                <td className="actions">
                  <button type="button" onClick={() => act(job, 'run')} aria-label={`Run now: ${job.name}`}>
                    Run now
                  </button>
                  {job.paused ? (
                    <button
                      type="button"
                      onClick={() => act(job, 'resume')}
                      aria-label={`Resume: ${job.name}`}
                    >
                      Resume
                    </button>
                  ) : (
                    <button type="button" onClick={() => setPausing(job)} aria-label={`Pause: ${job.name}`}>
                      Pause
                    </button>
                  )}
                  <button
                    type="button"
                    onClick={() => setSelected(job.name)}
                    aria-label={`Runs: ${job.name}`}
                    aria-pressed={selected === job.name}
                  >
                    Runs
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ListState>
      <Pager
        label="Jobs"
        pageNumber={page}
        hasPrevious={page > 1}
        hasNext={page * PAGE_SIZE < all.length}
        onPrevious={() => setPage((n) => Math.max(1, n - 1))}
        onNext={() => setPage((n) => n + 1)}
      />
      {selected ? <Runs job={selected} generation={generation} /> : null}
      <ConfirmDialog
        open={pausing !== undefined}
        title={`Pause ${pausing?.name ?? ''}`}
        confirmLabel="Pause job"
        danger
        onClose={() => setPausing(undefined)}
        onConfirm={async () => {
          if (!pausing) return;
          await unwrap(api.POST('/v1/jobs/{name}/pause', { params: { path: { name: pausing.name } } }));
          toast(`Paused ${pausing.name}.`);
          refresh();
        }}
      >
        <p>Scheduled runs stop until you resume it. Runs already queued still run.</p>
      </ConfirmDialog>
    </>
  );
}

export const page = definePage({
  path: '/jobs',
  requires: '/v1/jobs',
  title: 'Jobs',
  nav: { label: 'Jobs', order: 20 },
  component: Jobs,
});
