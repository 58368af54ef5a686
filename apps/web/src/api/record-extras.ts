import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from './client.ts';

export const RecordAttachment = z.object({
  id: z.string(),
  name: z.string(),
  contentType: z.string(),
  size: z.number(),
  url: z.string(),
});
export type RecordAttachment = z.infer<typeof RecordAttachment>;

/** The files kept with a record (e.g. the PDF a workflow attached to a task). */
export function useRecordAttachments(module: string, id: string) {
  return useQuery({
    queryKey: ['records', module, id, 'attachments'],
    queryFn: ({ signal }) =>
      apiRequest({
        path: `/api/records/${encodeURIComponent(module)}/${encodeURIComponent(id)}`,
        schema: z.object({ attachments: z.array(RecordAttachment).default([]) }),
        signal,
      }),
    select: (record) => record.attachments,
  });
}

const Owner = z.object({ id: z.string(), name: z.string() }).nullable();

export const OrderActivity = z.object({
  careCards: z.array(
    z.object({
      id: z.string(),
      owner: Owner,
      careDate: z.string().nullable(),
      layout: z.string(),
      fields: z.record(z.string(), z.unknown()),
      createdAt: z.string(),
    }),
  ),
  revenue: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['proposed', 'recorded']),
      amount: z.string(),
      owner: Owner,
      createdAt: z.string(),
    }),
  ),
});
export type OrderActivity = z.infer<typeof OrderActivity>;

/** An order's care cards and revenue entries. */
export function useOrderActivity(id: string) {
  return useQuery({
    queryKey: ['records', 'order', id, 'activity'],
    queryFn: ({ signal }) =>
      apiRequest({
        path: `/api/records/order/${encodeURIComponent(id)}/activity`,
        schema: OrderActivity,
        signal,
      }),
  });
}
