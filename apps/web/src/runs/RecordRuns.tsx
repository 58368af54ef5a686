import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth.ts';
import { useRecordRuns } from '../api/runs.ts';
import { ErrorState } from '../components/States.tsx';
import { useErrorMessage } from '../components/useErrorMessage.ts';
import { RunsTable } from './RunsTable.tsx';

/** On a record's page: the workflows and care processes that ran on it, newest first. */
export function RecordRuns({ module, recordId }: { module: string; recordId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const runs = useRecordRuns(module, recordId);
  const errorMessage = useErrorMessage();
  const items = runs.data?.items ?? [];
  return (
    <section className="record-runs" aria-labelledby="record-runs-title" data-testid="record-runs">
      <h2 id="record-runs-title">{t('runs.record.title')}</h2>
      {runs.isError ? (
        <ErrorState message={errorMessage(runs.error)} onRetry={() => void runs.refetch()} />
      ) : runs.isPending ? (
        <p className="muted">{t('runs.record.loading')}</p>
      ) : items.length === 0 ? (
        <p className="muted">{t('runs.record.empty')}</p>
      ) : (
        <RunsTable
          runs={items}
          timeZone={me.data?.organization.timeZone}
          busy={runs.isFetching}
          showRecord={false}
        />
      )}
    </section>
  );
}
