import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { isInSection, navItems } from './nav-items.ts';

export function Sidebar() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <nav className="shell__nav" aria-label={t('nav.label')}>
      <ul className="nav-list">
        {navItems.map(({ key, to, section, icon: Icon, separated, phone }) => (
          <Fragment key={key}>
            {separated ? <li className="nav-separator" aria-hidden="true" /> : null}
            <li className={phone ? 'nav-item nav-item--phone' : 'nav-item'}>
              <Link
                to={to}
                className="nav-link"
                aria-current={isInSection(pathname, section) ? 'page' : undefined}
              >
                <Icon size={18} />
                <span className="nav-link__text">{t(`nav.${key}`)}</span>
              </Link>
            </li>
          </Fragment>
        ))}
      </ul>
    </nav>
  );
}
