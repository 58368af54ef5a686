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
        {navItems.map(({ key, to, section, icon: Icon, separated, phone, short }) => (
          <Fragment key={key}>
            {separated ? <li className="nav-separator" aria-hidden="true" /> : null}
            <li className={phone ? 'nav-item nav-item--phone' : 'nav-item'}>
              <Link
                to={to}
                className="nav-link"
                aria-current={isInSection(pathname, section) ? 'page' : undefined}
              >
                <Icon size={18} />
                <span className={short ? 'nav-link__text nav-link__text--long' : 'nav-link__text'}>
                  {t(`nav.${key}`)}
                </span>
                {short ? (
                  <span className="nav-link__short" aria-hidden="true">
                    {t(short)}
                  </span>
                ) : null}
              </Link>
            </li>
          </Fragment>
        ))}
      </ul>
    </nav>
  );
}
