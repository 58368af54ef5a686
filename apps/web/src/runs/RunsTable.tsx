import type { Run } from '@crmflow/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../records/format.ts';
import { RunDuration } from './RunDuration.tsx';
import { RunStatusBadge } from './RunStatusBadge.tsx';

/** Why a run ended the way it did is worth showing for these; a success speaks for itself. */
const explained = new Set(['failed', 'skipped', 'dropped', 'waiting']);

export const runPath = (id: string) => `/runs/${encodeURIComponent(id)}`;

/** Rows open the run on the canvas; the workflow and the record cells are links of their own. */
export function RunsTable({
  runs,
  timeZone,
  busy,
  showRecord = true,
}: {
  runs: Run[];
  timeZone: string | undefined;
  busy: boolean;
  /** Off on a record's own page, where every run is on that record. */
  showRecord?: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div className="table-wrap">
      <table className="table table--clickable" data-testid="runs-table" aria-busy={busy || undefined}>
        <thead>
          <tr>
            <th>{t('runs.columns.workflow')}</th>
            {showRecord ? <th>{t('runs.columns.record')}</th> : null}
            <th>{t('runs.columns.status')}</th>
            <th>{t('runs.columns.startedAt')}</th>
            <th>{t('runs.columns.finishedAt')}</th>
            <th className="num">{t('runs.columns.duration')}</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => {
            const name = run.workflowName ?? run.workflowId;
            return (
              <tr
                key={run.id}
                data-testid="run-row"
                data-run-id={run.id}
                onClick={(event) => {
                  if (event.target instanceof Element && event.target.closest('a')) return;
                  navigate(runPath(run.id));
                }}
              >
                <td>
                  <Link
                    to={runPath(run.id)}
                    className="workflow-name"
                    aria-label={t('runs.openRun', { name })}
                  >
                    {name}
                  </Link>
                </td>
                {showRecord ? (
                  <td>
                    {run.recordId ? (
                      <Link
                        to={`/records/${encodeURIComponent(run.module)}/${encodeURIComponent(run.recordId)}`}
                      >
                        {run.recordTitle || run.recordId}
                      </Link>
                    ) : (
                      <span className="muted">{t('runs.noRecord')}</span>
                    )}
                  </td>
                ) : null}
                <td>
                  <RunStatusBadge
                    status={run.status}
                    reason={explained.has(run.status) ? run.reason : null}
                  />
                </td>
                <td className="nowrap">{formatDateTime(run.startedAt ?? run.createdAt, timeZone)}</td>
                <td className="nowrap">{formatDateTime(run.finishedAt, timeZone)}</td>
                <td className="num">
                  <RunDuration run={run} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
