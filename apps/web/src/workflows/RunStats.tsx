import type { Workflow } from '@crmflow/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { statsOf } from '../api/workflow-lists.ts';
import { formatDateTime } from '../records/format.ts';
import { RunStatusBadge } from '../runs/RunStatusBadge.tsx';
import { runsOfWorkflowPath } from './workflow-paths.ts';

/** When the workflow last ran and how that went. */
export function LastRun({ workflow, timeZone }: { workflow: Workflow; timeZone: string | undefined }) {
  const { t } = useTranslation();
  const { lastRunAt, lastRunStatus } = statsOf(workflow);
  if (!lastRunAt) return <span className="muted">{t('workflows.noRuns')}</span>;
  return (
    <span className="last-run">
      <span className="nowrap">{formatDateTime(lastRunAt, timeZone)}</span>
      {lastRunStatus ? <RunStatusBadge status={lastRunStatus} /> : null}
    </span>
  );
}

/** How many times it ran (and failed), linking to those runs. */
export function RunCounts({ workflow }: { workflow: Workflow }) {
  const { t } = useTranslation();
  const { runs, failed } = statsOf(workflow);
  if (runs === 0) return <span className="muted">{t('workflows.runCount', { count: 0 })}</span>;
  return (
    <Link
      to={runsOfWorkflowPath(workflow.id)}
      className="run-counts"
      title={t('workflows.runsLink', { name: workflow.name })}
    >
      <span>{t('workflows.runCount', { count: runs })}</span>
      {failed > 0 ? (
        <span className="run-counts__failed">{t('workflows.failedCount', { count: failed })}</span>
      ) : null}
    </Link>
  );
}
