import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import '../styles/settings.css';
import '../styles/table.css';
import { templateSettingsTabs } from './templates/admin-settings.tsx';

const tabs = [
  { key: 'users', to: '/settings/users', label: 'settings.users' },
  { key: 'tokens', to: '/settings/tokens', label: 'settings.tokens' },
  ...templateSettingsTabs,
] as const;

/** `/settings`: one tab per area; each tab is its own route so it can be linked to. */
export function SettingsPage() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <div className="page">
      <div className="page__header">
        <div className="page__titles">
          <h1>{t('settings.title')}</h1>
          <p className="page__subtitle">{t('settings.subtitle')}</p>
        </div>
      </div>
      <nav className="tabs" aria-label={t('settings.tabs')}>
        {tabs.map((tab) => (
          <Link
            key={tab.key}
            to={tab.to}
            className="tab"
            aria-current={pathname.startsWith(tab.to) ? 'page' : undefined}
          >
            {t(tab.label)}
          </Link>
        ))}
      </nav>
      <Outlet />
    </div>
  );
}
