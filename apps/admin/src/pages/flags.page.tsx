import { type FormEvent, useState } from 'react';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { Field } from '../components/field.js';
import { PageHeading } from '../components/page-heading.js';
import { Pager } from '../components/pager.js';
import { ListState } from '../components/states.js';
import { useToast } from '../components/toast.js';
import { api, messageOf, type RequestBody, type ResponseBody, unwrap } from '../lib/api.js';
import { linesOf, percentageOf } from '../lib/form-values.js';
import { formatTime } from '../lib/format.js';
import { usePaged } from '../lib/use-async.js';
import { definePage } from './page.js';

type Flag = ResponseBody<'/v1/flags'>['items'][number];
type FlagType = Flag['type'];
type CreateBody = RequestBody<'/v1/flags', 'post'>;
type Serve = Flag['defaultServe'];
const TYPES: FlagType[] = ['boolean', 'string', 'number', 'json'];
const BOOLEAN_VARIANTS = [
  { key: 'on', value: true },
  { key: 'off', value: false },
];
const RULES_EXAMPLE =
  '[{ "conditions": [{ "attribute": "plan", "operator": "eq", "value": "pro" }], "serve": { "variant": "on" } }]';

function parseJson<T>(text: string, what: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new Error(`${what} is not valid JSON.`);
  }
}

function describeServe(serve: Serve): string {
  if ('split' in serve) return serve.split.map((part) => `${part.variant} ${part.weight} %`).join(', ');
  return serve.percentage === undefined ? serve.variant : `${serve.variant} to ${serve.percentage} %`;
}

/** Create (no `flag`) or edit a flag: type, variants, targeting rules and the default rollout. */
function FlagEditor({
  flag,
  onSaved,
  onCancel,
}: {
  flag?: Flag;
  onSaved: (flag: Flag) => void;
  onCancel: () => void;
}) {
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const defaultServe = flag?.defaultServe;
  const splitServe = defaultServe && 'split' in defaultServe ? defaultServe : undefined;
  const variantServe = defaultServe && !('split' in defaultServe) ? defaultServe : undefined;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    setError(undefined);
    setBusy(true);
    try {
      const type = text('type') as FlagType;
      const variantsText = text('variants');
      const variants = variantsText
        ? parseJson<NonNullable<CreateBody['variants']>>(variantsText, 'Variants')
        : undefined;
      const rules = parseJson<NonNullable<CreateBody['rules']>>(text('rules') || '[]', 'Targeting rules');
      const splitText = text('split');
      const serve: Serve | undefined = splitText
        ? { split: parseJson<{ variant: string; weight: number }[]>(splitText, 'Split') }
        : text('defaultVariant')
          ? (() => {
              const percentage = percentageOf(text('rollout'));
              return { variant: text('defaultVariant'), ...(percentage === undefined ? {} : { percentage }) };
            })()
          : undefined;
      const common = {
        description: text('description'),
        type,
        enabled: form.get('enabled') === 'on',
        ...(variants ? { variants } : {}),
        ...(text('offVariant') ? { offVariant: text('offVariant') } : {}),
        rules,
        ...(serve ? { defaultServe: serve } : {}),
        bucketBy: text('bucketBy') || 'userId',
        tags: linesOf(text('tags')),
      };
      const saved = flag
        ? await unwrap(
            api.PATCH('/v1/flags/{key}', {
              params: { path: { key: flag.key } },
              body: { ...common, owner: text('owner') || null },
            }),
          )
        : await unwrap(
            api.POST('/v1/flags', {
              body: { key: text('key'), ...common, ...(text('owner') ? { owner: text('owner') } : {}) },
            }),
          );
      onSaved(saved);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const title = flag ? `Edit flag ${flag.key}` : 'New flag';
  return (
    <section className="card" aria-labelledby="flag-editor-heading">
      <h2 id="flag-editor-heading">{title}</h2>
      <form onSubmit={submit} aria-label={title}>
        <div className="form-grid">
          {flag ? null : (
            <Field label="Key" hint="Lowercase letters, digits, . _ -; cannot change later.">
              {(id, hint) => (
                <input
                  id={id}
                  name="key"
                  required
                  pattern="[a-z0-9][a-z0-9._\-]{0,99}"
                  aria-describedby={hint}
                />
              )}
            </Field>
          )}
          <Field label="Type">
            {(id) => (
              <select id={id} name="type" defaultValue={flag?.type ?? 'boolean'}>
                {TYPES.map((type) => (
                  <option key={type} value={type}>
                    {type}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Description" className="full">
            {(id) => (
              <input id={id} name="description" maxLength={500} defaultValue={flag?.description ?? ''} />
            )}
          </Field>
          <Field
            label="Variants (JSON)"
            className="full"
            hint='[{ "key": "on", "value": true }, …]; leave empty for a boolean flag (on/off).'
          >
            {(id, hint) => (
              <textarea
                id={id}
                name="variants"
                rows={4}
                aria-describedby={hint}
                defaultValue={flag ? JSON.stringify(flag.variants, null, 1) : ''}
                placeholder={JSON.stringify(BOOLEAN_VARIANTS)}
              />
            )}
          </Field>
          <Field label="Off variant" hint="Served when the flag is off or a rollout leaves the context out.">
            {(id, hint) => (
              <input
                id={id}
                name="offVariant"
                defaultValue={flag?.offVariant ?? ''}
                aria-describedby={hint}
              />
            )}
          </Field>
          <Field label="Bucket by (attribute)">
            {(id) => <input id={id} name="bucketBy" defaultValue={flag?.bucketBy ?? 'userId'} />}
          </Field>
          <Field
            label="Targeting rules (JSON)"
            className="full"
            hint={`Tried in order. Example: ${RULES_EXAMPLE}`}
          >
            {(id, hint) => (
              <textarea
                id={id}
                name="rules"
                rows={5}
                aria-describedby={hint}
                defaultValue={JSON.stringify(flag?.rules ?? [], null, 1)}
              />
            )}
          </Field>
          <Field label="Default variant" hint="Served when no rule serves (default: on for booleans).">
            {(id, hint) => (
              <input
                id={id}
                name="defaultVariant"
                defaultValue={variantServe?.variant ?? ''}
                aria-describedby={hint}
              />
            )}
          </Field>
          <Field label="Rollout (%)" hint="Share of contexts that get the default variant; empty: everyone.">
            {(id, hint) => (
              <input
                id={id}
                name="rollout"
                type="number"
                min={0}
                max={100}
                step={0.01}
                aria-describedby={hint}
                defaultValue={variantServe?.percentage ?? ''}
              />
            )}
          </Field>
          <Field
            label="Or split (JSON)"
            className="full"
            hint='[{ "variant": "a", "weight": 50 }, { "variant": "b", "weight": 50 }]; wins over the default variant.'
          >
            {(id, hint) => (
              <textarea
                id={id}
                name="split"
                rows={2}
                aria-describedby={hint}
                defaultValue={splitServe ? JSON.stringify(splitServe.split) : ''}
              />
            )}
          </Field>
          <Field label="Owner">
            {(id) => <input id={id} name="owner" defaultValue={flag?.owner ?? ''} />}
          </Field>
          <Field label="Tags (comma separated)">
            {(id) => <input id={id} name="tags" defaultValue={flag?.tags.join(', ') ?? ''} />}
          </Field>
        </div>
        <label className="inline">
          <input type="checkbox" name="enabled" defaultChecked={flag?.enabled ?? false} /> Enabled
        </label>
        {error ? (
          <p className="form-error" role="alert">
            {messageOf(error)}
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {flag ? 'Save flag' : 'Create flag'}
          </button>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}

function Flags() {
  const toast = useToast();
  const [generation, setGeneration] = useState(0);
  const [editing, setEditing] = useState<Flag | 'new'>();
  const [deleting, setDeleting] = useState<Flag>();
  const refresh = () => setGeneration((n) => n + 1);
  const flags = usePaged(
    (cursor) =>
      unwrap(api.GET('/v1/flags', { params: { query: { limit: 25, ...(cursor ? { cursor } : {}) } } })),
    [generation],
  );

  async function toggle(flag: Flag) {
    try {
      const saved = await unwrap(
        api.PATCH('/v1/flags/{key}', {
          params: { path: { key: flag.key } },
          body: { enabled: !flag.enabled },
        }),
      );
      toast(`${flag.key} is ${saved.enabled ? 'on' : 'off'}.`);
      refresh();
    } catch (error) {
      toast(`${flag.key}: ${messageOf(error)}`, 'error');
    }
  }

  return (
    <>
      <PageHeading title="Feature flags">
        <button type="button" className="primary" onClick={() => setEditing('new')}>
          New flag
        </button>
      </PageHeading>
      {editing ? (
        <FlagEditor
          key={editing === 'new' ? 'new' : editing.key}
          {...(editing === 'new' ? {} : { flag: editing })}
          onCancel={() => setEditing(undefined)}
          onSaved={(saved) => {
            toast(`Saved ${saved.key} (version ${saved.version}).`);
            setEditing(undefined);
            refresh();
          }}
        />
      ) : null}
      <ListState state={flags} count={flags.items.length} empty="No flags yet.">
        <table className="table">
          <caption className="visually-hidden">Feature flags by key</caption>
          <thead>
            <tr>
              <th scope="col">Flag</th>
              <th scope="col">Type</th>
              <th scope="col">State</th>
              <th scope="col">Targeting</th>
              <th scope="col">Updated</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {flags.items.map((flag) => (
              <tr key={flag.id}>
                <th scope="row">
                  <code>{flag.key}</code>
                  <div className="muted small">{flag.description}</div>
                  {flag.stale ? <span className="badge badge-warn">stale</span> : null}
                </th>
                <td>
                  {flag.type}
                  <div className="muted small">{flag.variants.map((variant) => variant.key).join(', ')}</div>
                </td>
                <td>
                  <button
                    type="button"
                    className={flag.enabled ? 'primary' : undefined}
                    aria-pressed={flag.enabled}
                    aria-label={`Enabled: ${flag.key}`}
                    onClick={() => toggle(flag)}
                  >
                    Enabled
                  </button>{' '}
                  <span className={`badge badge-${flag.enabled ? 'ok' : 'muted'}`}>
                    {flag.enabled ? 'on' : 'off'}
                  </span>
                </td>
                <td>
                  {flag.rules.length} rule(s); default {describeServe(flag.defaultServe)}
                  {flag.prerequisites.length > 0 ? (
                    <div className="muted small">needs {flag.prerequisites.map((p) => p.key).join(', ')}</div>
                  ) : null}
                </td>
                <td>
                  v{flag.version}, {formatTime(flag.updatedAt)}
                  <div className="muted small">{flag.updatedBy}</div>
                </td>
                <td className="actions">
                  <button type="button" onClick={() => setEditing(flag)} aria-label={`Edit ${flag.key}`}>
                    Edit
                  </button>
                  <button
                    type="button"
                    className="danger"
                    onClick={() => setDeleting(flag)}
                    aria-label={`Delete ${flag.key}`}
                  >
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ListState>
      <Pager
        label="Flags"
        pageNumber={flags.pageNumber}
        hasPrevious={flags.hasPrevious}
        hasNext={flags.hasNext}
        onPrevious={flags.previous}
        onNext={flags.next}
      />
      <ConfirmDialog
        open={deleting !== undefined}
        title={`Delete flag ${deleting?.key ?? ''}`}
        confirmLabel="Delete flag"
        danger
        onClose={() => setDeleting(undefined)}
        onConfirm={async () => {
          if (!deleting) return;
          await unwrap(api.DELETE('/v1/flags/{key}', { params: { path: { key: deleting.key } } }));
          toast(`Deleted ${deleting.key}.`);
          refresh();
        }}
      >
        <p>Clients evaluating {deleting?.key} get FLAG_NOT_FOUND and fall back to their defaults.</p>
      </ConfirmDialog>
    </>
  );
}

export const page = definePage({
  path: '/flags',
  requires: '/v1/flags',
  title: 'Feature flags',
  nav: { label: 'Flags', order: 50 },
  component: Flags,
});
