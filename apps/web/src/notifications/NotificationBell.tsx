import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth.ts';
import {
  useMarkAllNotificationsRead,
  useMarkNotificationRead,
  useNotificationStream,
  useNotifications,
} from '../api/notifications.ts';
import { BellIcon } from '../components/icons.tsx';
import { useMenu } from '../components/useMenu.ts';
import '../styles/notifications.css';
import { NotificationItem } from './NotificationItem.tsx';

/** Notifications the menu lists; older ones stay on the server. */
export const SHOWN_NOTIFICATIONS = 10;

/** The header bell: the unread count, live from the server, and the latest notifications on click. */
export function NotificationBell() {
  const { t } = useTranslation();
  const me = useMe();
  const notifications = useNotifications();
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const { open, close, toggle, panelId, root, trigger } = useMenu();
  useNotificationStream();

  const unread = notifications.data?.unread ?? 0;
  const items = (notifications.data?.items ?? []).slice(0, SHOWN_NOTIFICATIONS);
  const timeZone = me.data?.organization.timeZone;

  return (
    <div className="menu bell" ref={root}>
      <button
        ref={trigger}
        type="button"
        className="bell__trigger"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell')}
        onClick={toggle}
      >
        <BellIcon size={18} />
        {unread > 0 ? (
          <span className="bell__count" data-testid="notification-count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </button>
      {open ? (
        // A panel over the page, not part of its outline: its heading names it as a dialog.
        <div
          className="menu__panel bell__panel"
          id={panelId}
          role="dialog"
          aria-labelledby={`${panelId}-title`}
        >
          <div className="bell__header">
            <h2 id={`${panelId}-title`}>{t('notifications.title')}</h2>
            <button
              type="button"
              className="btn btn--ghost btn--sm"
              disabled={unread === 0 || markAll.isPending}
              onClick={() => markAll.mutate()}
            >
              {t('notifications.markAll')}
            </button>
          </div>
          {items.length === 0 ? (
            <p className="bell__empty">{t('notifications.empty')}</p>
          ) : (
            <ul className="bell__list">
              {items.map((item) => (
                <NotificationItem
                  key={item.id}
                  notification={item}
                  timeZone={timeZone}
                  onRead={(id) => markRead.mutate(id)}
                  onFollow={close}
                />
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </div>
  );
}
