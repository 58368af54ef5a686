import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth.ts';
import { inProgressStatuses, RUNS_PAGE_SIZE, runStatuses, useRuns } from '../api/runs.ts';
import { useWorkflowList } from '../api/workflow-lists.ts';
import { FilterSelect } from '../components/FilterSelect.tsx';
import { HistoryIcon } from '../components/icons.tsx';
import { EmptyState, ErrorState, LoadingState } from '../components/States.tsx';
import { useErrorMessage } from '../components/useErrorMessage.ts';
import '../styles/table.css';
import '../styles/lists.css';
import { ListPager } from '../components/ListPager.tsx';
import { RunsTable } from './RunsTable.tsx';
import { useUrlFilters } from './useUrlFilters.ts';

const filterKeys = ['status', 'workflowId'] as const;

/** `/runs`: every run of the organization, newest first, filtered by status and workflow. */
export function RunsPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const me = useMe();
  const [filters, setFilters] = useUrlFilters(filterKeys);
  const workflows = useWorkflowList({});
  const runs = useRuns({ status: filters.status, workflowId: filters.workflowId, page: filters.page });
  const items = runs.data?.items ?? [];
  const live = items.some((run) => inProgressStatuses.includes(run.status));
  const filtered = Boolean(filters.status || filters.workflowId);

  return (
    <div className="page page--wide">
      <div className="page__header">
        <div className="page__titles">
          <h1>{t('runs.title')}</h1>
          <p className="page__subtitle">{t('runs.subtitle')}</p>
        </div>
        {live ? (
          <span className="live-badge" role="status">
            <span className="badge__pulse" aria-hidden="true" />
            {t('runs.live')}
          </span>
        ) : null}
      </div>
      <section className="card" aria-label={t('runs.title')}>
        <div className="toolbar">
          <div className="toolbar__group">
            <FilterSelect
              label={t('runs.filters.status')}
              allLabel={t('runs.filters.allStatuses')}
              value={filters.status}
              options={runStatuses.map((value) => ({ value, label: t(`runs.status.${value}`) }))}
              onChange={(status) => setFilters({ status })}
            />
            <FilterSelect
              label={t('runs.filters.workflow')}
              allLabel={t('runs.filters.allWorkflows')}
              value={filters.workflowId}
              onChange={(workflowId) => setFilters({ workflowId })}
            >
              {(['event', 'schedule'] as const).map((kind) => {
                const ofKind = (workflows.data?.items ?? []).filter((workflow) => workflow.kind === kind);
                return ofKind.length > 0 ? (
                  <optgroup key={kind} label={t(`workflows.title.${kind}`)}>
                    {ofKind.map((workflow) => (
                      <option key={workflow.id} value={workflow.id}>
                        {workflow.name}
                      </option>
                    ))}
                  </optgroup>
                ) : null;
              })}
            </FilterSelect>
          </div>
        </div>
        {runs.isPending ? <LoadingState /> : null}
        {runs.isError ? (
          <div className="toolbar">
            <ErrorState message={errorMessage(runs.error)} onRetry={() => void runs.refetch()} />
          </div>
        ) : null}
        {runs.data && items.length === 0 ? (
          filtered ? (
            <p className="centered">{t('runs.emptyFiltered')}</p>
          ) : (
            <EmptyState icon={<HistoryIcon size={22} />} title={t('runs.title')} body={t('runs.empty')} />
          )
        ) : null}
        {items.length > 0 ? (
          <RunsTable runs={items} timeZone={me.data?.organization.timeZone} busy={runs.isPlaceholderData} />
        ) : null}
        {runs.data ? (
          <ListPager
            page={filters.page}
            pageSize={RUNS_PAGE_SIZE}
            total={runs.data.total}
            totalLabel={t('runs.total', { count: runs.data.total })}
            onPage={(page) => setFilters({ page })}
            testId="runs-total"
          />
        ) : null}
      </section>
    </div>
  );
}
