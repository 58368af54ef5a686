import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { useMe, useSaveMyLocale } from '../api/auth.ts';
import { isApiError } from '../api/client.ts';
import { LogoIcon } from '../components/icons.tsx';
import { ErrorState, LoadingState } from '../components/States.tsx';
import { useErrorMessage } from '../components/useErrorMessage.ts';
import { changeLocale, storedLocale } from '../i18n/index.ts';
import { PhoneEditorNotice } from '../my-work/PhoneEditorNotice.tsx';
import { NotificationBell } from '../notifications/NotificationBell.tsx';
import '../styles/layout.css';
import '../styles/phone.css';
import { Sidebar } from './Sidebar.tsx';
import { UserMenu } from './UserMenu.tsx';

/** The signed-in frame: brand, header with the organization and the user, sidebar, and the page. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const saveLocale = useSaveMyLocale();
  const location = useLocation();
  const errorMessage = useErrorMessage();
  const userLocale = me.data?.user.locale;

  useEffect(() => {
    // A browser that never chose a language follows the user's preference; a choice made on this
    // browser (on the sign-in page, say) becomes the preference, so server-written text follows it.
    const chosen = storedLocale();
    if (!chosen && userLocale) void changeLocale(userLocale);
    else if (chosen && me.isSuccess && chosen !== userLocale) saveLocale.mutate(chosen);
  }, [userLocale, me.isSuccess, saveLocale.mutate]);

  if (me.isPending) return <LoadingState label={t('app.loading')} />;
  if (me.isError) {
    if (isApiError(me.error) && me.error.status === 401) {
      return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
    }
    return (
      <div className="page page--narrow">
        <ErrorState message={errorMessage(me.error)} onRetry={() => void me.refetch()} />
      </div>
    );
  }

  const { user, organization } = me.data;
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Link to="/workflows" className="shell__brand">
        <span className="brand-mark" aria-hidden="true">
          <LogoIcon />
        </span>
        <span className="shell__brand-name">{t('app.name')}</span>
      </Link>
      <header className="shell__header">
        <div className="shell__org">
          <span className="shell__org-label">{t('header.organization')}</span>
          <span data-testid="organization-name">{organization.name}</span>
        </div>
        <div className="shell__actions">
          <NotificationBell />
          <UserMenu user={user} />
        </div>
      </header>
      <Sidebar />
      <main className="shell__main" id="main" tabIndex={-1}>
        <PhoneEditorNotice />
        <Outlet />
      </main>
    </div>
  );
}
