import type { ModuleKey } from '@crmflow/flow';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type AllocationRuleView,
  useRuleWorkflows,
  type useSaveAllocationRule,
} from '../api/allocation-rules.ts';
import { useModules } from '../api/modules.ts';
import { useUsers } from '../api/users.ts';
import { useErrorMessage } from '../components/useErrorMessage.ts';
import { useLocale } from '../i18n/useLocale.ts';
import { FieldError, fieldErrorsOf } from './field-errors.tsx';
import { OrderedUsers } from './OrderedUsers.tsx';
import { WorkflowUsage } from './WorkflowUsage.tsx';

export interface AllocationRuleFormProps {
  /** The form's id: its submit button may sit outside it (`form={formId}`). */
  formId: string;
  /** The rule being edited; a new one when undefined. */
  rule?: AllocationRuleView | undefined;
  /** The module a new rule starts with. */
  module?: ModuleKey;
  /** The module cannot be changed (a new rule for one module's workflow). */
  fixedModule?: boolean;
  /** A name offered until one is typed. */
  namePlaceholder?: string;
  save: ReturnType<typeof useSaveAllocationRule>;
  onSaved: (saved: AllocationRuleView) => void;
}

/**
 * An allocation rule's name, module, users in order and whether it is on. Settings' rule dialog
 * and the gallery's "Dùng mẫu" dialog both show it; the caller places the submit button.
 */
export function AllocationRuleForm(props: AllocationRuleFormProps) {
  const { formId, rule, save, fixedModule = false } = props;
  const { t } = useTranslation();
  const locale = useLocale();
  const modules = useModules();
  const users = useUsers();
  const errorMessage = useErrorMessage();
  const [name, setName] = useState(rule?.name ?? '');
  const [module, setModule] = useState<ModuleKey>(rule?.module ?? props.module ?? 'lead');
  const [userIds, setUserIds] = useState<string[]>(rule?.userIds ?? []);
  const [active, setActive] = useState(rule?.active ?? true);
  const errors = fieldErrorsOf(save.error);
  const usersError = Object.entries(errors)
    .filter(([field]) => field.startsWith('userIds'))
    .map(([, message]) => message)
    .join(' ');
  const userOptions = (users.data ?? []).map((user) => ({
    value: user.id,
    label: user.active ? user.name : `${user.name} (${t('common.inactive')})`,
  }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    const ruleName = name.trim() || (props.namePlaceholder ?? '').trim();
    save.mutate(
      { ...(rule ? { id: rule.id } : {}), input: { module, name: ruleName, userIds, active } },
      { onSuccess: props.onSaved },
    );
  };

  return (
    <form id={formId} className="form-stack" onSubmit={onSubmit} noValidate data-testid="rule-form">
      {save.isError && Object.keys(errors).length === 0 ? (
        <p className="alert alert--error" role="alert">
          {errorMessage(save.error)}
        </p>
      ) : null}
      <div className="field">
        <label className="field__label" htmlFor={`${formId}-name`}>
          {t('rules.name')}
        </label>
        <input
          id={`${formId}-name`}
          className="input"
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-describedby={errors.name ? `${formId}-name-error` : undefined}
          data-autofocus
        />
        <FieldError id={`${formId}-name-error`} message={errors.name} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${formId}-module`}>
          {t('rules.module')}
        </label>
        <select
          id={`${formId}-module`}
          className="select"
          value={module}
          disabled={rule !== undefined || fixedModule}
          onChange={(e) => {
            const chosen = modules.data?.find((item) => item.key === e.target.value);
            if (chosen) setModule(chosen.key);
          }}
        >
          {(modules.data ?? []).map((item) => (
            <option key={item.key} value={item.key}>
              {locale === 'en' ? item.labelEn : item.labelVi}
            </option>
          ))}
        </select>
        <FieldError id={`${formId}-module-error`} message={errors.module} />
      </div>
      <div className="field">
        <span className="field__label" id={`${formId}-users`}>
          {t('rules.users')}
        </span>
        <span className="field__hint">{t('rules.usersHint')}</span>
        <OrderedUsers
          value={userIds}
          users={userOptions}
          onChange={setUserIds}
          labelledBy={`${formId}-users`}
        />
        <FieldError id={`${formId}-users-error`} message={usersError || undefined} />
      </div>
      <label className="field field--inline settings-check">
        <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
        {t('rules.active')}
      </label>
      {rule ? <RuleWorkflows ruleId={rule.id} /> : null}
    </form>
  );
}

function RuleWorkflows({ ruleId }: { ruleId: string }) {
  const { t } = useTranslation();
  const workflows = useRuleWorkflows(ruleId);
  return <WorkflowUsage label={t('rules.usedBy')} empty={t('rules.usedByNone')} workflows={workflows.data} />;
}
