import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth.ts';
import { OUTBOX_PAGE_SIZE, outboxChannels, outboxStatuses, useOutbox } from '../api/outbox.ts';
import { FilterSelect } from '../components/FilterSelect.tsx';
import { OutboxIcon } from '../components/icons.tsx';
import { ListPager } from '../components/ListPager.tsx';
import { EmptyState, ErrorState, LoadingState } from '../components/States.tsx';
import { useErrorMessage } from '../components/useErrorMessage.ts';
import { useUrlFilters } from '../runs/useUrlFilters.ts';
import '../styles/table.css';
import '../styles/lists.css';
import '../styles/outbox.css';
import { OutboxPreview } from './OutboxPreview.tsx';
import { OutboxTable } from './OutboxTable.tsx';

const filterKeys = ['channel', 'status', 'message'] as const;

/** `/outbox`: what the workflows sent or kept, newest first, with a preview of the chosen message. */
export function OutboxPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const me = useMe();
  const [filters, setFilters] = useUrlFilters(filterKeys);
  const outbox = useOutbox({ channel: filters.channel, status: filters.status, page: filters.page });
  const items = outbox.data?.items ?? [];
  const selected = items.find((message) => message.id === filters.message);
  const timeZone = me.data?.organization.timeZone;
  // Opening a preview keeps the page the user is on.
  const select = (id: string | undefined) => setFilters({ message: id, page: filters.page });
  const filterLists = [
    {
      key: 'channel',
      options: outboxChannels.map((value) => ({ value, label: t(`outbox.channel.${value}`) })),
    },
    {
      key: 'status',
      options: outboxStatuses.map((value) => ({ value, label: t(`outbox.status.${value}`) })),
    },
  ] as const;

  return (
    <div className="page page--wide">
      <div className="page__header">
        <div className="page__titles">
          <h1>{t('outbox.title')}</h1>
          <p className="page__subtitle">{t('outbox.subtitle')}</p>
        </div>
      </div>
      <div className={selected ? 'outbox-layout has-preview' : 'outbox-layout'}>
        <section className="card" aria-label={t('outbox.title')}>
          <div className="toolbar">
            <div className="toolbar__group">
              {filterLists.map(({ key, options }) => (
                <FilterSelect
                  key={key}
                  label={t(`outbox.${key}.label`)}
                  allLabel={t(`outbox.${key}.all`)}
                  value={filters[key]}
                  options={options}
                  // Changing a filter closes the preview, whose message may no longer be listed.
                  onChange={(value) => setFilters({ [key]: value, message: undefined })}
                />
              ))}
            </div>
          </div>
          {outbox.isPending ? <LoadingState /> : null}
          {outbox.isError ? (
            <div className="toolbar">
              <ErrorState message={errorMessage(outbox.error)} onRetry={() => void outbox.refetch()} />
            </div>
          ) : null}
          {outbox.data && items.length === 0 ? (
            filters.channel || filters.status ? (
              <p className="centered">{t('outbox.emptyFiltered')}</p>
            ) : (
              <EmptyState
                icon={<OutboxIcon size={22} />}
                title={t('outbox.title')}
                body={t('outbox.empty')}
              />
            )
          ) : null}
          {items.length > 0 ? (
            <OutboxTable
              messages={items}
              selectedId={selected?.id}
              timeZone={timeZone}
              busy={outbox.isPlaceholderData}
              onSelect={select}
            />
          ) : null}
          {outbox.data ? (
            <ListPager
              page={filters.page}
              pageSize={OUTBOX_PAGE_SIZE}
              total={outbox.data.total}
              totalLabel={t('outbox.total', { count: outbox.data.total })}
              onPage={(page) => setFilters({ page, message: undefined })}
              testId="outbox-total"
            />
          ) : null}
        </section>
        {selected ? (
          <OutboxPreview
            key={selected.id}
            message={selected}
            timeZone={timeZone}
            onClose={() => select(undefined)}
          />
        ) : null}
      </div>
    </div>
  );
}
