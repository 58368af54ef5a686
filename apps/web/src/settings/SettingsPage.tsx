import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import '../styles/settings.css';
import '../styles/table.css';
import { templateSettingsTabs } from './templates/admin-settings.tsx';

/** One tab per line, each naming its label: new settings pages add a line. */
const tabs = [
  { key: 'users', to: '/settings/users', label: 'settings.users' },
  { key: 'tokens', to: '/settings/tokens', label: 'settings.tokens' },
  { key: 'organization', to: '/settings/organization', label: 'settingsTabs.organization' },
  { key: 'providers', to: '/settings/providers', label: 'settingsTabs.providers' },
  { key: 'allocationRules', to: '/settings/allocation-rules', label: 'settingsTabs.allocationRules' },
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
      <nav className="tabs settings-nav" aria-label={t('settings.tabs')}>
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
