import type { CreatedProvider } from '@crmflow/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProviderKind, ProviderView, useSaveProvider } from '../api/providers.ts';
import { useErrorMessage } from '../components/useErrorMessage.ts';
import { FieldError, fieldErrorsOf } from './field-errors.tsx';
import {
  adaptersOf,
  configFieldsOf,
  draftOf,
  inputOf,
  type ProviderDraft,
  secretFieldsOf,
  tlsModeNames,
} from './provider-form.ts';

export interface ProviderFormProps {
  /** The form's id: its submit button may sit outside it (`form={formId}`). */
  formId: string;
  kind: ProviderKind;
  /** The provider being edited; a new one of `kind` when undefined. */
  provider?: ProviderView | undefined;
  save: ReturnType<typeof useSaveProvider>;
  /** The provider as saved; a new webhook endpoint carries its signing secret, shown once. */
  onSaved: (saved: CreatedProvider) => void;
}

/**
 * The settings of one provider: name, adapter, the adapter's settings, its secrets and whether it
 * is the default of its kind. Settings' provider dialog and the gallery's "Dùng mẫu" dialog both
 * show it; the caller places the submit button and decides what follows a save.
 */
export function ProviderForm({ formId, kind, provider, save, onSaved }: ProviderFormProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [draft, setDraft] = useState<ProviderDraft>(() =>
    draftOf({ kind, ...(provider ? { provider } : {}) }),
  );
  const errors = fieldErrorsOf(save.error);
  const key = `${draft.kind}/${draft.adapter}`;
  const set = (patch: Partial<ProviderDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    const input = inputOf(draft, provider !== undefined);
    save.mutate(
      { ...(provider ? { id: provider.id } : {}), input },
      {
        onSuccess: (saved) => {
          setDraft(draftOf({ kind: saved.kind, provider: saved }));
          onSaved(saved);
        },
      },
    );
  };
  const control = (name: string) => ({
    id: `${formId}-${name}`,
    'aria-describedby': errors[name] ? `${formId}-${name}-error` : undefined,
    'aria-invalid': errors[name] ? true : undefined,
  });

  return (
    <form id={formId} className="form-stack" onSubmit={onSubmit} noValidate data-testid="provider-form">
      {save.isError && Object.keys(errors).length === 0 ? (
        <p className="alert alert--error" role="alert">
          {errorMessage(save.error)}
        </p>
      ) : null}
      {save.isSuccess && !save.isPending ? (
        <p className="alert alert--success" role="status">
          {t('providers.saved')}
        </p>
      ) : null}
      <div className="field">
        <label className="field__label" htmlFor={`${formId}-name`}>
          {t('providers.name')}
        </label>
        <input
          {...control('name')}
          className="input"
          value={draft.name}
          onChange={(e) => set({ name: e.target.value })}
          data-autofocus
        />
        <FieldError id={`${formId}-name-error`} message={errors.name} />
      </div>
      {provider || adaptersOf[kind].length === 1 ? null : (
        <div className="field">
          <label className="field__label" htmlFor={`${formId}-adapter`}>
            {t('providers.adapter')}
          </label>
          <select
            {...control('adapter')}
            className="select"
            value={draft.adapter}
            onChange={(e) => set({ adapter: e.target.value, values: draftOf({ kind }).values })}
          >
            {adaptersOf[kind].map((adapter) => (
              <option key={adapter} value={adapter}>
                {t(`providers.adapters.${adapter}`)}
              </option>
            ))}
          </select>
          <FieldError id={`${formId}-adapter-error`} message={errors.adapter} />
        </div>
      )}
      {(configFieldsOf[key] ?? []).map((field) => (
        <div className="field" key={field.key}>
          <label className="field__label" htmlFor={`${formId}-config.${field.key}`}>
            {t(`providers.fields.${field.key}`)}
            {field.required ? '' : ` ${t('providers.optional')}`}
          </label>
          <input
            {...control(`config.${field.key}`)}
            className="input"
            type={field.type === 'number' ? 'number' : field.type}
            value={draft.values[field.key] ?? ''}
            onChange={(e) => set({ values: { ...draft.values, [field.key]: e.target.value } })}
          />
          <FieldError id={`${formId}-config.${field.key}-error`} message={errors[`config.${field.key}`]} />
        </div>
      ))}
      {draft.adapter === 'smtp' ? (
        <div className="field">
          <label className="field__label" htmlFor={`${formId}-tls`}>
            {t('providers.fields.tls')}
          </label>
          <select
            id={`${formId}-tls`}
            className="select"
            value={draft.tls}
            onChange={(e) => set({ tls: tlsModeNames.find((mode) => mode === e.target.value) ?? 'starttls' })}
          >
            {tlsModeNames.map((mode) => (
              <option key={mode} value={mode}>
                {t(`providers.tlsModes.${mode}`)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <SecretFields
        draft={draft}
        editing={provider !== undefined}
        set={set}
        errors={errors}
        formId={formId}
      />
      <label className="field field--inline settings-check">
        <input
          type="checkbox"
          checked={draft.isDefault}
          onChange={(e) => set({ isDefault: e.target.checked })}
        />
        {t('providers.isDefault')}
      </label>
    </form>
  );
}

function SecretFields(props: {
  draft: ProviderDraft;
  editing: boolean;
  set: (patch: Partial<ProviderDraft>) => void;
  errors: Record<string, string>;
  formId: string;
}) {
  const { t } = useTranslation();
  const { draft, editing, set, errors, formId } = props;
  const names = secretFieldsOf[`${draft.kind}/${draft.adapter}`] ?? [];
  if (names.length === 0) return null;
  if (editing && !draft.changeSecrets) {
    return (
      <div className="field">
        <span className="field__label">{t('providers.secrets')}</span>
        <div className="secret-field">
          <span className="badge badge--success">{t('providers.secretsSaved')}</span>
          <button type="button" className="btn btn--sm" onClick={() => set({ changeSecrets: true })}>
            {t('providers.changeSecrets')}
          </button>
        </div>
      </div>
    );
  }
  return names.map((name) => (
    <div className="field" key={name}>
      <label className="field__label" htmlFor={`${formId}-secrets.${name}`}>
        {t(`providers.fields.${name}`)}
      </label>
      <input
        id={`${formId}-secrets.${name}`}
        className="input"
        type="password"
        autoComplete="new-password"
        value={draft.secrets[name] ?? ''}
        onChange={(e) => set({ secrets: { ...draft.secrets, [name]: e.target.value } })}
        aria-describedby={errors[`secrets.${name}`] ? `${formId}-secrets.${name}-error` : undefined}
      />
      <FieldError id={`${formId}-secrets.${name}-error`} message={errors[`secrets.${name}`]} />
    </div>
  ));
}
