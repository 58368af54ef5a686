import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type AllocationRuleView,
  useAllocationRuleList,
  useDeleteAllocationRule,
} from '../api/allocation-rules.ts';
import { useMe } from '../api/auth.ts';
import { useModules } from '../api/modules.ts';
import { useUsers } from '../api/users.ts';
import { PlusIcon } from '../components/icons.tsx';
import { ErrorState, LoadingState } from '../components/States.tsx';
import { useErrorMessage } from '../components/useErrorMessage.ts';
import { useLocale } from '../i18n/useLocale.ts';
import { AllocationRuleDialog } from './AllocationRuleDialog.tsx';
import { DeleteDialog } from './DeleteDialog.tsx';
import { RowActions } from './RowActions.tsx';
import '../styles/admin-settings.css';

/** `/settings/allocation-rules`: round-robin groups per module; managers and admins change them. */
export function AllocationRulesTab() {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const rules = useAllocationRuleList();
  const modules = useModules();
  const users = useUsers();
  const remove = useDeleteAllocationRule();
  const errorMessage = useErrorMessage();
  const [editing, setEditing] = useState<{ rule?: AllocationRuleView } | null>(null);
  const [deleting, setDeleting] = useState<AllocationRuleView | null>(null);
  const canEdit = me.data?.user.role === 'admin' || me.data?.user.role === 'manager';
  const userName = (id: string | null) =>
    id ? (users.data?.find((user) => user.id === id)?.name ?? '…') : '—';
  const moduleName = (key: string) => {
    const found = modules.data?.find((item) => item.key === key);
    return found ? (locale === 'en' ? found.labelEn : found.labelVi) : key;
  };

  return (
    <section className="settings-section" aria-labelledby="rules-heading">
      <div className="settings-section__header">
        <h2 id="rules-heading">{t('settingsTabs.allocationRules')}</h2>
        {canEdit ? (
          <button type="button" className="btn btn--primary" onClick={() => setEditing({})}>
            <PlusIcon />
            {t('rules.add')}
          </button>
        ) : null}
      </div>
      <p className="muted">{t('rules.intro')}</p>
      {rules.isPending ? <LoadingState /> : null}
      {rules.isError ? (
        <ErrorState message={errorMessage(rules.error)} onRetry={() => void rules.refetch()} />
      ) : null}
      {rules.data ? (
        <div className="card table-wrap">
          <table className="table" data-testid="rules-table">
            <thead>
              <tr>
                <th scope="col">{t('rules.name')}</th>
                <th scope="col">{t('rules.module')}</th>
                <th scope="col" className="settings-list__hide-narrow">
                  {t('rules.users')}
                </th>
                <th scope="col">{t('rules.next')}</th>
                <th scope="col">{t('users.status')}</th>
                {canEdit ? (
                  <th scope="col">
                    <span className="visually-hidden">{t('users.actions')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {rules.data.map((rule) => (
                <tr key={rule.id} data-testid="rule-row">
                  <td>{rule.name}</td>
                  <td>{moduleName(rule.module)}</td>
                  <td className="settings-list__hide-narrow">
                    {rule.userIds.map((id) => userName(id)).join(' → ')}
                  </td>
                  <td>{userName(rule.nextUserId)}</td>
                  <td>
                    <span className={rule.active ? 'badge badge--success' : 'badge'}>
                      {rule.active ? t('common.active') : t('common.inactive')}
                    </span>
                  </td>
                  {canEdit ? (
                    <RowActions
                      openText={t('rules.edit')}
                      openLabel={t('rules.editLabel', { name: rule.name })}
                      deleteLabel={t('rules.deleteLabel', { name: rule.name })}
                      onOpen={() => setEditing({ rule })}
                      onDelete={() => setDeleting(rule)}
                    />
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
          {rules.data.length === 0 ? <p className="centered">{t('rules.empty')}</p> : null}
        </div>
      ) : null}
      {editing ? (
        <AllocationRuleDialog
          {...(editing.rule ? { rule: editing.rule } : {})}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {deleting ? (
        <DeleteDialog
          title={t('rules.deleteTitle')}
          body={t('rules.deleteBody', { name: deleting.name })}
          id={deleting.id}
          remove={remove}
          onClose={() => setDeleting(null)}
        />
      ) : null}
    </section>
  );
}
