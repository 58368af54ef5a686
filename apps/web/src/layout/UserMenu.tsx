import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLogout, useSaveMyLocale } from '../api/auth.ts';
import type { User } from '../api/schemas.ts';
import { ChevronDownIcon, LogoutIcon } from '../components/icons.tsx';
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
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: MouseEvent) => {
      if (event.target instanceof Node && !root.current?.contains(event.target)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      trigger.current?.focus();
    };
    document.addEventListener('mousedown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

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
        aria-label={t('header.userMenu')}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="avatar" aria-hidden="true">
          {initials(user.name)}
        </span>
        <span>{user.name}</span>
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
          <button type="button" className="menu__item" onClick={signOut} disabled={logout.isPending}>
            <LogoutIcon />
            {t('header.logout')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
