import type { ApiToken, CreatedToken } from '@crmflow/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth.ts';
import { useCreateToken, useRevokeToken, useTokens } from '../api/tokens.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { ErrorState, LoadingState } from '../components/States.tsx';
import { useErrorMessage } from '../components/useErrorMessage.ts';
import { formatDateTime } from '../records/format.ts';
import { TokenReveal } from './TokenReveal.tsx';

/** API tokens are an admin matter: others see why the tab is empty, and no request is made for them. */
export function TokensTab() {
  const { t } = useTranslation();
  const me = useMe();
  const isAdmin = me.data?.user.role === 'admin';
  return (
    <section className="settings-section" aria-labelledby="tokens-heading">
      <div className="settings-section__header">
        <h2 id="tokens-heading">{t('settings.tokens')}</h2>
      </div>
      <p className="muted">{t('tokens.intro')}</p>
      {me.data && !isAdmin ? <p className="alert alert--warning">{t('settings.adminOnly')}</p> : null}
      {isAdmin ? <TokensAdmin timeZone={me.data?.organization.timeZone} /> : null}
    </section>
  );
}

function TokensAdmin({ timeZone }: { timeZone: string | undefined }) {
  const { t } = useTranslation();
  const tokens = useTokens({ enabled: true });
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const errorMessage = useErrorMessage();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  const onCreate = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(name.trim(), {
      onSuccess: (token) => {
        setCreated(token);
        setName('');
      },
    });
  };

  return (
    <>
      <form className="card token-form" onSubmit={onCreate}>
        <div className="field">
          <label className="field__label" htmlFor="token-name">
            {t('tokens.name')}
          </label>
          <input
            id="token-name"
            className="input"
            value={name}
            placeholder={t('tokens.namePlaceholder')}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <button type="submit" className="btn btn--primary" disabled={!name.trim() || create.isPending}>
          {create.isPending ? t('tokens.creating') : t('tokens.create')}
        </button>
      </form>
      {create.isError ? <ErrorState message={errorMessage(create.error)} /> : null}
      {created ? <TokenReveal token={created} onDone={() => setCreated(null)} /> : null}
      {tokens.isPending ? <LoadingState /> : null}
      {tokens.isError ? (
        <ErrorState message={errorMessage(tokens.error)} onRetry={() => void tokens.refetch()} />
      ) : null}
      {tokens.data ? (
        <div className="card table-wrap">
          <table className="table" data-testid="tokens-table">
            <thead>
              <tr>
                <th scope="col">{t('tokens.name')}</th>
                <th scope="col">{t('tokens.prefix')}</th>
                <th scope="col">{t('tokens.createdAt')}</th>
                <th scope="col">{t('tokens.lastUsedAt')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('users.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.map((token) => (
                <tr key={token.id} data-testid="token-row">
                  <td>{token.name}</td>
                  <td className="mono">{token.prefix ? `${token.prefix}…` : ''}</td>
                  <td>{formatDateTime(token.createdAt, timeZone)}</td>
                  <td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt, timeZone) : t('tokens.never')}</td>
                  <td>
                    <button
                      type="button"
                      className="btn btn--sm btn--danger"
                      aria-label={t('tokens.revokeLabel', { name: token.name })}
                      onClick={() => setRevoking(token)}
                    >
                      {t('tokens.revoke')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {tokens.data.length === 0 ? <p className="centered">{t('tokens.empty')}</p> : null}
        </div>
      ) : null}
      {revoking ? (
        <ConfirmDialog
          title={t('tokens.revokeTitle')}
          body={t('tokens.revokeBody', { name: revoking.name })}
          confirmLabel={t('tokens.revoke')}
          busy={revoke.isPending}
          error={revoke.isError ? errorMessage(revoke.error) : null}
          onCancel={() => {
            revoke.reset();
            setRevoking(null);
          }}
          onConfirm={() => revoke.mutate(revoking.id, { onSuccess: () => setRevoking(null) })}
        />
      ) : null}
    </>
  );
}
