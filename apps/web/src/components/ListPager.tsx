import { useTranslation } from 'react-i18next';
import { ChevronLeftIcon, ChevronRightIcon } from '../components/icons.tsx';

export interface ListPagerProps {
  page: number;
  pageSize: number;
  total: number;
  /** What the list counts, already pluralised: "12 lần chạy". */
  totalLabel: string;
  onPage: (page: number) => void;
  testId?: string;
  /** Show "from–to of total" even when everything fits on one page (records do; runs and outbox do not). */
  rangeOnSinglePage?: boolean;
}

/** Page controls under a server-paged list (records, runs, outbox). */
export function ListPager({
  page,
  pageSize,
  total,
  totalLabel,
  onPage,
  testId,
  rangeOnSinglePage = false,
}: ListPagerProps) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <nav className="pager" aria-label={t('records.pagination')}>
      <span data-testid={testId}>
        {totalLabel}
        {total > (rangeOnSinglePage ? 0 : pageSize) ? ` · ${t('records.range', { from, to, total })}` : null}
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
