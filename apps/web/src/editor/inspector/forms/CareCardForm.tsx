import { AddCareCardConfig, addCareCardNode, careCardLayouts, findCareCardLayout } from '@crmflow/flow';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useRecords } from '../../../api/records.ts';
import { ReasonTip } from '../../../components/ReasonTip.tsx';
import { useLocale } from '../../../i18n/useLocale.ts';
import { useEditorScope } from '../../EditorProvider.tsx';
import { Field, FieldErrors } from '../controls/Field.tsx';
import { FieldSelect } from '../controls/FieldSelect.tsx';
import { fieldOptions, moduleFieldOptions } from '../controls/field-options.ts';
import { CheckList, NumberBox, Radios, SelectBox } from '../controls/inputs.tsx';
import { MergeText } from '../controls/MergeText.tsx';
import { useUserOptions } from '../controls/pickers.tsx';
import { NameField, type NodeFormProps, useDraft } from './form-kit.tsx';

/** "Thêm thẻ chăm sóc" (orders): per order, product or category; owner, care date, extra fields. */
export function CareCardForm({ raw, onChange }: NodeFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { module, catalog, kind } = useEditorScope();
  const config = useDraft({
    schema: AddCareCardConfig,
    defaults: addCareCardNode.defaults(module, kind),
    raw,
  });
  const set = (patch: Partial<AddCareCardConfig>) => onChange({ ...config, ...patch });
  const users = useUserOptions();
  const products = useRecords(
    { module: 'product', pageSize: 100 },
    { enabled: config.per === 'product' && config.apply === 'chosen' },
  );
  const name = useId();
  const dates = fieldOptions({ module, locale, types: ['date', 'datetime'] });
  const labelIn = (item: { labelVi: string; labelEn: string }) =>
    locale === 'en' ? item.labelEn : item.labelVi;
  const layoutFields = findCareCardLayout(config.layout)?.fields ?? [];
  const unused = layoutFields.filter((f) => !config.extraFields.some((extra) => extra.key === f.key));
  const fieldLabel = (key: string) => {
    const found = layoutFields.find((f) => f.key === key);
    return found ? labelIn(found) : key;
  };

  return (
    <>
      <NameField value={config.name} onChange={(next) => set({ name: next })} />
      <Radios
        legend={t('editor.form.care.per')}
        name={`${name}-per`}
        path="per"
        value={config.per}
        options={[
          { value: 'order', label: t('editor.form.care.perOrder') },
          { value: 'product', label: t('editor.form.care.perProduct') },
          { value: 'category', label: t('editor.form.care.perCategory') },
        ]}
        onChange={(per) => set({ per })}
      />
      {config.per === 'order' ? null : (
        <Radios
          legend={t('editor.form.care.apply')}
          name={`${name}-apply`}
          path="apply"
          value={config.apply}
          options={[
            { value: 'all', label: t('editor.form.care.applyAll') },
            { value: 'chosen', label: t('editor.form.care.applyChosen') },
          ]}
          onChange={(apply) => set({ apply })}
        />
      )}
      {config.per === 'product' && config.apply === 'chosen' ? (
        <CheckList
          legend={t('editor.form.care.products')}
          path="productIds"
          options={(products.data?.items ?? []).map((record) => ({
            value: record.id,
            label: record.title ?? record.id,
          }))}
          values={config.productIds}
          onChange={(productIds) => set({ productIds })}
        />
      ) : null}
      {config.per === 'category' && config.apply === 'chosen' ? (
        <CheckList
          legend={t('editor.form.care.categories')}
          path="categories"
          options={moduleFieldOptions({ catalog, module: 'product', key: 'category', locale })}
          values={config.categories}
          onChange={(categories) => set({ categories })}
        />
      ) : null}
      <Radios
        legend={t('editor.form.care.owner')}
        name={`${name}-owner`}
        value={config.owner.mode}
        options={[
          { value: 'salesperson', label: t('editor.form.care.ownerSalesperson') },
          { value: 'user', label: t('editor.form.care.ownerUser') },
        ]}
        onChange={(mode) =>
          set({ owner: mode === 'user' ? { mode, userId: users[0]?.value ?? '' } : { mode } })
        }
      />
      {config.owner.mode === 'user' ? (
        <Field label={t('editor.form.care.ownerUser')} path="owner.userId">
          {(control) => (
            <SelectBox
              control={control}
              value={config.owner.mode === 'user' ? config.owner.userId : ''}
              options={users}
              onChange={(userId) => set({ owner: { mode: 'user', userId } })}
            />
          )}
        </Field>
      ) : null}
      <label className="field--inline inspector-check">
        <input
          type="checkbox"
          className="checkbox"
          checked={config.notifyOwner}
          onChange={(event) => set({ notifyOwner: event.target.checked })}
        />
        <span>{t('editor.form.care.notifyOwner')}</span>
      </label>
      <Field label={t('editor.form.care.layout')} path="layout">
        {(control) => (
          <SelectBox
            control={control}
            value={config.layout}
            options={careCardLayouts.map((each) => ({ value: each.key, label: labelIn(each) }))}
            onChange={(next) => {
              const fields = findCareCardLayout(next)?.fields ?? [];
              // The extra fields the new layout also has are kept; the others have no place on it.
              set({
                layout: next,
                extraFields: config.extraFields.filter((extra) => fields.some((f) => f.key === extra.key)),
              });
            }}
          />
        )}
      </Field>
      <Radios
        legend={t('editor.form.care.careDate')}
        name={`${name}-date`}
        value={'inDays' in config.careDate ? 'inDays' : 'field'}
        options={[
          { value: 'inDays', label: t('editor.form.care.inDays') },
          { value: 'field', label: t('editor.form.care.onField') },
        ]}
        onChange={(mode) =>
          set({ careDate: mode === 'inDays' ? { inDays: 7 } : { field: dates[0]?.value ?? '' } })
        }
      />
      {'inDays' in config.careDate ? (
        <Field label={t('editor.form.care.inDays')} path="careDate.inDays">
          {(control) => (
            <NumberBox
              control={control}
              value={'inDays' in config.careDate ? config.careDate.inDays : 0}
              min={0}
              max={3650}
              onChange={(inDays) => set({ careDate: { inDays } })}
            />
          )}
        </Field>
      ) : (
        <Field label={t('editor.form.care.onField')} path="careDate.field">
          {(control) => (
            <FieldSelect
              control={control}
              value={'field' in config.careDate ? config.careDate.field : ''}
              options={dates}
              onChange={(field) => set({ careDate: { field } })}
            />
          )}
        </Field>
      )}
      <fieldset className="inspector-group">
        <legend className="field__label">{t('editor.form.care.extra')}</legend>
        <FieldErrors path="extraFields" exact />
        {config.extraFields.map((extra, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id; the position is the row.
          <fieldset key={index} className="value-row" aria-label={fieldLabel(extra.key) || `${index + 1}`}>
            <Field label={t('editor.form.care.extraKey')} path={`extraFields.${index}.key`}>
              {(control) => (
                <SelectBox
                  control={control}
                  value={extra.key}
                  options={layoutFields
                    .filter((f) => f.key === extra.key || !config.extraFields.some((e) => e.key === f.key))
                    .map((f) => ({ value: f.key, label: labelIn(f) }))}
                  onChange={(key) =>
                    set({
                      extraFields: config.extraFields.map((item, at) =>
                        at === index ? { ...item, key } : item,
                      ),
                    })
                  }
                />
              )}
            </Field>
            <Field label={t('editor.form.care.extraValue')} path={`extraFields.${index}.value`}>
              {(control) => (
                <MergeText
                  control={control}
                  value={extra.value}
                  onChange={(value) =>
                    set({
                      extraFields: config.extraFields.map((item, at) =>
                        at === index ? { ...item, value } : item,
                      ),
                    })
                  }
                />
              )}
            </Field>
            <button
              type="button"
              className="btn btn--ghost btn--sm value-row__remove"
              aria-label={t('editor.form.removeItem', { label: fieldLabel(extra.key) || `${index + 1}` })}
              onClick={() => set({ extraFields: config.extraFields.filter((_item, at) => at !== index) })}
            >
              ×
            </button>
          </fieldset>
        ))}
        <ReasonTip reason={unused.length === 0 ? t('editor.form.care.allExtraAdded') : null}>
          {(unavailable) => (
            <button
              type="button"
              className="btn btn--sm"
              onClick={() => {
                const next = unused[0];
                if (next) set({ extraFields: [...config.extraFields, { key: next.key, value: '' }] });
              }}
              {...unavailable}
            >
              + {t('editor.form.care.addExtra')}
            </button>
          )}
        </ReasonTip>
      </fieldset>
    </>
  );
}
