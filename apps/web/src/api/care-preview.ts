import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from './client.ts';

/** `GET /api/workflows/:id/preview`: who a care process would reach, in the organization's calendar. */
const PreviewRecord = z.object({
  id: z.string(),
  title: z.string(),
  occurrence: z.string(),
  fireDate: z.string(),
});

export const CarePreview = z.object({
  today: z.object({ date: z.string(), total: z.number(), records: z.array(PreviewRecord) }),
  thisWeek: z.object({
    from: z.string(),
    to: z.string(),
    total: z.number(),
    records: z.array(PreviewRecord),
  }),
  nextRuns: z.array(z.object({ date: z.string(), total: z.number() })),
});
export type CarePreview = z.infer<typeof CarePreview>;

/** The preview of the saved version `version` of a care process; a new version asks again. */
export function useCarePreview(id: string, version: number) {
  return useQuery({
    queryKey: ['workflows', 'preview', id, version] as const,
    queryFn: ({ signal }) =>
      apiRequest({ path: `/api/workflows/${encodeURIComponent(id)}/preview`, schema: CarePreview, signal }),
  });
}
