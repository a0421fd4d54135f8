import { type FormEvent, useId, useState } from 'react';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { FilterOptions } from '../components/field.js';
import { JsonView } from '../components/json-view.js';
import { PageHeading } from '../components/page-heading.js';
import { Pager } from '../components/pager.js';
import { ListState } from '../components/states.js';
import { useToast } from '../components/toast.js';
import { api, type ResponseBody, unwrap } from '../lib/api.js';
import { formatTime } from '../lib/format.js';
import { Link, useLocation } from '../lib/router.js';
import { usePaged } from '../lib/use-async.js';
import { statusTone } from './jobs.page.js';
import { definePage } from './page.js';

type Task = ResponseBody<'/v1/tasks'>['items'][number];
type TaskState = Task['state'];
const STATES: TaskState[] = ['queued', 'running', 'completed', 'dead', 'cancelled'];

function Queue() {
  const toast = useToast();
  const { search } = useLocation();
  const initialState = search.get('state');
  const [filters, setFilters] = useState<{ state: TaskState | ''; type: string }>({
    state: STATES.includes(initialState as TaskState) ? (initialState as TaskState) : '',
    type: '',
  });
  const [generation, setGeneration] = useState(0);
  const [confirm, setConfirm] = useState<{ task: Task; action: 'retry' | 'cancel' }>();
  const stateId = useId();
  const typeId = useId();
  const tasks = usePaged(
    (cursor) =>
      unwrap(
        api.GET('/v1/tasks', {
          params: {
            query: {
              limit: 20,
              ...(cursor ? { cursor } : {}),
              ...(filters.state ? { state: filters.state } : {}),
              ...(filters.type ? { type: filters.type } : {}),
            },
          },
        }),
      ),
    [filters.state, filters.type, generation],
  );

  function filter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setFilters({
      state: String(form.get('state') ?? '') as TaskState | '',
      type: String(form.get('type') ?? '').trim(),
    });
  }

  return (
    <>
      <PageHeading title="Task queue">
        <Link to="/jobs">Back to jobs</Link>
      </PageHeading>
      <form className="filters" onSubmit={filter} aria-label="Filter tasks">
        <div>
          <label htmlFor={stateId}>State</label>
          <select id={stateId} name="state" defaultValue={filters.state}>
            <FilterOptions
              any="Any state"
              values={STATES}
              label={(state) => (state === 'dead' ? 'dead (dead letters)' : state)}
            />
          </select>
        </div>
        <div>
          <label htmlFor={typeId}>Task type</label>
          <input id={typeId} name="type" defaultValue={filters.type} placeholder="e.g. events.outbox-relay" />
        </div>
        <button type="submit" className="primary">
          Filter
        </button>
      </form>
      <ListState
        state={tasks}
        count={tasks.items.length}
        empty={filters.state === 'dead' ? 'No dead letters.' : 'No tasks match these filters.'}
      >
        <table className="table">
          <caption className="visually-hidden">Tasks, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Task</th>
              <th scope="col">State</th>
              <th scope="col">Attempts</th>
              <th scope="col">Created</th>
              <th scope="col">Details</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {tasks.items.map((task) => (
              <tr key={task.id}>
                <th scope="row">
                  {task.type}
                  <div className="muted small">
                    <code>{task.id}</code>
                  </div>
                </th>
                <td>
                  <span className={`badge badge-${statusTone(task.state)}`}>{task.state}</span>
                  {task.cancelRequested ? <span className="badge badge-warn">cancel requested</span> : null}
                </td>
                <td>
                  {task.attempts} / {task.maxAttempts}
                </td>
                <td>{formatTime(task.createdAt)}</td>
                <td>
                  <details>
                    <summary>Payload and errors</summary>
                    <JsonView
                      value={{ payload: task.payload, errors: task.errors, result: task.result }}
                      label={`Task ${task.id} details`}
                    />
                  </details>
                </td>
                <td className="actions">
                  {task.state === 'dead' ? (
                    <button
                      type="button"
                      onClick={() => setConfirm({ task, action: 'retry' })}
                      aria-label={`Retry task ${task.id}`}
                    >
                      Retry
                    </button>
                  ) : null}
                  {task.state === 'queued' || task.state === 'running' || task.state === 'dead' ? (
                    <button
                      type="button"
                      className="danger"
                      onClick={() => setConfirm({ task, action: 'cancel' })}
                      aria-label={`Cancel task ${task.id}`}
                    >
                      Cancel
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ListState>
      <Pager
        label="Tasks"
        pageNumber={tasks.pageNumber}
        hasPrevious={tasks.hasPrevious}
        hasNext={tasks.hasNext}
        onPrevious={tasks.previous}
        onNext={tasks.next}
      />
      <ConfirmDialog
        open={confirm !== undefined}
        title={confirm?.action === 'cancel' ? 'Cancel task' : 'Retry task'}
        confirmLabel={confirm?.action === 'cancel' ? 'Cancel task' : 'Retry task'}
        danger={confirm?.action === 'cancel'}
        onClose={() => setConfirm(undefined)}
        onConfirm={async () => {
          if (!confirm) return;
          const id = confirm.task.id;
          if (confirm.action === 'cancel') {
            await unwrap(api.POST('/v1/tasks/{id}/cancel', { params: { path: { id } } }));
          } else {
            await unwrap(api.POST('/v1/tasks/{id}/retry', { params: { path: { id } } }));
          }
          toast(`${confirm.action === 'cancel' ? 'Cancelled' : 'Queued again'}: ${id}.`);
          setGeneration((n) => n + 1);
        }}
      >
        <p>
          {confirm?.action === 'cancel'
            ? `Task ${confirm.task.id} (${confirm.task.type}) will not run (a running attempt is asked to stop).`
            : `Dead letter ${confirm?.task.id} (${confirm?.task.type}) is queued again with a fresh set of attempts.`}
        </p>
      </ConfirmDialog>
    </>
  );
}

export const page = definePage({
  path: '/jobs/queue',
  requires: '/v1/tasks',
  title: 'Task queue',
  nav: { label: 'Task queue', order: 25 },
  component: Queue,
});
