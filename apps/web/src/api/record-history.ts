import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from './client.ts';

export const HistoryEntry = z.object({
  id: z.string(),
  at: z.string(),
  operation: z.enum(['create', 'update', 'delete']),
  source: z.enum(['ui', 'api', 'import', 'workflow']),
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  run: z
    .object({ id: z.string(), workflowId: z.string().nullable(), workflowName: z.string().nullable() })
    .nullable(),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

const HistoryPage = z.object({
  items: z.array(HistoryEntry),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

/** Lịch sử thay đổi of one record (`GET /api/records/:module/:id/history`), newest first. */
export function useRecordHistory(args: { module: string; id: string; page: number; version: number }) {
  const { module, id, page, version } = args;
  return useQuery({
    // The version is in the key: a save shows its own change without waiting for a refetch.
    queryKey: ['record-history', module, id, page, version] as const,
    queryFn: ({ signal }) =>
      apiRequest({
        path: `/api/records/${encodeURIComponent(module)}/${encodeURIComponent(id)}/history?page=${page}&pageSize=20`,
        schema: HistoryPage,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}
