import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AppNotification } from '../api/notifications.ts';
import { CheckIcon } from '../components/icons.tsx';
import { formatDateTime } from '../records/format.ts';

export interface NotificationItemProps {
  notification: AppNotification;
  timeZone: string | undefined;
  onRead: (id: string) => void;
  /** Following the link closes the menu. */
  onFollow: () => void;
}

/** Links inside the app stay in the app; anything else is not followed from here. */
const isAppLink = (link: string | null | undefined): link is string => Boolean(link?.startsWith('/'));

/** One notification: its text (a link to what it is about), when, and a way to mark it read. */
export function NotificationItem({ notification, timeZone, onRead, onFollow }: NotificationItemProps) {
  const { t } = useTranslation();
  const unread = !notification.readAt;
  const text = <span className="bell__message">{notification.message}</span>;
  return (
    <li className={unread ? 'bell__item is-unread' : 'bell__item'} data-testid="notification-item">
      <div className="bell__body">
        {isAppLink(notification.link) ? (
          <Link
            to={notification.link}
            onClick={() => {
              if (unread) onRead(notification.id);
              onFollow();
            }}
          >
            {text}
          </Link>
        ) : (
          text
        )}
        <span className="bell__time">
          {unread ? <span className="visually-hidden">{t('notifications.unread')} · </span> : null}
          {formatDateTime(notification.createdAt, timeZone)}
        </span>
      </div>
      {unread ? (
        <button
          type="button"
          className="btn btn--ghost btn--sm btn--icon"
          aria-label={t('notifications.markRead')}
          title={t('notifications.markRead')}
          onClick={() => onRead(notification.id)}
        >
          <CheckIcon />
        </button>
      ) : null}
    </li>
  );
}
