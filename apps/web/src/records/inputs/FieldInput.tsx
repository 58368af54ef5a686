import type { User } from '@crmflow/contracts';
import type { FieldMeta } from '@crmflow/flow';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/useLocale.ts';
import { readLines } from '../form-values.ts';
import { labelOf, toNumber } from '../format.ts';
import { LinesEditor } from './LinesEditor.tsx';
import { MoneyInput } from './MoneyInput.tsx';
import { NumberInput } from './NumberInput.tsx';
import { ReferenceSelect } from './ReferenceSelect.tsx';

export interface FieldInputProps {
  field: FieldMeta;
  id: string;
  value: unknown;
  onChange: (value: unknown) => void;
  invalid: boolean;
  describedBy?: string;
  users: User[];
  /** Titles of referenced records already known (the record's `related` map, order line products). */
  titles: Map<string, string>;
  refModuleLabel?: string;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** `yyyy-MM-ddTHH:mm` in the browser's time, as `datetime-local` inputs want it. */
function toLocalDateTime(value: unknown): string {
  if (typeof value !== 'string' || !value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** The control that fits a field's type, wired to its label, error and required state. */
export function FieldInput(props: FieldInputProps) {
  const { field, id, value, onChange, invalid, describedBy, users, titles, refModuleLabel } = props;
  const { t } = useTranslation();
  const locale = useLocale();
  const common = {
    id,
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy,
    'aria-required': field.required || undefined,
  };

  switch (field.type) {
    case 'textarea':
      return (
        <textarea
          {...common}
          className="textarea"
          value={text(value)}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case 'number':
      return <NumberInput {...common} value={toNumber(value)} onValueChange={onChange} />;
    case 'money':
      return <MoneyInput {...common} value={toNumber(value)} onValueChange={onChange} />;
    case 'date':
      return (
        <input
          {...common}
          type="date"
          className="input"
          value={text(value).slice(0, 10)}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case 'datetime':
      return (
        <input
          {...common}
          type="datetime-local"
          className="input"
          value={toLocalDateTime(value)}
          onChange={(e) => onChange(e.target.value ? new Date(e.target.value).toISOString() : null)}
        />
      );
    case 'boolean':
      return (
        <input
          {...common}
          type="checkbox"
          className="checkbox"
          checked={value === true}
          onChange={(e) => onChange(e.target.checked)}
        />
      );
    case 'picklist':
    case 'user': {
      // A user no longer active stays listed while the record still points at them.
      const options =
        field.type === 'picklist'
          ? field.options.map((option) => ({ value: option.value, label: labelOf(option, locale) }))
          : users
              .filter((user) => user.active || user.id === value)
              .map((user) => ({ value: user.id, label: user.name }));
      return (
        <select
          {...common}
          className="select"
          value={text(value)}
          onChange={(e) => onChange(e.target.value || null)}
        >
          <option value="">{t('common.select')}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      );
    }
    case 'reference':
      return (
        <ReferenceSelect
          id={id}
          refModule={field.refModule ?? ''}
          placeholder={t('recordForm.searchRef', { module: refModuleLabel ?? '' })}
          value={text(value) || null}
          knownTitle={titles.get(text(value))}
          onChange={(refId) => onChange(refId)}
          invalid={invalid}
          describedBy={describedBy}
          required={field.required}
        />
      );
    case 'lines':
      return (
        <LinesEditor
          id={id}
          lines={readLines(value)}
          onChange={onChange}
          productTitles={titles}
          productPlaceholder={t('recordForm.searchRef', { module: refModuleLabel ?? '' })}
          describedBy={describedBy}
        />
      );
    case 'multipicklist':
      return <MultiPicklist {...props} />;
    case 'email':
    case 'phone':
    case 'text':
      return (
        <input
          {...common}
          type={field.type === 'email' ? 'email' : field.type === 'phone' ? 'tel' : 'text'}
          className="input"
          value={text(value)}
          onChange={(e) => onChange(e.target.value)}
        />
      );
  }
}

function MultiPicklist({ field, id, value, onChange, describedBy }: FieldInputProps) {
  const locale = useLocale();
  const selected = new Set(Array.isArray(value) ? value.filter((item) => typeof item === 'string') : []);
  return (
    <div className="choice-list" id={id} aria-describedby={describedBy}>
      {field.options.map((option) => (
        <label key={option.value} className="field--inline field">
          <input
            type="checkbox"
            className="checkbox"
            checked={selected.has(option.value)}
            onChange={(e) => {
              const next = new Set(selected);
              if (e.target.checked) next.add(option.value);
              else next.delete(option.value);
              onChange(field.options.map((item) => item.value).filter((key) => next.has(key)));
            }}
          />
          {labelOf(option, locale)}
        </label>
      ))}
    </div>
  );
}
