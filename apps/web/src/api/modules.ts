import { ModuleList } from '@crmflow/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from './client.ts';

export function useModules() {
  return useQuery({
    queryKey: ['modules'],
    queryFn: ({ signal }) => apiRequest({ path: '/api/modules', schema: ModuleList, signal }),
    select: (list) => list.items,
    staleTime: 5 * 60_000,
  });
}
