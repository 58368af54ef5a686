import { type FieldMeta, FieldType, type ModuleKey, moduleKeys, type PicklistOption } from '@crmflow/flow';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMe } from '../../api/auth.ts';
import { type FieldDraft, fieldKeyFrom, useSaveField } from '../../api/custom-fields.ts';
import { useModules } from '../../api/modules.ts';
import { ErrorState, LoadingState } from '../../components/States.tsx';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { useLocale } from '../../i18n/useLocale.ts';
import { FormRow, ModuleSelect, useSaveErrors } from './template-kit.tsx';
import '../../styles/admin.css';

/** Every field type but the order's product lines, which only the standard order module has. */
const creatableTypes = FieldType.exclude(['lines']).options;

const isModule = (value: string | undefined): value is ModuleKey => moduleKeys.some((key) => key === value);

/** `/settings/fields/:module`: the module's fields, and the custom ones an admin adds and edits. */
export function CustomFieldsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const params = useParams();
  const module: ModuleKey = isModule(params.module) ? params.module : 'account';
  const modules = useModules();
  const errorMessage = useErrorMessage();
  const isAdmin = useMe().data?.user.role === 'admin';
  const [editing, setEditing] = useState<FieldMeta | 'new' | null>(null);
  const meta = modules.data?.find((item) => item.key === module);
  const label = (field: { labelVi: string; labelEn: string }) =>
    locale === 'en' ? field.labelEn : field.labelVi;

  return (
    <section className="settings-section" aria-labelledby="fields-heading">
      <div className="settings-section__header">
        <h2 id="fields-heading">{t('admin.tabs.fields')}</h2>
        {isAdmin ? (
          <button type="button" className="btn btn--primary" onClick={() => setEditing('new')}>
            {t('admin.fields.add')}
          </button>
        ) : null}
      </div>
      <p className="muted">{t('admin.fields.intro')}</p>
      {isAdmin ? null : <p className="alert alert--warning">{t('admin.fields.adminOnly')}</p>}
      <nav className="kind-tabs" aria-label={t('admin.common.module')}>
        {(modules.data ?? []).map((item) => (
          <Link
            key={item.key}
            to={`/settings/fields/${item.key}`}
            className="kind-tabs__item"
            aria-current={item.key === module ? 'page' : undefined}
            onClick={() => setEditing(null)}
          >
            {label(item)}
          </Link>
        ))}
      </nav>
      {modules.isPending ? <LoadingState /> : null}
      {modules.error ? (
        <ErrorState message={errorMessage(modules.error)} onRetry={() => void modules.refetch()} />
      ) : null}
      {editing ? (
        <FieldForm
          key={`${module}:${editing === 'new' ? 'new' : editing.key}`}
          module={module}
          field={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      ) : null}
      {meta ? (
        <div className="card table-wrap">
          <table className="table table--stack" data-testid="fields-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.fields.name')}</th>
                <th scope="col">{t('admin.fields.key')}</th>
                <th scope="col">{t('admin.fields.type')}</th>
                <th scope="col">{t('admin.fields.required')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('users.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {meta.fields.map((field) => (
                <tr key={field.key}>
                  <td data-label={t('admin.fields.name')}>
                    {label(field)}{' '}
                    <span className={field.system ? 'badge' : 'badge badge--accent'}>
                      {field.system ? t('admin.fields.standard') : t('admin.fields.custom')}
                    </span>
                  </td>
                  <td className="mono" data-label={t('admin.fields.key')}>
                    {field.key}
                  </td>
                  <td data-label={t('admin.fields.type')}>{t(`admin.fields.types.${field.type}`)}</td>
                  <td data-label={t('admin.fields.required')}>{field.required ? '✓' : '—'}</td>
                  <td>
                    {isAdmin && !field.system ? (
                      <button
                        type="button"
                        className="btn btn--ghost btn--sm"
                        aria-label={t('admin.fields.edit', { label: label(field) })}
                        onClick={() => setEditing(field)}
                      >
                        ✎
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function FieldForm({
  module,
  field,
  onDone,
}: {
  module: ModuleKey;
  field: FieldMeta | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveField(module);
  const errors = useSaveErrors(save.error);
  const [draft, setDraft] = useState<FieldDraft>(
    field
      ? { ...field, options: field.options, refModule: field.refModule ?? null }
      : { key: '', labelVi: '', labelEn: '', type: 'text', options: [], refModule: null, required: false },
  );
  const [keyTouched, setKeyTouched] = useState(field !== null);
  const change = (next: Partial<FieldDraft>) => setDraft((current) => ({ ...current, ...next }));
  const picklist = draft.type === 'picklist' || draft.type === 'multipicklist';
  const setOption = (index: number, next: Partial<PicklistOption>) =>
    change({ options: draft.options.map((option, at) => (at === index ? { ...option, ...next } : option)) });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ draft, existing: field !== null }, { onSuccess: onDone });
  };
  return (
    <form
      className="card template-form field-form"
      onSubmit={onSubmit}
      aria-label={field ? t('admin.fields.edit', { label: field.labelVi }) : t('admin.fields.add')}
    >
      <div className="field-form__grid">
        <FormRow label={t('admin.fields.labelVi')} error={errors.fields.labelVi}>
          {(control) => (
            <input
              {...control}
              className="input"
              value={draft.labelVi}
              onChange={(e) =>
                change({
                  labelVi: e.target.value,
                  ...(keyTouched ? {} : { key: fieldKeyFrom(e.target.value) }),
                })
              }
            />
          )}
        </FormRow>
        <FormRow label={t('admin.fields.labelEn')} error={errors.fields.labelEn}>
          {(control) => (
            <input
              {...control}
              className="input"
              value={draft.labelEn}
              onChange={(e) => change({ labelEn: e.target.value })}
            />
          )}
        </FormRow>
        <FormRow label={t('admin.fields.key')} error={errors.fields.key} hint={t('admin.fields.keyHint')}>
          {(control) => (
            <input
              {...control}
              className="input mono"
              value={draft.key}
              readOnly={field !== null}
              onChange={(e) => {
                setKeyTouched(true);
                change({ key: e.target.value });
              }}
            />
          )}
        </FormRow>
        <FormRow
          label={t('admin.fields.type')}
          error={errors.fields.type}
          hint={field ? t('admin.fields.typeLocked') : undefined}
        >
          {(control) => (
            <select
              {...control}
              className="select"
              value={draft.type}
              disabled={field !== null}
              onChange={(e) => change({ type: e.target.value as FieldType })}
            >
              {(field ? [draft.type] : creatableTypes).map((type) => (
                <option key={type} value={type}>
                  {t(`admin.fields.types.${type}`)}
                </option>
              ))}
            </select>
          )}
        </FormRow>
        {draft.type === 'reference' && !field ? (
          <FormRow label={t('admin.fields.refModule')} error={errors.fields.refModule}>
            {(control) => (
              <ModuleSelect
                control={control}
                value={draft.refModule ?? 'account'}
                onChange={(refModule) => change({ refModule })}
              />
            )}
          </FormRow>
        ) : null}
      </div>
      <label className="field--inline">
        <input
          type="checkbox"
          className="checkbox"
          checked={draft.required}
          onChange={(e) => change({ required: e.target.checked })}
        />{' '}
        {t('admin.fields.required')}
      </label>
      {picklist ? (
        <fieldset className="fieldset">
          <legend>{t('admin.fields.options')}</legend>
          {errors.fields.options ? (
            <p className="field__error" role="alert">
              {errors.fields.options}
            </p>
          ) : null}
          {draft.options.map((option, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: options are edited in place, their values change as typed
            <div className="field-form__option" key={index}>
              <input
                className="input"
                aria-label={`${t('admin.fields.optionVi')} ${index + 1}`}
                placeholder={t('admin.fields.optionVi')}
                value={option.labelVi}
                onChange={(e) => {
                  const fresh = field?.options.every((kept) => kept.value !== option.value) ?? true;
                  setOption(index, {
                    labelVi: e.target.value,
                    ...(fresh ? { value: fieldKeyFrom(e.target.value) } : {}),
                  });
                }}
              />
              <input
                className="input"
                aria-label={`${t('admin.fields.optionEn')} ${index + 1}`}
                placeholder={t('admin.fields.optionEn')}
                value={option.labelEn}
                onChange={(e) => setOption(index, { labelEn: e.target.value })}
              />
              <span className="mono muted">{option.value}</span>
              <button
                type="button"
                className="btn btn--ghost btn--sm"
                aria-label={t('admin.fields.removeOption', { value: option.labelVi || index + 1 })}
                onClick={() => change({ options: draft.options.filter((_, at) => at !== index) })}
              >
                ✕
              </button>
            </div>
          ))}
          <button
            type="button"
            className="btn btn--sm"
            onClick={() => change({ options: [...draft.options, { value: '', labelVi: '', labelEn: '' }] })}
          >
            {t('admin.fields.addOption')}
          </button>
        </fieldset>
      ) : null}
      <div className="template-form__footer">
        {errors.message ? (
          <p className="alert alert--error" role="alert">
            {errors.message}
          </p>
        ) : null}
        <button type="button" className="btn" onClick={onDone}>
          {t('admin.fields.cancel')}
        </button>
        <button type="submit" className="btn btn--primary" disabled={save.isPending}>
          {save.isPending ? t('admin.common.saving') : t('admin.common.save')}
        </button>
      </div>
    </form>
  );
}
