import { AllocationRule, AllocationRuleList, WorkflowUseList } from '@crmflow/contracts';
import type { ModuleKey } from '@crmflow/flow';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, apiSend } from './client.ts';

export type { AllocationRule as AllocationRuleView } from '@crmflow/contracts';

export type AllocationRuleInput = { module?: ModuleKey; name: string; userIds: string[]; active: boolean };

const rulesKey = ['allocation-rules'] as const;

export function useAllocationRuleList() {
  return useQuery({
    queryKey: rulesKey,
    queryFn: ({ signal }) =>
      apiRequest({
        path: '/api/allocation-rules',
        schema: AllocationRuleList,
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
        schema: WorkflowUseList,
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
            schema: AllocationRule,
          })
        : apiRequest({
            path: '/api/allocation-rules',
            method: 'POST',
            body: input,
            schema: AllocationRule,
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
