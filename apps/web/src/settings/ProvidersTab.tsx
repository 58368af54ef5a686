import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth.ts';
import {
  type ProviderKind,
  type ProviderView,
  providerKinds,
  useDeleteProvider,
  useProviderList,
} from '../api/providers.ts';
import { PlusIcon } from '../components/icons.tsx';
import { ErrorState, LoadingState } from '../components/States.tsx';
import { useErrorMessage } from '../components/useErrorMessage.ts';
import { DeleteDialog } from './DeleteDialog.tsx';
import { ProviderDialog } from './ProviderDialog.tsx';
import { isKnownAdapter } from './provider-form.ts';
import { RowActions } from './RowActions.tsx';
import '../styles/admin-settings.css';

type Editing = { kind: ProviderKind; provider?: ProviderView };

/** `/settings/providers`: one list, filtered by kind; adding, editing, testing and deleting are for admins. */
export function ProvidersTab() {
  const { t } = useTranslation();
  const me = useMe();
  const providers = useProviderList();
  const remove = useDeleteProvider();
  const errorMessage = useErrorMessage();
  const [kind, setKind] = useState<ProviderKind>('email');
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<ProviderView | null>(null);
  const isAdmin = me.data?.user.role === 'admin';
  const shown = (providers.data ?? []).filter((provider) => provider.kind === kind);

  return (
    <section className="settings-section" aria-labelledby="providers-heading">
      <div className="settings-section__header">
        <h2 id="providers-heading">{t('settingsTabs.providers')}</h2>
        {isAdmin ? (
          <button type="button" className="btn btn--primary" onClick={() => setEditing({ kind })}>
            <PlusIcon />
            {t(`providers.add.${kind}`)}
          </button>
        ) : null}
      </div>
      <p className="muted">{t('providers.intro')}</p>
      {me.data && !isAdmin ? <p className="alert alert--warning">{t('settings.adminOnly')}</p> : null}
      <fieldset className="kind-filter">
        <legend className="visually-hidden">{t('providers.kindFilter')}</legend>
        {providerKinds.map((option) => (
          <button
            key={option}
            type="button"
            className="btn btn--sm"
            aria-pressed={option === kind}
            onClick={() => setKind(option)}
          >
            {t(`providers.kinds.${option}`)}
          </button>
        ))}
      </fieldset>
      {providers.isPending ? <LoadingState /> : null}
      {providers.isError ? (
        <ErrorState message={errorMessage(providers.error)} onRetry={() => void providers.refetch()} />
      ) : null}
      {providers.data ? (
        <div className="card table-wrap">
          <table className="table" data-testid="providers-table">
            <thead>
              <tr>
                <th scope="col">{t('providers.name')}</th>
                <th scope="col" className="settings-list__hide-narrow">
                  {t('providers.adapter')}
                </th>
                <th scope="col">{t('providers.status')}</th>
                {isAdmin ? (
                  <th scope="col">
                    <span className="visually-hidden">{t('users.actions')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {shown.map((provider) => (
                <tr key={provider.id} data-testid="provider-row">
                  <td>{provider.name}</td>
                  <td className="settings-list__hide-narrow">
                    {isKnownAdapter(provider.adapter)
                      ? t(`providers.adapters.${provider.adapter}`)
                      : provider.adapter}
                  </td>
                  <td>
                    {provider.isDefault ? (
                      <span className="badge badge--accent">{t('providers.default')}</span>
                    ) : null}
                  </td>
                  {isAdmin ? (
                    <RowActions
                      openText={t('providers.open')}
                      openLabel={t('providers.openLabel', { name: provider.name })}
                      deleteLabel={t('providers.deleteLabel', { name: provider.name })}
                      onOpen={() => setEditing({ kind: provider.kind, provider })}
                      onDelete={() => setDeleting(provider)}
                    />
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
          {shown.length === 0 ? <p className="centered">{t(`providers.empty.${kind}`)}</p> : null}
        </div>
      ) : null}
      {editing ? (
        <ProviderDialog
          kind={editing.kind}
          {...(editing.provider ? { provider: editing.provider } : {})}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {deleting ? (
        <DeleteDialog
          title={t('providers.deleteTitle')}
          body={t('providers.deleteBody', { name: deleting.name })}
          id={deleting.id}
          remove={remove}
          onClose={() => setDeleting(null)}
        />
      ) : null}
    </section>
  );
}
