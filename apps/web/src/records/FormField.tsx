import type { FieldMeta } from '@crmflow/flow';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/useLocale.ts';
import { isWideField } from './form-values.ts';
import { labelOf } from './format.ts';

export interface FormFieldProps {
  field: FieldMeta;
  id: string;
  error?: string;
  children: ReactNode;
}

export const errorIdOf = (id: string) => `${id}-error`;

/**
 * A field's label, control and error. Groups of controls (order lines, multi-selects) are a fieldset
 * named by its legend; a checkbox sits beside its label; every other control is named by `<label for>`.
 */
export function FormField({ field, id, error, children }: FormFieldProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const text = labelOf(field, locale);
  // The star sits outside the label so the control's name is the field's name alone; aria-required says the rest.
  const star = field.required ? (
    <span className="field__required" title={t('common.required')} aria-hidden="true">
      *
    </span>
  ) : null;
  const message = error ? (
    <span className="field__error" id={errorIdOf(id)} role="alert">
      {error}
    </span>
  ) : null;
  const wide = isWideField(field) ? ' form-grid__wide' : '';

  if (field.type === 'lines' || field.type === 'multipicklist') {
    return (
      <fieldset className={`fieldset field${wide}`} data-field={field.key}>
        <legend className="field__label">
          {text}
          {star}
        </legend>
        {children}
        {message}
      </fieldset>
    );
  }
  if (field.type === 'boolean') {
    return (
      <div className="field" data-field={field.key}>
        <span className="field__label" aria-hidden="true">
          &nbsp;
        </span>
        <div className="field field--inline">
          {children}
          <label htmlFor={id}>{text}</label>
          {star}
        </div>
        {message}
      </div>
    );
  }
  return (
    <div className={`field${wide}`} data-field={field.key}>
      <span className="field__label-row">
        <label className="field__label" htmlFor={id}>
          {text}
        </label>
        {star}
      </span>
      {children}
      {message}
    </div>
  );
}
