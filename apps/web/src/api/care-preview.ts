import { CarePreview } from '@crmflow/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from './client.ts';

/** `GET /api/workflows/:id/preview`: who a care process would reach, in the organization's calendar. */
export type { CarePreview } from '@crmflow/contracts';

/** The preview of the saved version `version` of a care process; a new version asks again. */
export function useCarePreview(id: string, version: number) {
  return useQuery({
    queryKey: ['workflows', 'preview', id, version] as const,
    queryFn: ({ signal }) =>
      apiRequest({ path: `/api/workflows/${encodeURIComponent(id)}/preview`, schema: CarePreview, signal }),
  });
}
