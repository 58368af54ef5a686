import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth.ts';
import { useUpdateUser, useUsers } from '../api/users.ts';
import { PlusIcon } from '../components/icons.tsx';
import { ErrorState, LoadingState } from '../components/States.tsx';
import { useErrorMessage } from '../components/useErrorMessage.ts';
import { InviteUserDialog } from './InviteUserDialog.tsx';

export function UsersTab() {
  const { t } = useTranslation();
  const me = useMe();
  const users = useUsers();
  const update = useUpdateUser();
  const errorMessage = useErrorMessage();
  const [inviting, setInviting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const isAdmin = me.data?.user.role === 'admin';

  return (
    <section className="settings-section" aria-labelledby="users-heading">
      <div className="settings-section__header">
        <h2 id="users-heading">{t('settings.users')}</h2>
        {isAdmin ? (
          <button type="button" className="btn btn--primary" onClick={() => setInviting(true)}>
            <PlusIcon />
            {t('users.invite')}
          </button>
        ) : null}
      </div>
      {!isAdmin && me.data ? <p className="alert alert--warning">{t('settings.adminOnly')}</p> : null}
      {notice ? (
        <p className="alert alert--success" role="status">
          {notice}
        </p>
      ) : null}
      {update.isError ? <ErrorState message={errorMessage(update.error)} /> : null}
      {users.isPending ? <LoadingState /> : null}
      {users.isError ? (
        <ErrorState message={errorMessage(users.error)} onRetry={() => void users.refetch()} />
      ) : null}
      {users.data ? (
        <div className="card table-wrap">
          <table className="table" data-testid="users-table">
            <thead>
              <tr>
                <th scope="col">{t('users.name')}</th>
                <th scope="col">{t('users.email')}</th>
                <th scope="col">{t('users.role')}</th>
                <th scope="col">{t('users.status')}</th>
                {isAdmin ? <th scope="col">{t('users.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {users.data.map((user) => {
                const self = user.id === me.data?.user.id;
                return (
                  <tr key={user.id} data-testid="user-row">
                    <td>
                      {user.name} {self ? <span className="badge">{t('users.you')}</span> : null}
                    </td>
                    <td>{user.email}</td>
                    <td>{t(`roles.${user.role}`)}</td>
                    <td>
                      <span className={user.active ? 'badge badge--success' : 'badge'}>
                        {user.active ? t('common.active') : t('common.inactive')}
                      </span>
                    </td>
                    {isAdmin ? (
                      <td>
                        {self ? null : (
                          <button
                            type="button"
                            className={user.active ? 'btn btn--sm btn--danger' : 'btn btn--sm'}
                            aria-label={t(user.active ? 'users.deactivateLabel' : 'users.reactivateLabel', {
                              name: user.name,
                            })}
                            disabled={update.isPending}
                            onClick={() => update.mutate({ id: user.id, active: !user.active })}
                          >
                            {user.active ? t('users.deactivate') : t('users.reactivate')}
                          </button>
                        )}
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
          {users.data.length === 0 ? <p className="centered">{t('users.empty')}</p> : null}
        </div>
      ) : null}
      {inviting ? (
        <InviteUserDialog
          onClose={() => setInviting(false)}
          onInvited={(name) => {
            setInviting(false);
            setNotice(t('users.invited', { name }));
          }}
        />
      ) : null}
    </section>
  );
}
