import type { FieldMeta } from '@crmflow/flow';
import { useTranslation } from 'react-i18next';
import { useUsers } from '../../../api/users.ts';
import { useLocale } from '../../../i18n/useLocale.ts';
import { ReferenceSelect } from '../../../records/inputs/ReferenceSelect.tsx';
import type { ControlProps } from './Field.tsx';
import { picklistOptions } from './field-options.ts';
import { SelectBox } from './inputs.tsx';

/** One value of a field, as conditions compare it and updates write it. */
export type ScalarValue = string | number | boolean;

/** An amount or count typed freely; the value changes when the text is a number. */
function NumberValue({
  control,
  value,
  onChange,
}: {
  control: ControlProps;
  value: ScalarValue;
  onChange: (value: ScalarValue) => void;
}) {
  return (
    <input
      {...control}
      className="input input--numeric"
      type="number"
      step="any"
      value={typeof value === 'number' || typeof value === 'string' ? value : ''}
      onChange={(event) => {
        const text = event.target.value;
        onChange(text.trim() === '' || Number.isNaN(Number(text)) ? text : Number(text));
      }}
    />
  );
}

/**
 * The input fitting a field's type: options for picklists, users for user fields, a record
 * search for references, a date picker, a number, yes/no, or text.
 */
export function ValueInput({
  control,
  field,
  value,
  onChange,
}: {
  control: ControlProps;
  field: FieldMeta | undefined;
  value: ScalarValue;
  onChange: (value: ScalarValue) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const users = useUsers();
  const text = typeof value === 'string' ? value : String(value);
  switch (field?.type) {
    case 'picklist':
    case 'multipicklist':
      return (
        <SelectBox
          control={control}
          value={text}
          options={picklistOptions(field, locale)}
          onChange={onChange}
          placeholder={t('editor.form.choose')}
        />
      );
    case 'user':
      return (
        <SelectBox
          control={control}
          value={text}
          options={(users.data ?? []).map((user) => ({ value: user.id, label: user.name }))}
          onChange={onChange}
          placeholder={t('editor.form.chooseUser')}
        />
      );
    case 'boolean':
      return (
        <SelectBox
          control={control}
          value={value === true ? 'true' : value === false ? 'false' : ''}
          options={[
            { value: 'true', label: t('editor.form.values.yes') },
            { value: 'false', label: t('editor.form.values.no') },
          ]}
          onChange={(next) => onChange(next === 'true')}
          placeholder={t('editor.form.choose')}
        />
      );
    case 'reference':
      return field.refModule ? (
        <ReferenceSelect
          id={control.id}
          refModule={field.refModule}
          placeholder={t('recordForm.searchRef', { module: '' })}
          value={text || null}
          onChange={(id) => onChange(id ?? '')}
          invalid={control['aria-invalid'] === true}
          {...(control['aria-describedby'] ? { describedBy: control['aria-describedby'] } : {})}
        />
      ) : (
        <input
          {...control}
          className="input"
          value={text}
          onChange={(event) => onChange(event.target.value)}
        />
      );
    case 'number':
    case 'money':
      return <NumberValue control={control} value={value} onChange={onChange} />;
    case 'date':
    case 'datetime':
      return (
        <input
          {...control}
          className="input"
          type="date"
          value={text}
          onChange={(event) => onChange(event.target.value)}
        />
      );
    default:
      return (
        <input
          {...control}
          className="input"
          type="text"
          value={text}
          onChange={(event) => onChange(event.target.value)}
        />
      );
  }
}
