import { useState } from 'react';
import { PageHeading } from '../components/page-heading.js';
import { Pager } from '../components/pager.js';
import { ListState } from '../components/states.js';
import { api, unwrap } from '../lib/api.js';
import { formatTime } from '../lib/format.js';
import { Link } from '../lib/router.js';
import { usePaged } from '../lib/use-async.js';
import { definePage } from './page.js';

function Outbox() {
  const [generation, setGeneration] = useState(0);
  const outbox = usePaged(
    (cursor) =>
      unwrap(
        api.GET('/v1/delivery/outbox', { params: { query: { limit: 20, ...(cursor ? { cursor } : {}) } } }),
      ),
    [generation],
  );
  return (
    <>
      <PageHeading title="Dev outbox">
        <Link to="/delivery">Back to delivery</Link>
      </PageHeading>
      <p className="muted">
        Emails the <code>console</code> adapter kept instead of sending them (kept one day). Empty with a real
        provider.
      </p>
      <div className="actions">
        <button type="button" onClick={() => setGeneration((n) => n + 1)}>
          Refresh
        </button>
      </div>
      <ListState state={outbox} count={outbox.items.length} empty="The outbox is empty.">
        <table className="table">
          <caption className="visually-hidden">Dev outbox, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Subject</th>
              <th scope="col">To</th>
              <th scope="col">Template</th>
              <th scope="col">Kept</th>
              <th scope="col">Message</th>
            </tr>
          </thead>
          <tbody>
            {outbox.items.map((message) => (
              <tr key={message.id}>
                <th scope="row">{message.subject}</th>
                <td>{message.to}</td>
                <td>
                  <code>{message.template}</code>
                </td>
                <td>{formatTime(message.createdAt)}</td>
                <td>
                  <details>
                    <summary>Text of {message.subject}</summary>
                    {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard. */}
                    <pre className="json" tabIndex={0}>
                      {message.text}
                    </pre>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ListState>
      <Pager
        label="Outbox"
        pageNumber={outbox.pageNumber}
        hasPrevious={outbox.hasPrevious}
        hasNext={outbox.hasNext}
        onPrevious={outbox.previous}
        onNext={outbox.next}
      />
    </>
  );
}

export const page = definePage({
  path: '/delivery/outbox',
  requires: '/v1/delivery/outbox',
  title: 'Dev outbox',
  component: Outbox,
});
