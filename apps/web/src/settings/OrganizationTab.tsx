import type { OrganizationSettings } from '@crmflow/contracts';
import { type FormEvent, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth.ts';
import { useOrganization, useSaveOrganization } from '../api/organization.ts';
import { ErrorState, LoadingState } from '../components/States.tsx';
import { useErrorMessage } from '../components/useErrorMessage.ts';
import { FieldError, fieldErrorsOf } from './field-errors.tsx';
import '../styles/admin-settings.css';

type Draft = Omit<OrganizationSettings, 'id'>;

/** `/settings/organization`: name, time zone, language, the 29-February rule, outbound and retention. */
export function OrganizationTab() {
  const { t } = useTranslation();
  const me = useMe();
  const organization = useOrganization();
  const errorMessage = useErrorMessage();
  return (
    <section className="settings-section" aria-labelledby="organization-heading">
      <div className="settings-section__header">
        <h2 id="organization-heading">{t('settingsTabs.organization')}</h2>
      </div>
      {me.data && me.data.user.role !== 'admin' ? (
        <p className="alert alert--warning">{t('settings.adminOnly')}</p>
      ) : null}
      {organization.isPending ? <LoadingState /> : null}
      {organization.isError ? (
        <ErrorState message={errorMessage(organization.error)} onRetry={() => void organization.refetch()} />
      ) : null}
      {organization.data ? (
        <OrganizationForm saved={organization.data} readOnly={me.data?.user.role !== 'admin'} />
      ) : null}
    </section>
  );
}

const draftOf = ({ id: _id, ...settings }: OrganizationSettings): Draft => settings;

function timeZones(): string[] {
  return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
}

function OrganizationForm({ saved, readOnly }: { saved: OrganizationSettings; readOnly: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const save = useSaveOrganization();
  const errorMessage = useErrorMessage();
  const [draft, setDraft] = useState<Draft>(() => draftOf(saved));
  const [done, setDone] = useState(false);
  useEffect(() => setDraft(draftOf(saved)), [saved]);
  const zones = useMemo(timeZones, []);
  const errors = fieldErrorsOf(save.error);
  const set = (patch: Partial<Draft>) => {
    setDone(false);
    setDraft((current) => ({ ...current, ...patch }));
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(draft, { onSuccess: () => setDone(true) });
  };
  const described = (key: string, hint?: string) =>
    [errors[key] ? `${id}-${key}-error` : null, hint ?? null].filter(Boolean).join(' ') || undefined;

  return (
    <form className="card settings-form" onSubmit={onSubmit} noValidate data-testid="organization-form">
      <fieldset className="settings-form__fields" disabled={readOnly || save.isPending}>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-name`}>
            {t('organization.name')}
          </label>
          <input
            id={`${id}-name`}
            className="input"
            value={draft.name}
            onChange={(e) => set({ name: e.target.value })}
            aria-describedby={described('name')}
            aria-invalid={errors.name ? true : undefined}
          />
          <FieldError id={`${id}-name-error`} message={errors.name} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-timeZone`}>
            {t('organization.timeZone')}
          </label>
          <input
            id={`${id}-timeZone`}
            className="input"
            list={`${id}-zones`}
            value={draft.timeZone}
            onChange={(e) => set({ timeZone: e.target.value })}
            aria-describedby={described('timeZone', `${id}-timeZone-hint`)}
            aria-invalid={errors.timeZone ? true : undefined}
          />
          <datalist id={`${id}-zones`}>
            {zones.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
          <span className="field__hint" id={`${id}-timeZone-hint`}>
            {t('organization.timeZoneHint')}
          </span>
          <FieldError id={`${id}-timeZone-error`} message={errors.timeZone} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-locale`}>
            {t('organization.locale')}
          </label>
          <select
            id={`${id}-locale`}
            className="select"
            value={draft.locale}
            onChange={(e) => set({ locale: e.target.value === 'en' ? 'en' : 'vi' })}
          >
            <option value="vi">{t('language.vi')}</option>
            <option value="en">{t('language.en')}</option>
          </select>
        </div>
        <fieldset className="field settings-form__choices">
          <legend className="field__label">{t('organization.leapDay')}</legend>
          {(['feb28', 'mar1'] as const).map((rule) => (
            <label key={rule} className="field field--inline settings-check">
              <input
                type="radio"
                name={`${id}-leapDay`}
                value={rule}
                checked={draft.leapDay === rule}
                onChange={() => set({ leapDay: rule })}
              />
              {t(`organization.leapDays.${rule}`)}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label className="field field--inline settings-check">
            <input
              type="checkbox"
              checked={draft.allowPrivateNetwork}
              onChange={(e) => set({ allowPrivateNetwork: e.target.checked })}
              aria-describedby={`${id}-private-warning`}
            />
            {t('organization.allowPrivateNetwork')}
          </label>
          <p
            id={`${id}-private-warning`}
            className={draft.allowPrivateNetwork ? 'alert alert--warning' : 'field__hint'}
          >
            {t('organization.allowPrivateNetworkWarning')}
          </p>
        </div>
        <div className="settings-form__row">
          {(['runRetentionDays', 'historyRetentionDays'] as const).map((key) => (
            <div className="field" key={key}>
              <label className="field__label" htmlFor={`${id}-${key}`}>
                {t(`organization.${key}`)}
              </label>
              <input
                id={`${id}-${key}`}
                className="input"
                type="number"
                min={1}
                max={3650}
                value={Number.isNaN(draft[key]) ? '' : draft[key]}
                onChange={(e) => set({ [key]: e.target.valueAsNumber })}
                aria-describedby={described(key)}
                aria-invalid={errors[key] ? true : undefined}
              />
              <FieldError id={`${id}-${key}-error`} message={errors[key]} />
            </div>
          ))}
        </div>
      </fieldset>
      {save.isError && Object.keys(errors).length === 0 ? (
        <p className="alert alert--error" role="alert">
          {errorMessage(save.error)}
        </p>
      ) : null}
      {done ? (
        <p className="alert alert--success" role="status">
          {t('organization.saved')}
        </p>
      ) : null}
      {readOnly ? null : (
        <div className="settings-form__actions">
          <button type="submit" className="btn btn--primary" disabled={save.isPending}>
            {save.isPending ? t('common.saving') : t('common.save')}
          </button>
        </div>
      )}
    </form>
  );
}
