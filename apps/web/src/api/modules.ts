import { ModuleList } from '@crmflow/contracts';
import type { ModuleMeta } from '@crmflow/flow';
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

/** One module's metadata; `undefined` while loading or when the key names no module. */
export function useModule(key: string | undefined): { module: ModuleMeta | undefined; isPending: boolean } {
  const modules = useModules();
  return { module: modules.data?.find((item) => item.key === key), isPending: modules.isPending };
}
