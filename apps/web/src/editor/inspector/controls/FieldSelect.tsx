import { useTranslation } from 'react-i18next';
import type { ControlProps } from './Field.tsx';
import type { OptionGroup } from './field-options.ts';
import type { Option } from './inputs.tsx';

/** A choice of field; with several groups (the record, then related records) as option groups. */
export function FieldSelect({
  control,
  value,
  options,
  groups,
  onChange,
  allowEmpty = true,
}: {
  control: ControlProps;
  value: string;
  options?: readonly Option[];
  groups?: readonly OptionGroup[];
  onChange: (value: string) => void;
  allowEmpty?: boolean;
}) {
  const { t } = useTranslation();
  const all = [...(options ?? []), ...(groups ?? []).flatMap((group) => group.options)];
  const known = value === '' || all.some((option) => option.value === value);
  return (
    <select {...control} className="select" value={value} onChange={(event) => onChange(event.target.value)}>
      {allowEmpty || value === '' ? <option value="">{t('editor.form.chooseField')}</option> : null}
      {known ? null : <option value={value}>{value}</option>}
      {(options ?? []).map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
      {(groups ?? []).map((group) => (
        <optgroup key={group.label} label={group.label}>
          {group.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
