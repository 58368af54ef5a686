import { type ReactNode, useId } from 'react';
import { useFieldErrors } from '../form-errors.tsx';

/** What a control needs to be named by its label and described by its hint and errors. */
export interface ControlProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

function useDescribed(args: { hint: string | undefined; errors: string[] }) {
  const base = useId();
  const hintId = args.hint ? `${base}-hint` : undefined;
  const errorId = args.errors.length > 0 ? `${base}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return { base, hintId, errorId, describedBy };
}

function Described({
  hint,
  hintId,
  errors,
  errorId,
}: {
  hint?: string | undefined;
  hintId?: string | undefined;
  errors: string[];
  errorId?: string | undefined;
}) {
  return (
    <>
      {hint ? (
        <span className="field__hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      {errors.length > 0 ? (
        <span className="field__error" id={errorId}>
          {errors.join(' ')}
        </span>
      ) : null}
    </>
  );
}

/**
 * A labelled control with its hint and, beside it, the validation errors whose path falls at
 * `path` in the node's config (`values.0.field`).
 */
export function Field({
  label,
  path,
  hint,
  children,
}: {
  label: string;
  path?: string;
  hint?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const errors = useFieldErrors(path);
  const { base, hintId, errorId, describedBy } = useDescribed({ hint, errors });
  const control: ControlProps = {
    id: base,
    ...(errors.length > 0 ? { 'aria-invalid': true } : {}),
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
  };
  return (
    <div className="field inspector-field">
      <label className="field__label" htmlFor={base}>
        {label}
      </label>
      {children(control)}
      <Described hint={hint} hintId={hintId} errors={errors} errorId={errorId} />
    </div>
  );
}

/** A group of controls under one legend (radios, checkbox lists, rows), with the errors at `path`. */
export function Group({
  legend,
  path,
  hint,
  children,
  className,
  exact,
}: {
  legend: string;
  path?: string;
  hint?: string;
  children: ReactNode;
  className?: string;
  /** Only errors exactly at `path`, when the controls inside show their own. */
  exact?: boolean;
}) {
  const errors = useFieldErrors(path, { exact: exact ?? false });
  const { hintId, errorId, describedBy } = useDescribed({ hint, errors });
  return (
    <fieldset
      className={`inspector-group ${className ?? ''}`}
      aria-describedby={describedBy}
      aria-invalid={errors.length > 0 || undefined}
    >
      <legend className="field__label">{legend}</legend>
      {children}
      <Described hint={hint} hintId={hintId} errors={errors} errorId={errorId} />
    </fieldset>
  );
}

/** Errors at a place that has no control of its own (a list as a whole). */
export function FieldErrors({ path, exact }: { path: string; exact?: boolean }) {
  const errors = useFieldErrors(path, { exact: exact ?? false });
  if (errors.length === 0) return null;
  return <p className="field__error">{errors.join(' ')}</p>;
}
