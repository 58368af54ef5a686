import type { Workflow } from '@crmflow/contracts';
import { useTranslation } from 'react-i18next';
import { type CarePreview, useCarePreview } from '../../api/care-preview.ts';
import { ErrorState, LoadingState } from '../../components/States.tsx';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { formatDate } from '../../records/format.ts';
import { SidePanel } from '../inspector/SidePanel.tsx';

type PreviewList = CarePreview['today'];

/** How many due records a list leaves out: the API lists the first hundred and counts them all. */
export const hiddenCount = (list: Pick<PreviewList, 'total' | 'records'>) =>
  Math.max(0, list.total - list.records.length);

/**
 * "Lịch chạy tới" of a care process: the records it acts on today and this ISO week, and its next
 * seven run dates with how many records each — computed by the server from the saved version,
 * with the scheduler's own selection and conditions.
 */
export function CarePreviewPanel({
  workflow,
  dirty,
  onClose,
}: {
  workflow: Workflow;
  dirty: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const preview = useCarePreview(workflow.id, workflow.version);

  return (
    <SidePanel
      title={t('editor.carePreview.title')}
      closeLabel={t('editor.carePreview.close')}
      testId="care-preview"
      onClose={onClose}
    >
      <div className="inspector__section">
        <p className="inspector__hint">{t('editor.carePreview.intro')}</p>
        {dirty ? (
          <p className="alert alert--warning" role="status">
            {t('editor.carePreview.unsaved')}
          </p>
        ) : null}
      </div>
      {preview.isPending ? <LoadingState /> : null}
      {preview.isError ? (
        <div className="inspector__section">
          <ErrorState message={errorMessage(preview.error)} onRetry={() => void preview.refetch()} />
        </div>
      ) : null}
      {preview.data ? <PreviewBody preview={preview.data} /> : null}
    </SidePanel>
  );
}

function PreviewBody({ preview }: { preview: CarePreview }) {
  const { t } = useTranslation();
  const { today, thisWeek, nextRuns } = preview;
  return (
    <>
      <section className="inspector__section" data-testid="care-preview-today">
        <h3 className="inspector__subtitle">
          {t('editor.carePreview.today', { date: formatDate(today.date) })}
        </h3>
        <RecordList list={today} />
      </section>
      <section className="inspector__section" data-testid="care-preview-week">
        <h3 className="inspector__subtitle">
          {t('editor.carePreview.week', { from: formatDate(thisWeek.from), to: formatDate(thisWeek.to) })}
        </h3>
        <RecordList list={thisWeek} showDue />
      </section>
      <section className="inspector__section">
        <h3 className="inspector__subtitle">{t('editor.carePreview.nextRuns')}</h3>
        <ol className="care-preview__runs" data-testid="care-preview-runs">
          {nextRuns.map((run) => (
            <li key={run.date} className="care-preview__run">
              <span>{formatDate(run.date)}</span>
              <span className="badge">{t('editor.carePreview.records', { count: run.total })}</span>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

function RecordList({
  list,
  showDue = false,
}: {
  list: Pick<PreviewList, 'total' | 'records'>;
  showDue?: boolean;
}) {
  const { t } = useTranslation();
  if (list.total === 0) return <p className="muted">{t('editor.carePreview.none')}</p>;
  const hidden = hiddenCount(list);
  return (
    <>
      <p className="muted">{t('editor.carePreview.records', { count: list.total })}</p>
      <ul className="care-preview__records">
        {list.records.map((record) => (
          <li key={`${record.id}:${record.occurrence}`} className="care-preview__record">
            <span>{record.title}</span>
            {showDue ? <span className="muted">{formatDate(record.fireDate)}</span> : null}
          </li>
        ))}
      </ul>
      {hidden > 0 ? <p className="muted">{t('editor.carePreview.more', { count: hidden })}</p> : null}
    </>
  );
}
