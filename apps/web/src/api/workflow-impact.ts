import { ImpactPreview } from '@crmflow/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from './client.ts';

export type { ImpactPreview } from '@crmflow/contracts';

/**
 * "Nếu kích hoạt…" (`POST /api/workflows/:id/impact`) of the saved version `version` over `days`
 * days; nothing is written, so it is read like a query and a new version asks again.
 */
export function useImpactPreview(args: { id: string; version: number; days: number }) {
  const { id, version, days } = args;
  return useQuery({
    queryKey: ['workflows', 'impact', id, version, days] as const,
    queryFn: ({ signal }) =>
      apiRequest({
        path: `/api/workflows/${encodeURIComponent(id)}/impact`,
        method: 'POST',
        body: { days },
        schema: ImpactPreview,
        signal,
      }),
  });
}
