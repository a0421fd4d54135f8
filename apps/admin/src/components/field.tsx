/** A labelled form control: the label is tied to the control by a generated id. */
import { type ReactNode, useId } from 'react';

export function Field({
  label,
  hint,
  children,
  className,
}: {
  label: string;
  hint?: ReactNode;
  /** Renders the control with the id the label points at (and the hint's id for `aria-describedby`). */
  children: (id: string, hintId: string | undefined) => ReactNode;
  className?: string;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      {children(id, hint ? hintId : undefined)}
      {hint ? (
        <p id={hintId} className="muted small hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** A secret shown once (webhook signing secrets): copy it now, it is never shown again. */
export function SecretOnce({ label, secret, onDone }: { label: string; secret: string; onDone: () => void }) {
  return (
    <section className="notice secret-once" aria-label={label}>
      <p>
        <strong>{label}:</strong> copy it now, it is not shown again.
      </p>
      <p>
        <code data-testid="secret-value">{secret}</code>
      </p>
      <button type="button" onClick={onDone}>
        I have stored it
      </button>
    </section>
  );
}

/** The options of a filter `<select>`: `any` (the empty value), then each of `values`. */
export function FilterOptions<T extends string>({
  any,
  values,
  label = (value) => value,
}: {
  any: string;
  values: readonly T[];
  label?: (value: T) => string;
}) {
  return (
    <>
      <option value="">{any}</option>
      {values.map((value) => (
        <option key={value} value={value}>
          {label(value)}
        </option>
      ))}
    </>
  );
}
