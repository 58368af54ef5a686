import {
  type OutboxChannel as AnyChannel,
  type OutboxStatus as AnyStatus,
  OutboxMessageDetail,
  OutboxPage,
} from '@crmflow/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from './client.ts';

/** Every message the workflows sent or captured (`GET /api/outbox`). */

/** The channels and statuses the filters offer, in the order they are shown. */
export const outboxChannels = [
  'email',
  'sms',
  'zns',
  'webhook',
  'push',
] as const satisfies readonly AnyChannel[];
export type OutboxChannel = (typeof outboxChannels)[number];

export const outboxStatuses = [
  'queued',
  'sending',
  'sent',
  'captured',
  'failed',
] as const satisfies readonly AnyStatus[];
export type OutboxStatus = (typeof outboxStatuses)[number];

export const OUTBOX_PAGE_SIZE = 20;

export interface OutboxQuery {
  channel?: string;
  status?: string;
  page: number;
}

export const outboxKeys = {
  all: ['outbox'] as const,
  list: (query: OutboxQuery) => ['outbox', 'list', query] as const,
  one: (id: string) => ['outbox', 'one', id] as const,
};

const outboxPath = (id: string) => `/api/outbox/${encodeURIComponent(id)}`;

export function useOutbox(query: OutboxQuery) {
  return useQuery({
    queryKey: outboxKeys.list(query),
    queryFn: ({ signal }) =>
      apiRequest({
        path: '/api/outbox',
        query: { channel: query.channel, status: query.status, page: query.page, pageSize: OUTBOX_PAGE_SIZE },
        schema: OutboxPage,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useOutboxMessage(id: string | undefined) {
  return useQuery({
    queryKey: outboxKeys.one(id ?? ''),
    queryFn: ({ signal }) => apiRequest({ path: outboxPath(id ?? ''), schema: OutboxMessageDetail, signal }),
    enabled: Boolean(id),
  });
}

/** Where the browser downloads an attachment; the session cookie authorises it. */
export function attachmentUrl(id: string, index: number): string {
  return `${outboxPath(id)}/attachments/${index}`;
}
