import { UserRole as Role } from '@crmflow/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';
import { useInviteUser } from '../api/users.ts';
import { Dialog } from '../components/Dialog.tsx';
import { useErrorMessage } from '../components/useErrorMessage.ts';

const formId = 'invite-user-form';

export function InviteUserDialog({
  onClose,
  onInvited,
}: {
  onClose: () => void;
  onInvited: (name: string) => void;
}) {
  const { t } = useTranslation();
  const invite = useInviteUser();
  const errorMessage = useErrorMessage();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [password, setPassword] = useState('');
  const fieldErrors = isApiError(invite.error) ? invite.error.fieldErrors() : {};

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate(
      { name: name.trim(), email: email.trim(), role, password },
      { onSuccess: (user) => onInvited(user.name) },
    );
  };

  const error = (key: string) =>
    fieldErrors[key] ? (
      <span className="field__error" id={`invite-${key}-error`}>
        {fieldErrors[key]}
      </span>
    ) : null;
  const described = (key: string) => (fieldErrors[key] ? `invite-${key}-error` : undefined);

  return (
    <Dialog
      title={t('users.inviteTitle')}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" form={formId} className="btn btn--primary" disabled={invite.isPending}>
            {invite.isPending ? t('common.saving') : t('users.create')}
          </button>
        </>
      }
    >
      <form id={formId} className="form-stack" onSubmit={onSubmit} noValidate>
        <p className="muted">{t('users.inviteHint')}</p>
        {invite.isError && Object.keys(fieldErrors).length === 0 ? (
          <p className="alert alert--error" role="alert">
            {errorMessage(invite.error)}
          </p>
        ) : null}
        <div className="field">
          <label className="field__label" htmlFor="invite-name">
            {t('users.name')}
          </label>
          <input
            id="invite-name"
            className="input"
            value={name}
            required
            onChange={(e) => setName(e.target.value)}
            aria-describedby={described('name')}
            data-autofocus
          />
          {error('name')}
        </div>
        <div className="field">
          <label className="field__label" htmlFor="invite-email">
            {t('users.email')}
          </label>
          <input
            id="invite-email"
            className="input"
            type="email"
            value={email}
            required
            onChange={(e) => setEmail(e.target.value)}
            aria-describedby={described('email')}
          />
          {error('email')}
        </div>
        <div className="field">
          <label className="field__label" htmlFor="invite-role">
            {t('users.role')}
          </label>
          <select
            id="invite-role"
            className="select"
            value={role}
            onChange={(e) => setRole(Role.catch('member').parse(e.target.value))}
          >
            {Role.options.map((option) => (
              <option key={option} value={option}>
                {t(`roles.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="invite-password">
            {t('users.password')}
          </label>
          <input
            id="invite-password"
            className="input"
            type="password"
            autoComplete="new-password"
            value={password}
            required
            minLength={8}
            onChange={(e) => setPassword(e.target.value)}
            aria-describedby={described('password') ?? 'invite-password-hint'}
          />
          <span className="field__hint" id="invite-password-hint">
            {t('users.passwordHint')}
          </span>
          {error('password')}
        </div>
      </form>
    </Dialog>
  );
}
