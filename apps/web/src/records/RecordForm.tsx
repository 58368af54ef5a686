import type { RecordData, User } from '@crmflow/contracts';
import type { ModuleMeta } from '@crmflow/flow';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../api/client.ts';
import type { CrmRecord } from '../api/records.ts';
import { useSaveRecord } from '../api/records.ts';
import { AlertIcon } from '../components/icons.tsx';
import { useErrorMessage } from '../components/useErrorMessage.ts';
import { useLocale } from '../i18n/useLocale.ts';
import '../styles/form.css';
import { errorIdOf, FormField } from './FormField.tsx';
import { dataToSave, linesTotal, missingRequired, readLines } from './form-values.ts';
import { labelOf } from './format.ts';
import { FieldInput } from './inputs/FieldInput.tsx';

export interface RecordFormProps {
  module: ModuleMeta;
  modules: ModuleMeta[];
  /** The record being edited; null for a new one. */
  record: CrmRecord | null;
  users: User[];
  titles: Map<string, string>;
  onSaved: (record: CrmRecord, created: boolean) => void;
  onReload: () => void;
  /** Rendered at the start of the action bar (the Delete button of an existing record). */
  extraActions?: React.ReactNode;
  notice?: string | null;
}

const fieldId = (key: string) => `field-${key}`;

export function RecordForm(props: RecordFormProps) {
  const { module, modules, record, users, titles, onSaved, onReload, extraActions, notice } = props;
  const { t } = useTranslation();
  const locale = useLocale();
  const errorMessage = useErrorMessage();
  const save = useSaveRecord(module.key);
  const [draft, setDraft] = useState<RecordData>(() => ({ ...(record?.data ?? {}) }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [saved, setSaved] = useState<string | null>(notice ?? null);
  const hasTotal = module.fields.some((field) => field.key === 'total' && field.type === 'money');

  const setValue = (key: string, value: unknown) => {
    setSaved(null);
    setDraft((current) => {
      const next = { ...current, [key]: value };
      // The order total follows its lines as they are edited; it can still be overwritten afterwards.
      if (key === 'lines' && hasTotal) next.total = linesTotal(readLines(value));
      return next;
    });
    setErrors(({ [key]: _removed, ...rest }) => rest);
  };

  const focusField = (key: string) =>
    document.getElementById(fieldId(key))?.querySelector<HTMLElement>('input, select, textarea')?.focus() ??
    document.getElementById(fieldId(key))?.focus();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    setSaved(null);
    const missing = missingRequired(module.fields, draft);
    if (missing.length) {
      setErrors(Object.fromEntries(missing.map((key) => [key, t('recordForm.requiredMissing')])));
      setFormError(t('recordForm.fixErrors'));
      if (missing[0]) focusField(missing[0]);
      return;
    }
    const data = dataToSave({ fields: module.fields, original: record?.data ?? null, draft });
    save.mutate(
      { id: record?.id, data, version: record?.version },
      {
        onSuccess: (savedRecord) => {
          setErrors({});
          setSaved(t('recordForm.saved'));
          onSaved(savedRecord, !record);
        },
        onError: (error) => {
          if (isApiError(error) && error.code === 'version_conflict') {
            setConflict(true);
            return;
          }
          const fieldErrors = isApiError(error) && error.status === 400 ? error.fieldErrors() : {};
          const known = Object.fromEntries(
            Object.entries(fieldErrors).filter(([key]) => module.fields.some((field) => field.key === key)),
          );
          setErrors(known);
          const firstKey = Object.keys(known)[0];
          if (firstKey) focusField(firstKey);
          const unknown = Object.entries(fieldErrors).filter(([key]) => !(key in known));
          setFormError(
            firstKey && unknown.length === 0
              ? t('recordForm.fixErrors')
              : [errorMessage(error), ...unknown.map(([key, message]) => `${key}: ${message}`)].join(' '),
          );
        },
      },
    );
  };

  const refLabel = (key: string | null) => {
    const target = modules.find((item) => item.key === key);
    return target ? labelOf(target, locale) : '';
  };

  return (
    <form
      className="record-form"
      onSubmit={onSubmit}
      noValidate
      data-testid="record-form"
      aria-label={labelOf(module, locale)}
    >
      {conflict ? (
        <div className="alert alert--warning" role="alert">
          <AlertIcon size={18} />
          <div className="alert__body">
            <strong>{t('recordForm.conflictTitle')}</strong>
            <span>{t('recordForm.conflictBody')}</span>
          </div>
          <button type="button" className="btn btn--sm" onClick={onReload}>
            {t('recordForm.reload')}
          </button>
        </div>
      ) : null}
      {formError ? (
        <div className="alert alert--error" role="alert">
          <AlertIcon size={18} />
          <div className="alert__body">{formError}</div>
        </div>
      ) : null}
      {saved ? (
        <div className="alert alert--success" role="status">
          <div className="alert__body">{saved}</div>
        </div>
      ) : null}
      <div className="card">
        <div className="form-grid">
          {module.fields.map((field) => {
            const id = fieldId(field.key);
            const error = errors[field.key];
            return (
              <FormField key={field.key} field={field} id={id} error={error}>
                <FieldInput
                  field={field}
                  id={id}
                  value={draft[field.key]}
                  onChange={(value) => setValue(field.key, value)}
                  invalid={Boolean(error)}
                  describedBy={error ? errorIdOf(id) : undefined}
                  users={users}
                  titles={titles}
                  refModuleLabel={refLabel(field.type === 'lines' ? 'product' : field.refModule)}
                />
              </FormField>
            );
          })}
        </div>
        <div className="form-actions">
          {extraActions}
          <div className="form-actions__end">
            <Link to={`/records/${module.key}`} className="btn">
              {t('common.cancel')}
            </Link>
            <button
              type="submit"
              className="btn btn--primary"
              disabled={save.isPending}
              data-testid="record-save"
            >
              {save.isPending ? t('common.saving') : t('common.save')}
            </button>
          </div>
        </div>
      </div>
    </form>
  );
}
