import type { paths } from '@groundwork/client';
import { type FormEvent, useEffect, useState } from 'react';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { Field } from '../components/field.js';
import { PageHeading } from '../components/page-heading.js';
import { ErrorState, ListState, Loading } from '../components/states.js';
import { useToast } from '../components/toast.js';
import { api, messageOf, type ResponseBody, unwrap } from '../lib/api.js';
import { formatTime } from '../lib/format.js';
import { Link } from '../lib/router.js';
import { useAsync } from '../lib/use-async.js';
import { definePage } from './page.js';

type Template = ResponseBody<'/v1/delivery/templates/{name}'>;
type Source = Template['source'];
type Rendered = ResponseBody<'/v1/delivery/templates/{name}/preview', 'post'>;
type TemplateName = NonNullable<paths['/v1/delivery/templates/{name}']['get']['parameters']['path']>['name'];

function parseData(text: string): Record<string, unknown> {
  const parsed: unknown = JSON.parse(text || '{}');
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error('Sample data must be a JSON object.');
  }
  return parsed as Record<string, unknown>;
}

function Editor({ name, onChanged }: { name: TemplateName; onChanged: () => void }) {
  const toast = useToast();
  const [generation, setGeneration] = useState(0);
  const template = useAsync(
    () => unwrap(api.GET('/v1/delivery/templates/{name}', { params: { path: { name } } })),
    [name, generation],
  );
  const [source, setSource] = useState<Source>({ subject: '', html: '', text: '' });
  const [data, setData] = useState('{}');
  const [preview, setPreview] = useState<Rendered>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [resetting, setResetting] = useState(false);
  const [testTo, setTestTo] = useState('');

  useEffect(() => {
    if (!template.data) return;
    setSource(template.data.source);
    setData(JSON.stringify(template.data.sample, null, 2));
    setPreview(undefined);
    setError(undefined);
  }, [template.data]);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const doPreview = () =>
    run(async () => {
      setPreview(
        await unwrap(
          api.POST('/v1/delivery/templates/{name}/preview', {
            params: { path: { name } },
            body: { source, data: parseData(data) },
          }),
        ),
      );
    });

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void run(async () => {
      await unwrap(api.PUT('/v1/delivery/templates/{name}', { params: { path: { name } }, body: source }));
      toast(`Saved the override of ${name}.`);
      setGeneration((n) => n + 1);
      onChanged();
    });
  }

  const sendTest = () =>
    run(async () => {
      const result = await unwrap(
        api.POST('/v1/delivery/templates/{name}/test', {
          params: { path: { name } },
          body: { to: testTo.trim(), data: parseData(data) },
        }),
      );
      toast(`Test of ${name} queued (${result.deliveries.length} delivery).`);
    });

  if (template.error) return <ErrorState error={template.error} retry={template.reload} />;
  if (!template.data) return <Loading />;
  const current = template.data;
  return (
    <section className="card" aria-labelledby="editor-heading">
      <h2 id="editor-heading">Template {name}</h2>
      <p>
        {current.description}{' '}
        {current.overridden ? (
          <span className="badge badge-warn">
            overridden {formatTime(current.updatedAt)} by {current.updatedBy}
          </span>
        ) : (
          <span className="badge badge-muted">shipped default</span>
        )}
      </p>
      <p className="muted small">
        Variables: {current.variables.map((variable) => `{{${variable}}}`).join(', ') || 'none'} (plus
        productName, appUrl, year, unsubscribeUrl).
      </p>
      <form onSubmit={save} aria-label={`Edit ${name}`}>
        <div className="form-grid">
          <Field label="Subject" className="full">
            {(id) => (
              <input
                id={id}
                value={source.subject}
                required
                maxLength={500}
                onChange={(e) => setSource({ ...source, subject: e.target.value })}
              />
            )}
          </Field>
          <Field label="HTML body (Handlebars)" className="full">
            {(id) => (
              <textarea
                id={id}
                rows={8}
                required
                value={source.html}
                onChange={(e) => setSource({ ...source, html: e.target.value })}
              />
            )}
          </Field>
          <Field label="Text body (Handlebars)" className="full">
            {(id) => (
              <textarea
                id={id}
                rows={6}
                required
                value={source.text}
                onChange={(e) => setSource({ ...source, text: e.target.value })}
              />
            )}
          </Field>
          <Field label="Sample data (JSON)" className="full" hint="Used by the preview and the test send.">
            {(id, hint) => (
              <textarea
                id={id}
                rows={5}
                value={data}
                aria-describedby={hint}
                onChange={(e) => setData(e.target.value)}
              />
            )}
          </Field>
        </div>
        {error ? (
          <p className="form-error" role="alert">
            {messageOf(error)}
          </p>
        ) : null}
        <div className="actions">
          <button type="button" onClick={doPreview} disabled={busy}>
            Preview
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Save override
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => setResetting(true)}
            disabled={busy || !current.overridden}
          >
            Reset to default
          </button>
        </div>
      </form>
      <div className="filters">
        <Field label="Send a test to">
          {(id) => <input id={id} type="email" value={testTo} onChange={(e) => setTestTo(e.target.value)} />}
        </Field>
        <button type="button" onClick={sendTest} disabled={busy || !testTo.includes('@')}>
          Send test email
        </button>
      </div>
      {preview ? (
        <section aria-labelledby="preview-heading">
          <h3 id="preview-heading">Preview: {preview.subject}</h3>
          <iframe
            className="preview-frame"
            title={`HTML preview of ${name}`}
            sandbox=""
            srcDoc={preview.html}
          />
          <details>
            <summary>Text part</summary>
            <pre className="json">{preview.text}</pre>
          </details>
        </section>
      ) : null}
      <ConfirmDialog
        open={resetting}
        title={`Reset ${name}`}
        confirmLabel="Reset to default"
        danger
        onClose={() => setResetting(false)}
        onConfirm={async () => {
          await unwrap(api.DELETE('/v1/delivery/templates/{name}', { params: { path: { name } } }));
          toast(`${name} is back to the shipped default.`);
          setGeneration((n) => n + 1);
          onChanged();
        }}
      >
        <p>The product's own version is removed; the shipped default is sent from now on.</p>
      </ConfirmDialog>
    </section>
  );
}

function Templates() {
  const [generation, setGeneration] = useState(0);
  const [selected, setSelected] = useState<TemplateName>();
  const templates = useAsync(() => unwrap(api.GET('/v1/delivery/templates')), [generation]);
  const items = templates.data?.items ?? [];
  return (
    <>
      <PageHeading title="Email templates">
        <Link to="/delivery">Back to delivery</Link>
      </PageHeading>
      <ListState state={templates} count={items.length} empty="No email templates.">
        <table className="table">
          <caption className="visually-hidden">Email templates</caption>
          <thead>
            <tr>
              <th scope="col">Template</th>
              <th scope="col">Category</th>
              <th scope="col">Version</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {items.map((template) => (
              <tr key={template.name}>
                <th scope="row">
                  <code>{template.name}</code>
                  <div className="muted small">{template.description}</div>
                </th>
                <td>
                  {template.category}
                  {template.security ? <span className="badge badge-info">security</span> : null}
                </td>
                <td>{template.overridden ? 'overridden' : 'default'}</td>
                <td>
                  <button
                    type="button"
                    onClick={() => setSelected(template.name as TemplateName)}
                    aria-pressed={selected === template.name}
                    aria-label={`Edit ${template.name}`}
                  >
                    Edit
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ListState>
      {selected ? (
        <Editor key={selected} name={selected} onChanged={() => setGeneration((n) => n + 1)} />
      ) : null}
    </>
  );
}

export const page = definePage({
  path: '/delivery/templates',
  requires: '/v1/delivery/templates',
  title: 'Email templates',
  nav: { label: 'Email templates', order: 46 },
  component: Templates,
});
