import type { OutboxMessage, OutboxMessageDetail } from '@crmflow/contracts';
import { smsSegments } from '@crmflow/flow/messaging';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { attachmentUrl, useOutboxMessage } from '../api/outbox.ts';
import { CloseIcon } from '../components/icons.tsx';
import { formatDateTime } from '../records/format.ts';
import { runPath } from '../runs/RunsTable.tsx';
import { OutboxStatusBadge } from './OutboxStatusBadge.tsx';
import { isOutboxChannel } from './outbox-text.ts';

export interface OutboxPreviewProps {
  /** The row as listed, shown at once while the full message (with its payload) loads. */
  message: OutboxMessage;
  timeZone: string | undefined;
  onClose: () => void;
}

const sizeFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
export const fileSize = (bytes: number) =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 ** 2
      ? `${sizeFormat.format(bytes / 1024)} KB`
      : `${sizeFormat.format(bytes / 1024 ** 2)} MB`;

/** The message as its recipient gets it: the email rendered in a locked-down frame, the SMS with its parts. */
export function OutboxPreview({ message: listed, timeZone, onClose }: OutboxPreviewProps) {
  const { t } = useTranslation();
  const detail = useOutboxMessage(listed.id);
  const message: OutboxMessage & Partial<Pick<OutboxMessageDetail, 'payload'>> = detail.data ?? listed;
  const channel = isOutboxChannel(message.channel) ? t(`outbox.channel.${message.channel}`) : message.channel;
  return (
    <aside
      className="outbox-preview card"
      aria-label={t('outbox.preview.title')}
      data-testid="outbox-preview"
    >
      <div className="outbox-preview__header">
        <h2>
          {t('outbox.preview.title')} · {channel}
        </h2>
        <button
          type="button"
          className="btn btn--ghost btn--sm btn--icon"
          aria-label={t('outbox.preview.close')}
          onClick={onClose}
        >
          <CloseIcon />
        </button>
      </div>
      <dl className="outbox-preview__facts">
        <dt>{t('outbox.preview.recipient')}</dt>
        <dd>{message.recipient}</dd>
        {message.subject ? (
          <>
            <dt>{t('outbox.preview.subject')}</dt>
            <dd>{message.subject}</dd>
          </>
        ) : null}
        <dt>{t('outbox.columns.status')}</dt>
        <dd>
          <OutboxStatusBadge status={message.status} />
        </dd>
        <dt>{t('outbox.preview.createdAt')}</dt>
        <dd>{formatDateTime(message.createdAt, timeZone)}</dd>
        {message.sentAt ? (
          <>
            <dt>{t('outbox.preview.sentAt')}</dt>
            <dd>{formatDateTime(message.sentAt, timeZone)}</dd>
          </>
        ) : null}
        {message.runId ? (
          <>
            <dt>{t('outbox.columns.run')}</dt>
            <dd>
              <Link to={runPath(message.runId)}>{t('outbox.viewRun')}</Link>
            </dd>
          </>
        ) : null}
        {message.attempts > 1 ? (
          <>
            <dt>{t('outbox.preview.attempts')}</dt>
            <dd>{message.attempts}</dd>
          </>
        ) : null}
      </dl>
      {message.status === 'captured' ? (
        <p className="outbox-preview__note">{t('outbox.preview.captured')}</p>
      ) : null}
      {message.error ? (
        <div className="alert alert--error" role="note">
          <div className="alert__body">
            <strong>{t('outbox.preview.error')}</strong>
            <span>{message.error}</span>
          </div>
        </div>
      ) : null}
      <MessageBody message={message} />
      {message.attachments.length > 0 ? (
        <section className="outbox-preview__attachments">
          <h3>{t('outbox.preview.attachments')}</h3>
          <ul>
            {message.attachments
              // The API addresses an attachment by its position, so the position is its identity.
              .map((file, index) => ({ file, url: attachmentUrl(message.id, index) }))
              .map(({ file, url }) => (
                <li key={url}>
                  <a
                    href={url}
                    download={file.name}
                    aria-label={t('outbox.preview.download', { name: file.name })}
                  >
                    {file.name}
                  </a>
                  {typeof file.size === 'number' ? (
                    <span className="muted"> · {fileSize(file.size)}</span>
                  ) : null}
                </li>
              ))}
          </ul>
        </section>
      ) : null}
    </aside>
  );
}

function MessageBody({ message }: { message: OutboxMessage & { payload?: unknown } }) {
  const { t } = useTranslation();
  if (message.channel === 'email') {
    // sandbox="" runs no script and reaches nothing: the body is shown, never trusted.
    return (
      <iframe
        className="outbox-preview__frame"
        title={t('outbox.preview.emailFrame')}
        sandbox=""
        srcDoc={message.body ?? ''}
      />
    );
  }
  if (message.channel === 'sms') {
    const text = message.body ?? '';
    const parts = smsSegments(text);
    return (
      <div className="outbox-preview__sms">
        <p className="sms-bubble">{text}</p>
        <p className="muted" data-testid="sms-segments">
          {t('outbox.preview.segments', {
            count: parts.segments,
            length: parts.length,
            encoding: parts.encoding,
          })}
        </p>
      </div>
    );
  }
  return (
    <div className="outbox-preview__payload">
      {message.body ? <p className="sms-bubble">{message.body}</p> : null}
      {message.payload !== undefined ? (
        <>
          <h3>{t('outbox.preview.payload')}</h3>
          <pre className="mono">{JSON.stringify(message.payload, null, 2)}</pre>
        </>
      ) : null}
    </div>
  );
}
