import type { User } from '@crmflow/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useLogout, useSaveMyLocale } from '../api/auth.ts';
import { BellIcon, ChevronDownIcon, LogoutIcon } from '../components/icons.tsx';
import { useMenu } from '../components/useMenu.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';

function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters.map((word) => word?.[0]?.toUpperCase() ?? '').join('') || '?';
}

/** The signed-in user: who they are, their role, the language, and the way out. */
export function UserMenu({ user }: { user: User }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();
  const saveLocale = useSaveMyLocale();
  const { open, toggle, panelId, root, trigger } = useMenu();

  const signOut = () => {
    logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });
  };

  return (
    <div className="menu" ref={root}>
      <button
        ref={trigger}
        type="button"
        className="menu__trigger"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={`${t('header.userMenu')}: ${user.name}`}
        onClick={toggle}
      >
        {/* Initials drawn by CSS: a picture of the name, not text the accessible name must repeat. */}
        <span className="avatar" aria-hidden="true" data-initials={initials(user.name)} />
        <span className="menu__name">{user.name}</span>
        <ChevronDownIcon />
      </button>
      {open ? (
        <div className="menu__panel" id={panelId}>
          <div className="menu__identity">
            <strong>{user.name}</strong>
            <span className="muted">{user.email}</span>
            <span>
              <span className="badge badge--accent">{t(`roles.${user.role}`)}</span>
            </span>
          </div>
          <div className="menu__section">
            <div className="menu__section-title">{t('language.label')}</div>
            <LanguageSwitch onChange={(locale) => saveLocale.mutate(locale)} />
          </div>
          <Link to="/profile" className="menu__item" onClick={toggle}>
            <BellIcon />
            {t('profile.menuLink')}
          </Link>
          <button type="button" className="menu__item" onClick={signOut} disabled={logout.isPending}>
            <LogoutIcon />
            {t('header.logout')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
