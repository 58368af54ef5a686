import { ModuleKey } from '@crmflow/flow';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest, apiSend } from './client.ts';
import { WorkflowUse } from './providers.ts';

export const AllocationRuleView = z.object({
  id: z.string(),
  module: ModuleKey,
  name: z.string(),
  userIds: z.array(z.string()),
  active: z.boolean(),
  nextUserId: z.string().nullable(),
});
export type AllocationRuleView = z.infer<typeof AllocationRuleView>;

export type AllocationRuleInput = { module?: ModuleKey; name: string; userIds: string[]; active: boolean };

const rulesKey = ['allocation-rules'] as const;

export function useAllocationRuleList() {
  return useQuery({
    queryKey: rulesKey,
    queryFn: ({ signal }) =>
      apiRequest({
        path: '/api/allocation-rules',
        schema: z.object({ items: z.array(AllocationRuleView) }),
        signal,
      }),
    select: (list) => list.items,
  });
}

export function useRuleWorkflows(id: string | undefined) {
  return useQuery({
    queryKey: [...rulesKey, id, 'workflows'],
    queryFn: ({ signal }) =>
      apiRequest({
        path: `/api/allocation-rules/${encodeURIComponent(id ?? '')}/workflows`,
        schema: z.object({ items: z.array(WorkflowUse) }),
        signal,
      }),
    select: (list) => list.items,
    enabled: id !== undefined,
  });
}

const invalidateRules = (queryClient: ReturnType<typeof useQueryClient>) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: rulesKey }),
    queryClient.invalidateQueries({ queryKey: ['editor-lists'] }),
  ]);

export function useSaveAllocationRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: AllocationRuleInput }) =>
      id
        ? apiRequest({
            path: `/api/allocation-rules/${encodeURIComponent(id)}`,
            method: 'PATCH',
            body: { name: input.name, userIds: input.userIds, active: input.active },
            schema: AllocationRuleView,
          })
        : apiRequest({
            path: '/api/allocation-rules',
            method: 'POST',
            body: input,
            schema: AllocationRuleView,
          }),
    onSuccess: () => invalidateRules(queryClient),
  });
}

export function useDeleteAllocationRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiSend({ path: `/api/allocation-rules/${encodeURIComponent(id)}`, method: 'DELETE' }),
    onSuccess: () => invalidateRules(queryClient),
  });
}
