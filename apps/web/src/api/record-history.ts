import { HistoryPage } from '@crmflow/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from './client.ts';

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
