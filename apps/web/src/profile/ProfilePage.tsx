import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth.ts';
import { LoadingState } from '../components/States.tsx';
import '../styles/my-work.css';
import { PushDevices } from './PushDevices.tsx';

/** The signed-in user's own page: who they are, and where their notifications reach them. */
export function ProfilePage() {
  const { t } = useTranslation();
  const me = useMe();
  if (!me.data) return <LoadingState />;
  const { user, organization } = me.data;
  return (
    <div className="page page--narrow profile">
      <header className="page__header">
        <div className="page__titles">
          <h1>{t('profile.title')}</h1>
        </div>
      </header>
      <section className="card profile__section" aria-labelledby="account-title">
        <h2 id="account-title">{t('profile.account')}</h2>
        <p>
          <strong>{user.name}</strong>
        </p>
        <p className="muted">{user.email}</p>
        <p>
          <span className="badge badge--accent">{t(`roles.${user.role}`)}</span> · {organization.name}
        </p>
      </section>
      <PushDevices timeZone={organization.timeZone} />
    </div>
  );
}
