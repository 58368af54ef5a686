import { useTranslation } from 'react-i18next';
import { type OutboxStatus, outboxStatuses } from '../api/outbox.ts';

const tone: Record<OutboxStatus, string> = {
  queued: 'badge--muted',
  sending: 'badge--warning',
  sent: 'badge--success',
  captured: 'badge--accent',
  failed: 'badge--danger',
};

export function isOutboxStatus(status: string): status is OutboxStatus {
  return outboxStatuses.some((known) => known === status);
}

/** Đã gửi, Đã lưu (không gửi thật), Đang chờ, Thất bại — with the provider's error under a failure. */
export function OutboxStatusBadge({ status, error }: { status: string; error?: string | null }) {
  const { t } = useTranslation();
  const known = isOutboxStatus(status);
  return (
    <span className="run-status">
      <span className={`badge ${known ? tone[status] : 'badge--muted'}`} data-status={status}>
        {known ? t(`outbox.status.${status}`) : status}
      </span>
      {status === 'failed' && error ? <span className="run-status__reason">{error}</span> : null}
    </span>
  );
}
