import { RetriedRun, RunDetail, TestRunResult, Workflow } from '@crmflow/contracts';
import type { FlowGraph, ModuleKey, WorkflowKind } from '@crmflow/flow';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './client.ts';

const workflowPath = (id?: string, action?: string) =>
  ['/api/workflows', id && encodeURIComponent(id), action].filter(Boolean).join('/');

export const workflowKeys = {
  all: ['workflows'] as const,
  one: (id: string) => ['workflows', 'one', id] as const,
  run: (id: string) => ['runs', 'one', id] as const,
};

export function useWorkflow(id: string | undefined) {
  return useQuery({
    queryKey: workflowKeys.one(id ?? ''),
    queryFn: ({ signal }) => apiRequest({ path: workflowPath(id), schema: Workflow, signal }),
    enabled: Boolean(id),
  });
}

export interface NewWorkflow {
  module: ModuleKey;
  kind: WorkflowKind;
  name: string;
  description?: string;
  graph?: FlowGraph;
}

export function useCreateWorkflow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewWorkflow) =>
      apiRequest({ path: workflowPath(), method: 'POST', body: input, schema: Workflow }),
    onSuccess: async (workflow) => {
      queryClient.setQueryData(workflowKeys.one(workflow.id), workflow);
      await queryClient.invalidateQueries({ queryKey: ['workflows', 'list'] });
    },
  });
}

export interface WorkflowChange {
  id: string;
  name?: string;
  description?: string;
  graph?: FlowGraph;
}

/** Saves a draft: a changed graph becomes a new version; its problems come back in `validation`. */
export function useSaveWorkflow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...change }: WorkflowChange) =>
      apiRequest({ path: workflowPath(id), method: 'PUT', body: change, schema: Workflow }),
    onSuccess: (workflow) => settle(queryClient, workflow),
  });
}

/** Activation is for managers and admins; 422 `invalid_graph`, 409 `active_limit` and 403 come back as errors. */
export function useWorkflowActivation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      apiRequest({
        path: workflowPath(id, active ? 'activate' : 'deactivate'),
        method: 'POST',
        schema: Workflow,
      }),
    onSuccess: (workflow) => settle(queryClient, workflow),
  });
}

/** A simulated run on one record: nothing is written or sent. */
export function useTestWorkflow() {
  return useMutation({
    mutationFn: ({ id, recordId }: { id: string; recordId: string }) =>
      apiRequest({
        path: workflowPath(id, 'test'),
        method: 'POST',
        body: { recordId },
        schema: TestRunResult,
      }),
  });
}

export function useRun(id: string | undefined) {
  return useQuery({
    queryKey: workflowKeys.run(id ?? ''),
    queryFn: ({ signal }) =>
      apiRequest({ path: `/api/runs/${encodeURIComponent(id ?? '')}`, schema: RunDetail, signal }),
    enabled: Boolean(id),
    // A run still going on changes under the viewer's eyes.
    refetchInterval: (query) => (isRunSettled(query.state.data?.status) ? false : 2000),
  });
}

export function useRetryRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest({ path: `/api/runs/${encodeURIComponent(id)}/retry`, method: 'POST', schema: RetriedRun }),
    onSuccess: async (run) => {
      await queryClient.invalidateQueries({ queryKey: workflowKeys.run(run.id) });
      await queryClient.invalidateQueries({ queryKey: ['runs'] });
    },
  });
}

export function isRunSettled(status: string | undefined): boolean {
  return status === 'succeeded' || status === 'failed' || status === 'skipped' || status === 'dropped';
}

async function settle(queryClient: ReturnType<typeof useQueryClient>, workflow: Workflow) {
  queryClient.setQueryData(workflowKeys.one(workflow.id), workflow);
  await queryClient.invalidateQueries({ queryKey: ['workflows', 'list'] });
}
