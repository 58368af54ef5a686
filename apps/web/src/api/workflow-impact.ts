import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from './client.ts';
import { TestNodeResult } from './workflow-schemas.ts';

export const ImpactPreview = z.object({
  kind: z.enum(['event', 'schedule']),
  days: z.number(),
  from: z.string(),
  to: z.string(),
  scanned: z.number(),
  runs: z.number(),
  records: z.number(),
  items: z.array(
    z.object({
      recordId: z.string(),
      title: z.string(),
      at: z.string(),
      actions: z.array(TestNodeResult.extend({ nodeId: z.string(), type: z.string() })).nullable(),
    }),
  ),
});
export type ImpactPreview = z.infer<typeof ImpactPreview>;

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
