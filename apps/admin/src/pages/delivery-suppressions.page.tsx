import { type FormEvent, useState } from 'react';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { Field } from '../components/field.js';
import { PageHeading } from '../components/page-heading.js';
import { Pager } from '../components/pager.js';
import { ListState } from '../components/states.js';
import { useToast } from '../components/toast.js';
import { api, messageOf, type ResponseBody, unwrap } from '../lib/api.js';
import { formatTime } from '../lib/format.js';
import { Link } from '../lib/router.js';
import { usePaged } from '../lib/use-async.js';
import { definePage } from './page.js';

type Suppression = ResponseBody<'/v1/delivery/suppressions'>['items'][number];

function Suppressions() {
  const toast = useToast();
  const [generation, setGeneration] = useState(0);
  const [removing, setRemoving] = useState<Suppression>();
  const [error, setError] = useState<unknown>();
  const list = usePaged(
    (cursor) =>
      unwrap(
        api.GET('/v1/delivery/suppressions', {
          params: { query: { limit: 25, ...(cursor ? { cursor } : {}) } },
        }),
      ),
    [generation],
  );

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const email = String(new FormData(formElement).get('email') ?? '').trim();
    setError(undefined);
    try {
      await unwrap(api.POST('/v1/delivery/suppressions', { body: { email, reason: 'manual' } }));
      toast(`Suppressed ${email}.`);
      formElement.reset();
      setGeneration((n) => n + 1);
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <>
      <PageHeading title="Suppression list">
        <Link to="/delivery">Back to delivery</Link>
      </PageHeading>
      <form className="filters" onSubmit={add} aria-label="Suppress an address">
        <Field label="Email address to suppress">
          {(id) => <input id={id} name="email" type="email" required maxLength={320} />}
        </Field>
        <button type="submit" className="primary">
          Suppress
        </button>
      </form>
      {error ? (
        <p className="form-error" role="alert">
          {messageOf(error)}
        </p>
      ) : null}
      <ListState state={list} count={list.items.length} empty="No suppressed addresses.">
        <table className="table">
          <caption className="visually-hidden">Suppressed addresses</caption>
          <thead>
            <tr>
              <th scope="col">Address</th>
              <th scope="col">Reason</th>
              <th scope="col">Source</th>
              <th scope="col">Since</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((entry) => (
              <tr key={entry.id}>
                <th scope="row">{entry.email}</th>
                <td>{entry.reason}</td>
                <td>{entry.source}</td>
                <td>{formatTime(entry.createdAt)}</td>
                <td>
                  <button
                    type="button"
                    className="danger"
                    onClick={() => setRemoving(entry)}
                    aria-label={`Lift the suppression of ${entry.email}`}
                  >
                    Lift
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ListState>
      <Pager
        label="Suppressions"
        pageNumber={list.pageNumber}
        hasPrevious={list.hasPrevious}
        hasNext={list.hasNext}
        onPrevious={list.previous}
        onNext={list.next}
      />
      <ConfirmDialog
        open={removing !== undefined}
        title="Lift suppression"
        confirmLabel="Lift suppression"
        danger
        onClose={() => setRemoving(undefined)}
        onConfirm={async () => {
          if (!removing) return;
          await unwrap(
            api.DELETE('/v1/delivery/suppressions/{id}', { params: { path: { id: removing.id } } }),
          );
          toast(`${removing.email} receives email again.`);
          setGeneration((n) => n + 1);
        }}
      >
        <p>
          Email is sent to {removing?.email} again (it was suppressed for: {removing?.reason}).
        </p>
      </ConfirmDialog>
    </>
  );
}

export const page = definePage({
  path: '/delivery/suppressions',
  requires: '/v1/delivery/suppressions',
  title: 'Suppression list',
  component: Suppressions,
});
