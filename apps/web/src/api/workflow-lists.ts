import { OrderedWorkflows, Workflow, WorkflowList, type WorkflowStats } from '@crmflow/contracts';
import type { ModuleKey, WorkflowKind } from '@crmflow/flow';
import { type QueryKey, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, apiSend } from './client.ts';

/** Lists of workflows (kind `event`) and care processes (kind `schedule`), and what is done from them. */

/** The most active workflows a module may have per kind (docs/semantics.md, Lifecycle rules), when the answer omits it. */
export const ACTIVE_LIMIT = 10;

export type RunStats = WorkflowStats;

export const noRuns: RunStats = { runs: 0, failed: 0, lastRunAt: null, lastRunStatus: null };

/** The run counts of a workflow; an answer without them means it never ran. */
export function statsOf(workflow: Workflow): RunStats {
  return workflow.stats ?? noRuns;
}

export interface WorkflowListQuery {
  kind?: WorkflowKind;
  module?: ModuleKey;
  q?: string;
}

/** Under the editor's `['workflows']`, so invalidating that refreshes the lists too. */
export const workflowListKeys = {
  all: ['workflows'] as const,
  lists: ['workflows', 'list'] as const,
  list: (query: WorkflowListQuery) => ['workflows', 'list', query] as const,
};

const workflowPath = (id: string, action?: string) =>
  `/api/workflows/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;

export function useWorkflowList(query: WorkflowListQuery) {
  return useQuery({
    queryKey: workflowListKeys.list(query),
    queryFn: ({ signal }) =>
      apiRequest({
        path: '/api/workflows',
        query: { kind: query.kind, module: query.module, q: query.q },
        schema: WorkflowList,
        signal,
      }),
  });
}

/** Puts a workflow the server answered with into every cached list that holds it. */
function replaceInLists(queryClient: ReturnType<typeof useQueryClient>, workflow: Workflow) {
  queryClient.setQueriesData<WorkflowList>({ queryKey: workflowListKeys.lists }, (list) =>
    list ? { ...list, items: list.items.map((item) => (item.id === workflow.id ? workflow : item)) } : list,
  );
}

export interface StatusChange {
  id: string;
  active: boolean;
}

/** Activate / deactivate: 409 `active_limit` past 10 per module, 422 `invalid_graph`, 403 for members. */
export function useSetWorkflowStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, active }: StatusChange) =>
      apiRequest({
        path: workflowPath(id, active ? 'activate' : 'deactivate'),
        method: 'POST',
        schema: Workflow,
      }),
    onSuccess: async (workflow) => {
      replaceInLists(queryClient, workflow);
      await queryClient.invalidateQueries({ queryKey: workflowListKeys.all });
    },
  });
}

export function useCloneWorkflow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest({ path: workflowPath(id, 'clone'), method: 'POST', schema: Workflow }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workflowListKeys.all }),
  });
}

export function useDeleteWorkflow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiSend({ path: workflowPath(id), method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workflowListKeys.all }),
  });
}

export interface PriorityOrder {
  module: ModuleKey;
  kind: WorkflowKind;
  /** Every workflow of the module and kind, first to run first. */
  ids: string[];
}

/** Sets the priority order; the lists show the new order at once and fall back if the server refuses. */
export function useReorderWorkflows() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (order: PriorityOrder) =>
      apiRequest({ path: '/api/workflows/order', method: 'PUT', body: order, schema: OrderedWorkflows }),
    onMutate: async (order) => {
      await queryClient.cancelQueries({ queryKey: workflowListKeys.lists });
      const previous: [QueryKey, WorkflowList | undefined][] = queryClient.getQueriesData<WorkflowList>({
        queryKey: workflowListKeys.lists,
      });
      queryClient.setQueriesData<WorkflowList>({ queryKey: workflowListKeys.lists }, (list) =>
        list ? { ...list, items: applyOrder(list.items, order.ids) } : list,
      );
      return { previous };
    },
    onError: (_error, _order, context) => {
      for (const [key, list] of context?.previous ?? []) queryClient.setQueryData(key, list);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: workflowListKeys.all }),
  });
}

/**
 * `items` with the workflows named in `ids` moved into that order, in the slots they held:
 * workflows of other modules keep their places.
 */
export function applyOrder(items: Workflow[], ids: string[]): Workflow[] {
  const wanted = new Set(ids);
  const byId = new Map(items.map((item) => [item.id, item]));
  const queue = ids.map((id) => byId.get(id)).filter((item) => item !== undefined);
  return items.map((item) => (wanted.has(item.id) ? (queue.shift() ?? item) : item));
}
