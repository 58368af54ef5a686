import { OrderActivity, RecordDetail } from '@crmflow/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from './client.ts';

/** The files kept with a record (e.g. the PDF a workflow attached to a task). */
export function useRecordAttachments(module: string, id: string) {
  return useQuery({
    queryKey: ['records', module, id, 'attachments'],
    queryFn: ({ signal }) =>
      apiRequest({
        path: `/api/records/${encodeURIComponent(module)}/${encodeURIComponent(id)}`,
        schema: RecordDetail.pick({ attachments: true }),
        signal,
      }),
    select: (record) => record.attachments,
  });
}

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
