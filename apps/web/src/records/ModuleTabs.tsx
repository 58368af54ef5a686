import type { ModuleMeta } from '@crmflow/flow';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../i18n/useLocale.ts';
import { labelOf } from './format.ts';

/** One tab per module, labelled in the current language from the metadata the server serves. */
export function ModuleTabs({ modules, current }: { modules: ModuleMeta[]; current: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <nav className="tabs" aria-label={t('records.modules')}>
      {modules.map((module) => (
        <Link
          key={module.key}
          to={`/records/${module.key}`}
          className="tab"
          aria-current={module.key === current ? 'page' : undefined}
        >
          {labelOf(module, locale)}
        </Link>
      ))}
    </nav>
  );
}
