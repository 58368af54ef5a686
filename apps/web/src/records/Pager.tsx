import { useTranslation } from 'react-i18next';
import { ChevronLeftIcon, ChevronRightIcon } from '../components/icons.tsx';

export interface PagerProps {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}

export function Pager({ page, pageSize, total, onPage }: PagerProps) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <nav className="pager" aria-label={t('records.pagination')}>
      <span data-testid="records-total">
        {t('records.total', { count: total })}
        {total > 0 ? ` · ${t('records.range', { from, to, total })}` : null}
      </span>
      <div className="pager__controls">
        <span>{t('records.pageOf', { page, pages })}</span>
        <button
          type="button"
          className="btn btn--sm btn--icon"
          aria-label={t('records.previous')}
          disabled={page <= 1}
          onClick={() => onPage(page - 1)}
        >
          <ChevronLeftIcon />
        </button>
        <button
          type="button"
          className="btn btn--sm btn--icon"
          aria-label={t('records.next')}
          disabled={page >= pages}
          onClick={() => onPage(page + 1)}
        >
          <ChevronRightIcon />
        </button>
      </div>
    </nav>
  );
}
