import {
  type FieldMeta,
  fieldLabel,
  findField,
  referencedModule,
  UpdateFieldsConfig,
  type UpdateValue,
  updateFieldsNode,
} from '@crmflow/flow';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../i18n/useLocale.ts';
import { useEditorScope } from '../../EditorProvider.tsx';
import { Field, FieldErrors } from '../controls/Field.tsx';
import { FieldSelect } from '../controls/FieldSelect.tsx';
import { fieldOptions, picklistOptions } from '../controls/field-options.ts';
import { CheckList, NumberBox, SelectBox } from '../controls/inputs.tsx';
import { ValueInput } from '../controls/ValueInput.tsx';
import { NameField, type NodeFormProps, useDraft } from './form-kit.tsx';

type Row = UpdateFieldsConfig['values'][number];
type Mode = 'literal' | 'from' | 'today';

const modeOf = (value: UpdateValue): Mode =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? 'from' in value
      ? 'from'
      : 'today'
    : 'literal';

const isDate = (field: FieldMeta | undefined) => field?.type === 'date' || field?.type === 'datetime';

/** "Cập nhật thông tin": values written into the record itself or into a related record. */
export function UpdateFieldsForm({ raw, onChange }: NodeFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { module, catalog, kind } = useEditorScope();
  const config = useDraft({
    schema: UpdateFieldsConfig,
    defaults: updateFieldsNode.defaults(module, kind),
    raw,
  });
  const set = (patch: Partial<UpdateFieldsConfig>) => onChange({ ...config, ...patch });
  const target =
    config.target === 'self' ? module : referencedModule({ catalog, module, refFieldKey: config.target.via });
  const references = module.fields.filter((field) => field.type === 'reference' && field.refModule);
  const setRow = (index: number, row: Row) =>
    set({ values: config.values.map((item, at) => (at === index ? row : item)) });

  return (
    <>
      <NameField value={config.name} onChange={(name) => set({ name })} />
      <Field label={t('editor.form.values.target')} path="target">
        {(control) => (
          <SelectBox
            control={control}
            value={config.target === 'self' ? '' : config.target.via}
            options={references.map((field) => ({
              value: field.key,
              label: t('editor.form.values.via', { label: fieldLabel(field, locale) }),
            }))}
            placeholder={t('editor.form.values.self')}
            // Another record has other fields: the rows written for this one no longer apply.
            onChange={(via) => set({ target: via === '' ? 'self' : { via }, values: [] })}
          />
        )}
      </Field>
      <fieldset className="inspector-group">
        <legend className="field__label">{t('editor.form.values.list')}</legend>
        <FieldErrors path="values" exact />
        {config.values.length === 0 ? <p className="field__hint">{t('editor.form.values.empty')}</p> : null}
        {config.values.map((row, index) => {
          const field = target ? findField(target, row.field) : undefined;
          const mode = modeOf(row.value);
          const path = `values.${index}`;
          return (
            <fieldset
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id; the position is the row.
              key={index}
              className="value-row"
              aria-label={field ? fieldLabel(field, locale) : `${index + 1}`}
            >
              <Field label={t('editor.form.condition.field')} path={`${path}.field`}>
                {(control) => (
                  <FieldSelect
                    control={control}
                    value={row.field}
                    options={target ? fieldOptions({ module: target, locale, exclude: ['lines'] }) : []}
                    onChange={(key) =>
                      setRow(index, {
                        field: key,
                        value: initialValue(target ? findField(target, key) : undefined),
                      })
                    }
                  />
                )}
              </Field>
              <Field label={t('editor.form.values.mode')}>
                {(control) => (
                  <SelectBox
                    control={control}
                    value={mode}
                    options={[
                      { value: 'literal', label: t('editor.form.values.literal') },
                      { value: 'from', label: t('editor.form.values.from') },
                      ...(isDate(field) ? [{ value: 'today', label: t('editor.form.values.today') }] : []),
                    ]}
                    onChange={(next) =>
                      setRow(index, {
                        ...row,
                        value:
                          next === 'from'
                            ? { from: '' }
                            : next === 'today'
                              ? { today: 0 }
                              : initialValue(field),
                      })
                    }
                  />
                )}
              </Field>
              <RowValue
                row={row}
                field={field}
                path={`${path}.value`}
                onChange={(value) => setRow(index, { ...row, value })}
              />
              <button
                type="button"
                className="btn btn--ghost btn--sm value-row__remove"
                onClick={() => set({ values: config.values.filter((_item, at) => at !== index) })}
                aria-label={t('editor.form.removeItem', {
                  label: field ? fieldLabel(field, locale) : row.field,
                })}
              >
                ×
              </button>
            </fieldset>
          );
        })}
        <button
          type="button"
          className="btn btn--sm"
          onClick={() => set({ values: [...config.values, { field: '', value: '' }] })}
        >
          + {t('editor.form.values.add')}
        </button>
      </fieldset>
    </>
  );
}

function initialValue(field: FieldMeta | undefined): UpdateValue {
  if (field?.type === 'multipicklist') return [];
  if (field?.type === 'boolean') return true;
  return '';
}

function RowValue({
  row,
  field,
  path,
  onChange,
}: {
  row: Row;
  field: FieldMeta | undefined;
  path: string;
  onChange: (value: UpdateValue) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { module } = useEditorScope();
  const value = row.value;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    if ('from' in value) {
      return (
        <Field label={t('editor.form.values.from')} path={`${path}.from`}>
          {(control) => (
            <FieldSelect
              control={control}
              value={value.from}
              options={fieldOptions({ module, locale, exclude: ['lines'] })}
              onChange={(from) => onChange({ from })}
            />
          )}
        </Field>
      );
    }
    return (
      <Field label={t('editor.form.values.todayDays')} path={path}>
        {(control) => (
          <NumberBox
            control={control}
            value={value.today}
            min={-3660}
            max={3660}
            onChange={(today) => onChange({ today })}
          />
        )}
      </Field>
    );
  }
  if (Array.isArray(value) || field?.type === 'multipicklist') {
    return (
      <CheckList
        legend={t('editor.form.condition.value')}
        path={path}
        options={field ? picklistOptions(field, locale) : []}
        values={Array.isArray(value) ? value : []}
        onChange={onChange}
      />
    );
  }
  return (
    <Field label={t('editor.form.condition.value')} path={path}>
      {(control) => <ValueInput control={control} field={field} value={value ?? ''} onChange={onChange} />}
    </Field>
  );
}
