import { type ModuleKey, moduleKeys } from '@crmflow/flow';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth.ts';
import { isApiError } from '../../api/client.ts';
import {
  type TemplateKind,
  type TemplateOf,
  useDeleteTemplate,
  useSaveTemplate,
} from '../../api/message-templates.ts';
import { useModules } from '../../api/modules.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ReasonTip } from '../../components/ReasonTip.tsx';
import { ErrorState, LoadingState } from '../../components/States.tsx';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { useLocale } from '../../i18n/useLocale.ts';

/** Who may change templates: admins and managers (docs/operations.md, Quality bars); members read them. */
export function useCanEditTemplates(): boolean {
  const role = useMe().data?.user.role;
  return role === 'admin' || role === 'manager';
}

/** The per-field errors of a refused save, and the sentence for the rest. */
export function useSaveErrors(error: unknown): { fields: Record<string, string>; message: string | null } {
  const errorMessage = useErrorMessage();
  const { t } = useTranslation();
  if (!error) return { fields: {}, message: null };
  const fields = isApiError(error) ? error.fieldErrors() : {};
  const message = Object.keys(fields).length > 0 ? t('admin.common.fixErrors') : errorMessage(error);
  return { fields, message };
}

/** A labelled control with its error beneath, linked for screen readers. */
export function FormRow({
  label,
  error,
  hint,
  children,
}: {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  children: (control: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label className="field__label" htmlFor={id} id={`${id}-label`}>
        {label}
      </label>
      {children({
        id,
        ...(error ? { 'aria-invalid': true as const } : {}),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      })}
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function ModuleSelect({
  value,
  onChange,
  control,
  only,
}: {
  value: ModuleKey;
  onChange: (module: ModuleKey) => void;
  control: { id: string };
  only?: readonly ModuleKey[];
}) {
  const locale = useLocale();
  const modules = useModules();
  const keys = only ?? moduleKeys;
  return (
    <select
      {...control}
      className="select"
      value={value}
      onChange={(event) => onChange(event.target.value as ModuleKey)}
    >
      {keys.map((key) => {
        const meta = modules.data?.find((item) => item.key === key);
        return (
          <option key={key} value={key}>
            {meta ? (locale === 'en' ? meta.labelEn : meta.labelVi) : key}
          </option>
        );
      })}
    </select>
  );
}

type Named = { id: string; name: string };

/**
 * A list of templates beside the form of the chosen one (or of a new one). The form is keyed
 * by the template, so choosing another starts from its saved values.
 */
export function TemplateWorkspace<T extends Named>({
  kind,
  query,
  renderForm,
  tools,
}: {
  kind: TemplateKind;
  query: { data?: T[] | undefined; isPending: boolean; error: unknown; refetch: () => unknown };
  renderForm: (args: {
    template: T | null;
    draft: Partial<T> | null;
    onSaved: (template: T) => void;
  }) => ReactNode;
  /** More ways to start a template (e.g. import), given the function that opens a prefilled one. */
  tools?: (start: (draft: Partial<T>) => void) => ReactNode;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const canEdit = useCanEditTemplates();
  const [selected, setSelected] = useState<string | 'new' | null>(null);
  // The form stays mounted across its first save (a new template becoming a saved one), so its
  // values and the "saved" notice remain; choosing another template or "add" starts a new one.
  const [formKey, setFormKey] = useState('first');
  const [justSaved, setJustSaved] = useState<T | null>(null);
  const [draft, setDraft] = useState<Partial<T> | null>(null);
  const [deleting, setDeleting] = useState<T | null>(null);
  const remove = useDeleteTemplate(kind);
  const items = query.data ?? [];
  const current =
    selected === 'new'
      ? null
      : (items.find((item) => item.id === selected) ??
        (justSaved && justSaved.id === selected ? justSaved : null) ??
        (selected === null ? (items[0] ?? null) : null));
  const showForm = selected === 'new' || current !== null;
  const choose = (next: string | 'new', prefill: Partial<T> | null = null) => {
    setSelected(next);
    setDraft(prefill);
    setFormKey(next === 'new' ? `new-${Date.now()}` : next);
  };

  if (query.isPending) return <LoadingState />;
  if (query.error)
    return <ErrorState message={errorMessage(query.error)} onRetry={() => void query.refetch()} />;
  return (
    <div className="template-workspace">
      <nav className="template-workspace__list card" aria-label={t('admin.common.list')}>
        {canEdit ? (
          <button type="button" className="btn btn--primary btn--block" onClick={() => choose('new')}>
            {t('admin.common.add')}
          </button>
        ) : null}
        {canEdit && tools ? tools((prefill) => choose('new', prefill)) : null}
        {items.length === 0 ? <p className="muted">{t('admin.common.empty')}</p> : null}
        <ul>
          {items.map((item) => (
            <li key={item.id} className="template-workspace__item">
              <button
                type="button"
                className="template-workspace__pick"
                aria-current={selected !== 'new' && current?.id === item.id ? 'true' : undefined}
                onClick={() => choose(item.id)}
              >
                {item.name}
              </button>
              {canEdit ? (
                <button
                  type="button"
                  className="btn btn--ghost btn--sm"
                  aria-label={`${t('admin.common.delete')} ${item.name}`}
                  onClick={() => setDeleting(item)}
                >
                  ✕
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      </nav>
      <div className="template-workspace__form">
        {canEdit ? null : <p className="alert alert--warning">{t('admin.common.adminOnly')}</p>}
        {showForm ? (
          <div key={formKey}>
            {renderForm({
              template: current,
              draft,
              onSaved: (saved) => {
                setJustSaved(saved);
                setSelected(saved.id);
              },
            })}
          </div>
        ) : null}
      </div>
      {deleting ? (
        <ConfirmDialog
          title={t('admin.common.deleteTitle', { name: deleting.name })}
          body={t('admin.common.deleteBody')}
          confirmLabel={t('admin.common.delete')}
          busy={remove.isPending}
          error={remove.error ? errorMessage(remove.error) : null}
          onCancel={() => setDeleting(null)}
          onConfirm={() =>
            remove.mutate(deleting.id, {
              onSuccess: () => {
                setDeleting(null);
                setSelected(null);
                setFormKey(`deleted-${Date.now()}`);
              },
            })
          }
        />
      ) : null}
    </div>
  );
}

/** Save (and the outcome) at the foot of a template form. */
export function FormFooter({
  pending,
  saved,
  message,
  unavailable,
}: {
  pending: boolean;
  saved: boolean;
  message: string | null;
  /** Why Save cannot be used (a member's role); the button stays reachable and says it. */
  unavailable?: string | null;
}) {
  const { t } = useTranslation();
  return (
    <div className="template-form__footer">
      {message ? (
        <p className="alert alert--error" role="alert">
          {message}
        </p>
      ) : null}
      {saved && !message ? (
        <p className="alert alert--success" role="status">
          {t('admin.common.saved')}
        </p>
      ) : null}
      <ReasonTip reason={unavailable}>
        {(reason) => (
          <button type="submit" className="btn btn--primary" disabled={pending} {...reason}>
            {pending ? t('admin.common.saving') : t('admin.common.save')}
          </button>
        )}
      </ReasonTip>
    </div>
  );
}

/**
 * The frame of every template form: its name first, the kind's own rows, then Save. `values`
 * gives what the form holds besides the name; a refusal lands beside the field it names.
 */
export function TemplateForm<K extends TemplateKind>({
  kind,
  template,
  initialName,
  values,
  onSaved,
  children,
}: {
  kind: K;
  template: { id: string; name: string } | null;
  initialName?: string | undefined;
  values: () => Record<string, unknown>;
  onSaved: (saved: TemplateOf<K>) => void;
  children: (errors: Record<string, string>) => ReactNode;
}) {
  const { t } = useTranslation();
  const canEdit = useCanEditTemplates();
  const save = useSaveTemplate(kind);
  const errors = useSaveErrors(save.error);
  const [name, setName] = useState(template?.name ?? initialName ?? '');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!canEdit) return;
    save.mutate({ id: template?.id, values: { name, ...values() } }, { onSuccess: onSaved });
  };
  return (
    <form
      className="card template-form"
      onSubmit={onSubmit}
      aria-label={template?.name ?? t('admin.common.newTemplate')}
    >
      <FormRow label={t('admin.common.name')} error={errors.fields.name}>
        {(control) => (
          <input {...control} className="input" value={name} onChange={(e) => setName(e.target.value)} />
        )}
      </FormRow>
      {children(errors.fields)}
      <FormFooter
        pending={save.isPending}
        saved={save.isSuccess}
        message={errors.message}
        unavailable={canEdit ? null : t('admin.common.adminOnly')}
      />
    </form>
  );
}

/** The module a template belongs to; its merge fields are that module's. */
export function ModuleRow({
  value,
  onChange,
  error,
}: {
  value: ModuleKey;
  onChange: (module: ModuleKey) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <FormRow label={t('admin.common.module')} error={error}>
      {(control) => <ModuleSelect control={control} value={value} onChange={onChange} />}
    </FormRow>
  );
}
