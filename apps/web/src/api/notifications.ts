import { AppNotification, NotificationList, UnreadCount } from '@crmflow/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { apiRequest, apiSend } from './client.ts';

/** In-app notifications of the signed-in user, delivered live over SSE. */

export type { AppNotification, NotificationList } from '@crmflow/contracts';

export const notificationsKey = ['notifications'] as const;
export const NOTIFICATION_STREAM_URL = '/api/notifications/stream';

export function useNotifications() {
  return useQuery({
    queryKey: notificationsKey,
    queryFn: ({ signal }) => apiRequest({ path: '/api/notifications', schema: NotificationList, signal }),
    // The stream keeps the list current; a refetch is only needed after a reconnect.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/**
 * A notification that just arrived goes on top, once. The count is not touched: the server sends
 * `unread` whenever it changes, and may send it before the notification that changed it.
 */
export function withArrival(list: NotificationList, arrived: AppNotification): NotificationList {
  if (list.items.some((item) => item.id === arrived.id)) return list;
  return { ...list, items: [arrived, ...list.items] };
}

function readJson(data: unknown): unknown {
  if (typeof data !== 'string') return undefined;
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
}

/**
 * Listens to `GET /api/notifications/stream` while mounted: `notification` events put the newcomer
 * in the cached list, `unread` events set the count the server holds (the only source of the count). After a dropped connection
 * the list is fetched again, since events sent meanwhile are lost.
 */
export function useNotificationStream(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(NOTIFICATION_STREAM_URL, { withCredentials: true });
    let dropped = false;
    const onNotification = (event: Event) => {
      const parsed = AppNotification.safeParse(readJson(event instanceof MessageEvent ? event.data : null));
      if (!parsed.success) return;
      // Before the first answer there is no list to add to: that answer will hold the newcomer.
      queryClient.setQueryData<NotificationList>(notificationsKey, (list) =>
        list ? withArrival(list, parsed.data) : list,
      );
    };
    const onUnread = (event: Event) => {
      const parsed = UnreadCount.safeParse(readJson(event instanceof MessageEvent ? event.data : null));
      if (!parsed.success) return;
      queryClient.setQueryData<NotificationList>(notificationsKey, (list) =>
        list ? { ...list, unread: parsed.data.unread } : list,
      );
    };
    const onOpen = () => {
      if (dropped) void queryClient.invalidateQueries({ queryKey: notificationsKey });
      dropped = false;
    };
    const onError = () => {
      dropped = true;
    };
    source.addEventListener('notification', onNotification);
    source.addEventListener('unread', onUnread);
    source.addEventListener('open', onOpen);
    source.addEventListener('error', onError);
    return () => source.close();
  }, [queryClient]);
}

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiSend({ path: `/api/notifications/${encodeURIComponent(id)}/read`, method: 'POST' }),
    onMutate: (id) => {
      queryClient.setQueryData<NotificationList>(notificationsKey, (list) => {
        if (!list) return list;
        const target = list.items.find((item) => item.id === id);
        if (!target || target.readAt) return list;
        const readAt = new Date().toISOString();
        return {
          items: list.items.map((item) => (item.id === id ? { ...item, readAt } : item)),
          unread: Math.max(0, list.unread - 1),
        };
      });
    },
    onError: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}

export function useMarkAllNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend({ path: '/api/notifications/read-all', method: 'POST' }),
    onMutate: () => {
      const readAt = new Date().toISOString();
      queryClient.setQueryData<NotificationList>(notificationsKey, (list) =>
        list
          ? { items: list.items.map((item) => ({ ...item, readAt: item.readAt ?? readAt })), unread: 0 }
          : list,
      );
    },
    onError: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}
