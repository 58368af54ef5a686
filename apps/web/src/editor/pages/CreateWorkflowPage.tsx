import { ModuleKey, moduleLabel, WorkflowKind } from '@crmflow/flow';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useModules } from '../../api/modules.ts';
import { useCreateWorkflow } from '../../api/workflows.ts';
import { ErrorState, LoadingState } from '../../components/States.tsx';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { useLocale } from '../../i18n/useLocale.ts';
import { editorPath, listPathOf } from '../../workflows/workflow-paths.ts';
import '../editor.css';
import '../inspector/inspector.css';

/**
 * `/workflows/new?kind=event|schedule`: the first step of a new flow — module (Phân hệ), kind,
 * name and description — then the designer opens with the trigger placed.
 */
export function CreateWorkflowPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const modules = useModules();
  const create = useCreateWorkflow();
  const errorMessage = useErrorMessage();
  const initialKind = WorkflowKind.safeParse(params.get('kind'));
  const initialModule = ModuleKey.safeParse(params.get('module'));
  const [kind, setKind] = useState<WorkflowKind>(initialKind.success ? initialKind.data : 'event');
  const [module, setModule] = useState<ModuleKey>(initialModule.success ? initialModule.data : 'order');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [nameError, setNameError] = useState(false);
  const ids = { module: useId(), name: useId(), description: useId(), nameError: useId() };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setNameError(true);
      return;
    }
    const workflow = await create.mutateAsync({
      module,
      kind,
      name: name.trim(),
      description: description.trim(),
    });
    navigate(editorPath(workflow));
  };

  if (modules.isPending) return <LoadingState />;
  if (modules.isError)
    return <ErrorState message={errorMessage(modules.error)} onRetry={() => void modules.refetch()} />;

  return (
    <div className="page page--narrow">
      <div className="page__header">
        <div className="page__titles">
          <h1>{t('editor.wizard.title')}</h1>
          <p className="page__subtitle">{t('editor.wizard.subtitle')}</p>
        </div>
      </div>
      <form
        className="card wizard"
        onSubmit={(event) => void submit(event).catch(() => undefined)}
        noValidate
        data-testid="workflow-wizard"
      >
        <fieldset className="wizard__kinds">
          <legend className="field__label">{t('editor.wizard.kind')}</legend>
          {WorkflowKind.options.map((option) => (
            <label key={option} className={`wizard__kind${kind === option ? ' wizard__kind--on' : ''}`}>
              <input
                type="radio"
                name="kind"
                value={option}
                checked={kind === option}
                onChange={() => setKind(option)}
              />
              <span className="wizard__kind-name">{t(`editor.kind.${option}`)}</span>
              <span className="wizard__kind-hint">
                {t(option === 'event' ? 'editor.kind.eventHint' : 'editor.kind.scheduleHint')}
              </span>
            </label>
          ))}
        </fieldset>
        <WizardField id={ids.module} label={t('editor.wizard.module')}>
          <select
            id={ids.module}
            className="select"
            value={module}
            onChange={(event) => {
              const parsed = ModuleKey.safeParse(event.target.value);
              if (parsed.success) setModule(parsed.data);
            }}
          >
            {(modules.data ?? []).map((item) => (
              <option key={item.key} value={item.key}>
                {moduleLabel(item, locale)}
              </option>
            ))}
          </select>
        </WizardField>
        <WizardField id={ids.name} label={t('editor.wizard.name')} required>
          <input
            id={ids.name}
            className="input"
            value={name}
            maxLength={200}
            required
            placeholder={t('editor.wizard.namePlaceholder')}
            aria-invalid={nameError || undefined}
            aria-describedby={nameError ? ids.nameError : undefined}
            onChange={(event) => {
              setName(event.target.value);
              setNameError(false);
            }}
          />
          {nameError ? (
            <span className="field__error" id={ids.nameError}>
              {t('editor.wizard.nameRequired')}
            </span>
          ) : null}
        </WizardField>
        <WizardField id={ids.description} label={t('editor.wizard.description')}>
          <textarea
            id={ids.description}
            className="textarea"
            value={description}
            maxLength={2000}
            placeholder={t('editor.wizard.descriptionPlaceholder')}
            onChange={(event) => setDescription(event.target.value)}
          />
        </WizardField>
        {create.isError ? <ErrorState message={errorMessage(create.error)} /> : null}
        <div className="wizard__actions">
          <Link to={listPathOf[kind]} className="btn">
            {t('editor.wizard.cancel')}
          </Link>
          <button type="submit" className="btn btn--primary" disabled={create.isPending}>
            {create.isPending ? t('editor.wizard.creating') : t('editor.wizard.next')}
          </button>
        </div>
      </form>
    </div>
  );
}

/** A control of the wizard named by its label; a required one is starred for sighted users only. */
function WizardField({
  id,
  label,
  required = false,
  children,
}: {
  id: string;
  label: string;
  required?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
        {required ? (
          <span className="field__required" aria-hidden="true">
            *
          </span>
        ) : null}
      </label>
      {children}
    </div>
  );
}
