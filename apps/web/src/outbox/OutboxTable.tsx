import type { OutboxMessage } from '@crmflow/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../records/format.ts';
import { runPath } from '../runs/RunsTable.tsx';
import { OutboxStatusBadge } from './OutboxStatusBadge.tsx';
import { contentLine, isOutboxChannel } from './outbox-text.ts';

export interface OutboxTableProps {
  messages: OutboxMessage[];
  selectedId: string | undefined;
  timeZone: string | undefined;
  busy: boolean;
  onSelect: (id: string) => void;
}

/** A row per message; choosing one opens its preview beside the list. */
export function OutboxTable({ messages, selectedId, timeZone, busy, onSelect }: OutboxTableProps) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table
        className="table table--clickable outbox-table"
        data-testid="outbox-table"
        aria-busy={busy || undefined}
      >
        <thead>
          <tr>
            <th>{t('outbox.columns.channel')}</th>
            <th>{t('outbox.columns.recipient')}</th>
            <th>{t('outbox.columns.content')}</th>
            <th>{t('outbox.columns.status')}</th>
            <th className="outbox-secondary">{t('outbox.columns.time')}</th>
            <th className="outbox-secondary">{t('outbox.columns.run')}</th>
          </tr>
        </thead>
        <tbody>
          {messages.map((message) => {
            const line = contentLine(message);
            return (
              <tr
                key={message.id}
                data-testid="outbox-row"
                data-message-id={message.id}
                aria-selected={message.id === selectedId}
                onClick={(event) => {
                  if (event.target instanceof Element && event.target.closest('a, button')) return;
                  onSelect(message.id);
                }}
              >
                <td className="nowrap">
                  <span className={`channel channel--${message.channel}`}>
                    {isOutboxChannel(message.channel)
                      ? t(`outbox.channel.${message.channel}`)
                      : message.channel}
                  </span>
                </td>
                <td className="outbox-recipient">{message.recipient}</td>
                <td className="outbox-content">
                  <button type="button" className="link-button" onClick={() => onSelect(message.id)}>
                    {line || t('outbox.noSubject')}
                  </button>
                </td>
                <td>
                  <OutboxStatusBadge status={message.status} error={message.error} />
                </td>
                <td className="nowrap outbox-secondary">
                  {formatDateTime(message.sentAt ?? message.createdAt, timeZone)}
                </td>
                <td className="nowrap outbox-secondary">
                  {message.runId ? <Link to={runPath(message.runId)}>{t('outbox.viewRun')}</Link> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
