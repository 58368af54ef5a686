import { useTranslation } from 'react-i18next';
import { isRunStatus, type RunStatus } from '../api/runs.ts';

const tone: Record<RunStatus, string> = {
  queued: 'badge--muted',
  running: 'badge--accent',
  waiting: 'badge--warning',
  succeeded: 'badge--success',
  failed: 'badge--danger',
  skipped: 'badge--muted',
  dropped: 'badge--danger-soft',
};

/** A run's status in words and colour; a reason (why skipped, dropped or failed) shows beside it. */
export function RunStatusBadge({ status, reason }: { status: string; reason?: string | null }) {
  const { t } = useTranslation();
  const known = isRunStatus(status);
  return (
    <span className="run-status">
      <span className={`badge ${known ? tone[status] : 'badge--muted'}`} data-status={status}>
        {known && status === 'running' ? <span className="badge__pulse" aria-hidden="true" /> : null}
        {known ? t(`runs.status.${status}`) : status}
      </span>
      {reason ? <span className="run-status__reason">{reason}</span> : null}
    </span>
  );
}
