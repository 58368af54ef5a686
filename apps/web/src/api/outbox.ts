import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from './client.ts';

/** Every message the workflows sent or captured (`GET /api/outbox`). */

export const outboxChannels = ['email', 'sms', 'zns', 'webhook', 'push'] as const;
export type OutboxChannel = (typeof outboxChannels)[number];

export const outboxStatuses = ['queued', 'sending', 'sent', 'captured', 'failed'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

export const OutboxAttachment = z.object({
  name: z.string(),
  contentType: z.string().nullable().optional(),
  size: z.number().nullable().optional(),
});
export type OutboxAttachment = z.infer<typeof OutboxAttachment>;

export const OutboxMessage = z.object({
  id: z.string(),
  channel: z.string(),
  recipient: z.string(),
  subject: z.string().nullable().optional(),
  body: z.string().nullable().optional(),
  status: z.string(),
  attempts: z.number().default(0),
  error: z.string().nullable().optional(),
  runId: z.string().nullable().optional(),
  nodeId: z.string().nullable().optional(),
  createdAt: z.string(),
  sentAt: z.string().nullable().optional(),
  attachments: z.array(OutboxAttachment).default([]),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;

/** One message with what went to the provider (`payload`): ZNS params, webhook body… */
export const OutboxDetail = OutboxMessage.extend({ payload: z.unknown().optional() });
export type OutboxDetail = z.infer<typeof OutboxDetail>;

export const OutboxPage = z.object({
  items: z.array(OutboxMessage),
  total: z.number(),
  page: z.number().optional(),
  pageSize: z.number().optional(),
});
export type OutboxPage = z.infer<typeof OutboxPage>;

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
    queryFn: ({ signal }) => apiRequest({ path: outboxPath(id ?? ''), schema: OutboxDetail, signal }),
    enabled: Boolean(id),
  });
}

/** Where the browser downloads an attachment; the session cookie authorises it. */
export function attachmentUrl(id: string, index: number): string {
  return `${outboxPath(id)}/attachments/${index}`;
}
