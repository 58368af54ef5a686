import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/States.tsx';

export interface PlaceholderPageProps {
  section: 'workflows' | 'careProcesses' | 'templates' | 'runs' | 'outbox';
  icon: ComponentType<{ size?: number }>;
}

/** A section whose screens are still to come: its title and what it will hold, nothing invented. */
export function PlaceholderPage({ section, icon: Icon }: PlaceholderPageProps) {
  const { t } = useTranslation();
  return (
    <div className="page">
      <div className="page__header">
        <div className="page__titles">
          <h1>{t(`nav.${section}`)}</h1>
        </div>
      </div>
      <div className="card">
        <EmptyState
          icon={<Icon size={22} />}
          title={t('placeholder.comingSoon')}
          body={t(`placeholder.${section}`)}
        />
      </div>
    </div>
  );
}
