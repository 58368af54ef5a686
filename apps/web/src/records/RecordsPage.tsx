import type { ModuleMeta } from '@crmflow/flow';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMe } from '../api/auth.ts';
import { useModules } from '../api/modules.ts';
import { RECORDS_PAGE_SIZE, useRecords, useRecordTitles } from '../api/records.ts';
import { PlusIcon } from '../components/icons.tsx';
import { ErrorState, LoadingState } from '../components/States.tsx';
import { useErrorMessage } from '../components/useErrorMessage.ts';
import { useLocale } from '../i18n/useLocale.ts';
import '../styles/table.css';
import { ListPager } from '../components/ListPager.tsx';
import { labelOf } from './format.ts';
import { listColumns } from './list-columns.ts';
import { ModuleTabs } from './ModuleTabs.tsx';
import { RecordsTable, referencesOf, relatedTitles } from './RecordsTable.tsx';
import { SearchBox } from './SearchBox.tsx';
import { useListParams } from './useListParams.ts';
import { useUserNames } from './useUserNames.ts';

/** `/records/:module`: the module switcher and the list of its records. */
export function RecordsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { module: moduleKey = 'order' } = useParams();
  const modules = useModules();
  const errorMessage = useErrorMessage();
  const module = modules.data?.find((item) => item.key === moduleKey);

  return (
    <div className="page">
      <div className="page__header">
        <div className="page__titles">
          <h1>{t('records.title')}</h1>
          <p className="page__subtitle">{t('records.subtitle')}</p>
        </div>
        {module ? (
          <Link to={`/records/${module.key}/new`} className="btn btn--primary">
            <PlusIcon />
            {t('records.add')}
          </Link>
        ) : null}
      </div>
      {modules.isPending ? <LoadingState /> : null}
      {modules.isError ? (
        <ErrorState message={errorMessage(modules.error)} onRetry={() => void modules.refetch()} />
      ) : null}
      {modules.data ? <ModuleTabs modules={modules.data} current={moduleKey} /> : null}
      {modules.data && !module ? (
        <ErrorState message={t('records.unknownModule', { module: moduleKey })} />
      ) : null}
      {module ? <RecordsList key={module.key} module={module} heading={labelOf(module, locale)} /> : null}
    </div>
  );
}

function RecordsList({ module, heading }: { module: ModuleMeta; heading: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [params, update] = useListParams();
  const me = useMe();
  const userNames = useUserNames();
  const columns = listColumns(module);
  const records = useRecords({
    module: module.key,
    q: params.q,
    sort: params.sort,
    order: params.order,
    page: params.page,
    pageSize: RECORDS_PAGE_SIZE,
  });
  const items = records.data?.items ?? [];
  const fetchedTitles = useRecordTitles(referencesOf(items, columns));
  const refTitles = new Map([...fetchedTitles, ...relatedTitles(items, columns)]);

  return (
    <section className="card" aria-label={heading}>
      <div className="toolbar">
        <SearchBox
          value={params.q}
          onSearch={(q) => update({ q })}
          label={t('records.searchLabel')}
          placeholder={t('records.searchPlaceholder')}
        />
      </div>
      {records.isPending ? <LoadingState /> : null}
      {records.isError ? (
        <div className="toolbar">
          <ErrorState message={errorMessage(records.error)} onRetry={() => void records.refetch()} />
        </div>
      ) : null}
      {records.data ? (
        <>
          <RecordsTable
            module={module}
            columns={columns}
            records={items}
            lookups={{ userNames, refTitles, timeZone: me.data?.organization.timeZone }}
            sort={params.sort}
            order={params.order}
            onSort={(sort, order) => update({ sort, order })}
            busy={records.isPlaceholderData}
          />
          {items.length === 0 ? (
            <p className="centered">
              {params.q ? t('records.emptySearch', { q: params.q }) : t('records.empty')}
            </p>
          ) : null}
          <ListPager
            page={records.data.page}
            pageSize={records.data.pageSize}
            total={records.data.total}
            totalLabel={t('records.total', { count: records.data.total })}
            onPage={(page) => update({ page })}
            testId="records-total"
            rangeOnSinglePage
          />
        </>
      ) : null}
    </section>
  );
}
