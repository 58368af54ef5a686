import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AlertIcon } from '../components/icons.tsx';
import { EmptyState } from '../components/States.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="page page--narrow">
      <div className="card">
        <EmptyState
          icon={<AlertIcon size={22} />}
          title={t('notFound.title')}
          body={t('notFound.body')}
          action={
            <Link className="btn" to="/workflows">
              {t('notFound.back')}
            </Link>
          }
        />
      </div>
    </div>
  );
}
