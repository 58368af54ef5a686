import { type KeyboardEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ControlProps } from './Field.tsx';
import { Group } from './Field.tsx';

export interface Option {
  value: string;
  label: string;
}

export function SelectBox({
  control,
  value,
  options,
  onChange,
  placeholder,
}: {
  control: ControlProps;
  value: string;
  options: readonly Option[];
  onChange: (value: string) => void;
  /** Shown as the empty choice; without it a value must be chosen. */
  placeholder?: string;
}) {
  const known = value === '' || options.some((option) => option.value === value);
  return (
    <select {...control} className="select" value={value} onChange={(event) => onChange(event.target.value)}>
      {placeholder !== undefined || value === '' ? <option value="">{placeholder ?? ''}</option> : null}
      {known ? null : <option value={value}>{value}</option>}
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}

/**
 * A whole number typed freely: the text is kept while it is not a number yet ("", "-"), and the
 * value changes only when it is one.
 */
export function NumberBox({
  control,
  value,
  onChange,
  min,
  max,
}: {
  control: ControlProps;
  value: number;
  onChange: (value: number) => void;
  min?: number;
  max?: number;
}) {
  const [text, setText] = useState(String(value));
  useEffect(() => {
    setText((current) => (Number(current) === value && current.trim() !== '' ? current : String(value)));
  }, [value]);
  return (
    <input
      {...control}
      className="input input--numeric"
      type="number"
      inputMode="numeric"
      step={1}
      min={min}
      max={max}
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        const parsed = Number(event.target.value);
        if (event.target.value.trim() !== '' && Number.isInteger(parsed)) onChange(parsed);
      }}
    />
  );
}

export function Radios<T extends string>({
  legend,
  path,
  name,
  value,
  options,
  onChange,
  hint,
}: {
  legend: string;
  path?: string;
  name: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  hint?: string;
}) {
  return (
    <Group
      legend={legend}
      {...(path ? { path } : {})}
      {...(hint ? { hint } : {})}
      exact
      className="inspector-group--radios"
    >
      {options.map((option) => (
        <label key={option.value} className="field--inline">
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />
          <span>{option.label}</span>
        </label>
      ))}
    </Group>
  );
}

/** Several values from a list, as checkboxes (users, picklist options, fields). */
export function CheckList({
  legend,
  path,
  options,
  values,
  onChange,
  hint,
  empty,
}: {
  legend: string;
  path?: string;
  options: readonly Option[];
  values: readonly string[];
  onChange: (values: string[]) => void;
  hint?: string;
  empty?: string;
}) {
  const toggle = (value: string, on: boolean) =>
    onChange(on ? [...values, value] : values.filter((item) => item !== value));
  const unknown = values.filter((value) => !options.some((option) => option.value === value));
  return (
    <Group
      legend={legend}
      {...(path ? { path } : {})}
      {...(hint ? { hint } : {})}
      className="inspector-group--checks"
    >
      <div className="check-list">
        {[...options, ...unknown.map((value) => ({ value, label: value }))].map((option) => (
          <label key={option.value} className="field--inline">
            <input
              type="checkbox"
              className="checkbox"
              checked={values.includes(option.value)}
              onChange={(event) => toggle(option.value, event.target.checked)}
            />
            <span>{option.label}</span>
          </label>
        ))}
        {options.length === 0 && empty ? <span className="field__hint">{empty}</span> : null}
      </div>
    </Group>
  );
}

/** A list of typed values: Enter or a comma adds one, each chip can be removed. */
export function TagInput({
  control,
  values,
  onChange,
  placeholder,
  inputType = 'text',
}: {
  control: ControlProps;
  values: readonly string[];
  onChange: (values: string[]) => void;
  placeholder?: string;
  inputType?: 'text' | 'email' | 'number' | 'date';
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const add = () => {
    const value = draft.trim();
    if (value && !values.includes(value)) onChange([...values, value]);
    setDraft('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add();
    } else if (event.key === 'Backspace' && draft === '' && values.length > 0) {
      onChange(values.slice(0, -1));
    }
  };
  return (
    <div className="tag-input">
      {values.map((value) => (
        <span key={value} className="tag">
          {value}
          <button
            type="button"
            className="tag__remove"
            onClick={() => onChange(values.filter((item) => item !== value))}
            aria-label={t('editor.form.removeItem', { label: value })}
          >
            ×
          </button>
        </span>
      ))}
      <input
        {...control}
        className="tag-input__input"
        type={inputType}
        value={draft}
        placeholder={placeholder}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={add}
      />
    </div>
  );
}
